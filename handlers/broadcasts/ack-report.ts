// What the delivery report adds for a broadcast that asked for «Ознакомлен(а)»:
// a line of counts and the buttons to see who has not confirmed, to remind
// them, and to take the named report away as XLSX. The buttons' presses live
// in ack-who.ts, ack-remind.ts and ack-export.ts, each re-checking the presser.
import type { Broadcast } from '../../db/repos/broadcasts.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { MAX_ACK_REMINDERS } from './ack-button.js';
import { ackCounts, remindable, remindersSent, type AckEntry } from './ack-status.js';

/** «Кто не подтвердил». */
export const ackWhoAction = defineAction('bcwho', idArg);
/** «Напомнить неподтвердившим»: the reminder's number, so a double press sends it once. */
export const ackRemindAction = defineAction('bcrem', idArg, idArg);
/** «Выгрузить XLSX». */
export const ackExportAction = defineAction('bcxl', idArg);

/** «Подтвердили прочтение: 2 человека, ещё не подтвердили: 1 человек.» and, when some were not reached, who and why. */
export function ackSummary(ctx: Ctx, broadcast: Broadcast, entries: readonly AckEntry[]): string {
  const c = ackCounts(entries);
  const why = [
    c.blocked ? ctx.t('broadcast-ack-why-blocked-count', { count: c.blocked }) : '',
    c.failed ? ctx.t('broadcast-ack-why-failed-count', { count: c.failed }) : '',
    c.stopped ? ctx.t('broadcast-ack-why-stopped-count', { count: c.stopped }) : '',
    c.none ? ctx.t('broadcast-ack-why-none-count', { count: c.none }) : '',
  ].filter(Boolean);
  const lines = [ctx.t('broadcast-ack-summary', { confirmed: c.confirmed, waiting: c.waiting })];
  if (c.unreached) lines.push(ctx.t('broadcast-ack-unreached', { count: c.unreached, why: why.join(', ') }));
  if (c.queued) lines.push(ctx.t('broadcast-ack-queued', { count: c.queued }));
  const sent = remindersSent(ctx.deps.db, broadcast.id);
  if (sent) lines.push(ctx.t('broadcast-ack-reminders-sent', { count: sent, max: MAX_ACK_REMINDERS }));
  return lines.join('\n');
}

/** The rows of buttons under the report (the list leaves out its own); the reminder shows while someone has it unconfirmed. */
export function ackReportButtons(ctx: Ctx, broadcast: Broadcast, entries: readonly AckEntry[], withWho = true): Button[][] {
  const exportButton: Button = { kind: 'action', label: ctx.t('broadcast-ack-export'), data: ackExportAction.encode(broadcast.id) };
  const rows: Button[][] = [withWho ? [{ kind: 'action', label: ctx.t('broadcast-ack-who'), data: ackWhoAction.encode(broadcast.id) }, exportButton] : [exportButton]];
  const count = remindable(entries).length;
  if (count > 0) {
    const next = Math.min(remindersSent(ctx.deps.db, broadcast.id) + 1, MAX_ACK_REMINDERS + 1);
    rows.push([{ kind: 'action', label: ctx.t('broadcast-ack-remind', { count }), data: ackRemindAction.encode(broadcast.id, next) }]);
  }
  return rows;
}
