// What scheduler jobs have done, so a run is never repeated.
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { jobRuns } from '../schema.js';

export function hasJobRun(db: DbOrTx, job: string, key: string): boolean {
  return db.select().from(jobRuns).where(and(eq(jobRuns.job, job), eq(jobRuns.key, key))).get() !== undefined;
}

/** Records a run; false when it was already recorded. */
export function recordJobRun(db: DbOrTx, job: string, key: string, at: Date): boolean {
  return db.insert(jobRuns).values({ job, key, ranAt: at }).onConflictDoNothing().run().changes === 1;
}
