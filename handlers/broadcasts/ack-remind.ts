// «Напомнить неподтвердившим»: a short reminder with the same «Ознакомлен(а)»
// button, only to those who got the broadcast and have not confirmed. Each
// reminder has its number in the button and in every row's dedupe key, so a
// double press or a redelivered update sends it once; after two the button
// says no more will go. Quiet hours hold it unless the broadcast was urgent.
import { audit } from '../../db/repos/audit.js';
import { primaryAccounts } from '../../db/repos/audience.js';
import { peopleOf } from '../../db/repos/people.js';
import { queueToReach, type Reach } from '../core/audience.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { withHeldNotice } from '../core/held.js';
import { ackButtons, MAX_ACK_REMINDERS, reminderText } from './ack-button.js';
import { ackEntries, remindable, remindersSent, setRemindersSent } from './ack-status.js';
import { broadcastButtons, ownBroadcast } from './report.js';
import { broadcastBatch } from './send.js';

export const reminderBatch = (broadcastId: number, number: number) => `${broadcastBatch(broadcastId)}:ack-reminder:${number}`;

export function remindUnconfirmed(ctx: Ctx, broadcastId: number, number: number): Reply {
  const { broadcast } = ownBroadcast(ctx, broadcastId);
  if (!broadcast.askAck) throw new UserError('gone', 'broadcast-ack-not-asked');
  const sent = remindersSent(ctx.deps.db, broadcast.id);
  const again = broadcastButtons(ctx, broadcast.id, 'broadcast-report-button', false);
  if (sent >= MAX_ACK_REMINDERS) return { text: ctx.t('broadcast-ack-remind-cap', { count: MAX_ACK_REMINDERS }), buttons: again };
  // An older button, pressed after its reminder went: that one is not sent twice.
  if (number !== sent + 1) return { text: ctx.t('broadcast-ack-remind-done', { count: sent }), buttons: again };
  const ids = new Set(remindable(ackEntries(ctx.deps.db, broadcast)));
  const people = peopleOf(ctx.deps.db, broadcast.municipalityId).filter((p) => ids.has(p.id));
  const accounts = primaryAccounts(ctx.deps.db, people.map((p) => p.id));
  if (accounts.size === 0) return { text: ctx.t('broadcast-ack-remind-nobody'), buttons: again };
  const reach: Reach = { people, accounts, perPlatform: {}, unreachable: 0 };
  const batch = reminderBatch(broadcast.id, number);
  const now = ctx.deps.clock.now();
  const queued = ctx.deps.db.transaction((tx) => {
    const count = queueToReach(tx, ctx.deps, broadcast.municipalityId, reach, (_, t) => ({ text: reminderText(t, broadcast), buttons: ackButtons(t, broadcast.id, number) }), {
      key: batch,
      batch,
      now,
      urgent: broadcast.urgent,
    });
    setRemindersSent(tx, broadcast.id, number);
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: broadcast.municipalityId, action: 'broadcast.sent', details: { broadcastId: broadcast.id, recipients: count, urgent: broadcast.urgent, ackReminder: number } });
    return count;
  });
  ctx.deps.wakeOutbox();
  const reply = { text: ctx.t('broadcast-ack-reminded', { count: queued, number, max: MAX_ACK_REMINDERS }), buttons: again };
  return withHeldNotice(ctx, reply, broadcast.municipalityId, { batch, keyPrefix: `${batch}:` });
}
