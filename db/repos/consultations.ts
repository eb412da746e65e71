// Consultation entries and their history.
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { consultationHistory, consultations } from '../schema.js';

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
