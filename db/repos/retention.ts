// What the retention periods make due: answers of survey rounds closed long
// ago still tied to a person (to be anonymised), and people inactive for
// longer than the period (to be erased).
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { accounts, people, responses, surveyRounds } from '../schema.js';
import { erasePeople } from './erasures.js';

export interface RetentionPeriods {
  surveyDays: number;
  inactiveDays: number;
}

export interface RetentionPlan {
  /** Rounds closed before the cut-off whose answers still name someone. */
  rounds: { id: number; municipalityId: number; responses: number }[];
  /** People whose last sign of life is before the cut-off. */
  people: { id: number; municipalityId: number | null; name: string }[];
}

const DAY = 86_400_000;

export function retentionPlan(db: DbOrTx, now: Date, periods: RetentionPeriods): RetentionPlan {
  const roundCut = new Date(now.getTime() - periods.surveyDays * DAY);
  const closed = db.select().from(surveyRounds).where(lt(surveyRounds.closesAt, roundCut)).all();
  const rounds = closed
    .map((r) => ({
      id: r.id,
      municipalityId: r.municipalityId,
      responses: db
        .select({ id: responses.id })
        .from(responses)
        .where(and(eq(responses.roundId, r.id), isNotNull(responses.personId)))
        .all().length,
    }))
    .filter((r) => r.responses > 0);
  const personCut = now.getTime() - periods.inactiveDays * DAY;
  const living = db.select().from(people).where(isNull(people.erasedAt)).all();
  const seen = new Map<number, number>();
  for (const a of db.select({ personId: accounts.personId, lastSeenAt: accounts.lastSeenAt }).from(accounts).all()) {
    if (a.personId === null || !a.lastSeenAt) continue;
    seen.set(a.personId, Math.max(seen.get(a.personId) ?? 0, a.lastSeenAt.getTime()));
  }
  const inactive = living
    .filter((p) => (seen.get(p.id) ?? p.createdAt.getTime()) < personCut)
    .map((p) => ({ id: p.id, municipalityId: p.municipalityId, name: p.fullName ?? '—' }));
  return { rounds, people: inactive };
}

/** Carries a plan out: answers lose their author, inactive people are erased. */
export function applyRetention(db: DbOrTx, plan: RetentionPlan, now: Date): void {
  const roundIds = plan.rounds.map((r) => r.id);
  if (roundIds.length > 0) {
    const rows = db.select({ id: responses.id }).from(responses).where(and(inArray(responses.roundId, roundIds), isNotNull(responses.personId))).all();
    for (const row of rows) db.update(responses).set({ personId: null, unitKey: `anon:${randomUUID()}` }).where(eq(responses.id, row.id)).run();
  }
  erasePeople(db, plan.people.map((p) => p.id), now);
}
