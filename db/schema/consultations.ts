// Consultations mentors and tutors log, with the full history of every entry.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { municipalities, schools } from './organisations.js';
import { people } from './people.js';

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
  action: text('action', { enum: ['created', 'edited', 'deleted', 'confirmed'] }).notNull(),
  snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});
