// Pushes held by quiet hours, as the coordinator who sent them hears of it:
// «Разошлю в 08:00 (тихие часы)» in the municipality's own time, and, where
// the action may break quiet hours, a button to send them now. Broadcasts,
// seminar announcements and survey invitations all say it the same way, so
// it lives in the core rather than in any one of them.
import { DateTime } from 'luxon';
import { heldUntil, releaseHeld, type HeldRows } from '../../db/repos/held-outbox.js';
import type { Button, Reply } from './contract.js';
import type { Ctx } from './context.js';
import { municipalityZone } from './local-time.js';

/** The reply after queueing, told when the rows wait for the end of quiet hours; `urgent` is the release button's data. */
export function withHeldNotice(ctx: Ctx, reply: Reply, municipalityId: number, rows: HeldRows, urgent?: string): Reply {
  const at = heldUntil(ctx.deps.db, rows, ctx.deps.clock.now());
  if (!at) return reply;
  const zone = municipalityZone(ctx.deps, municipalityId);
  const text = `${reply.text}\n${ctx.t('push-held', { time: DateTime.fromJSDate(at, { zone }).toFormat('HH:mm') })}`;
  const buttons: Button[][] = urgent ? [[{ kind: 'action', label: ctx.t('push-send-now'), data: urgent }], ...(reply.buttons ?? [])] : (reply.buttons ?? []);
  return buttons.length ? { ...reply, text, buttons } : { ...reply, text };
}

/** Sends an action's held rows now; the caller has checked who pressed. Pressed twice, the second press finds nothing held. */
export function releaseNow(ctx: Ctx, rows: HeldRows): { released: number; reply: Reply } {
  const released = releaseHeld(ctx.deps.db, rows, ctx.deps.clock.now());
  if (released > 0) ctx.deps.wakeOutbox();
  return { released, reply: { text: released > 0 ? ctx.t('push-released', { count: released }) : ctx.t('push-nothing-held') } };
}
