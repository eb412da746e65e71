// The durable inbox: an adapter records each update here in one short
// transaction before confirming it to the platform; the inbox worker handles
// the pending rows, in order per chat, each in the transaction that makes its
// effects. A redelivered update finds its row and is dropped.
import { createHash } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { inbox, type PlatformName, type StoredIncoming } from '../schema.js';

export type InboxRow = typeof inbox.$inferSelect;

/** What is stored for an update id: a hash that recognises it again and reveals nothing (some ids carry a user id). */
export function updateKey(updateId: string): string {
  return createHash('sha256').update(updateId).digest('base64url').slice(0, 27);
}

/** Records an update; false when it was recorded before (a redelivery). */
export function recordIncoming(db: DbOrTx, incoming: StoredIncoming, at: Date): boolean {
  const query = ready(db, 'recordIncoming', (d) =>
    d
      .insert(inbox)
      .values({ platform: sql.placeholder('platform'), updateKey: sql.placeholder('updateKey'), chatId: sql.placeholder('chatId'), incoming: sql.placeholder('incoming'), receivedAt: sql.placeholder('at') })
      .onConflictDoNothing()
      .prepare(),
  );
  return query.run({ platform: incoming.platform, updateKey: updateKey(incoming.updateId), chatId: incoming.chatId, incoming, at }).changes === 1;
}

/**
 * Claims an update handled straight away (the terminal playground, tests):
 * recorded as done in the caller's transaction; false when it was seen before.
 */
export function claimHandled(db: DbOrTx, platform: PlatformName, updateId: string, at: Date): boolean {
  return (
    db
      .insert(inbox)
      .values({ platform, updateKey: updateKey(updateId), chatId: '', incoming: null, state: 'done', receivedAt: at, handledAt: at })
      .onConflictDoNothing()
      .run().changes === 1
  );
}

/**
 * The oldest pending row of each chat not busy now, up to `limit`: what the
 * worker may start. Chats are taken by their oldest row, so a person with a
 * thousand updates waiting holds back nobody else.
 */
export function nextPending(db: DbOrTx, busy: ReadonlySet<string>, limit: number): InboxRow[] {
  const first = sql<number>`min(${inbox.id})`;
  const heads = ready(db, 'inboxHeads', (d) =>
    d
      .select({ id: first, platform: inbox.platform, chatId: inbox.chatId })
      .from(inbox)
      .where(eq(inbox.state, 'pending'))
      .groupBy(inbox.platform, inbox.chatId)
      .orderBy(first)
      .limit(sql.placeholder('limit'))
      .prepare(),
  )
    .all({ limit: limit + busy.size })
    .filter((h) => !busy.has(`${h.platform}:${h.chatId}`))
    .slice(0, limit);
  if (heads.length === 0) return [];
  const byId = ready(db, 'inboxRow', (d) => d.select().from(inbox).where(eq(inbox.id, sql.placeholder('id'))).prepare());
  return heads.flatMap((h) => byId.get({ id: h.id }) ?? []);
}

/** Handled: nothing of the update is kept but its hashed id, so a redelivery is still recognised. */
export function markInboxDone(db: DbOrTx, id: number, at: Date): void {
  ready(db, 'markInboxDone', (d) =>
    d.update(inbox).set({ state: 'done', incoming: null, chatId: '', lastError: null, handledAt: sql.placeholder('at') as never }).where(eq(inbox.id, sql.placeholder('id'))).prepare(),
  ).run({ id, at });
}

/** A failed try; the row stays pending for the next one. */
export function markInboxRetry(db: DbOrTx, id: number, error: string): number {
  const row = db
    .update(inbox)
    .set({ attempts: sql`${inbox.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(eq(inbox.id, id))
    .returning({ attempts: inbox.attempts })
    .get();
  return row?.attempts ?? 0;
}

/** Given up after several tries: kept with its error for the operator, never retried by itself. */
export function parkInbox(db: DbOrTx, id: number, error: string, at: Date): void {
  db.update(inbox)
    .set({ state: 'parked', lastError: error.slice(0, 500), handledAt: at })
    .where(and(eq(inbox.id, id), eq(inbox.state, 'pending')))
    .run();
}

export function countInbox(db: DbOrTx, state: 'pending' | 'parked'): number {
  return db.select({ n: sql<number>`count(*)` }).from(inbox).where(eq(inbox.state, state)).get()?.n ?? 0;
}

/** Forgets handled rows older than `before`: platforms never redeliver that late. */
export function pruneInbox(db: DbOrTx, before: Date): number {
  return db.delete(inbox).where(and(inArray(inbox.state, ['done', 'parked']), lt(inbox.receivedAt, before))).run().changes;
}

/** Every row still holding an update of these chats (for erasure). */
export function deleteInboxOfChats(db: DbOrTx, chats: readonly { platform: PlatformName; chatId: string }[]): void {
  for (const chat of chats) {
    db.delete(inbox).where(and(eq(inbox.platform, chat.platform), eq(inbox.chatId, chat.chatId), inArray(inbox.state, ['pending', 'parked']))).run();
  }
}
