// Surveys, their rounds, the people each round was sent to, and responses.
import { and, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { responses, roundRecipients, surveyRounds, surveys } from '../schema.js';

export type SurveyRow = typeof surveys.$inferSelect;
export type Round = typeof surveyRounds.$inferSelect;
export type Recipient = typeof roundRecipients.$inferSelect;
export type ResponseRow = typeof responses.$inferSelect;

export function createSurvey(db: DbOrTx, values: typeof surveys.$inferInsert): SurveyRow {
  return db.insert(surveys).values(values).returning().get();
}

export function getSurvey(db: DbOrTx, id: number): SurveyRow | undefined {
  return db.select().from(surveys).where(eq(surveys.id, id)).get();
}

export function surveysOf(db: DbOrTx, municipalityId: number): SurveyRow[] {
  return db.select().from(surveys).where(eq(surveys.municipalityId, municipalityId)).orderBy(desc(surveys.id)).all();
}

export function createRound(db: DbOrTx, values: typeof surveyRounds.$inferInsert): Round {
  return db.insert(surveyRounds).values(values).returning().get();
}

export function getRound(db: DbOrTx, id: number): Round | undefined {
  return ready(db, 'getRound', (d) => d.select().from(surveyRounds).where(eq(surveyRounds.id, sql.placeholder('id'))).prepare()).get({ id });
}

export function roundsOf(db: DbOrTx, municipalityId: number, limit = 10): Round[] {
  return db.select().from(surveyRounds).where(eq(surveyRounds.municipalityId, municipalityId)).orderBy(desc(surveyRounds.opensAt)).limit(limit).all();
}

/** Rounds open at `now` (opened, not yet closed), in every municipality. */
export function openRounds(db: DbOrTx, now: Date): Round[] {
  return db
    .select()
    .from(surveyRounds)
    .where(and(lte(surveyRounds.opensAt, now), gt(surveyRounds.closesAt, now)))
    .all();
}

/** Rounds that carry a recurrence and have no later round yet. */
export function recurringTips(db: DbOrTx): Round[] {
  const all = db.select().from(surveyRounds).all();
  const followed = new Set(all.map((r) => r.previousRoundId).filter((id) => id !== null));
  return all.filter((r) => r.recurrence && !followed.has(r.id));
}

const CHUNK = 400;

export function addRecipients(db: DbOrTx, rows: (typeof roundRecipients.$inferInsert)[]): void {
  for (let i = 0; i < rows.length; i += CHUNK) db.insert(roundRecipients).values(rows.slice(i, i + CHUNK)).onConflictDoNothing().run();
}

export function recipientsOf(db: DbOrTx, roundId: number): Recipient[] {
  return db.select().from(roundRecipients).where(eq(roundRecipients.roundId, roundId)).all();
}

export function recipient(db: DbOrTx, roundId: number, personId: number): Recipient | undefined {
  return db
    .select()
    .from(roundRecipients)
    .where(and(eq(roundRecipients.roundId, roundId), eq(roundRecipients.personId, personId)))
    .get();
}

/** Marks the person (or every recipient of their school, for a school-level survey) as having answered. */
export function markAnswered(db: DbOrTx, roundId: number, who: { personId: number } | { schoolId: number }, at: Date): void {
  const target = 'personId' in who ? eq(roundRecipients.personId, who.personId) : eq(roundRecipients.schoolId, who.schoolId);
  db.update(roundRecipients).set({ answeredAt: at }).where(and(eq(roundRecipients.roundId, roundId), target, isNull(roundRecipients.answeredAt))).run();
}

export function findResponse(db: DbOrTx, roundId: number, unitKey: string): ResponseRow | undefined {
  return db.select().from(responses).where(and(eq(responses.roundId, roundId), eq(responses.unitKey, unitKey))).get();
}

/** Writes a response; a named unit's earlier response is replaced (editing before the close). */
export function saveResponse(db: DbOrTx, values: typeof responses.$inferInsert): ResponseRow {
  return db
    .insert(responses)
    .values(values)
    .onConflictDoUpdate({ target: [responses.roundId, responses.unitKey], set: { answers: values.answers, submittedAt: values.submittedAt, personId: values.personId } })
    .returning()
    .get();
}

export function responsesOf(db: DbOrTx, roundIds: number[]): ResponseRow[] {
  if (roundIds.length === 0) return [];
  return db.select().from(responses).where(inArray(responses.roundId, roundIds)).all();
}

/** Open rounds a person was sent. */
export function openRoundsFor(db: DbOrTx, personId: number, now: Date): { round: Round; recipient: Recipient }[] {
  return db
    .select({ round: surveyRounds, recipient: roundRecipients })
    .from(roundRecipients)
    .innerJoin(surveyRounds, eq(roundRecipients.roundId, surveyRounds.id))
    .where(and(eq(roundRecipients.personId, personId), lte(surveyRounds.opensAt, now), gt(surveyRounds.closesAt, now)))
    .all();
}

/** Closes a round now, before its time: it stops taking answers and the jobs leave it alone. */
export function closeRoundEarly(db: DbOrTx, roundId: number, at: Date): boolean {
  return db.update(surveyRounds).set({ closesAt: at, closedEarlyAt: at }).where(and(eq(surveyRounds.id, roundId), gt(surveyRounds.closesAt, at))).run().changes === 1;
}

/** Moves a round's close to a later instant; a round closed early opens again. */
export function extendRound(db: DbOrTx, roundId: number, closesAt: Date): void {
  db.update(surveyRounds).set({ closesAt, closedEarlyAt: null }).where(eq(surveyRounds.id, roundId)).run();
}

/** Counts a reminder sent by hand to one recipient (the cap of the «Кто не ответил» list reads it). */
export function noteManualReminder(db: DbOrTx, roundId: number, personId: number, at: Date): void {
  db.update(roundRecipients)
    .set({ manualReminders: sql`${roundRecipients.manualReminders} + 1`, lastRemindedAt: at })
    .where(and(eq(roundRecipients.roundId, roundId), eq(roundRecipients.personId, personId)))
    .run();
}

/** A municipality's latest rounds that were sent to someone at one of these schools. */
export function roundsForSchools(db: DbOrTx, municipalityId: number, schoolIds: readonly number[], limit = 10): Round[] {
  if (schoolIds.length === 0) return [];
  const reached = db
    .selectDistinct({ roundId: roundRecipients.roundId })
    .from(roundRecipients)
    .where(inArray(roundRecipients.schoolId, [...schoolIds]));
  return db
    .select()
    .from(surveyRounds)
    .where(and(eq(surveyRounds.municipalityId, municipalityId), inArray(surveyRounds.id, reached)))
    .orderBy(desc(surveyRounds.opensAt))
    .limit(limit)
    .all();
}
