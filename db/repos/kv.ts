// Named values kept between runs.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { kv } from '../schema.js';

export function getValue(db: DbOrTx, key: string): string | undefined {
  return db.select().from(kv).where(eq(kv.key, key)).get()?.value;
}

export function setValue(db: DbOrTx, key: string, value: string): void {
  db.insert(kv).values({ key, value }).onConflictDoUpdate({ target: kv.key, set: { value } }).run();
}

/**
 * Deletes the values under a key prefix that are older than `before` (an ISO
 * date), read from the value itself or, with `dateAtEnd`, from the key's last
 * ten characters. The prefix bounds a range of the primary key.
 */
export function pruneDated(db: DbOrTx, prefix: string, before: string, options: { dateAtEnd?: boolean } = {}): number {
  const dated = options.dateAtEnd ? sql`substr(${kv.key}, -10) < ${before}` : lt(kv.value, before);
  return db
    .delete(kv)
    .where(and(gte(kv.key, prefix), lt(kv.key, `${prefix}\uffff`), dated))
    .run().changes;
}
