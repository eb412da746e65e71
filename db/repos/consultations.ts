// Consultation entries and their history.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { consultationHistory, consultationPlans, consultations, plannedConsultations } from '../schema.js';

export type Consultation = typeof consultations.$inferSelect;
export type NewConsultation = typeof consultations.$inferInsert;

function record(db: DbOrTx, row: Consultation, action: (typeof consultationHistory.$inferInsert)['action'], by: number | null, at: Date): void {
  const { createdAt: _created, ...snapshot } = row;
  db.insert(consultationHistory).values({ consultationId: row.id, changedBy: by, action, snapshot: { ...snapshot }, at }).run();
}

export function addConsultation(db: DbOrTx, values: NewConsultation, at: Date): Consultation {
  const row = db.insert(consultations).values(values).returning().get();
  record(db, row, 'created', values.authorId, at);
  return row;
}

export function getConsultation(db: DbOrTx, id: number): Consultation | undefined {
  return db.select().from(consultations).where(eq(consultations.id, id)).get();
}

export function editConsultation(db: DbOrTx, id: number, values: Partial<NewConsultation>, by: number, at: Date): Consultation | undefined {
  const row = db.update(consultations).set(values).where(eq(consultations.id, id)).returning().get();
  if (row) record(db, row, 'edited', by, at);
  return row;
}

export function deleteConsultation(db: DbOrTx, id: number, by: number, at: Date): void {
  const row = db.update(consultations).set({ deletedAt: at }).where(eq(consultations.id, id)).returning().get();
  if (row) record(db, row, 'deleted', by, at);
}

export function confirmConsultation(db: DbOrTx, id: number, by: number, at: Date): boolean {
  const row = db
    .update(consultations)
    .set({ confirmedAt: at })
    .where(and(eq(consultations.id, id), isNull(consultations.confirmedAt), isNull(consultations.deletedAt)))
    .returning()
    .get();
  if (row) record(db, row, 'confirmed', by, at);
  return row !== undefined;
}

export function historyOf(db: DbOrTx, id: number): (typeof consultationHistory.$inferSelect)[] {
  return db.select().from(consultationHistory).where(eq(consultationHistory.consultationId, id)).all();
}

/** Live entries of a municipality within local dates [from, to], optionally by one author. */
export function consultationsBetween(db: DbOrTx, municipalityId: number, from: string, to: string, authorId?: number): Consultation[] {
  return db
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.municipalityId, municipalityId),
        isNull(consultations.deletedAt),
        gte(consultations.date, from),
        lte(consultations.date, to),
        authorId === undefined ? undefined : eq(consultations.authorId, authorId),
      ),
    )
    .all();
}

/** The teacher's rating (1–5) and optional comment; each change is kept in the history as 'rated'. */
export function rateConsultation(db: DbOrTx, id: number, values: { rating?: number; ratingComment?: string | null }, by: number, at: Date): Consultation | undefined {
  const row = db
    .update(consultations)
    .set(values)
    .where(and(eq(consultations.id, id), isNull(consultations.deletedAt)))
    .returning()
    .get();
  if (row) record(db, row, 'rated', by, at);
  return row;
}

/** Every live rated entry of a municipality (ratings roll up over all time, per author). */
export function ratedConsultations(db: DbOrTx, municipalityId: number, authorId?: number): Consultation[] {
  return db
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.municipalityId, municipalityId),
        isNull(consultations.deletedAt),
        isNotNull(consultations.rating),
        authorId === undefined ? undefined : eq(consultations.authorId, authorId),
      ),
    )
    .all();
}

// Plans per pair: the current one has no ended_at; a new plan ends it.

export type ConsultationPlan = typeof consultationPlans.$inferSelect;

export function currentPlan(db: DbOrTx, assignmentId: number): ConsultationPlan | undefined {
  return db
    .select()
    .from(consultationPlans)
    .where(and(eq(consultationPlans.assignmentId, assignmentId), isNull(consultationPlans.endedAt)))
    .orderBy(desc(consultationPlans.id))
    .get();
}

/** The current plans of these assignments, by assignment id. */
export function currentPlans(db: DbOrTx, assignmentIds: readonly number[]): Map<number, ConsultationPlan> {
  if (assignmentIds.length === 0) return new Map();
  const rows = db
    .select()
    .from(consultationPlans)
    .where(and(inArray(consultationPlans.assignmentId, [...assignmentIds]), isNull(consultationPlans.endedAt)))
    .orderBy(asc(consultationPlans.id))
    .all();
  return new Map(rows.map((r) => [r.assignmentId, r]));
}

export function plansOf(db: DbOrTx, assignmentId: number): ConsultationPlan[] {
  return db.select().from(consultationPlans).where(eq(consultationPlans.assignmentId, assignmentId)).orderBy(desc(consultationPlans.id)).all();
}

/** Sets a pair's plan: the previous one ends now and stays in the history. */
export function setPlan(
  db: DbOrTx,
  values: { municipalityId: number; assignmentId: number; sessionsPerMonth: number | null; minutesPerMonth: number | null; goals: string; setBy: number },
  at: Date,
): ConsultationPlan {
  db.update(consultationPlans)
    .set({ endedAt: at })
    .where(and(eq(consultationPlans.assignmentId, values.assignmentId), isNull(consultationPlans.endedAt)))
    .run();
  return db.insert(consultationPlans).values({ ...values, createdAt: at }).returning().get();
}

// Sessions planned ahead.

export type PlannedConsultation = typeof plannedConsultations.$inferSelect;

export function addPlanned(db: DbOrTx, values: typeof plannedConsultations.$inferInsert): PlannedConsultation {
  return db.insert(plannedConsultations).values(values).returning().get();
}

export function getPlanned(db: DbOrTx, id: number): PlannedConsultation | undefined {
  return db.select().from(plannedConsultations).where(eq(plannedConsultations.id, id)).get();
}

/** An author's sessions still planned, soonest first. */
export function plannedOfAuthor(db: DbOrTx, authorId: number): PlannedConsultation[] {
  return db
    .select()
    .from(plannedConsultations)
    .where(and(eq(plannedConsultations.authorId, authorId), eq(plannedConsultations.state, 'planned')))
    .orderBy(asc(plannedConsultations.startsAt))
    .all();
}

/** Sessions still planned that start within [from, to). */
export function plannedStartingBetween(db: DbOrTx, from: Date, to: Date): PlannedConsultation[] {
  return db
    .select()
    .from(plannedConsultations)
    .where(and(eq(plannedConsultations.state, 'planned'), gte(plannedConsultations.startsAt, from), lt(plannedConsultations.startsAt, to)))
    .all();
}

/**
 * Closes a planned session, only while it is still planned: the first
 * «Состоялась» or «Не состоялась» wins, a second press changes nothing.
 */
export function closePlanned(db: DbOrTx, id: number, values: { state: 'done' | 'cancelled'; consultationId?: number }): PlannedConsultation | undefined {
  return db
    .update(plannedConsultations)
    .set(values)
    .where(and(eq(plannedConsultations.id, id), eq(plannedConsultations.state, 'planned')))
    .returning()
    .get();
}

export function reschedulePlanned(db: DbOrTx, id: number, startsAt: Date): PlannedConsultation | undefined {
  return db
    .update(plannedConsultations)
    .set({ startsAt })
    .where(and(eq(plannedConsultations.id, id), eq(plannedConsultations.state, 'planned')))
    .returning()
    .get();
}
