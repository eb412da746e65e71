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

interface Waiting {
  stored: StoredIncoming;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Records updates and wakes the worker; a redelivered update is dropped
 * here. Updates handed over while the write lane is busy (a poll's batch)
 * are recorded together, in the order given, in one transaction: each call
 * resolves once its update is committed, and all of them fail together.
 */
export function inboxRecorder(deps: { db: Db; clock: Clock }, wake: () => void): RecordUpdate {
  let gathering: Waiting[] | undefined;
  const commit = (batch: Waiting[]) =>
    inWriteLane(deps.db, () => {
      if (gathering === batch) gathering = undefined;
      const at = deps.clock.now();
      return deps.db.transaction(() => batch.map((w) => recordIncoming(deps.db, w.stored, at)));
    }).then(
      (added) => {
        for (const w of batch) w.resolve();
        if (added.some(Boolean)) wake();
      },
      (error: unknown) => {
        for (const w of batch) w.reject(error);
      },
    );
  return (incoming, callback) =>
    new Promise<void>((resolve, reject) => {
      const waiting = { stored: toStored(incoming, callback), resolve, reject };
      if (gathering) {
        gathering.push(waiting);
        return;
      }
      gathering = [waiting];
      void commit(gathering);
    });
}
