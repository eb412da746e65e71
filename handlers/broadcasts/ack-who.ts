// «Кто не подтвердил»: those who got the broadcast and have not pressed
// «Ознакомлен(а)», by name and school, then those it could not reach, with
// why. A long list is cut with «и ещё N» well inside every platform's limit
// on one message (4,000 characters on MAX); the XLSX has everyone.
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { ackReportButtons } from './ack-report.js';
import { ackCounts, ackEntries, UNREACHED, type AckEntry } from './ack-status.js';
import { broadcastButtons, ownBroadcast } from './report.js';

/** Characters for each part of the list; together with the headings they stay under 3,500. */
const WAITING_BUDGET = 2200;
const UNREACHED_BUDGET = 1000;

export const personLabel = (ctx: Ctx, entry: AckEntry): string => {
  const name = entry.name ?? ctx.t('broadcast-ack-erased');
  return entry.school ? `${name} — ${entry.school}` : name;
};

/** As many lines as fit the budget, and «и ещё N» for the rest. */
function capped(ctx: Ctx, lines: string[], budget: number): string[] {
  const shown: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    shown.push(line);
    used += line.length + 1;
  }
  const rest = lines.length - shown.length;
  return rest > 0 ? [...shown, ctx.t('broadcast-ack-and-more', { count: rest })] : shown;
}

export function whoList(ctx: Ctx, broadcastId: number): Reply {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  if (!broadcast.askAck) throw new UserError('gone', 'broadcast-ack-not-asked');
  const entries = ackEntries(ctx.deps.db, broadcast);
  const counts = ackCounts(entries);
  const waiting = entries.filter((e) => e.state === 'waiting').map((e) => `• ${personLabel(ctx, e)}`);
  const unreached = entries.filter((e) => UNREACHED.includes(e.state)).map((e) => `• ${personLabel(ctx, e)}: ${ctx.t(`broadcast-ack-why-${e.state}`)}`);
  const parts = [waiting.length ? [ctx.t('broadcast-ack-who-waiting', { count: waiting.length }), ...capped(ctx, waiting, WAITING_BUDGET)].join('\n') : ctx.t('broadcast-ack-who-none')];
  if (unreached.length) parts.push([ctx.t('broadcast-ack-who-unreached', { count: unreached.length }), ...capped(ctx, unreached, UNREACHED_BUDGET)].join('\n'));
  if (counts.queued) parts.push(ctx.t('broadcast-ack-queued', { count: counts.queued }));
  return {
    text: parts.join('\n\n'),
    buttons: [...ackReportButtons(ctx, broadcast, entries, false), ...broadcastButtons(ctx, broadcast.id, 'broadcast-report-button', false)],
  };
}
