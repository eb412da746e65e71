// Persisted dialog state: one open dialog per account.
import { eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { dialogs } from '../schema.js';

export type DialogRow = typeof dialogs.$inferSelect;

export function getDialog(db: DbOrTx, accountId: number): DialogRow | undefined {
  return ready(db, 'getDialog', (d) => d.select().from(dialogs).where(eq(dialogs.accountId, sql.placeholder('accountId'))).prepare()).get({ accountId });
}

const dialogColumns = ['accountId', 'name', 'version', 'step', 'seq', 'data', 'choices', 'expiresAt', 'updatedAt'] as const;

export function saveDialog(db: DbOrTx, row: DialogRow): void {
  const query = ready(db, 'saveDialog', (d) =>
    d
      .insert(dialogs)
      .values(Object.fromEntries(dialogColumns.map((c) => [c, sql.placeholder(c)])) as unknown as DialogRow)
      .onConflictDoUpdate({
        target: dialogs.accountId,
        set: { name: sql`excluded.name`, version: sql`excluded.version`, step: sql`excluded.step`, seq: sql`excluded.seq`, data: sql`excluded.data`, choices: sql`excluded.choices`, expiresAt: sql`excluded.expires_at`, updatedAt: sql`excluded.updated_at` },
      })
      .prepare(),
  );
  query.run(Object.fromEntries(dialogColumns.map((c) => [c, row[c]])));
}

export function deleteDialog(db: DbOrTx, accountId: number): boolean {
  return db.delete(dialogs).where(eq(dialogs.accountId, accountId)).run().changes > 0;
}

export function deleteExpiredDialogs(db: DbOrTx, now: Date): number {
  return db.delete(dialogs).where(lt(dialogs.expiresAt, now)).run().changes;
}
