// Limits on wrong tries at guessable codes: /link codes, seminar attendance
// codes and invite codes. A code path first asks here whether the sender or
// the code is locked out (then even a right code is refused, so a lockout
// cannot be used to test guesses), and reports every wrong try here. Every
// refusal is worded by `tooManyTries`.
//
// A success clears nothing. Attendance codes and group invites stay valid for
// days, so someone holding one could otherwise mix it in with guesses and
// never reach the limit; counters simply run out with their window.
import { attemptsOf, pruneAttempts, saveAttempts, type CodeAttempts } from '../../db/repos/attempts.js';
import type { Ctx } from './context.js';
import type { Outcome } from './router.js';

export interface AttemptPolicy {
  /** Wrong tries allowed; the last of them starts a lockout. */
  limit: number;
  /** How long wrong tries count, from the first one. */
  windowMinutes: number;
  /** The first lockout; each further one in a row doubles, up to `maxLockMinutes`. */
  lockMinutes: number;
  maxLockMinutes: number;
  /** After a lockout, how long further wrong tries keep counting towards a longer one. */
  memoryMinutes: number;
}

/** One messenger account: 5 wrong tries in 15 minutes, then 15 minutes, 30, 60… up to 4 hours. */
export const ACCOUNT_POLICY: AttemptPolicy = { limit: 5, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 240, memoryMinutes: 24 * 60 };

/**
 * One open /link code: every wrong try made while it is open could have been
 * aimed at it, so this caps the guesses it faces from all accounts together.
 * A code lives 15 minutes; once locked, its owner simply asks for a new one.
 */
export const LINK_CODE_POLICY: AttemptPolicy = { limit: 20, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 15, memoryMinutes: 15 };

/** One seminar: its whole audience together. A room mistypes, so the limit is higher and the lockout does not grow. */
export const SEMINAR_POLICY: AttemptPolicy = { limit: 50, windowMinutes: 15, lockMinutes: 15, maxLockMinutes: 15, memoryMinutes: 15 };

export type CodeKind = 'link' | 'attend' | 'invite';

export const accountKey = (ctx: Ctx, kind: CodeKind): string => `account:${ctx.account.id}:${kind}`;
export const linkCodeKey = (code: string): string => `code:link:${code}`;
export const seminarKey = (seminarId: number): string => `seminar:${seminarId}:attend`;

/** A key a wrong try counts against, with its rules. */
export interface Charge {
  key: string;
  policy: AttemptPolicy;
}

const MINUTE = 60_000;
/** Rows idle this long are deleted: longer than any window or memory above. */
const KEEP_MINUTES = 2 * 24 * 60;

function isStale(row: CodeAttempts, now: Date, policy: AttemptPolicy): boolean {
  const span = row.failures < policy.limit ? policy.windowMinutes : policy.memoryMinutes;
  return now.getTime() - row.windowStartedAt.getTime() > span * MINUTE;
}

/**
 * The counters after one more wrong try. A lockout moves the window's start
 * to its end, so tries after it count towards the next, longer lockout.
 */
export function afterFailure(row: CodeAttempts | undefined, key: string, now: Date, policy: AttemptPolicy): CodeAttempts {
  const base = row && !isStale(row, now, policy) ? row : { key, failures: 0, windowStartedAt: now, lockedUntil: null };
  const failures = base.failures + 1;
  if (failures % policy.limit !== 0) return { ...base, failures };
  const minutes = Math.min(policy.maxLockMinutes, policy.lockMinutes * 2 ** (failures / policy.limit - 1));
  const lockedUntil = new Date(now.getTime() + minutes * MINUTE);
  return { key, failures, windowStartedAt: lockedUntil, lockedUntil };
}

const lockedNow = (row: CodeAttempts, now: Date): boolean => row.lockedUntil !== null && row.lockedUntil.getTime() > now.getTime();

/** The end of the longest lockout among the keys, or undefined when none is locked. */
export function lockedUntil(ctx: Ctx, keys: readonly string[]): Date | undefined {
  const now = ctx.deps.clock.now();
  const ends = attemptsOf(ctx.deps.db, keys)
    .filter((r) => lockedNow(r, now))
    .map((r) => r.lockedUntil?.getTime() ?? 0);
  return ends.length ? new Date(Math.max(...ends)) : undefined;
}

/** Counts one wrong try against every charge; the end of a lockout it started, if any. Locked keys stay as they are. */
export function recordFailure(ctx: Ctx, charges: readonly Charge[]): Date | undefined {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  return db.transaction((tx) => {
    const rows = new Map(attemptsOf(tx, charges.map((c) => c.key)).map((r) => [r.key, r]));
    let until: number | undefined;
    for (const { key, policy } of charges) {
      const row = rows.get(key);
      if (row && lockedNow(row, now)) continue;
      const next = afterFailure(row, key, now, policy);
      saveAttempts(tx, next);
      if (next.lockedUntil) until = Math.max(until ?? 0, next.lockedUntil.getTime());
    }
    pruneAttempts(tx, new Date(now.getTime() - KEEP_MINUTES * MINUTE));
    return until === undefined ? undefined : new Date(until);
  });
}

/** The one refusal: too many wrong tries, and how long to wait. */
export function tooManyTries(ctx: Ctx, until: Date): Outcome {
  const minutes = Math.max(1, Math.ceil((until.getTime() - ctx.deps.clock.now().getTime()) / MINUTE));
  const args = minutes > 90 ? { unit: 'hours', count: Math.ceil(minutes / 60) } : { unit: 'minutes', count: minutes };
  return { text: ctx.t('code-attempts-locked', args) };
}

/** The refusal while any of the keys is locked, else undefined. Ask before looking the code up. */
export function refuseIfLocked(ctx: Ctx, keys: readonly string[]): Outcome | undefined {
  const until = lockedUntil(ctx, keys);
  return until ? tooManyTries(ctx, until) : undefined;
}

/** Records a wrong try; the refusal when it started a lockout, else undefined (say the code did not work). */
export function chargeWrongTry(ctx: Ctx, charges: readonly Charge[]): Outcome | undefined {
  const until = recordFailure(ctx, charges);
  return until ? tooManyTries(ctx, until) : undefined;
}
