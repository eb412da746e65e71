// Acting on a deadline: "Выполнено" (with an optional comment, link or file
// as evidence), "Перенести" to a new date, or a comment. Only the people
// responsible for the item, and the coordinators, may do so; every act goes
// into the item's history.
import { DateTime } from 'luxon';
import { saveFile } from '../../db/repos/broadcasts.js';
import { addHistory, getItem, getMilestone, getRoadmap, updateMilestone, type MilestoneRow } from '../../db/repos/roadmaps.js';
import { localDate, municipalityZone } from '../core/local-time.js';
import { mayAdminister, requirePerson } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatIsoDay } from '../core/format.js';
import { readDate } from '../core/read-input.js';
import { dueOf } from './progress.js';
import { responsiblePeople } from './responsible.js';
import { downloadWithin, storedFileName } from '../core/files.js';

export type MilestoneData = { milestoneId: number };

const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** The milestone, if the sender may act on it. */
export function ownMilestone(ctx: Ctx, id: number): { milestone: MilestoneRow; title: string; zone: string } {
  const person = requirePerson(ctx);
  const milestone = getMilestone(ctx.deps.db, id);
  const item = milestone ? getItem(ctx.deps.db, milestone.itemId) : undefined;
  const roadmap = item ? getRoadmap(ctx.deps.db, item.roadmapId) : undefined;
  if (!milestone || !item || !roadmap || item.removedAt) throw new UserError('gone', 'roadmap-item-gone');
  const allowed =
    mayAdminister(person, roadmap.municipalityId) ||
    responsiblePeople(ctx.deps.db, roadmap.municipalityId, roadmap.schoolId, item.responsibleText).includes(person.id);
  if (!allowed) throw notAllowed();
  const zone = municipalityZone(ctx.deps, roadmap.municipalityId);
  return { milestone, title: `${item.number} ${item.title}`, zone };
}

function record(ctx: Ctx, milestone: MilestoneRow, action: string, details: Record<string, unknown>): void {
  addHistory(ctx.deps.db, { itemId: milestone.itemId, action, details: { milestoneId: milestone.id, ...details }, by: requirePerson(ctx).id, at: ctx.deps.clock.now() });
}

export const doneDialog: DialogDef<MilestoneData> = {
  name: 'roadmap-done',
  version: 1,
  first: 'evidence',
  steps: {
    evidence: {
      prompt: (ctx, data) => ({
        text: ctx.t('roadmap-ask-evidence', { title: ownMilestone(ctx, data.milestoneId).title.slice(0, 200) }),
        choices: [[{ label: ctx.t('roadmap-no-evidence'), value: 'none' }]],
        acceptsText: true,
      }),
      accept: async (ctx, data, answer) => {
        const { milestone } = ownMilestone(ctx, data.milestoneId);
        if (milestone.state === 'done') return { done: { text: ctx.t('roadmap-already-done') } };
        let evidence: string | null = null;
        let evidenceFileId: number | null = null;
        if (answer.kind === 'text') evidence = answer.text.trim().slice(0, 2000);
        if (answer.kind === 'file') {
          const content = await downloadWithin(answer.file, MAX_EVIDENCE_BYTES);
          if (!content) return { reask: ctx.t('broadcast-file-too-big') };
          evidenceFileId = saveFile(ctx.deps.db, { name: storedFileName(answer.file.name), mime: answer.file.mime ?? 'application/octet-stream', data: content, uploadedBy: ctx.person?.id ?? null }).id;
          evidence = storedFileName(answer.file.name);
        }
        const person = requirePerson(ctx);
        ctx.deps.db.transaction(() => {
          updateMilestone(ctx.deps.db, milestone.id, { state: 'done', doneAt: ctx.deps.clock.now(), doneBy: person.id, evidence, evidenceFileId });
          record(ctx, milestone, 'done', { evidence, evidenceFileId });
        });
        return { done: { text: ctx.t('roadmap-done') } };
      },
    },
  },
};

export const postponeDialog: DialogDef<MilestoneData> = {
  name: 'roadmap-postpone',
  version: 1,
  first: 'date',
  steps: {
    date: {
      prompt: (ctx, data) => ({ text: ctx.t('roadmap-ask-new-date', { due: formatIsoDay(dueOf(ownMilestone(ctx, data.milestoneId).milestone)) }), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const { milestone, zone } = ownMilestone(ctx, data.milestoneId);
        const today = localDate(ctx.deps.clock.now(), zone);
        const date = answer.kind === 'text' ? readDate(answer.text, today) : null;
        if (!date || date <= today || DateTime.fromISO(date).diff(DateTime.fromISO(today), 'years').years > 3) return { reask: ctx.t('roadmap-new-date-invalid') };
        ctx.deps.db.transaction(() => {
          updateMilestone(ctx.deps.db, milestone.id, { state: 'postponed', postponedTo: date });
          record(ctx, milestone, 'postponed', { from: dueOf(milestone), to: date });
        });
        return { done: { text: ctx.t('roadmap-postponed', { date: formatIsoDay(date) }) } };
      },
    },
  },
};

export const commentDialog: DialogDef<MilestoneData> = {
  name: 'roadmap-comment',
  version: 1,
  first: 'comment',
  steps: {
    comment: {
      prompt: (ctx) => ({ text: ctx.t('roadmap-ask-comment'), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const { milestone } = ownMilestone(ctx, data.milestoneId);
        const comment = answer.kind === 'text' ? answer.text.trim().slice(0, 2000) : '';
        if (comment.length < 2) return { reask: ctx.t('roadmap-ask-comment') };
        ctx.deps.db.transaction(() => {
          updateMilestone(ctx.deps.db, milestone.id, { comment });
          record(ctx, milestone, 'comment', { comment });
        });
        return { done: { text: ctx.t('roadmap-commented') } };
      },
    },
  },
};
