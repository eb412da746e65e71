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
  /** How sessions recur, as the coordinator set it: weekly, every n-th weekday of a month, monthly on a day. */
  recurrence: text('recurrence', { mode: 'json' }).$type<SeriesRecurrence | null>(),
  createdBy: integer('created_by').references(() => people.id),
  cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

/** A series' rhythm: every `interval` weeks on `weekday`; or the `nth` (1–4, -1 = last) `weekday` of each month; or monthly on `day`. */
export type SeriesRecurrence =
  | { kind: 'weekly'; weekday: number; interval: number }
  | { kind: 'monthly_weekday'; weekday: number; nth: number }
  | { kind: 'monthly_day'; day: number };

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
    /** Minutes before the start at which those coming are reminded; the coordinator may change them per seminar. */
    reminderLeads: text('reminder_leads', { mode: 'json' }).$type<number[]>().notNull().default([1440, 60]),
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
  /** The coordinator asked each recipient to confirm they have read it («Ознакомлен(а)»). */
  askAck: integer('ask_ack', { mode: 'boolean' }).notNull().default(false),
  /** Pin the message in each recipient's chat where the platform allows. */
  pin: integer('pin', { mode: 'boolean' }).notNull().default(false),
  /** Set when the sent text was edited in place. */
  editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
  createdBy: integer('created_by').references(() => people.id),
  createdAt: createdAt(),
});

/** Who confirmed having read a broadcast that asked for it. */
export const broadcastAcks = sqliteTable(
  'broadcast_acks',
  {
    broadcastId: integer('broadcast_id')
      .notNull()
      .references(() => broadcasts.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.broadcastId, t.personId] })],
);
