// The durable outbox: messages that are not direct replies, written in the
// same transaction as the change that caused them and drained by one sender
// per platform.
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { accounts, files, kv, outbox, type OutboxPayload, type OutboxState, type PlatformName } from '../schema.js';

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxItem {
  accountId: number;
  platform: PlatformName;
  chatId: string;
  payload: OutboxPayload;
  dedupeKey: string;
  /** 1 for a reply to someone waiting, sent before bulk traffic (0). */
  priority?: number;
  batch?: string;
  /** Not before this instant (quiet hours, a scheduled reminder). */
  notBefore: Date;
}

const CHUNK = 500;

/** Inserts many rows at once; a row whose dedupe key exists already is skipped. Returns rows added. */
export function enqueueOutbox(db: DbOrTx, items: readonly OutboxItem[]): number {
  const [only] = items;
  if (items.length === 1 && only) return enqueueOne(db, only);
  let added = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const values = items.slice(i, i + CHUNK).map((item) => ({
      accountId: item.accountId,
      platform: item.platform,
      chatId: item.chatId,
      payload: item.payload,
      dedupeKey: item.dedupeKey,
      batch: item.batch ?? null,
      priority: item.priority ?? 0,
      nextAttemptAt: item.notBefore,
    }));
    added += db.insert(outbox).values(values).onConflictDoNothing({ target: outbox.dedupeKey }).run().changes;
  }
  return added;
}

/** One row, as every reply is queued: by a query built once. */
function enqueueOne(db: DbOrTx, item: OutboxItem): number {
  const query = ready(db, 'enqueueOutbox', (d) =>
    d
      .insert(outbox)
      .values({
        accountId: sql.placeholder('accountId'),
        platform: sql.placeholder('platform'),
        chatId: sql.placeholder('chatId'),
        payload: sql.placeholder('payload'),
        dedupeKey: sql.placeholder('dedupeKey'),
        batch: sql.placeholder('batch'),
        priority: sql.placeholder('priority'),
        nextAttemptAt: sql.placeholder('notBefore'),
      })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .prepare(),
  );
  return query.run({ ...item, batch: item.batch ?? null, priority: item.priority ?? 0 }).changes;
}

/** Takes up to `limit` due rows of a platform (replies to people, bulk rows, or both) and marks them as being sent, recording the attempt first. */
export function claimDueOutbox(db: Db, platform: PlatformName, now: Date, limit: number, kind: 'replies' | 'bulk' | 'any' = 'any'): OutboxRow[] {
  const due = ready(db, `claimDueOutbox:${kind}`, (d) =>
    d
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.platform, sql.placeholder('platform')),
          eq(outbox.state, 'pending'),
          kind === 'replies' ? gt(outbox.priority, 0) : kind === 'bulk' ? eq(outbox.priority, 0) : undefined,
          lte(outbox.nextAttemptAt, sql.placeholder('now')),
        ),
      )
      .orderBy(desc(outbox.priority), asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );
  // Read and marked in the caller's write lane, so nothing else claims between the two.
  const rows = due.all({ platform, now: now.getTime(), limit });
  if (rows.length === 0) return rows;
  const mark = ready(db, 'markOutboxSending', (d) =>
    d
      .update(outbox)
      .set({ state: 'sending', attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, sql.placeholder('id')))
      .prepare(),
  );
  db.transaction(() => {
    for (const row of rows) mark.run({ id: row.id });
  });
  return rows.map((r) => ({ ...r, state: 'sending' as const, attempts: r.attempts + 1 }));
}

/** The earliest instant a pending row of the platform becomes due, if any. */
export function nextDueAt(db: DbOrTx, platform: PlatformName): Date | undefined {
  const row = db
    .select({ at: sql<number>`min(${outbox.nextAttemptAt})` })
    .from(outbox)
    .where(and(eq(outbox.platform, platform), eq(outbox.state, 'pending')))
    .get();
  return row?.at == null ? undefined : new Date(row.at);
}

