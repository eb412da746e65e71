// Records handled platform updates so a redelivered one is recognised. Ids
// are kept as hashes: some platforms' ids carry a user id (MAX's bot_started
// is the user and a time), and nothing here needs to read them back.
import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { processedUpdates, type PlatformName } from '../schema.js';

/** Claims an update; false when it was handled before. */
export function claimUpdate(db: DbOrTx, platform: PlatformName, updateId: string, at: Date): boolean {
  const result = db
    .insert(processedUpdates)
    .values({ platform, updateId: updateKey(updateId), at })
    .onConflictDoNothing()
    .run();
  return result.changes === 1;
}

/** Forgets update ids older than `before`; platforms never redeliver that late. */
export function pruneUpdates(db: DbOrTx, before: Date): number {
  return db.delete(processedUpdates).where(lt(processedUpdates.at, before)).run().changes;
}

/** What is stored for an update id: a hash that recognises it again and reveals nothing. */
export function updateKey(updateId: string): string {
  return createHash('sha256').update(updateId).digest('base64url').slice(0, 27);
}
