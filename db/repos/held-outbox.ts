// Outbox rows an action queued that wait for later (quiet hours): when the
// first of them goes, and releasing them now when a coordinator says it
// cannot wait. An action's rows are found by its batch and the start of
// their dedupe keys, so a seminar's reminders never go with its announcement.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { outbox } from '../schema.js';

export interface HeldRows {
  batch: string;
  /** Every row of the action has a dedupe key starting with this. */
  keyPrefix: string;
}

function held(rows: HeldRows, now: Date) {
  return and(
    eq(outbox.batch, rows.batch),
    sql`substr(${outbox.dedupeKey}, 1, ${rows.keyPrefix.length}) = ${rows.keyPrefix}`,
    eq(outbox.state, 'pending'),
    // A row that failed once waits for its retry, not for quiet hours: it is left alone.
    eq(outbox.attempts, 0),
    gt(outbox.nextAttemptAt, now),
  );
}

/** The earliest instant a held row of the action goes, if any is held. */
export function heldUntil(db: DbOrTx, rows: HeldRows, now: Date): Date | undefined {
  const row = db
    .select({ at: sql<number | null>`min(${outbox.nextAttemptAt})` })
    .from(outbox)
    .where(held(rows, now))
    .get();
  return row?.at == null ? undefined : new Date(row.at);
}

/** Makes the action's held rows due now, in one statement; a second call finds none. Returns rows released. */
export function releaseHeld(db: DbOrTx, rows: HeldRows, now: Date): number {
  return db.update(outbox).set({ nextAttemptAt: now }).where(held(rows, now)).run().changes;
}
