// Surveys as launched in a municipality: rounds, who each was sent to, and the responses.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { municipalities, schools } from './organisations.js';
import { people, type Audience } from './people.js';

/** A survey as launched in a municipality: its definition is copied in, so later template changes never alter a running round. */
export const surveys = sqliteTable('surveys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  key: text('key').notNull(),
  title: text('title').notNull(),
  /** A SurveyDefinition, validated with zod before it is stored. */
  definition: text('definition', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdBy: integer('created_by').references(() => people.id),
  createdAt: createdAt(),
});

/** When another round of a survey starts by itself: in these months, on this day, open for so many days. */
export interface Recurrence {
  months: number[];
  day: number;
  durationDays: number;
}

export const surveyRounds = sqliteTable(
  'survey_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => surveys.id),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    label: text('label').notNull().default(''),
    audience: text('audience', { mode: 'json' }).$type<Audience>().notNull(),
    opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
    closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
    /** Days after opening on which those who have not answered are reminded (at 10:00 local). */
    reminderDays: text('reminder_days', { mode: 'json' }).$type<number[]>().notNull().default([2, 4]),
    /** Days after opening when the coordinator (and school admins) get the list of who is missing. */
    escalateAfterDays: integer('escalate_after_days').notNull().default(5),
    recurrence: text('recurrence', { mode: 'json' }).$type<Recurrence | null>(),
    previousRoundId: integer('previous_round_id'),
    /** Set when a coordinator closed the round before its time. */
    closedEarlyAt: integer('closed_early_at', { mode: 'timestamp_ms' }),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('survey_rounds_municipality').on(t.municipalityId, t.closesAt)],
);

/** Who a round was sent to, fixed at launch: response rates and reminders count against it. */
export const roundRecipients = sqliteTable(
  'round_recipients',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    schoolId: integer('school_id').references(() => schools.id),
    /** Set when this person (or, for a school-level survey, their school) has answered. */
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
    /** Reminders sent by hand from the «Кто не ответил» list, capped per person. */
    manualReminders: integer('manual_reminders').notNull().default(0),
    lastRemindedAt: integer('last_reminded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.personId] })],
);

/**
 * Submitted answers. A named response is keyed by its unit (the person, or the
 * school for a school-level survey) so there is exactly one; an anonymous one
 * gets a random key and no person, so nothing links it back.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => surveyRounds.id),
    unitKey: text('unit_key').notNull(),
    personId: integer('person_id').references(() => people.id),
    schoolId: integer('school_id').references(() => schools.id),
    answers: text('answers', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('responses_round_unit').on(t.roundId, t.unitKey), index('responses_round').on(t.roundId)],
);
