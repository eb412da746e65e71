// «Запланировать»: the coordinator types a day and a time in the
// municipality's zone, and the rows wait for it. What the reply says is the
// time the first row really goes, so quiet hours after the set time show.
import { heldUntil } from '../../db/repos/held-outbox.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { Step } from '../core/dialog.js';
import { formatWhen } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import type { BroadcastData } from './data.js';
import { broadcastBatch } from './send.js';
import { readSendTime } from './when.js';

export const whenStep: Step<BroadcastData> = {
  prompt: (ctx) => ({ text: ctx.t('broadcast-ask-when'), choices: [[{ label: ctx.t('broadcast-now'), value: 'now' }]], acceptsText: true }),
  accept: (ctx, data, answer) => {
    if (answer.kind === 'choice') return { next: 'confirm', data: { ...data, sendAt: undefined } };
    if (answer.kind !== 'text') return { reask: ctx.t('broadcast-when-unreadable') };
    const read = readSendTime(answer.text, ctx.deps.clock.now(), municipalityZone(ctx.deps, data.municipalityId));
    if ('error' in read) return { reask: ctx.t(read.error === 'past' ? 'broadcast-when-past' : 'broadcast-when-unreadable') };
    return { next: 'confirm', data: { ...data, sendAt: read.at.toISOString() } };
  },
};

/** «Разошлю 25 декабря 2026, 09:00» for the preview, in the municipality's time. */
export function scheduledLine(ctx: Ctx, data: BroadcastData): string {
  if (!data.sendAt) return '';
  const when = formatWhen(new Date(data.sendAt), municipalityZone(ctx.deps, data.municipalityId), ctx.lang);
  return `\n\n${ctx.t('broadcast-scheduled-preview', { when })}`;
}

/** The reply once a scheduled broadcast is queued: when its first row goes, and whether quiet hours moved it. */
export function scheduledReply(ctx: Ctx, reply: Reply, broadcastId: number, municipalityId: number, sendAt: Date, count: number): Reply {
  const batch = broadcastBatch(broadcastId);
  const at = heldUntil(ctx.deps.db, { batch, keyPrefix: `${batch}:` }, ctx.deps.clock.now()) ?? sendAt;
  const when = formatWhen(at, municipalityZone(ctx.deps, municipalityId), ctx.lang);
  const moved = at.getTime() > sendAt.getTime() ? `\n${ctx.t('broadcast-scheduled-quiet')}` : '';
  return { ...reply, text: `${ctx.t('broadcast-scheduled', { count, when })}${moved}` };
}
