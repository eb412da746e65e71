// The erasure log: which person rows were erased and when, nothing more. It
// lets a restore from an older backup carry out again the erasures recorded
// since that backup was taken.
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { erasures } from '../schema.js';

export interface Erasure {
  personId: number;
  at: Date;
}

export function recordErasure(db: DbOrTx, personId: number, at: Date): void {
  db.insert(erasures).values({ personId, at }).run();
}

/** Every erasure recorded, oldest first. */
export function erasureLog(db: DbOrTx): Erasure[] {
  return db.select({ personId: erasures.personId, at: erasures.at }).from(erasures).orderBy(asc(erasures.id)).all();
}
