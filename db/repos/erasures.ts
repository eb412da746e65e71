// Erasing a person (152-FZ: consent withdrawn, or silent past the retention
// period) and the erasure log. Nothing that identifies the person may stay
// in any table: their name goes from every text column of the database (the
// notices, dialogs, audit details and histories that quote it), their
// messenger identities and the messages sent to them are blanked, and the
// free text they wrote is removed. Counts stay: rows keep their ids, so
// anonymous totals still add up.
//
// The log holds person row ids and times only, so that a restore from an
// older backup can carry out again the erasures recorded since.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import {
  accounts,
  assignments,
  broadcasts,
  codeAttempts,
  consultationHistory,
  consultations,
  dialogs,
  erasures,
  files,
  invites,
  linkCodes,
  milestones,
  outbox,
  people,
  personRoles,
  plannedConsultations,
  responses,
  roadmapHistory,
  seminarFeedback,
  surveyRounds,
  surveys,
  topicRequests,
} from '../schema.js';
import { deleteInboxOfChats } from './inbox.js';
import { releaseOwnFiles } from './outbox.js';

export interface Erasure {
  personId: number;
  at: Date;
}

/** Every erasure recorded, oldest first. */
export function erasureLog(db: DbOrTx): Erasure[] {
  return db.select({ personId: erasures.personId, at: erasures.at }).from(erasures).orderBy(asc(erasures.id)).all();
}

/** What stands in for an erased name in texts that quoted it. */
export const ERASED_NAME = '—';

/**
 * Erases a person's personal data: their name, subjects and messenger
 * identities, the messages sent to them, the free text they wrote, and their
 * name wherever a text quotes it. Their roles are revoked and assignments
 * ended (`today` is the municipality's local date). Call inside a
 * transaction; afterwards call `purgeErasedPages` on the database so no copy
 * survives in the file's free pages or the WAL.
 */
export function erasePerson(db: DbOrTx, personId: number, at: Date, today = at.toISOString().slice(0, 10)): void {
  erasePeople(db, [personId], at, today);
}

/** Erases several people at once (retention); their names are scrubbed in one pass over the database. */
export function erasePeople(db: DbOrTx, personIds: readonly number[], at: Date, today = at.toISOString().slice(0, 10)): void {
  const names: string[] = [];
  for (const personId of personIds) {
    const person = db.select({ fullName: people.fullName }).from(people).where(eq(people.id, personId)).get();
    if (!person) continue;
    eraseOne(db, personId, at, today);
    if (person.fullName) names.push(person.fullName);
  }
  scrubNames(db, names);
}

function eraseOne(db: DbOrTx, personId: number, at: Date, today: string): void {
  eraseAccounts(db, personId);
  eraseWritings(db, personId);
  db.update(assignments).set({ endsOn: today }).where(and(isNull(assignments.endsOn), or(eq(assignments.helperId, personId), eq(assignments.teacherId, personId)))).run();
  db.update(personRoles).set({ revokedAt: at }).where(and(eq(personRoles.personId, personId), isNull(personRoles.revokedAt))).run();
  db.update(invites).set({ revokedAt: at }).where(and(eq(invites.personId, personId), isNull(invites.revokedAt))).run();
  db.delete(linkCodes).where(eq(linkCodes.personId, personId)).run();
  db.update(people).set({ fullName: null, subjects: [], consentAt: null, erasedAt: at }).where(eq(people.id, personId)).run();
  db.insert(erasures).values({ personId, at }).run();
}

/** Messenger identities, open dialogs, guessing counters and every message to the person's accounts. */
function eraseAccounts(db: DbOrTx, personId: number): void {
  const mine = db.select({ id: accounts.id, platform: accounts.platform, chatId: accounts.chatId }).from(accounts).where(eq(accounts.personId, personId)).all();
  const own = mine.map((a) => a.id);
  if (own.length === 0) return;
  // Updates of hers not yet handled (or parked with their error) hold what she wrote.
  deleteInboxOfChats(db, mine);
  for (const row of db.select({ payload: outbox.payload }).from(outbox).where(inArray(outbox.accountId, own)).all()) releaseOwnFiles(db, row.payload);
  db.delete(outbox).where(and(inArray(outbox.accountId, own), inArray(outbox.state, ['pending', 'sending']))).run();
  // Delivered rows stay for the delivery counts of broadcasts, without an address or a text.
  db.update(outbox).set({ chatId: '', payload: { text: '' }, lastError: null, platformMessageId: null }).where(inArray(outbox.accountId, own)).run();
  db.delete(dialogs).where(inArray(dialogs.accountId, own)).run();
  for (const id of own) {
    db.delete(codeAttempts).where(like(codeAttempts.key, `account:${id}:%`)).run();
    db.update(accounts)
      .set({ externalId: `erased:${id}`, chatId: '', personId: null, active: false, language: null, lastSeenAt: null, blockedAt: null })
      .where(eq(accounts.id, id))
      .run();
  }
}

