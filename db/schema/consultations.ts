// Consultations mentors and tutors log, with the full history of every entry.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { municipalities, schools } from './organisations.js';
import { assignments, people } from './people.js';

export const consultationFormats = ['in_person', 'online', 'school_visit', 'phone'] as const;
export type ConsultationFormatName = (typeof consultationFormats)[number];

/** A consultation a mentor or tutor gave: with whom, when (local date), how long, how, about what. */
export const consultations = sqliteTable(
  'consultations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    /** The teacher or school admin it was for; null when it was for a school as a whole. */
    counterpartId: integer('counterpart_id').references(() => people.id),
    schoolId: integer('school_id').references(() => schools.id),
    date: text('date').notNull(),
    minutes: integer('minutes').notNull(),
    format: text('format', { enum: consultationFormats }).notNull(),
    topic: text('topic').notNull(),
    outcome: text('outcome'),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    /** The teacher's rating (1–5) and optional comment, given when confirming. */
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    /** The planned session this entry was logged from with «Состоялась». */
    plannedId: integer('planned_id'),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('consultations_municipality_date').on(t.municipalityId, t.date), index('consultations_author').on(t.authorId)],
);

/** Every change to a consultation entry, kept for good. */
export const consultationHistory = sqliteTable('consultation_history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  consultationId: integer('consultation_id')
    .notNull()
    .references(() => consultations.id),
  changedBy: integer('changed_by').references(() => people.id),
  action: text('action', { enum: ['created', 'edited', 'deleted', 'confirmed', 'rated'] }).notNull(),
  snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});

/** What a pair (a tutor and a teacher, a mentor and a school) agreed to do each month, and towards what. */
export const consultationPlans = sqliteTable(
  'consultation_plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id),
    sessionsPerMonth: integer('sessions_per_month'),
    minutesPerMonth: integer('minutes_per_month'),
    goals: text('goals').notNull().default(''),
    setBy: integer('set_by').references(() => people.id),
    /** A new plan for the pair ends the old one; history is kept. */
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_plans_assignment').on(t.assignmentId)],
);

export const plannedStates = ['planned', 'done', 'cancelled'] as const;

/** A session planned ahead: reminded the day before, logged with one tap («Состоялась»). */
export const plannedConsultations = sqliteTable(
  'planned_consultations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => people.id),
    counterpartId: integer('counterpart_id').references(() => people.id),
    schoolId: integer('school_id').references(() => schools.id),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    minutes: integer('minutes').notNull().default(45),
    format: text('format', { enum: consultationFormats }).notNull().default('online'),
    topic: text('topic').notNull().default(''),
    state: text('state', { enum: plannedStates }).notNull().default('planned'),
    consultationId: integer('consultation_id').references(() => consultations.id),
    createdAt: createdAt(),
  },
  (t) => [index('planned_consultations_author').on(t.authorId, t.startsAt), index('planned_consultations_starts').on(t.state, t.startsAt)],
);
