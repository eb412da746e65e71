// «Ознакомлен(а)»: a recipient confirms having read a broadcast that asked
// for it. The press is checked again, whatever button it came from: the
// broadcast must still ask for it, and the presser must be one of its
// recipients (a row of its batch went to one of their accounts, or they are
// in its audience) in its municipality. A second press changes nothing and
// says when the first one was noted.
import { DateTime } from 'luxon';
import { peopleInAudience } from '../../db/repos/audience.js';
import { addAck, batchReached, getBroadcast, type Broadcast } from '../../db/repos/broadcasts.js';
import type { Person } from '../../db/repos/people.js';
import { requirePerson } from '../core/access.js';
import type { HandlerResult, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { municipalityZone } from '../core/local-time.js';
import { ackedButtons, MAX_ACK_REMINDERS, reminderText } from './ack-button.js';
import { broadcastBatch } from './send.js';

/** The shortest limit on one message's text among the platforms (MAX's). */
const SINGLE_MESSAGE = 4000;

function wasRecipient(ctx: Ctx, broadcast: Broadcast, person: Person): boolean {
  if (person.municipalityId !== broadcast.municipalityId) return false;
  if (batchReached(ctx.deps.db, broadcastBatch(broadcast.id), person.id)) return true;
  // Delivered rows are pruned after a while; the audience still says who it was for.
  return peopleInAudience(ctx.deps.db, broadcast.municipalityId, broadcast.audience).some((p) => p.id === person.id);
}

/**
 * The pressed message as it was, with the button turned into «✓ Ознакомлен(а)
 * 03.12 14:05». A message with a file is left as it is (its text is a
 * caption, which not every platform edits), and so is a very long one.
 */
function confirmedMessage(ctx: Ctx, broadcast: Broadcast, reminder: number, at: Date, zone: string): Reply | undefined {
  if (reminder === 0 && broadcast.fileId !== null) return undefined;
  const text = reminder === 0 ? broadcast.text : reminderText(ctx.t, broadcast);
  // A text that went as several messages cannot be put back into the one pressed.
  if (text.length > SINGLE_MESSAGE) return undefined;
  return { text, buttons: ackedButtons(ctx.t, broadcast.id, reminder, at, zone), edit: true };
}

export function acknowledge(ctx: Ctx, broadcastId: number, reminder: number): HandlerResult {
  const person = requirePerson(ctx);
  const broadcast = getBroadcast(ctx.deps.db, broadcastId);
  if (!broadcast || !broadcast.askAck || reminder > MAX_ACK_REMINDERS) throw new UserError('gone', 'stale-button');
  if (!wasRecipient(ctx, broadcast, person)) throw new UserError('forbidden', 'broadcast-ack-not-yours');
  const { ack, fresh } = addAck(ctx.deps.db, broadcast.id, person.id, ctx.deps.clock.now());
  const zone = municipalityZone(ctx.deps, broadcast.municipalityId);
  const notice = fresh ? ctx.t('broadcast-ack-thanks') : ctx.t('broadcast-ack-already', { when: DateTime.fromJSDate(ack.at, { zone }).toFormat('dd.MM.yyyy HH:mm') });
  const edited = confirmedMessage(ctx, broadcast, reminder, ack.at, zone);
  // Without an edit, a first press still leaves a line in the chat, not only a toast that fades.
  return { replies: edited ? [edited] : fresh ? [{ text: notice }] : [], notice };
}
