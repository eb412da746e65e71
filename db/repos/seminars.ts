// Seminars and their series, answers to them (with a waiting list when
// full), attendance, feedback and topic requests.
import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { attendance, outbox, rsvps, seminarFeedback, seminars, seminarSeries, topicRequests, type RsvpAnswer } from '../schema.js';

export type Seminar = typeof seminars.$inferSelect;
export type Rsvp = typeof rsvps.$inferSelect;
export type RsvpStatus = 'going' | 'waitlisted' | 'maybe' | 'no';

export function createSeminar(db: DbOrTx, values: typeof seminars.$inferInsert): Seminar {
  return db.insert(seminars).values(values).returning().get();
}

export function getSeminar(db: DbOrTx, id: number): Seminar | undefined {
  return db.select().from(seminars).where(eq(seminars.id, id)).get();
}

/** Seminars of a municipality starting within [from, to], earliest first. */
export function seminarsBetween(db: DbOrTx, municipalityId: number | undefined, from: Date, to: Date): Seminar[] {
  return db
    .select()
    .from(seminars)
    .where(
      and(
        municipalityId === undefined ? undefined : eq(seminars.municipalityId, municipalityId),
        isNull(seminars.cancelledAt),
        gte(seminars.startsAt, from),
        lte(seminars.startsAt, to),
      ),
    )
    .orderBy(asc(seminars.startsAt))
    .all();
}

/** Marks a seminar cancelled; false when it already was, so a second press tells nobody again. */
export function markCancelled(db: DbOrTx, id: number, at: Date): boolean {
  return db.update(seminars).set({ cancelledAt: at }).where(and(eq(seminars.id, id), isNull(seminars.cancelledAt))).run().changes === 1;
}

/**
 * Drops what a seminar still had waiting in the outbox (an announcement held
 * by quiet hours, a reminder queued for the morning): none of it is true any
 * more. Rows already being sent are left to finish.
 */
export function dropPendingNotices(db: DbOrTx, seminarId: number, keyPrefix?: string): number {
  return db
    .delete(outbox)
    .where(
      and(
        eq(outbox.batch, `seminar:${seminarId}`),
        eq(outbox.state, 'pending'),
        keyPrefix === undefined ? undefined : sql`substr(${outbox.dedupeKey}, 1, ${keyPrefix.length}) = ${keyPrefix}`,
      ),
    )
    .run().changes;
}

export type SeminarPatch = Partial<Pick<Seminar, 'title' | 'startsAt' | 'place' | 'capacity' | 'reminderLeads'>>;

/**
 * Applies a coordinator's change. A new capacity is met by the waiting list:
 * when places are cut, the latest "yes" answers wait first; when places are
 * added, the earliest in line get them. Returns who moved either way.
 */
export function updateSeminar(db: DbOrTx, id: number, patch: SeminarPatch): { seminar: Seminar; waitlisted: number[]; promoted: number[] } {
  const seminar = db.update(seminars).set(patch).where(eq(seminars.id, id)).returning().get();
  const yes = rsvpsOf(db, id).filter((r) => r.answer === 'yes');
  const capacity = seminar.capacity ?? Number.POSITIVE_INFINITY;
  const going = yes.filter((r) => !r.waitlisted);
  const waiting = yes.filter((r) => r.waitlisted);
  const waitlisted = going.length > capacity ? going.slice(capacity).map((r) => r.personId) : [];
  const free = Math.max(0, capacity - going.length);
  const promoted = waiting.slice(0, free === Number.POSITIVE_INFINITY ? waiting.length : free).map((r) => r.personId);
  const setWaitlisted = (personIds: number[], value: boolean) => {
    if (personIds.length) db.update(rsvps).set({ waitlisted: value }).where(and(eq(rsvps.seminarId, id), inArray(rsvps.personId, personIds))).run();
  };
  setWaitlisted(waitlisted, true);
  setWaitlisted(promoted, false);
  return { seminar, waitlisted, promoted };
}

export function findOrCreateSeries(db: DbOrTx, municipalityId: number, title: string): number {
  const existing = db
    .select()
    .from(seminarSeries)
    .where(and(eq(seminarSeries.municipalityId, municipalityId), eq(seminarSeries.title, title)))
    .get();
  return existing?.id ?? db.insert(seminarSeries).values({ municipalityId, title }).returning().get().id;
}

export function seriesOf(db: DbOrTx, municipalityId: number): { id: number; title: string }[] {
  return db
    .select({ id: seminarSeries.id, title: seminarSeries.title })
    .from(seminarSeries)
    .where(and(eq(seminarSeries.municipalityId, municipalityId), isNull(seminarSeries.cancelledAt)))
    .all();
}

export type Series = typeof seminarSeries.$inferSelect;

export function createSeries(db: DbOrTx, values: typeof seminarSeries.$inferInsert): Series {
  return db.insert(seminarSeries).values(values).returning().get();
}

export function getSeries(db: DbOrTx, id: number): Series | undefined {
  return db.select().from(seminarSeries).where(eq(seminarSeries.id, id)).get();
}

