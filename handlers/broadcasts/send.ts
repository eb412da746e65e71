// Sending a broadcast: one outbox row per recipient, all written in one
// transaction with the broadcast itself, so a crash leaves either everything
// queued or nothing. The delivery report reads the outbox rows back.
import { audit } from '../../db/repos/audit.js';
import { createBroadcast, setBroadcastRecipients, type Broadcast } from '../../db/repos/broadcasts.js';
import { countOutbox, type DeliveryCounts } from '../../db/repos/outbox.js';
import type { DbOrTx } from '../../db/client.js';
import type { Audience } from '../../db/schema.js';
import { queueToReach, reach } from '../core/audience.js';
import type { CoreDeps } from '../core/context.js';

export interface NewBroadcast {
  municipalityId: number;
  text: string;
  fileId: number | null;
  audience: Audience;
  urgent: boolean;
  createdBy: number | null;
}

export const broadcastBatch = (id: number) => `broadcast:${id}`;

export function sendBroadcast(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, input: NewBroadcast, now: Date): Broadcast {
  const broadcast = createBroadcast(tx, input);
  const queued = queueToReach(tx, deps, input.municipalityId, reach(tx, input.municipalityId, input.audience), () => ({ text: input.text }), {
    key: broadcastBatch(broadcast.id),
    batch: broadcastBatch(broadcast.id),
    now,
    urgent: input.urgent,
    fileId: input.fileId ?? undefined,
  });
  setBroadcastRecipients(tx, broadcast.id, queued);
  audit(tx, { at: now, actorId: input.createdBy, municipalityId: input.municipalityId, action: 'broadcast.sent', details: { broadcastId: broadcast.id, recipients: queued, urgent: input.urgent } });
  return { ...broadcast, recipients: queued };
}

export function deliveryReport(db: DbOrTx, broadcastId: number): DeliveryCounts {
  return countOutbox(db, { batch: broadcastBatch(broadcastId) });
}
