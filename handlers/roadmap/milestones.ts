// Acting on a deadline: "Выполнено" (with an optional file or link as
// evidence, which the coordinators then get), "Перенести" to a new date (see
// postpone.ts), or a comment. Only the people responsible for the item, and
// the coordinators, may do so (own.ts); every act goes into the item's
// history, and a «Выполнено» can be taken back for a day (undo.ts).
import { DateTime } from 'luxon';
import { saveFile } from '../../db/repos/broadcasts.js';
import { updateMilestone } from '../../db/repos/roadmaps.js';
import { localDate } from '../core/local-time.js';
import { requirePerson } from '../core/access.js';
import type { DialogDef } from '../core/dialog.js';
import { formatIsoDay } from '../core/format.js';
import { readDate } from '../core/read-input.js';
import { dueOf, undoAction } from './progress.js';
import { ownMilestone, record } from './own.js';
import { postpone, tellCoordinators, whoIs } from './postpone.js';
import { downloadWithin, storedFileName } from '../core/files.js';

export type MilestoneData = { milestoneId: number };

const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

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
        const own = ownMilestone(ctx, data.milestoneId);
        const { milestone } = own;
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
          // The coordinators see the evidence as it comes, the file attached.
          if (evidence !== null) {
            const args = { title: own.title.slice(0, 200), who: whoIs(ctx.deps.db, person.id), evidence: evidence.slice(0, 500) };
            tellCoordinators(ctx, own.roadmap.municipalityId, `roadmap:done:${milestone.id}:${ctx.deps.clock.now().getTime()}`, (t) => ({ text: t('roadmap-done-notice', args) }), evidenceFileId ?? undefined);
          }
        });
        const undo = [[{ kind: 'action' as const, label: ctx.t('roadmap-button-undo'), data: undoAction.encode(milestone.id) }]];
        return { done: { text: ctx.t('roadmap-done'), buttons: undo } };
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
        const own = ownMilestone(ctx, data.milestoneId);
        const { zone } = own;
        const today = localDate(ctx.deps.clock.now(), zone);
        const date = answer.kind === 'text' ? readDate(answer.text, today) : null;
        if (!date || date <= today || DateTime.fromISO(date).diff(DateTime.fromISO(today), 'years').years > 3) return { reask: ctx.t('roadmap-new-date-invalid') };
        return { done: postpone(ctx, own, date) };
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
