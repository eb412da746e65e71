// Named values kept between runs.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { kv } from '../schema.js';

export function getValue(db: DbOrTx, key: string): string | undefined {
  return db.select().from(kv).where(eq(kv.key, key)).get()?.value;
}

export function setValue(db: DbOrTx, key: string, value: string): void {
  db.insert(kv).values({ key, value }).onConflictDoUpdate({ target: kv.key, set: { value } }).run();
}
