// Broadcasts and the files they carry.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { broadcasts, files } from '../schema.js';

export type Broadcast = typeof broadcasts.$inferSelect;
export type StoredFile = typeof files.$inferSelect;

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