/** A series' sessions, cancelled ones included, in the order they happen. */
export function sessionsOf(db: DbOrTx, seriesId: number): Seminar[] {
  return db.select().from(seminars).where(eq(seminars.seriesId, seriesId)).orderBy(asc(seminars.startsAt), asc(seminars.id)).all();
}

/** Marks a whole series cancelled (its sessions are cancelled one by one); false when it already was. */
export function markSeriesCancelled(db: DbOrTx, id: number, at: Date): boolean {
  return db.update(seminarSeries).set({ cancelledAt: at }).where(and(eq(seminarSeries.id, id), isNull(seminarSeries.cancelledAt))).run().changes === 1;
}

export function rsvpsOf(db: DbOrTx, seminarId: number): Rsvp[] {
  return db.select().from(rsvps).where(eq(rsvps.seminarId, seminarId)).orderBy(asc(rsvps.answeredAt)).all();
}

export function statusOf(r: Rsvp | undefined): RsvpStatus | undefined {
  if (!r) return undefined;
  if (r.answer === 'yes') return r.waitlisted ? 'waitlisted' : 'going';
  return r.answer;
}

export function rsvpCounts(db: DbOrTx, seminarId: number): Record<RsvpStatus, number> {
  const counts: Record<RsvpStatus, number> = { going: 0, waitlisted: 0, maybe: 0, no: 0 };
  for (const r of rsvpsOf(db, seminarId)) counts[statusOf(r) ?? 'no']++;
  return counts;
}

/**
 * Records an answer. A "yes" beyond capacity joins the waiting list; a place
 * freed by someone who changed their mind goes to the first in line, who is
 * returned so they can be told.
 */
export function setRsvp(
  db: DbOrTx,
  seminar: Seminar,
  personId: number,
  answer: RsvpAnswer,
  now: Date,
): { status: RsvpStatus; promoted?: number } {
  const all = rsvpsOf(db, seminar.id);
  const previous = all.find((r) => r.personId === personId);
  const wasGoing = statusOf(previous) === 'going';
  const goingOthers = all.filter((r) => r.personId !== personId && statusOf(r) === 'going').length;
  const waitlisted = answer === 'yes' && !wasGoing && seminar.capacity !== null && goingOthers >= seminar.capacity;
  const answeredAt = previous?.answer === 'yes' && answer === 'yes' ? previous.answeredAt : now;
  db.insert(rsvps)
    .values({ seminarId: seminar.id, personId, answer, waitlisted, answeredAt })
    .onConflictDoUpdate({ target: [rsvps.seminarId, rsvps.personId], set: { answer, waitlisted, answeredAt } })
    .run();
  let promoted: number | undefined;
  if (wasGoing && answer !== 'yes') {
    const next = all.find((r) => r.personId !== personId && statusOf(r) === 'waitlisted');
    if (next) {
      db.update(rsvps).set({ waitlisted: false }).where(and(eq(rsvps.seminarId, seminar.id), eq(rsvps.personId, next.personId))).run();
      promoted = next.personId;
    }
  }
  return { status: statusOf({ seminarId: seminar.id, personId, answer, waitlisted, answeredAt }) ?? 'no', promoted };
}

export function markAttended(db: DbOrTx, seminarId: number, personId: number, source: 'coordinator' | 'code', at: Date): boolean {
  return db.insert(attendance).values({ seminarId, personId, source, at }).onConflictDoNothing().run().changes === 1;
}

export function unmarkAttended(db: DbOrTx, seminarId: number, personId: number): void {
  db.delete(attendance).where(and(eq(attendance.seminarId, seminarId), eq(attendance.personId, personId))).run();
}

export function attendeesOf(db: DbOrTx, seminarId: number): number[] {
  return db.select({ personId: attendance.personId }).from(attendance).where(eq(attendance.seminarId, seminarId)).all().map((r) => r.personId);
}

export function attendanceOf(db: DbOrTx, seminarId: number): (typeof attendance.$inferSelect)[] {
  return db.select().from(attendance).where(eq(attendance.seminarId, seminarId)).all();
}

export function saveFeedback(db: DbOrTx, values: typeof seminarFeedback.$inferInsert): void {
  db.insert(seminarFeedback)
    .values(values)
    .onConflictDoUpdate({
      target: [seminarFeedback.seminarId, seminarFeedback.personId],
      set: { rating: values.rating, ...(values.comment !== undefined ? { comment: values.comment } : {}), at: values.at },
    })
    .run();
}

export function feedbackOf(db: DbOrTx, seminarId: number): (typeof seminarFeedback.$inferSelect)[] {
  return db.select().from(seminarFeedback).where(eq(seminarFeedback.seminarId, seminarId)).all();
}

export function addTopicRequest(db: DbOrTx, values: typeof topicRequests.$inferInsert): void {
  db.insert(topicRequests).values(values).run();
}

export function topicRequestsOf(db: DbOrTx, municipalityId: number): (typeof topicRequests.$inferSelect)[] {
  return db.select().from(topicRequests).where(eq(topicRequests.municipalityId, municipalityId)).orderBy(desc(topicRequests.createdAt)).all();
}