/** Marks a row sent, keeping the platform's id of the message when the transport learnt it (to edit or pin it later). */
export function markOutboxSent(db: DbOrTx, id: number, at: Date, platformMessageId?: string): void {
  ready(db, 'markOutboxSent', (d) =>
    d
      .update(outbox)
      .set({ state: 'sent', sentAt: sql.placeholder('at') as never, lastError: null, platformMessageId: sql.placeholder('messageId') as never })
      .where(eq(outbox.id, sql.placeholder('id')))
      .prepare(),
  ).run({ id, at, messageId: platformMessageId ?? null });
}

/** The kv key counting a batch's messages pinned in people's chats. */
const pinnedKey = (batch: string) => `outbox-pinned:${batch}`;

/** One more message of the batch was pinned. */
export function notePinned(db: DbOrTx, batch: string): void {
  db.insert(kv)
    .values({ key: pinnedKey(batch), value: '1' })
    .onConflictDoUpdate({ target: kv.key, set: { value: sql`cast(cast(${kv.value} as integer) + 1 as text)` } })
    .run();
}

/** How many messages of a batch are pinned in people's chats (where the platform let the bot pin). */
export function pinnedCount(db: DbOrTx, batch: string): number {
  const row = db.select({ value: kv.value }).from(kv).where(eq(kv.key, pinnedKey(batch))).get();
  return row ? Number(row.value) : 0;
}

/** A delivered row of a batch as an edit needs it: who got it, where, when, and the platform's id of the message. */
export interface DeliveredRow {
  personId: number;
  accountId: number;
  platform: PlatformName;
  chatId: string;
  payload: OutboxPayload;
  sentAt: Date | null;
  platformMessageId: string | null;
}

/** The rows of a batch in state 'sent' with their person, one per person (their newest). */
export function deliveredRows(db: DbOrTx, batch: string): DeliveredRow[] {
  const rows = db
    .select({
      personId: accounts.personId,
      accountId: outbox.accountId,
      platform: outbox.platform,
      chatId: outbox.chatId,
      payload: outbox.payload,
      sentAt: outbox.sentAt,
      platformMessageId: outbox.platformMessageId,
    })
    .from(outbox)
    .innerJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(and(eq(outbox.batch, batch), eq(outbox.state, 'sent')))
    .orderBy(asc(outbox.id))
    .all();
  const byPerson = new Map<number, DeliveredRow>();
  for (const row of rows) if (row.personId !== null) byPerson.set(row.personId, { ...row, personId: row.personId });
  return [...byPerson.values()];
}

/** The people whose row of a batch is in one of these states. */
export function personIdsIn(db: DbOrTx, batch: string, states: readonly OutboxState[]): number[] {
  return db
    .selectDistinct({ personId: accounts.personId })
    .from(outbox)
    .innerJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(and(eq(outbox.batch, batch), inArray(outbox.state, [...states])))
    .all()
    .flatMap((r) => (r.personId === null ? [] : [r.personId]));
}

/** Why a stopped row is failed; a row in flight when its batch was stopped carries it and is not tried again. */
export const OUTBOX_STOPPED = 'stopped by the coordinator';

/** The state a row goes back to after a try that did not deliver: pending, unless its batch was stopped meanwhile. */
const retryState = sql`case when ${outbox.lastError} = ${OUTBOX_STOPPED} then 'failed' else 'pending' end`;

export function markOutboxRetry(db: DbOrTx, id: number, nextAttemptAt: Date, error: string): void {
  db.update(outbox)
    .set({ state: retryState, nextAttemptAt, lastError: sql`case when ${outbox.lastError} = ${OUTBOX_STOPPED} then ${OUTBOX_STOPPED} else ${error} end` })
    .where(eq(outbox.id, id))
    .run();
}

/** A retry that does not count as an attempt (the platform asked us to slow down). */
export function postponeOutbox(db: DbOrTx, id: number, nextAttemptAt: Date): void {
  db.update(outbox)
    .set({ state: retryState, nextAttemptAt, attempts: sql`max(${outbox.attempts} - 1, 0)` })
    .where(eq(outbox.id, id))
    .run();
}

export function markOutboxFailed(db: DbOrTx, id: number, error: string): void {
  db.update(outbox).set({ state: 'failed', lastError: error }).where(eq(outbox.id, id)).run();
}

/** The recipient blocked the bot: this row and every other pending row for them stop here. */
export function markOutboxBlocked(db: DbOrTx, accountId: number, error: string): void {
  db.update(outbox)
    .set({ state: 'blocked', lastError: error })
    .where(and(eq(outbox.accountId, accountId), inArray(outbox.state, ['pending', 'sending'])))
    .run();
}

