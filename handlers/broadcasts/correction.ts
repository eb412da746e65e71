// «Отправить поправку»: a short follow-up to exactly the people a broadcast
// has reached (its rows in state 'sent'), not to its whole audience, so
// nobody gets a correction to something they never saw. The correction is a
// broadcast of its own, with its own report and stop button. Editing the
// sent messages in place would need each platform's message ids, which the
// outbox does not keep, so it is not offered.
import { getBroadcast } from '../../db/repos/broadcasts.js';
import { sentPersonIds } from '../../db/repos/outbox.js';
import { requireAdminOf } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { UserError } from '../core/errors.js';
import { withHeldNotice } from '../core/held.js';
import { broadcastButtons } from './report.js';
import { broadcastBatch, sendBroadcast } from './send.js';

type CorrectionData = { municipalityId: number; broadcastId: number; text?: string };

/** Who got the original, read again at each step: more may have got it meanwhile. */
function reached(ctx: Ctx, broadcastId: number): number[] {
  return sentPersonIds(ctx.deps.db, broadcastBatch(broadcastId));
}

export const correctionDialog: DialogDef<CorrectionData> = {
  name: 'broadcast-correction',
  version: 1,
  first: 'text',
  steps: {
    text: {
      prompt: (ctx, data) => ({ text: ctx.t('broadcast-correction-ask', { count: reached(ctx, data.broadcastId).length }), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const text = answer.kind === 'text' ? answer.text.trim() : '';
        return text.length < 2 ? { reask: ctx.t('broadcast-text-invalid') } : { next: 'confirm', data: { ...data, text } };
      },
    },
    confirm: {
      prompt: (ctx, data) => ({
        text: `${ctx.t('broadcast-preview')}\n\n${data.text ?? ''}\n\n${ctx.t('broadcast-correction-to', { count: reached(ctx, data.broadcastId).length })}`,
        choices: [[{ label: ctx.t('broadcast-send'), value: 'yes' }], [{ label: ctx.t('announce-urgent'), value: 'urgent' }], [{ label: ctx.t('assign-cancel'), value: 'no' }]],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value === 'no') return { done: { text: ctx.t('cancelled') } };
        const coordinator = requireAdminOf(ctx, data.municipalityId);
        const original = getBroadcast(ctx.deps.db, data.broadcastId);
        const personIds = reached(ctx, data.broadcastId);
        // An empty list of people would be an open audience: everyone.
        if (!original || personIds.length === 0) return { done: { text: ctx.t('broadcast-correction-nobody') } };
        const now = ctx.deps.clock.now();
        const urgent = answer.value === 'urgent';
        const correction = ctx.deps.db.transaction((tx) =>
          sendBroadcast(tx, ctx.deps, { municipalityId: data.municipalityId, text: data.text ?? '', fileId: null, audience: { personIds }, urgent, createdBy: coordinator.id, correctionOf: original.text }, now),
        );
        ctx.deps.wakeOutbox();
        const batch = broadcastBatch(correction.id);
        const queued = { text: ctx.t('broadcast-queued', { count: correction.recipients }), buttons: broadcastButtons(ctx, correction.id, 'broadcast-report-button') };
        return { done: withHeldNotice(ctx, queued, data.municipalityId, { batch, keyPrefix: `${batch}:` }) };
      },
    },
  },
};

/** The button's press: only a coordinator of the broadcast's municipality, and only once someone has it. */
export function correctionStart(ctx: Ctx, broadcastId: number): CorrectionData | { nobody: true } {
  const broadcast = getBroadcast(ctx.deps.db, broadcastId);
  if (!broadcast) throw new UserError('gone', 'stale-button');
  requireAdminOf(ctx, broadcast.municipalityId);
  return reached(ctx, broadcast.id).length === 0 ? { nobody: true } : { municipalityId: broadcast.municipalityId, broadcastId: broadcast.id };
}
