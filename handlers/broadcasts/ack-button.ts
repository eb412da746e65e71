// The «Ознакомлен(а)» button a broadcast carries when the coordinator asked
// for a read confirmation, and the reminder's words. A leaf of the feature:
// sending (send.ts) and pressing (ack.ts) both build it, and neither may
// import the other's side.
import { DateTime } from 'luxon';
import type { Broadcast } from '../../db/repos/broadcasts.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button } from '../core/contract.js';
import type { Translate } from '../core/i18n.js';

/**
 * The press: the broadcast and which message carried it (0 the broadcast
 * itself, 1 and 2 its reminders), so the edited message keeps its own text.
 */
export const ackAction = defineAction('bcack', idArg, idArg);

/** At most this many reminders per broadcast: more would nag. */
export const MAX_ACK_REMINDERS = 2;
/** The start of the broadcast a reminder quotes. */
const QUOTE = 200;

export function ackButtons(t: Translate, broadcastId: number, reminder: number): Button[][] {
  return [[{ kind: 'action', label: t('broadcast-ack-button'), data: ackAction.encode(broadcastId, reminder) }]];
}

/** The button once pressed: a tick and when, in the municipality's time; pressing it again only says so. */
export function ackedButtons(t: Translate, broadcastId: number, reminder: number, at: Date, zone: string): Button[][] {
  const when = DateTime.fromJSDate(at, { zone }).toFormat('dd.MM HH:mm');
  return [[{ kind: 'action', label: t('broadcast-acked-button', { when }), data: ackAction.encode(broadcastId, reminder) }]];
}

/** The reminder's text: a short ask with the start of the broadcast, so the person knows which one. */
export function reminderText(t: Translate, broadcast: Pick<Broadcast, 'text'>): string {
  const quote = broadcast.text.length > QUOTE ? `${broadcast.text.slice(0, QUOTE).trimEnd()}…` : broadcast.text;
  return t('broadcast-ack-reminder', { original: quote });
}
