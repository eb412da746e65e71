// Road maps imported from documents: items, milestones, their history and who a responsible text means.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { municipalities, schools } from './organisations.js';
import { people } from './people.js';
import { files } from './messaging.js';

/** A road map: the municipality's plan, or a supported school's own plan (then it belongs to the school's admins). */
export const roadmaps = sqliteTable('roadmaps', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  municipalityId: integer('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  schoolId: integer('school_id').references(() => schools.id),
  title: text('title').notNull(),
  /** The plan period deadlines without a year are read against. */
  period: text('period', { mode: 'json' }).$type<{ year: number; from?: string; to?: string }>().notNull(),
  sourceName: text('source_name').notNull(),
  importedBy: integer('imported_by').references(() => people.id),
  importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
});

export const roadmapItems = sqliteTable(
  'roadmap_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roadmapId: integer('roadmap_id')
      .notNull()
      .references(() => roadmaps.id),
    number: text('number').notNull(),
    section: text('section'),
    title: text('title').notNull(),
    deadlineText: text('deadline_text').notNull(),
    responsibleText: text('responsible_text').notNull(),
    expectedResult: text('expected_result').notNull(),
    /** The parsed Schedule (kind and milestones), as JSON. */
    schedule: text('schedule', { mode: 'json' }).$type<{ kind: string; milestones: { from?: string; due: string; label?: string }[]; repeat?: string }>().notNull(),
    position: integer('position').notNull(),
    /** Set when a revised document no longer has the item. */
    removedAt: integer('removed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('roadmap_items_roadmap').on(t.roadmapId)],
);

/** One deadline of an item, with its state and the evidence given when it was done. */
export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => roadmapItems.id),
    from: text('from'),
    due: text('due').notNull(),
    label: text('label'),
    state: text('state', { enum: ['open', 'done', 'postponed'] }).notNull().default('open'),
    /** For a postponed milestone: the new date it is due. */
    postponedTo: text('postponed_to'),
    comment: text('comment'),
    evidence: text('evidence'),
    evidenceFileId: integer('evidence_file_id').references(() => files.id),
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    doneBy: integer('done_by').references(() => people.id),
  },
  (t) => [index('milestones_item').on(t.itemId), index('milestones_due').on(t.due)],
);

/** Every change to an item or its milestones: re-imports, done, postponed, comments. */
export const roadmapHistory = sqliteTable('roadmap_history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  itemId: integer('item_id')
    .notNull()
    .references(() => roadmapItems.id),
  action: text('action').notNull(),
  details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  by: integer('by').references(() => people.id),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});

/** Who a responsible text of a municipality means, as the coordinator confirmed it once. */
export interface ResponsibleTarget {
  /** The municipality's coordinators, the admins of every supported school, the admins of every school, or named people. */
  kind: 'coordinators' | 'supported-admins' | 'all-admins' | 'people' | 'nobody';
  personIds?: number[];
}

export const responsibleAliases = sqliteTable(
  'responsible_aliases',
  {
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** A single responsible body as written, normalised (lower case, single spaces). */
    alias: text('alias').notNull(),
    target: text('target', { mode: 'json' }).$type<ResponsibleTarget>().notNull(),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.alias] })],
);
