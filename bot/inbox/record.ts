// The adapters' side of the inbox: an update, once parsed, is recorded in one
// short transaction and only then confirmed to the platform (the poll offset
// advanced, the webhook answered). Files are kept as references to fetch
// when the update is handled.
import { inWriteLane, type Db } from '../../db/client.js';
import { recordIncoming } from '../../db/repos/inbox.js';
import type { StoredIncoming } from '../../db/schema.js';
import type { Clock } from '../../handlers/core/clock.js';
import type { Incoming } from '../../handlers/core/contract.js';

/** What an adapter hands the pipeline: the update, and the handle for answering the press, if one was pressed. */
export type RecordUpdate = (incoming: Incoming, callback?: string) => Promise<void>;

export function toStored(incoming: Incoming, callback?: string): StoredIncoming {
  const { event } = incoming;
  const stored: StoredIncoming['event'] =
    event.kind === 'file'
      ? { kind: 'file', file: { name: event.file.name, mime: event.file.mime, size: event.file.size, ref: event.file.ref ?? '' }, caption: event.caption }
      : event;
  return {
    platform: incoming.platform,
    updateId: incoming.updateId,
    chatId: incoming.chatId,
    sender: incoming.sender,
    messageId: incoming.messageId,
    callback,
    event: stored,
  };
}

/** Records updates and wakes the worker; a redelivered update is dropped here. */
export function inboxRecorder(deps: { db: Db; clock: Clock }, wake: () => void): RecordUpdate {
  return async (incoming, callback) => {
    const added = await inWriteLane(deps.db, () => recordIncoming(deps.db, toStored(incoming, callback), deps.clock.now()));
    if (added) wake();
  };
}
