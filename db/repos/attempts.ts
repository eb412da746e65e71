// Wrong tries at guessable codes, one row per key (an account, a link code, a
// seminar). The rules (how many tries, how long a lockout) live in the core;
// this file only reads and writes the counters.
import { and, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { codeAttempts, linkCodes } from '../schema.js';

export type CodeAttempts = typeof codeAttempts.$inferSelect;

export function attemptsOf(db: DbOrTx, keys: readonly string[]): CodeAttempts[] {
  if (keys.length === 0) return [];
  return db.select().from(codeAttempts).where(inArray(codeAttempts.key, [...keys])).all();
}

export function saveAttempts(db: DbOrTx, row: CodeAttempts): void {
  const { failures, windowStartedAt, lockedUntil } = row;
  db.insert(codeAttempts).values(row).onConflictDoUpdate({ target: codeAttempts.key, set: { failures, windowStartedAt, lockedUntil } }).run();
}

/** Forgets counters untouched since `before`; their windows and lockouts are long over. */
export function pruneAttempts(db: DbOrTx, before: Date): void {
  db.delete(codeAttempts).where(lt(codeAttempts.windowStartedAt, before)).run();
}

/** The link codes a guess could hit right now: issued, unused and unexpired. */
export function openLinkCodes(db: DbOrTx, now: Date): string[] {
  return db
    .select({ code: linkCodes.code })
    .from(linkCodes)
    .where(and(isNull(linkCodes.usedAt), gte(linkCodes.expiresAt, now)))
    .all()
    .map((r) => r.code);
}
