// The drizzle schema: every table Opora keeps. Migrations in db/migrations are
// generated from this file with `npm run db:generate`; never edit them by hand.
import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

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

/** Every platform update handled, so a redelivered one does nothing twice. */
export const processedUpdates = sqliteTable(
  'processed_updates',
  {
    platform: text('platform', { enum: platforms }).notNull(),
    updateId: text('update_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] }), index('processed_updates_at').on(t.at)],
);

/** One open dialog per account: a persisted state machine. */
export const dialogs = sqliteTable('dialogs', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  step: text('step').notNull(),
  /** Increments with every step, so buttons from an earlier step are recognised as stale. */
  seq: integer('seq').notNull(),
  data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** The values behind the numbered choice buttons of the current step. */
  choices: text('choices', { mode: 'json' }).$type<string[]>().notNull().default([]),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const outboxStates = ['pending', 'sending', 'sent', 'failed', 'blocked'] as const;
export type OutboxState = (typeof outboxStates)[number];

/** Every message that is not a direct reply, written in the transaction that caused it. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    platform: text('platform', { enum: platforms }).notNull(),
    chatId: text('chat_id').notNull(),
    /** A platform-free Reply as JSON. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    /** Groups the rows of one broadcast or reminder run, for delivery reports. */
    batch: text('batch'),
    state: text('state', { enum: outboxStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('outbox_due').on(t.platform, t.state, t.nextAttemptAt),
    index('outbox_batch').on(t.batch),
  ],
);

/** What each scheduler job has done, by a key such as a municipality and a local date. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    job: text('job').notNull(),
    key: text('key').notNull(),
    ranAt: integer('ran_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.key] })],
);

/** Small named values the service keeps between runs, such as VK's long-poll position. */
export const kv = sqliteTable('kv', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

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

/** Files attached to broadcasts, kept once and sent to many. */
export const files = sqliteTable('files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  createdAt: createdAt(),
});

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

/** Every administrative act: who did what, when, in which municipality (152-FZ asks the operator to be able to show it). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The person who acted; null for the admin command line and the scheduler. */
    actorId: integer('actor_id').references(() => people.id),
    municipalityId: integer('municipality_id').references(() => municipalities.id),
    action: text('action').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('audit_log_municipality').on(t.municipalityId, t.at)],
);
