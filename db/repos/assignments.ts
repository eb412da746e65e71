// Assignments of mentors to schools, tutors to teachers and school pairs,
// with their history.
import { and, eq, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { assignments } from '../schema.js';

export type Assignment = typeof assignments.$inferSelect;

export function createAssignment(db: DbOrTx, values: typeof assignments.$inferInsert): Assignment {
  return db.insert(assignments).values(values).returning().get();
}

export function endAssignment(db: DbOrTx, id: number, endsOn: string): void {
  db.update(assignments).set({ endsOn }).where(eq(assignments.id, id)).run();
}

export function activeAssignmentsOfMunicipality(db: DbOrTx, municipalityId: number): Assignment[] {
  return db
    .select()
    .from(assignments)
    .where(and(eq(assignments.municipalityId, municipalityId), isNull(assignments.endsOn)))
    .all();
}

/** Active assignments where the person is the helper or the helped teacher. */
export function activeAssignmentsOfPerson(db: DbOrTx, personId: number): Assignment[] {
  return db
    .select()
    .from(assignments)
    .where(and(isNull(assignments.endsOn), or(eq(assignments.helperId, personId), eq(assignments.teacherId, personId))))
    .all();
}

/** Active assignments touching a school: its mentor and its pairs. */
export function activeAssignmentsOfSchool(db: DbOrTx, schoolId: number): Assignment[] {
  return db
    .select()
    .from(assignments)
    .where(and(isNull(assignments.endsOn), or(eq(assignments.schoolId, schoolId), eq(assignments.leaderSchoolId, schoolId))))
    .all();
}

export function assignmentHistory(db: DbOrTx, filter: { schoolId?: number; teacherId?: number }): Assignment[] {
  const condition = filter.schoolId !== undefined ? eq(assignments.schoolId, filter.schoolId) : eq(assignments.teacherId, filter.teacherId ?? -1);
  return db.select().from(assignments).where(condition).all();
}