/** Free text the person wrote: consultation topics, survey text answers, comments, topic requests, evidence. */
function eraseWritings(db: DbOrTx, personId: number): void {
  const authored = db.select({ id: consultations.id }).from(consultations).where(eq(consultations.authorId, personId)).all().map((c) => c.id);
  if (authored.length > 0) {
    db.update(consultations).set({ topic: '', outcome: null }).where(inArray(consultations.id, authored)).run();
    db.update(consultationHistory).set({ snapshot: {} }).where(inArray(consultationHistory.consultationId, authored)).run();
  }
  eraseConsultationExtras(db, personId);
  eraseSurveyText(db, personId);
  db.update(seminarFeedback).set({ comment: null }).where(eq(seminarFeedback.personId, personId)).run();
  db.delete(topicRequests).where(eq(topicRequests.personId, personId)).run();
  db.update(milestones).set({ comment: null, evidence: null, evidenceFileId: null }).where(eq(milestones.doneBy, personId)).run();
  db.update(roadmapHistory).set({ details: {} }).where(eq(roadmapHistory.by, personId)).run();
  eraseUploads(db, personId);
}

/**
 * A teacher's rating comments, wherever a history snapshot kept them (the
 * rating itself stays: it counts, without a name); the topics of sessions
 * planned by or with the person, and those still ahead are called off.
 */
function eraseConsultationExtras(db: DbOrTx, personId: number): void {
  const given = db.select({ id: consultations.id }).from(consultations).where(eq(consultations.counterpartId, personId)).all().map((c) => c.id);
  if (given.length > 0) {
    db.update(consultations).set({ ratingComment: null }).where(inArray(consultations.id, given)).run();
    db.update(consultationHistory)
      .set({ snapshot: sql`json_remove(${consultationHistory.snapshot}, '$.ratingComment')` })
      .where(inArray(consultationHistory.consultationId, given))
      .run();
  }
  const involved = or(eq(plannedConsultations.authorId, personId), eq(plannedConsultations.counterpartId, personId));
  db.update(plannedConsultations).set({ topic: '' }).where(involved).run();
  db.update(plannedConsultations).set({ state: 'cancelled' }).where(and(involved, eq(plannedConsultations.state, 'planned'))).run();
}

/**
 * Files the person sent in go, except a broadcast's attachment: that is the
 * department's publication, already in everyone's chat, and stays without
 * its uploader.
 */
function eraseUploads(db: DbOrTx, personId: number): void {
  const uploaded = db.select({ id: files.id }).from(files).where(eq(files.uploadedBy, personId)).all().map((f) => f.id);
  if (uploaded.length === 0) return;
  const published = new Set(db.select({ id: broadcasts.fileId }).from(broadcasts).where(inArray(broadcasts.fileId, uploaded)).all().map((b) => b.id));
  const own = uploaded.filter((id) => !published.has(id));
  if (own.length > 0) {
    db.update(milestones).set({ evidenceFileId: null }).where(inArray(milestones.evidenceFileId, own)).run();
    db.delete(files).where(inArray(files.id, own)).run();
  }
  db.update(files).set({ uploadedBy: null }).where(eq(files.uploadedBy, personId)).run();
}

/** The person's survey responses lose their author and their free-text answers; the rest still counts. */
function eraseSurveyText(db: DbOrTx, personId: number): void {
  const rows = db
    .select({ id: responses.id, answers: responses.answers, definition: surveys.definition })
    .from(responses)
    .innerJoin(surveyRounds, eq(surveyRounds.id, responses.roundId))
    .innerJoin(surveys, eq(surveys.id, surveyRounds.surveyId))
    .where(eq(responses.personId, personId))
    .all();
  for (const row of rows) {
    const textIds = textQuestionIds(row.definition);
    const answers = Object.fromEntries(Object.entries(row.answers).filter(([id]) => !textIds.has(id)));
    db.update(responses).set({ personId: null, unitKey: `anon:${randomUUID()}`, answers }).where(eq(responses.id, row.id)).run();
  }
}

