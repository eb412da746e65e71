// Who takes part and how they reach us: people, roles, messenger accounts, invites, link codes, assignments, audiences.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns.js';
import { municipalities, regions, schools } from './organisations.js';

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    schoolId: integer('school_id').references(() => schools.id),
    /** Null once the person withdrew consent: the row stays for anonymous aggregates. */
    fullName: text('full_name'),
    language: text('language', { enum: ['ru', 'en'] })
      .notNull()
      .default('ru'),
    subjects: text('subjects', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** False once the person switched seminar reminders off. */
    seminarReminders: integer('seminar_reminders', { mode: 'boolean' }).notNull().default(true),
    consentAt: integer('consent_at', { mode: 'timestamp_ms' }),
    erasedAt: integer('erased_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('people_school').on(t.schoolId), index('people_municipality').on(t.municipalityId)],
);

export const roleNames = ['coordinator', 'curator', 'mentor', 'tutor', 'school_admin', 'teacher'] as const;
export type RoleName = (typeof roleNames)[number];

export const personRoles = sqliteTable(
  'person_roles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: roleNames }).notNull(),
    /** A coordinator's scope; null for a curator, who reads a whole region. */
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    regionId: integer('region_id').references(() => regions.id),
    grantedAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('person_roles_person').on(t.personId)],
);

export const platforms = ['telegram', 'vk', 'console', 'max'] as const;
export type PlatformName = (typeof platforms)[number];

/** One messenger identity. It may exist before its person does (a first /start). */
export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: platforms }).notNull(),
    externalId: text('external_id').notNull(),
    chatId: text('chat_id').notNull(),
    personId: integer('person_id').references(() => people.id),
    language: text('language', { enum: ['ru', 'en'] }),
    /** False once the person blocked the bot: no more pushes until they write again. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    blockedAt: integer('blocked_at', { mode: 'timestamp_ms' }),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_platform_external').on(t.platform, t.externalId),
    index('accounts_person').on(t.personId),
  ],
);

/** An invitation to join with a role in a scope; personal (for one imported person) or for a group. */
export const invites = sqliteTable(
  'invites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    role: text('role', { enum: roleNames }).notNull(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    schoolId: integer('school_id').references(() => schools.id),
    /** Set for a personal invite: joining links to this existing person. */
    personId: integer('person_id').references(() => people.id),
    maxUses: integer('max_uses').notNull().default(1),
    uses: integer('uses').notNull().default(0),
    createdBy: integer('created_by').references(() => people.id),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('invites_person').on(t.personId)],
);

/** One-time codes that link a second messenger account to a person. */
export const linkCodes = sqliteTable('link_codes', {
  code: text('code').primaryKey(),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
});

export const assignmentKinds = ['mentor_school', 'tutor_teacher', 'school_pair'] as const;
export type AssignmentKind = (typeof assignmentKinds)[number];

/**
 * Who helps whom, with a start and an end: a mentor and a supported school, a
 * tutor and a teacher in a subject, a leader school and a partner school.
 * Reassigning ends the old row; history is never rewritten.
 */
export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: assignmentKinds }).notNull(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** The mentor or tutor; null for a school pair. */
    helperId: integer('helper_id').references(() => people.id),
    /** The supported school (mentor_school), or the partner school (school_pair). */
    schoolId: integer('school_id').references(() => schools.id),
    /** The leader school of a pair. */
    leaderSchoolId: integer('leader_school_id').references(() => schools.id),
    /** The teacher a tutor helps. */
    teacherId: integer('teacher_id').references(() => people.id),
    subject: text('subject'),
    /** ISO dates; `endsOn` is null while the assignment holds. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    createdBy: integer('created_by').references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('assignments_helper').on(t.helperId),
    index('assignments_school').on(t.schoolId),
    index('assignments_teacher').on(t.teacherId),
  ],
);

/** Who a seminar, broadcast or survey round is for: any mix of roles, schools, school statuses and named people. */
export interface Audience {
  roles?: RoleName[];
  schoolIds?: number[];
  statuses?: ('low_results' | 'social_conditions' | 'at_risk' | 'leader' | 'partner')[];
  personIds?: number[];
}

/**
 * Wrong tries at a guessable code (a /link code, a seminar's attendance code),
 * counted per key: an account ("account:12:link") or a code ("code:link:AB12CD").
 * A key past its limit is locked until `lockedUntil`, whatever is typed next.
 */
export const codeAttempts = sqliteTable('code_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: integer('window_started_at', { mode: 'timestamp_ms' }).notNull(),
  lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
});

/**
 * Every erasure (/forget, retention), by person row id and time only: no
 * personal data. After a restore from a backup taken earlier, the erasures
 * recorded since are carried out again from this log.
 */
export const erasures = sqliteTable('erasures', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: integer('person_id').notNull(),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
});
