// The admin command line writes to the same database a running Opora uses,
// from another process: a transaction held for seconds would keep the
// service waiting past its busy timeout (5 s) and make its writes fail. Big
// jobs (imports, retention) are therefore written in short transactions with
// a pause between them, long enough for a waiting writer to get its turn.
// Announcements (broadcast, seminar, survey launch) stay one transaction
// each: all or nothing by design, and about a second for 20,000 recipients.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Tx } from '../../db/client.js';
import { audit } from '../../db/repos/audit.js';
import { applyRetention, type RetentionPlan } from '../../db/repos/retention.js';
import type { I18n } from '../../handlers/core/i18n.js';
import { applyImport, notifyRoleOffers, type ImportCounts, type ImportPlan, type PersonOutcome } from '../../handlers/people/import/plan.js';

export interface ChunkOptions {
  /** How long one transaction should take at most. */
  budgetMs?: number;
  /** The pause between transactions: more than SQLite's longest busy-handler sleep (100 ms). */
  pauseMs?: number;
  /** Items in the first transaction; later ones grow or shrink to fit the budget. */
  first?: number;
}

/**
 * Calls `write(tx, start, end)` for consecutive ranges of `count` items, each
 * in its own transaction. A range that took longer than the budget halves
 * the next one; a quick one doubles it.
 */
export async function inShortTransactions(db: Db, count: number, write: (tx: Tx, start: number, end: number) => void, options: ChunkOptions = {}): Promise<void> {
  const { budgetMs = 500, pauseMs = 150 } = options;
  let size = Math.max(1, options.first ?? 50);
  for (let start = 0; start < count; ) {
    const end = Math.min(count, start + size);
    const began = performance.now();
    db.transaction((tx) => write(tx, start, end));
    const took = performance.now() - began;
    size = took > budgetMs ? Math.max(1, Math.floor(size / 2)) : took < budgetMs / 2 ? size * 2 : size;
    start = end;
    if (start < count) await sleep(pauseMs);
  }
}

function slicePlan(plan: ImportPlan, start: number, end: number): ImportPlan {
  return plan.kind === 'schools' ? { ...plan, rows: plan.rows.slice(start, end) } : { ...plan, rows: plan.rows.slice(start, end) };
}

/**
 * An import in short transactions. Rows are independent, so an import cut
 * short keeps the rows written so far, and running it again finds them
 * unchanged. The audit entry comes last, with the totals.
 */
export async function importInShortTransactions(
  db: Db,
  i18n: I18n,
  plan: ImportPlan,
  context: { municipalityId: number; today: string; now: Date; inviteDays: number },
  options?: ChunkOptions,
): Promise<{ counts: ImportCounts; people: PersonOutcome[] }> {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const people: PersonOutcome[] = [];
  const { municipalityId, now } = context;
  await inShortTransactions(db, plan.rows.length, (tx, start, end) => {
    const result = applyImport(tx, municipalityId, slicePlan(plan, start, end), { ...context, createdBy: null });
    notifyRoleOffers(tx, i18n, result.people, now);
    for (const key of ['created', 'updated', 'unchanged'] as const) counts[key] += result.counts[key];
    people.push(...result.people);
  }, options);
  audit(db, { at: now, actorId: null, municipalityId, action: `${plan.kind}.imported`, details: { ...counts, via: 'cli' } });
  return { counts, people };
}

/** Retention in short transactions: a round's answers at a time, then a few people at a time, then the audit entry. */
export async function retentionInShortTransactions(db: Db, plan: RetentionPlan, now: Date, options?: ChunkOptions): Promise<void> {
  await inShortTransactions(db, plan.rounds.length, (tx, start, end) => applyRetention(tx, { rounds: plan.rounds.slice(start, end), people: [] }, now), { first: 1, ...options });
  await inShortTransactions(db, plan.people.length, (tx, start, end) => applyRetention(tx, { rounds: [], people: plan.people.slice(start, end) }, now), { first: 10, ...options });
  audit(db, { at: now, actorId: null, municipalityId: null, action: 'retention.applied', details: { rounds: plan.rounds.length, people: plan.people.length, via: 'cli' } });
}