function textQuestionIds(definition: Record<string, unknown>): Set<string> {
  const questions = Array.isArray(definition.questions) ? (definition.questions as unknown[]) : [];
  const ids = questions.flatMap((q) => {
    if (typeof q !== 'object' || q === null) return [];
    const { id, type } = q as { id?: unknown; type?: unknown };
    return type === 'text' && typeof id === 'string' ? [id] : [];
  });
  return new Set(ids);
}

/**
 * The forms a name is quoted in: «Петрова Мария Ивановна», «Петрова Мария»,
 * «Петрова М. И.», «Петрова М.И.», «М. И. Петрова», with ё and е, as written
 * and in lower case. A surname alone is not a name and is left alone.
 */
export function nameForms(fullName: string): string[] {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const [surname, first, patronymic] = words;
  if (!surname || !first) return [];
  const i1 = `${first[0]}.`;
  const i2 = patronymic ? `${patronymic[0]}.` : '';
  const forms = [
    words.join(' '),
    `${surname} ${first}`,
    `${first} ${surname}`,
    patronymic ? `${first} ${patronymic} ${surname}` : '',
    patronymic ? `${first} ${patronymic}` : '',
    `${surname} ${i1}${i2 ? ` ${i2}` : ''}`,
    `${surname} ${i1}${i2}`,
    `${i1}${i2 ? ` ${i2}` : ''} ${surname}`,
    `${i1}${i2} ${surname}`,
  ].filter((f) => f.length >= 5);
  const all = forms.flatMap((f) => [f, f.replace(/ё/g, 'е').replace(/Ё/g, 'Е')]).flatMap((f) => [f, f.toLocaleLowerCase('ru')]);
  // Longest first, so «Петрова Мария Ивановна» is replaced whole before «Петрова Мария».
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/** Tables whose text is the organisation's, never a quote of a person. */
const NOT_SCRUBBED = new Set(['regions', 'municipalities', 'schools', 'school_statuses', 'people', 'erasures', '__drizzle_migrations']);

/**
 * Replaces every form of these names in every text column of the database
 * (JSON columns included), except key columns, whose values are codes and
 * ids. A new table is covered without anyone remembering to add it.
 */
export function scrubNames(db: DbOrTx, fullNames: readonly string[]): number {
  const forms = [...new Set(fullNames.flatMap(nameForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return 0;
  let changed = 0;
  for (const { table, column } of textColumns(db)) {
    for (let i = 0; i < forms.length; i += 50) {
      const part = forms.slice(i, i + 50);
      const replaced = part.reduce((expr, form) => sql`replace(${expr}, ${form}, ${ERASED_NAME})`, sql`${sql.identifier(column)}`);
      const hit = sql.join(
        part.map((form) => sql`instr(${sql.identifier(column)}, ${form}) > 0`),
        sql` or `,
      );
      changed += db.run(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${replaced} where ${hit}`).changes;
    }
  }
  return changed;
}

function textColumns(db: DbOrTx): { table: string; column: string }[] {
  const tables = db
    .all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`)
    .map((t) => t.name)
    .filter((t) => !NOT_SCRUBBED.has(t));
  return tables.flatMap((table) => {
    const keys = keyColumns(db, table);
    return db
      .all<{ name: string; type: string }>(sql`select name, type from pragma_table_info(${table})`)
      .filter((c) => c.type.toLowerCase() === 'text' && !keys.has(c.name))
      .map((c) => ({ table, column: c.name }));
  });
}

/** Primary-key and unique columns: codes, ids and dedupe keys, which quote nobody. */
function keyColumns(db: DbOrTx, table: string): Set<string> {
  const keys = new Set(db.all<{ name: string; pk: number }>(sql`select name, pk from pragma_table_info(${table})`).filter((c) => c.pk > 0).map((c) => c.name));
  for (const index of db.all<{ name: string; unique: number }>(sql`select name, "unique" from pragma_index_list(${table})`)) {
    if (index.unique !== 1) continue;
    for (const c of db.all<{ name: string }>(sql`select name from pragma_index_info(${index.name})`)) keys.add(c.name);
  }
  return keys;
}
