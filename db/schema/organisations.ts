// Where the programme runs: regions, municipalities and their settings, schools and their statuses.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';

export interface MunicipalitySettings {
  /** Warn when a mentor would carry more schools than this. */
  mentorMaxSchools?: number;
  /** Ask the logged-for side to confirm a consultation. */
  confirmConsultations?: boolean;
  /** Days during which an author may still edit or delete a consultation entry. */
  consultationEditDays?: number;
  /** The municipality's own list of consultation topics, shown as buttons. */
  consultationTopics?: string[];
  /** Schools with fewer survey responses than this get no figures of their own. */
  surveyMinGroupSize?: number;
  /** A postponed road-map deadline moves only once a coordinator accepts; off (the default), it moves at once and the coordinators are told. */
  roadmapPostponeApproval?: boolean;
}

export const regions = sqliteTable('regions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const municipalities = sqliteTable(
  'municipalities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    /** IANA zone, e.g. Asia/Yakutsk; everything scheduled uses it. */
    timezone: text('timezone').notNull(),
    /** The coordinator's choices for this municipality; missing keys take defaults. */
    settings: text('settings', { mode: 'json' }).$type<MunicipalitySettings>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('municipalities_region_name').on(t.regionId, t.name)],
);

export const schools = sqliteTable(
  'schools',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('schools_municipality_name').on(t.municipalityId, t.name)],
);

/** A school's programme statuses with dates, so reports can tell when it entered or left. */
export const schoolStatuses = sqliteTable(
  'school_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    schoolId: integer('school_id')
      .notNull()
      .references(() => schools.id),
    status: text('status', {
      enum: ['low_results', 'social_conditions', 'at_risk', 'leader', 'partner'],
    }).notNull(),
    /** ISO dates (YYYY-MM-DD); `until` is null while the status holds. */
    since: text('since').notNull(),
    until: text('until'),
  },
  (t) => [index('school_statuses_school').on(t.schoolId)],
);
