// Sending a broadcast: one outbox row per recipient, all written in one
// transaction with the broadcast itself, so a crash leaves either everything
// queued or nothing. The delivery report reads the outbox rows back.
import { audit } from '../../db/repos/audit.js';
import { createBroadcast, markBatchPinned, setBroadcastRecipients, type Broadcast } from '../../db/repos/broadcasts.js';
import { countFailedWith, countOutbox, OUTBOX_STOPPED, stopPendingOutbox, type DeliveryCounts } from '../../db/repos/outbox.js';
import type { DbOrTx } from '../../db/client.js';
import type { Audience } from '../../db/schema.js';
import { queueToReach, reach } from '../core/audience.js';
import type { CoreDeps } from '../core/context.js';
import type { Translate } from '../core/i18n.js';
import { ackButtons } from './ack-button.js';

export interface NewBroadcast {
  municipalityId: number;
  text: string;
  fileId: number | null;
  audience: Audience;
  urgent: boolean;
  createdBy: number | null;
  /** A set time: the rows wait for it (and then for the end of quiet hours, unless urgent). */
  sendAt?: Date;
  /** A correction: the original's text, which each recipient sees it refers to, in their language. */
  correctionOf?: string;
  /** Each message carries «Ознакомлен(а)» (ack.ts). */
  askAck?: boolean;
  /** Each message is pinned in the person's chat once sent, where the platform allows. */
  pin?: boolean;
}

/** The start of an original quoted in its correction's heading. */
const QUOTE = 60;

export const broadcastBatch = (id: number) => `broadcast:${id}`;

export function sendBroadcast(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, input: NewBroadcast, now: Date): Broadcast {
  const { sendAt, correctionOf, ...values } = input;
  const broadcast = createBroadcast(tx, values);
  const quote = correctionOf && correctionOf.length > QUOTE ? `${correctionOf.slice(0, QUOTE).trimEnd()}…` : correctionOf;
  const text = (t: Translate) => (quote ? `${t('broadcast-correction-heading', { original: quote })}\n\n${input.text}` : input.text);
  const message = (_: unknown, t: Translate) => (input.askAck ? { text: text(t), buttons: ackButtons(t, broadcast.id, 0) } : { text: text(t) });
  const queued = queueToReach(tx, deps, input.municipalityId, reach(tx, input.municipalityId, input.audience), message, {
    key: broadcastBatch(broadcast.id),
    batch: broadcastBatch(broadcast.id),
    now: sendAt ?? now,
    urgent: input.urgent,
    fileId: input.fileId ?? undefined,
  });
  setBroadcastRecipients(tx, broadcast.id, queued);
  if (input.pin) markBatchPinned(tx, broadcastBatch(broadcast.id));
  audit(tx, { at: now, actorId: input.createdBy, municipalityId: input.municipalityId, action: 'broadcast.sent', details: { broadcastId: broadcast.id, recipients: queued, urgent: input.urgent, ...(input.askAck ? { askAck: true } : {}), ...(input.pin ? { pin: true } : {}), ...(sendAt ? { sendAt: sendAt.toISOString() } : {}) } });
  return { ...broadcast, recipients: queued };
}

/** Kept as the stopped rows' error, so the report tells them from real failures. */

export type BroadcastCounts = DeliveryCounts & { stopped: number };

export function deliveryReport(db: DbOrTx, broadcastId: number): BroadcastCounts {
  const counts = countOutbox(db, { batch: broadcastBatch(broadcastId) });
  const stopped = countFailedWith(db, broadcastBatch(broadcastId), OUTBOX_STOPPED);
  return { ...counts, failed: counts.failed - stopped, stopped };
}

/** Cancels the rows no sender has taken yet; those in flight finish. Returns rows cancelled (0 on a second press). */
export function stopBroadcast(db: DbOrTx, broadcastId: number): number {
  return stopPendingOutbox(db, broadcastBatch(broadcastId));
}
