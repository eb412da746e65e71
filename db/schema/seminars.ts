// Seminars and what hangs off them: series, sessions, RSVPs, attendance, feedback, topic requests, broadcasts.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { municipalities, schools } from './organisations.js';
import { people, type Audience } from './people.js';
import { files } from './messaging.js';

/** A permanent seminar: a cycle of sessions under one title. */
export const seminarSeries = sqliteTable('seminar_series', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  title: text('title').notNull(),
  createdAt: createdAt(),
});

export const seminars = sqliteTable(
  'seminars',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    seriesId: integer('series_id').references(() => seminarSeries.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(90),
    format: text('format', { enum: ['in_person', 'online'] }).notNull(),
    /** The address, or the link for an online seminar. */
    place: text('place').notNull(),
    capacity: integer('capacity'),
    audience: text('audience', { mode: 'json' }).$type<Audience>().notNull(),
    /** The code shown at the event so people can confirm they came. */
    attendanceCode: text('attendance_code').notNull(),
    /** The announcement may break quiet hours: the coordinator chose so explicitly. */
    urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
    createdBy: integer('created_by').references(() => people.id),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('seminars_municipality').on(t.municipalityId, t.startsAt)],
);

export const rsvpAnswers = ['yes', 'no', 'maybe'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

/** A person's answer to a seminar; a "yes" beyond capacity waits in line. */
export const rsvps = sqliteTable(
  'rsvps',
  {
    seminarId: integer('seminar_id')
      .notNull()
      .references(() => seminars.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    answer: text('answer', { enum: rsvpAnswers }).notNull(),
    waitlisted: integer('waitlisted', { mode: 'boolean' }).notNull().default(false),
    /** When the person last said "yes": the order of the waiting list. */
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seminarId, t.personId] })],
);

export const attendance = sqliteTable(
  'attendance',
  {
    seminarId: integer('seminar_id')
      .notNull()
      .references(() => seminars.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    source: text('source', { enum: ['coordinator', 'code'] }).notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seminarId, t.personId] })],
);

/** Feedback after a seminar: a 1–5 rating and an optional comment, one per attendee. */
export const seminarFeedback = sqliteTable(
  'seminar_feedback',
  {
    seminarId: integer('seminar_id')
      .notNull()
      .references(() => seminars.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.seminarId, t.personId] })],
);

/** Topics schools and teachers would like covered at the next sessions. */
export const topicRequests = sqliteTable('topic_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  personId: integer('person_id').references(() => people.id),
  schoolId: integer('school_id').references(() => schools.id),
  topic: text('topic').notNull(),
  createdAt: createdAt(),
});

export const broadcasts = sqliteTable('broadcasts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  text: text('text').notNull(),
  fileId: integer('file_id').references(() => files.id),
  audience: text('audience', { mode: 'json' }).$type<Audience>().notNull(),
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  recipients: integer('recipients').notNull().default(0),
  createdBy: integer('created_by').references(() => people.id),
  createdAt: createdAt(),
});
