// After a seminar, «Разослать материалы» on its card: the coordinator sends a
// file or a link, then chooses who gets it, those who came or those invited
// who did not, and it goes through the outbox (held by quiet hours). Each
// sending is numbered, so a second one (corrected slides) is a new message.
import { saveFile } from '../../db/repos/broadcasts.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import { attendeesOf, type Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { UserError } from '../core/errors.js';
import { downloadWithin, storedFileName } from '../core/files.js';
import { queueToReach, type Reach } from '../core/audience.js';
import { coordinated } from './cancel.js';
import { invitedOf, reachOfPeople } from './notify.js';

export const materialsAction = defineAction('semm', idArg);

/** As much as a broadcast may carry. */
const MAX_MATERIALS_FILE = 20 * 1024 * 1024;

export type MaterialsData = { seminarId: number; fileId?: number; fileName?: string; link?: string };

/** A seminar the presser coordinates that has begun: materials are for afterwards. */
export function seminarForMaterials(ctx: Ctx, seminarId: number): Seminar {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.cancelledAt) throw new UserError('gone', 'seminar-cancelled');
  if (seminar.startsAt.getTime() > ctx.deps.clock.now().getTime()) throw new UserError('gone', 'seminar-materials-too-early');
  return seminar;
}

function audiences(db: DbOrTx, seminar: Seminar): Record<'came' | 'missed', Reach> {
  const came = new Set(attendeesOf(db, seminar.id));
  const invited = invitedOf(db, seminar);
  return { came: reachOfPeople(db, invited.filter((p) => came.has(p.id))), missed: reachOfPeople(db, invited.filter((p) => !came.has(p.id))) };
}

export const materialsDialog: DialogDef<MaterialsData> = {
  name: 'seminar-materials',
  version: 1,
  first: 'content',
  steps: {
    content: {
      prompt: (ctx) => ({ text: ctx.t('seminar-materials-ask'), acceptsText: true }),
      accept: async (ctx, data, answer) => {
        seminarForMaterials(ctx, data.seminarId);
        if (answer.kind === 'file') {
          const content = await downloadWithin(answer.file, MAX_MATERIALS_FILE);
          if (!content) return { reask: ctx.t('broadcast-file-too-big') };
          const stored = saveFile(ctx.deps.db, { name: storedFileName(answer.file.name), mime: answer.file.mime ?? 'application/octet-stream', data: content, uploadedBy: ctx.person?.id ?? null });
          return { next: 'who', data: { ...data, fileId: stored.id, fileName: stored.name } };
        }
        const link = answer.kind === 'text' ? answer.text.trim() : '';
        if (!/^https?:\/\/\S+$/i.test(link) || link.length > 500) return { reask: ctx.t('seminar-materials-invalid') };
        return { next: 'who', data: { ...data, link } };
      },
    },
    who: {
      prompt: (ctx, data) => {
        const seminar = seminarForMaterials(ctx, data.seminarId);
        const { came, missed } = audiences(ctx.deps.db, seminar);
        return {
          text: ctx.t('seminar-materials-ask-who', { what: data.fileName ?? data.link ?? '' }),
          choices: [
            [{ label: ctx.t('seminar-materials-came', { count: came.accounts.size }), value: 'came' }],
            [{ label: ctx.t('seminar-materials-missed', { count: missed.accounts.size }), value: 'missed' }],
            [{ label: ctx.t('seminar-materials-keep'), value: 'no' }],
          ],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'no') return { done: { text: ctx.t('seminar-edit-nothing') } };
        if (answer.value !== 'came' && answer.value !== 'missed') return { reask: ctx.t('dialog-choose-button') };
        const seminar = seminarForMaterials(ctx, data.seminarId);
        const who = answer.value;
        const now = ctx.deps.clock.now();
        const queued = ctx.deps.db.transaction((tx) => {
          const counter = `seminar:${seminar.id}:materials`;
          const n = Number(getValue(tx, counter) ?? 0) + 1;
          setValue(tx, counter, String(n));
          const text = (t: (key: string, args?: Record<string, string>) => string) =>
            [t(who === 'came' ? 'seminar-materials-notice-came' : 'seminar-materials-notice-missed', { title: seminar.title }), data.link].filter(Boolean).join('\n');
          return queueToReach(tx, ctx.deps, seminar.municipalityId, audiences(tx, seminar)[who], (_person, t) => ({ text: text(t) }), {
            key: `${counter}:${n}:${who}`,
            batch: counter,
            now,
            fileId: data.fileId,
          });
        });
        if (queued > 0) ctx.deps.wakeOutbox();
        return { done: { text: ctx.t('seminar-materials-sent', { count: queued }) } };
      },
    },
  },
};