/**
 * Rows left in 'sending' by a crash: the send may or may not have reached the
 * platform. They go back to pending (failed, if their batch was stopped); see
 * the outbox section of the README for why this window is accepted and how
 * small it is.
 */
export function recoverInterruptedOutbox(db: DbOrTx, platform: PlatformName): number {
  return db
    .update(outbox)
    .set({ state: retryState })
    .where(and(eq(outbox.platform, platform), eq(outbox.state, 'sending')))
    .run().changes;
}

export type DeliveryCounts = Record<OutboxState, number>;

export function countOutbox(db: DbOrTx, filter: { batch?: string; platform?: PlatformName } = {}): DeliveryCounts {
  const conditions = [
    filter.batch === undefined ? undefined : eq(outbox.batch, filter.batch),
    filter.platform === undefined ? undefined : eq(outbox.platform, filter.platform),
  ].filter((c) => c !== undefined);
  const rows = db
    .select({ state: outbox.state, n: sql<number>`count(*)` })
    .from(outbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .groupBy(outbox.state)
    .all();
  const counts: DeliveryCounts = { pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export function getOutboxRow(db: DbOrTx, id: number): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

/**
 * Deletes finished rows (sent, failed, blocked) older than `before`: they hold
 * chat ids and texts that name people, and are needed only for recent
 * delivery reports.
 */
export function pruneFinishedOutbox(db: DbOrTx, before: Date): number {
  const old = and(inArray(outbox.state, ['sent', 'failed', 'blocked']), lte(sql`coalesce(${outbox.sentAt}, ${outbox.nextAttemptAt})`, before.getTime()));
  for (const row of db.select({ payload: outbox.payload }).from(outbox).where(and(old, eq(outbox.priority, 1))).all()) releaseOwnFiles(db, row.payload);
  return db.delete(outbox).where(old).run().changes;
}

/** Deletes the files made for one update's replies (an export, a chart) once they are no longer to be sent. */
export function releaseOwnFiles(db: DbOrTx, payload: OutboxPayload): void {
  if (payload.kind !== 'replies' || !payload.ownFiles?.length) return;
  db.delete(files).where(inArray(files.id, payload.ownFiles)).run();
}

/**
 * Stops a batch: its rows not yet taken by a sender are marked failed with
 * `reason`, in one statement, so a sender cannot claim one half-way. Rows
 * already 'sending' are in flight and finish. Returns rows stopped.
 */
/**
 * Stops a batch: its pending rows fail at once (how many is returned); rows
 * in flight finish their try, and if that try does not deliver they fail
 * instead of going back to pending.
 */
export function stopPendingOutbox(db: DbOrTx, batch: string): number {
  db.update(outbox).set({ lastError: OUTBOX_STOPPED }).where(and(eq(outbox.batch, batch), eq(outbox.state, 'sending'))).run();
  return db
    .update(outbox)
    .set({ state: 'failed', lastError: OUTBOX_STOPPED })
    .where(and(eq(outbox.batch, batch), eq(outbox.state, 'pending')))
    .run().changes;
}

/** How many rows of a batch failed with exactly this error (a stop's reason). */
export function countFailedWith(db: DbOrTx, batch: string, error: string): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .where(and(eq(outbox.batch, batch), eq(outbox.state, 'failed'), eq(outbox.lastError, error)))
    .get();
  return row?.n ?? 0;
}

/** The people a batch reached: its rows in state 'sent', by the person of their account. */
export function sentPersonIds(db: DbOrTx, batch: string): number[] {
  return db
    .selectDistinct({ personId: accounts.personId })
    .from(outbox)
    .innerJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(and(eq(outbox.batch, batch), eq(outbox.state, 'sent')))
    .all()
    .flatMap((r) => (r.personId === null ? [] : [r.personId]));
}

/** Whether a message with this dedupe key was ever queued (and not yet pruned). */
export function hasDedupeKey(db: DbOrTx, dedupeKey: string): boolean {
  return db.select({ id: outbox.id }).from(outbox).where(eq(outbox.dedupeKey, dedupeKey)).get() !== undefined;
}
