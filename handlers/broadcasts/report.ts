// The coordinator's view of a sent broadcast: the delivery report (with who
// has confirmed, when it asked for «Ознакомлен(а)»: ack-report.ts), and
// «Остановить рассылку» while rows are still waiting. Both buttons re-check
// that the presser coordinates the broadcast's municipality: a button is a
// request, not a permission.
import { audit } from '../../db/repos/audit.js';
import { getBroadcast, type Broadcast } from '../../db/repos/broadcasts.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { ackReportButtons, ackSummary } from './ack-report.js';
import { ackEntries } from './ack-status.js';
import { deliveryReport, stopBroadcast } from './send.js';

export const reportAction = defineAction('bcr', idArg);
/** «Остановить рассылку»: cancels what has not gone yet. */
export const stopAction = defineAction('bcs', idArg);
/** «Отправить поправку»: a follow-up to those who got it (correction.ts). */
export const correctAction = defineAction('bcc', idArg);

/** The buttons under a broadcast's reply and report. */
export function broadcastButtons(ctx: Ctx, broadcastId: number, label: 'broadcast-report-button' | 'broadcast-refresh', stoppable = true, correctable = false): Button[][] {
  const rows: Button[][] = [[{ kind: 'action', label: ctx.t(label), data: reportAction.encode(broadcastId) }]];
  if (stoppable) rows.push([{ kind: 'action', label: ctx.t('broadcast-stop'), data: stopAction.encode(broadcastId) }]);
  if (correctable) rows.push([{ kind: 'action', label: ctx.t('broadcast-correct'), data: correctAction.encode(broadcastId) }]);
  return rows;
}

export function ownBroadcast(ctx: Ctx, broadcastId: number): { broadcast: Broadcast } {
  const broadcast = getBroadcast(ctx.deps.db, broadcastId);
  if (!broadcast) throw new UserError('gone', 'stale-button');
  requireAdminOf(ctx, broadcast.municipalityId);
  return { broadcast };
}

export function report(ctx: Ctx, broadcastId: number): Reply {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  const counts = deliveryReport(ctx.deps.db, broadcast.id);
  const waiting = counts.pending + counts.sending;
  const stopped = counts.stopped > 0 ? ` ${ctx.t('broadcast-report-stopped', { count: counts.stopped })}` : '';
  const text = `${ctx.t('broadcast-report', { total: broadcast.recipients, delivered: counts.sent, blocked: counts.blocked, failed: counts.failed, pending: waiting })}${stopped}`;
  const buttons = broadcastButtons(ctx, broadcast.id, 'broadcast-refresh', counts.pending > 0, counts.sent > 0);
  if (!broadcast.askAck) return { text, buttons, edit: true };
  const entries = ackEntries(ctx.deps.db, broadcast);
  return { text: `${text}\n\n${ackSummary(ctx, broadcast, entries)}`, buttons: [...ackReportButtons(ctx, broadcast, entries), ...buttons], edit: true };
}

/** Pressed twice, or after everything went, it says there is nothing left to stop. */
export function stop(ctx: Ctx, broadcastId: number): Reply {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  const cancelled = stopBroadcast(ctx.deps.db, broadcast.id);
  if (cancelled === 0) return { text: ctx.t('broadcast-nothing-to-stop') };
  const counts = deliveryReport(ctx.deps.db, broadcast.id);
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId: broadcast.municipalityId, action: 'broadcast.stopped', details: { broadcastId: broadcast.id, cancelled } });
  return {
    text: ctx.t('broadcast-stopped', { delivered: counts.sent, pending: counts.sending, count: cancelled }),
    buttons: broadcastButtons(ctx, broadcast.id, 'broadcast-report-button', false),
  };
}
