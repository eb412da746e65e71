// Records handled platform updates so a redelivered one is recognised.
import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { processedUpdates, type PlatformName } from '../schema.js';

/** Claims an update; false when it was handled before. */
export function claimUpdate(db: DbOrTx, platform: PlatformName, updateId: string, at: Date): boolean {
  const result = db
    .insert(processedUpdates)
    .values({ platform, updateId, at })
    .onConflictDoNothing()
    .run();
  return result.changes === 1;
}

/** Forgets update ids older than `before`; platforms never redeliver that late. */
export function pruneUpdates(db: DbOrTx, before: Date): number {
  return db.delete(processedUpdates).where(lt(processedUpdates.at, before)).run().changes;
}
