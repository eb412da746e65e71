// Broadcasts, the files they carry, and the read confirmations they ask for.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { inChunks } from './chunks.js';
import { accounts, broadcastAcks, broadcasts, files, outbox, type OutboxState, type PlatformName } from '../schema.js';

export type Broadcast = typeof broadcasts.$inferSelect;
export type StoredFile = typeof files.$inferSelect;
export type BroadcastAck = typeof broadcastAcks.$inferSelect;

export function saveFile(db: DbOrTx, values: typeof files.$inferInsert): StoredFile {
  return db.insert(files).values(values).returning().get();
}

export function getFile(db: DbOrTx, id: number): StoredFile | undefined {
  return db.select().from(files).where(eq(files.id, id)).get();
}

export function createBroadcast(db: DbOrTx, values: typeof broadcasts.$inferInsert): Broadcast {
  return db.insert(broadcasts).values(values).returning().get();
}

export function setBroadcastRecipients(db: DbOrTx, id: number, recipients: number): void {
  db.update(broadcasts).set({ recipients }).where(eq(broadcasts.id, id)).run();
}

export function getBroadcast(db: DbOrTx, id: number): Broadcast | undefined {
  return db.select().from(broadcasts).where(eq(broadcasts.id, id)).get();
}

/** Marks every row of a batch to be pinned once sent; the transports read `payload.pin`. */
export function markBatchPinned(db: DbOrTx, batch: string): void {
  db.update(outbox)
    .set({ payload: sql`json_set(${outbox.payload}, '$.pin', json('true'))` })
    .where(eq(outbox.batch, batch))
    .run();
}

/** One outbox row of a batch, with the person its account belongs to (null once erased). */
export interface BatchRow {
  personId: number | null;
  platform: PlatformName;
  state: OutboxState;
  lastError: string | null;
}

export function batchRows(db: DbOrTx, batch: string): BatchRow[] {
  return db
    .select({ personId: accounts.personId, platform: outbox.platform, state: outbox.state, lastError: outbox.lastError })
    .from(outbox)
    .leftJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(eq(outbox.batch, batch))
    .all();
}

/** Whether a batch has a row to any account of the person: they were sent it. */
export function batchReached(db: DbOrTx, batch: string, personId: number): boolean {
  const row = db
    .select({ id: outbox.id })
    .from(outbox)
    .innerJoin(accounts, eq(accounts.id, outbox.accountId))
    .where(and(eq(outbox.batch, batch), eq(accounts.personId, personId)))
    .limit(1)
    .get();
  return row !== undefined;
}

/** Records a confirmation once; returns the one that stands (the first press's time on a repeat) and whether it is new. */
export function addAck(db: DbOrTx, broadcastId: number, personId: number, at: Date): { ack: BroadcastAck; fresh: boolean } {
  const fresh = db.insert(broadcastAcks).values({ broadcastId, personId, at }).onConflictDoNothing().run().changes === 1;
  const ack = db
    .select()
    .from(broadcastAcks)
    .where(and(eq(broadcastAcks.broadcastId, broadcastId), eq(broadcastAcks.personId, personId)))
    .get();
  return { ack: ack ?? { broadcastId, personId, at }, fresh };
}

export function acksOf(db: DbOrTx, broadcastId: number): BroadcastAck[] {
  return db.select().from(broadcastAcks).where(eq(broadcastAcks.broadcastId, broadcastId)).all();
}

/** The messenger of each person's account, active or not, for a report that names it. */
export function accountPlatforms(db: DbOrTx, personIds: readonly number[]): Map<number, PlatformName> {
  const rows = inChunks(personIds, (part) => db.select({ personId: accounts.personId, platform: accounts.platform }).from(accounts).where(inArray(accounts.personId, part)).all());
  const map = new Map<number, PlatformName>();
  for (const row of rows) if (row.personId !== null && !map.has(row.personId)) map.set(row.personId, row.platform);
  return map;
}
