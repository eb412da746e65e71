// Persisted dialog state: one open dialog per account.
import { eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { dialogs } from '../schema.js';

export type DialogRow = typeof dialogs.$inferSelect;

export function getDialog(db: DbOrTx, accountId: number): DialogRow | undefined {
  return db.select().from(dialogs).where(eq(dialogs.accountId, accountId)).get();
}

export function saveDialog(db: DbOrTx, row: DialogRow): void {
  db.insert(dialogs)
    .values(row)
    .onConflictDoUpdate({ target: dialogs.accountId, set: { ...row } })
    .run();
}

export function deleteDialog(db: DbOrTx, accountId: number): boolean {
  return db.delete(dialogs).where(eq(dialogs.accountId, accountId)).run().changes > 0;
}

export function deleteExpiredDialogs(db: DbOrTx, now: Date): number {
  return db.delete(dialogs).where(lt(dialogs.expiresAt, now)).run().changes;
}
