// The service's own plumbing: the inbox of updates, open dialogs, the outbox, job runs, kv, stored files, the audit log.
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { municipalities } from './organisations.js';
import type { OutboxPayload, StoredIncoming } from './payloads.js';
import { accounts, people, platforms } from './people.js';

export const inboxStates = ['pending', 'done', 'parked'] as const;
export type InboxState = (typeof inboxStates)[number];

/**
 * Every update an adapter received, recorded before it is confirmed to the
 * platform and handled later by the inbox worker, in order per chat. The
 * update id is kept only as a hash (it recognises a redelivery and reveals
 * nothing); a handled row keeps nothing else.
 */
export const inbox = sqliteTable(
  'inbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: platforms }).notNull(),
    updateKey: text('update_key').notNull(),
    chatId: text('chat_id').notNull(),
    /** The update as the core reads it; null once handled. */
    incoming: text('incoming', { mode: 'json' }).$type<StoredIncoming | null>(),
    state: text('state', { enum: inboxStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    handledAt: integer('handled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('inbox_update').on(t.platform, t.updateKey), index('inbox_state').on(t.state, t.id), index('inbox_received').on(t.receivedAt)],
);

/** One open dialog per account: a persisted state machine. */
export const dialogs = sqliteTable('dialogs', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  step: text('step').notNull(),
  /** Increments with every step, so buttons from an earlier step are recognised as stale. */
  seq: integer('seq').notNull(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** The values behind the numbered choice buttons of the current step. */
  choices: text('choices', { mode: 'json' }).$type<string[]>().notNull().default([]),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const outboxStates = ['pending', 'sending', 'sent', 'failed', 'blocked'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** Every message that is not a direct reply, written in the transaction that caused it. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    platform: text('platform', { enum: platforms }).notNull(),
    chatId: text('chat_id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<OutboxPayload>().notNull(),
    /** Replies to people waiting (1) go before bulk traffic (0). */
    priority: integer('priority').notNull().default(0),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** Groups the rows of one broadcast or reminder run, for delivery reports. */
    batch: text('batch'),
    state: text('state', { enum: outboxStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    /** The platform's id of the message once sent (Telegram message_id, VK message id, MAX mid), to edit or pin it later. */
    platformMessageId: text('platform_message_id'),
  },
  (t) => [
    index('outbox_due').on(t.platform, t.state, t.priority, t.nextAttemptAt),
    index('outbox_batch').on(t.batch),
  ],
);

/** What each scheduler job has done, by a key such as a municipality and a local date. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    job: text('job').notNull(),
    key: text('key').notNull(),
    ranAt: integer('ran_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.key] })],
);

/** Small named values the service keeps between runs, such as VK's long-poll position. */
export const kv = sqliteTable('kv', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Files attached to broadcasts (kept once and sent to many) and road-map evidence. */
export const files = sqliteTable('files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  /** Who sent it in, so erasing that person reaches the file too. */
  uploadedBy: integer('uploaded_by').references(() => people.id),
  createdAt: createdAt(),
});

/** Every administrative act: who did what, when, in which municipality (152-FZ asks the operator to be able to show it). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The person who acted; null for the admin command line and the scheduler. */
    actorId: integer('actor_id').references(() => people.id),
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    action: text('action').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_municipality').on(t.municipalityId, t.at)],
);
