// How the core queues a message that is not a direct reply: a row in the
// outbox, in the caller's transaction, sent later by the platform's sender.
import type { Account } from '../../db/repos/accounts.js';
import { primaryAccounts } from '../../db/repos/audience.js';
import { getPerson } from '../../db/repos/people.js';
import { enqueueOutbox, type OutboxItem } from '../../db/repos/outbox.js';
import type { DbOrTx } from '../../db/client.js';
import type { MessagePayload } from '../../db/schema.js';
import type { Reply } from './contract.js';
import type { I18n, Translate } from './i18n.js';

/** What a notice's outbox row carries: a reply without edits or in-memory files. */
export function toPayload(reply: Reply): MessagePayload {
  return reply.buttons ? { text: reply.text, buttons: reply.buttons } : { text: reply.text };
}

export interface QueueOptions {
  dedupeKey: string;
  notBefore: Date;
  batch?: string;
  /** A stored file (the files table) sent with the text, such as a broadcast's attachment. */
  fileId?: number;
}

export function outboxItem(to: Pick<Account, 'id' | 'platform' | 'chatId'>, reply: Reply, options: QueueOptions): OutboxItem {
  return {
    accountId: to.id,
    platform: to.platform,
    chatId: to.chatId,
    payload: options.fileId === undefined ? toPayload(reply) : { ...toPayload(reply), fileId: options.fileId },
    dedupeKey: options.dedupeKey,
    batch: options.batch,
    notBefore: options.notBefore,
  };
}

/** The account a person is reached on: the active one they used last. */
export function primaryAccount(db: DbOrTx, personId: number): Account | undefined {
  return primaryAccounts(db, [personId]).get(personId);
}

/** Queues one message to a person on their primary account; false when they cannot be reached or it was queued before. */
export function queueToPerson(db: DbOrTx, personId: number, reply: Reply, options: QueueOptions): boolean {
  const account = primaryAccount(db, personId);
  if (!account) return false;
  return enqueueOutbox(db, [outboxItem(account, reply, options)]) === 1;
}

/** Queues a message to a person written in their own language. */
export function notifyPerson(
  db: DbOrTx,
  i18n: I18n,
  personId: number,
  write: (t: Translate) => Reply,
  options: QueueOptions,
): boolean {
  const person = getPerson(db, personId);
  if (!person || person.erasedAt) return false;
  const t: Translate = (key, args) => i18n.t(person.language, key, args);
  return queueToPerson(db, personId, write(t), options);
}
