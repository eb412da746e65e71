// Turns a table of schools or people into an import plan: what would be
// created, updated or left as is, and every row that cannot be used and why,
// by line number. Applying a plan is idempotent: a second run changes nothing.
//
// An import grants nothing by itself. A person who has not joined gets a
// personal invite; a person already registered who is given a new role gets
// an offer (a personal invite only they can accept, with the consent step
// again). Rows with a role the importer may not invite are refused.
import type { DbOrTx } from '../../../db/client.js';
import { accountsOfPerson } from '../../../db/repos/accounts.js';
import { createInvite, personalInvites, type Invite } from '../../../db/repos/invites.js';
import { findSchool, getMunicipality, upsertSchool, type SchoolStatus } from '../../../db/repos/org.js';
import { insertPerson, normalizePersonName, peopleOf, updatePerson, type Person } from '../../../db/repos/people.js';
import { roleNames, type RoleName } from '../../../db/schema.js';
import type { I18n } from '../../core/i18n.js';
import { notifyPerson } from '../../core/outbox.js';
import { normalizeSchoolName } from '../../../db/repos/org.js';
import { subjectsFromText } from '../../core/subjects.js';
import { ColumnsError, findHeader, type ImportColumn, type TableRow } from './table.js';

export type ImportKind = 'schools' | 'people';

export interface Problem {
  line: number;
  key: string;
  args?: Record<string, string | number>;
}

export interface SchoolRowPlan {
  line: number;
  name: string;
  shortName: string;
  statuses: SchoolStatus[];
}

export interface PersonRowPlan {
  line: number;
  fullName: string;
  role: RoleName;
  school: string | null;
  subjects: string[];
}

export type ImportPlan =
  | { kind: 'schools'; rows: SchoolRowPlan[]; problems: Problem[] }
  | { kind: 'people'; rows: PersonRowPlan[]; problems: Problem[] };

const personColumns = {
  name: /фио|ф\.и\.о|фамилия|full ?name|^name$/,
  role: /роль|должност|role|position/,
  school: /школ|^оо$|организац|учрежден|school/,
  subjects: /предмет|subject/,
};

const schoolColumns = {
  name: /наименован|название|^школа$|^оо$|организац|учрежден|school|name/,
  shortName: /кратк|сокращ|short/,
  statuses: /статус|категор|status/,
};

const roleWords: [RegExp, RoleName][] = [
  [/координатор|coordinator/, 'coordinator'],
  [/куратор|curator/, 'curator'],
  [/наставник|mentor/, 'mentor'],
  [/тьютор|консультант|tutor/, 'tutor'],
  [/директор|заместител|завуч|администрац|руководител|admin/, 'school_admin'],
  [/учител|педагог|преподават|teacher/, 'teacher'],
];

const statusWords: [RegExp, SchoolStatus][] = [
  [/шнор|шнро|снор|низк|low/, 'low_results'],
  [/шнсу|шфнсу|шссу|неблагопр|социальн|social/, 'social_conditions'],
  [/риск|risk/, 'at_risk'],
  [/лидер|эффективн|leader/, 'leader'],
  [/партн[её]р|partner/, 'partner'],
];

export function roleFromText(text: string): RoleName | undefined {
  const t = text.toLocaleLowerCase('ru');
  return roleWords.find(([re]) => re.test(t))?.[1];
}

export function statusesFromText(text: string): { statuses: SchoolStatus[]; unknown: string[] } {
  const statuses: SchoolStatus[] = [];
  const unknown: string[] = [];
  for (const part of text.split(/[,;/]+/).map((p) => p.trim()).filter(Boolean)) {
    const status = statusWords.find(([re]) => re.test(part.toLocaleLowerCase('ru')))?.[1];
    if (!status) unknown.push(part);
    else if (!statuses.includes(status)) statuses.push(status);
  }
  return { statuses, unknown };
}

/** A short name for a school when the file has none: «Средняя школа № 5» stays readable. */
export function shortNameOf(name: string): string {
  return name.replace(/^(МБОУ|МКОУ|МАОУ|МОУ|ГБОУ|МБОУ ДО|ЧОУ)\s+/u, '').replace(/[«»"]/g, '').trim();
}

function cell(row: TableRow, col: number | undefined): string {
  return col === undefined ? '' : (row.cells[col] ?? '');
}

function formulaIn(row: TableRow, cols: (number | undefined)[]): boolean {
  return cols.some((c) => c !== undefined && row.formulas.includes(c));
}

/** Roles the admin command line may hand out: the operator stands above every coordinator. */
export const ALL_ROLES: readonly RoleName[] = roleNames;

/** Roles whose people belong to a school; a mentor is given schools later, by /assign. */
const ROLES_WITH_SCHOOL: readonly RoleName[] = ['tutor', 'school_admin', 'teacher'];

/** The header cells as the coordinator wrote them, for a message that names what the file has. */
function headerCells(row: TableRow | undefined): string[] {
  return (row?.cells ?? []).filter((c) => c !== '' && c.length <= 60).slice(0, 12);
}

/**
 * Reads the table as schools or people. A file whose columns are not the
 * expected ones is refused as a whole, naming the columns missing and the
 * ones found (a TableError), before any row is judged. `grantable` is what
 * the importer may invite: a row asking for any other role is a problem,
 * never a grant.
 */
export function planImport(db: DbOrTx, municipalityId: number, rows: TableRow[], grantable: readonly RoleName[]): ImportPlan {
  const people = findHeader<keyof typeof personColumns>(rows, personColumns, ['name']);
  if (people && people.columns.name !== undefined && /фио|ф\.и\.о|фамилия|full ?name/.test((rows[people.index]?.cells[people.columns.name] ?? '').toLocaleLowerCase('ru'))) {
    const body = rows.slice(people.index + 1);
    const missing: ImportColumn[] = [];
    if (people.columns.role === undefined) missing.push('role');
    // Without a school column only people who need no school can be imported: coordinators and mentors.
    const needSchool = people.columns.role === undefined || body.some((row) => ROLES_WITH_SCHOOL.includes(roleFromText(cell(row, people.columns.role)) ?? 'teacher'));
    if (people.columns.school === undefined && needSchool) missing.push('school');
    if (missing.length > 0) throw new ColumnsError('people', missing, headerCells(rows[people.index]));
    return planPeople(db, municipalityId, body, people.columns, grantable);
  }
  const schools = findHeader(rows, schoolColumns, ['name']);
  if (schools) return planSchools(rows.slice(schools.index + 1), schools.columns);
  throw new ColumnsError(undefined, [], headerCells(likelyHeader(rows)));
}

/** The row most like a header among the first ones (the most cells naming any known column), else the first. */
function likelyHeader(rows: TableRow[]): TableRow | undefined {
  const patterns = [...Object.values(personColumns), ...Object.values(schoolColumns)];
  const score = (row: TableRow) => row.cells.filter((c) => c.length <= 60 && patterns.some((re) => re.test(c.toLocaleLowerCase('ru')))).length;
  const first = rows.slice(0, 15);
  return first.reduce<TableRow | undefined>((best, row) => (best === undefined || score(row) > score(best) ? row : best), undefined);
}

function planSchools(rows: TableRow[], columns: Partial<Record<keyof typeof schoolColumns, number>>): ImportPlan {
  const plan: SchoolRowPlan[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const used = [columns.name, columns.shortName, columns.statuses];
    if (formulaIn(row, used)) {
      problems.push({ line: row.line, key: 'import-row-formula' });
      continue;
    }
    const name = cell(row, columns.name);
    if (!name) {
      if (row.cells.some(Boolean)) problems.push({ line: row.line, key: 'import-row-no-school-name' });
      continue;
    }
    const key = normalizeSchoolName(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, key: 'import-row-duplicate', args: { line: earlier } });
      continue;
    }
    const { statuses, unknown } = statusesFromText(cell(row, columns.statuses));
    if (unknown.length > 0) {
      problems.push({ line: row.line, key: 'import-row-unknown-status', args: { status: unknown.join(', ') } });
      continue;
    }
    seen.set(key, row.line);
    plan.push({ line: row.line, name, shortName: cell(row, columns.shortName) || shortNameOf(name), statuses });
  }
  return { kind: 'schools', rows: plan, problems };
}

function planPeople(
  db: DbOrTx,
  municipalityId: number,
  rows: TableRow[],
  columns: Partial<Record<keyof typeof personColumns, number>>,
  grantable: readonly RoleName[],
): ImportPlan {
  const plan: PersonRowPlan[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (formulaIn(row, [columns.name, columns.role, columns.school, columns.subjects])) {
      problems.push({ line: row.line, key: 'import-row-formula' });
      continue;
    }
    const fullName = cell(row, columns.name);
    if (!fullName) {
      if (row.cells.some(Boolean)) problems.push({ line: row.line, key: 'import-row-no-name' });
      continue;
    }
    if (fullName.split(' ').length < 2 || /[\d@#<>=]/.test(fullName) || fullName.length > 100) {
      problems.push({ line: row.line, key: 'import-row-bad-name', args: { name: fullName.slice(0, 60) } });
      continue;
    }
    const roleText = cell(row, columns.role) || 'педагог';
    const role = roleFromText(roleText);
    if (!role) {
      problems.push({ line: row.line, key: 'import-row-unknown-role', args: { role: roleText.slice(0, 40) } });
      continue;
    }
    if (!grantable.includes(role)) {
      problems.push({ line: row.line, key: 'import-row-role-not-allowed', args: { role } });
      continue;
    }
    const schoolText = cell(row, columns.school);
    const school = schoolText ? findSchool(db, municipalityId, schoolText) : undefined;
    if (schoolText && !school) {
      problems.push({ line: row.line, key: 'import-row-unknown-school', args: { school: schoolText.slice(0, 60) } });
      continue;
    }
    if (!school && ROLES_WITH_SCHOOL.includes(role)) {
      problems.push({ line: row.line, key: 'import-row-no-school' });
      continue;
    }
    const { known, unknown } = subjectsFromText(cell(row, columns.subjects));
    if (unknown.length > 0) {
      problems.push({ line: row.line, key: 'import-row-unknown-subject', args: { subject: unknown.join(', ').slice(0, 60) } });
      continue;
    }
    const key = `${normalizePersonName(fullName)}|${school?.id ?? ''}|${role}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, key: 'import-row-duplicate', args: { line: earlier } });
      continue;
    }
    seen.set(key, row.line);
    plan.push({ line: row.line, fullName: fullName.replace(/\s+/g, ' '), role, school: school?.name ?? null, subjects: known });
  }
  return { kind: 'people', rows: plan, problems };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PersonOutcome {
  personId: number;
  fullName: string;
  role: RoleName;
  school: string | null;
  /** A personal invite for someone who has not joined yet: the coordinator forwards it. */
  invite?: Invite;
  /** A registered person offered a new role: they are told, and the role is theirs only once they accept. */
  offer?: Invite;
}

/** The open personal invite of a person for a role, if any. */
function openInviteFor(db: DbOrTx, personId: number, role: RoleName, now: Date): Invite | undefined {
  return personalInvites(db, personId).find((i) => i.role === role && i.expiresAt.getTime() > now.getTime());
}

/** The municipality's people by name and school, read once per import (a lookup per row made imports quadratic). */
class PeopleByName {
  private readonly byKey = new Map<string, Person>();
  constructor(db: DbOrTx, municipalityId: number) {
    for (const person of peopleOf(db, municipalityId)) if (person.fullName) this.byKey.set(PeopleByName.key(person.fullName, person.schoolId), person);
  }
  private static key(name: string, schoolId: number | null): string {
    return `${normalizePersonName(name)}|${schoolId ?? ''}`;
  }
  find(name: string, schoolId: number | null): Person | undefined {
    return this.byKey.get(PeopleByName.key(name, schoolId));
  }
  add(person: Person): void {
    if (person.fullName) this.byKey.set(PeopleByName.key(person.fullName, person.schoolId), person);
  }
}

/** What importing one person row means against the database as it is now. */
function personChange(db: DbOrTx, known: PeopleByName, municipalityId: number, row: PersonRowPlan, now: Date) {
  const school = row.school ? findSchool(db, municipalityId, row.school) : undefined;
  const existing = known.find(row.fullName, school?.id ?? null);
  const joined = existing ? accountsOfPerson(db, existing.id).length > 0 : false;
  const newSubjects = row.subjects.filter((s) => !existing?.subjects.includes(s));
  const holdsRole = existing?.roles.some((g) => g.role === row.role && g.municipalityId === (row.role === 'curator' ? null : municipalityId)) ?? false;
  const needsInvite = !holdsRole && (!existing || !openInviteFor(db, existing.id, row.role, now));
  const result: keyof ImportCounts = !existing ? 'created' : newSubjects.length > 0 || needsInvite ? 'updated' : 'unchanged';
  return { school, existing, joined, newSubjects, needsInvite, result };
}

function schoolChange(db: DbOrTx, municipalityId: number, row: SchoolRowPlan): keyof ImportCounts {
  const school = findSchool(db, municipalityId, row.name);
  if (!school) return 'created';
  const same = school.shortName === row.shortName && school.statuses.length === row.statuses.length && school.statuses.every((s) => row.statuses.includes(s));
  return same ? 'unchanged' : 'updated';
}

/** What applying the plan would do, without writing (the preview). */
export function previewCounts(db: DbOrTx, municipalityId: number, plan: ImportPlan, now: Date): ImportCounts {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  if (plan.kind === 'schools') for (const row of plan.rows) counts[schoolChange(db, municipalityId, row)]++;
  else {
    const known = new PeopleByName(db, municipalityId);
    for (const row of plan.rows) counts[personChange(db, known, municipalityId, row, now).result]++;
  }
  return counts;
}

/** Writes the plan; call inside a transaction. */
export function applyImport(
  tx: DbOrTx,
  municipalityId: number,
  plan: ImportPlan,
  context: { today: string; now: Date; createdBy: number | null; inviteDays: number },
): { counts: ImportCounts; people: PersonOutcome[] } {
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const outcomes: PersonOutcome[] = [];
  const municipality = getMunicipality(tx, municipalityId);
  if (!municipality) throw new Error(`municipality ${municipalityId} not found`);
  if (plan.kind === 'schools') {
    for (const row of plan.rows) counts[upsertSchool(tx, municipalityId, row, context.today).result]++;
    return { counts, people: outcomes };
  }
  const known = new PeopleByName(tx, municipalityId);
  for (const row of plan.rows) {
    const change = personChange(tx, known, municipalityId, row, context.now);
    let personId: number;
    if (change.existing) personId = change.existing.id;
    else {
      const created = insertPerson(tx, { municipalityId, schoolId: change.school?.id ?? null, fullName: row.fullName, subjects: row.subjects });
      known.add({ ...created, roles: [] });
      personId = created.id;
    }
    if (change.existing && change.newSubjects.length > 0) updatePerson(tx, personId, { subjects: [...change.existing.subjects, ...change.newSubjects] });
    const invite = change.needsInvite
      ? createInvite(tx, {
          role: row.role,
          municipalityId,
          schoolId: change.school?.id ?? null,
          personId,
          maxUses: 1,
          createdBy: context.createdBy,
          expiresAt: new Date(context.now.getTime() + context.inviteDays * 24 * 3600_000),
        })
      : openInviteFor(tx, personId, row.role, context.now);
    counts[change.result]++;
    const outcome = { personId, fullName: change.existing?.fullName ?? row.fullName, role: row.role, school: change.school?.shortName ?? null };
    if (!invite) outcomes.push(outcome);
    else if (change.joined) outcomes.push({ ...outcome, offer: change.needsInvite ? invite : undefined });
    else outcomes.push({ ...outcome, invite });
  }
  return { counts, people: outcomes };
}

/**
 * Tells each registered person offered a new role by an import, in their own
 * language, with the code that accepts it; call in the import's transaction.
 */
export function notifyRoleOffers(tx: DbOrTx, i18n: I18n, outcomes: readonly PersonOutcome[], now: Date): void {
  for (const person of outcomes) {
    const offer = person.offer;
    if (!offer) continue;
    notifyPerson(tx, i18n, person.personId, (t) => ({ text: t('import-notice-offer', { role: t(`role-${person.role}`), code: offer.code }) }), {
      dedupeKey: `import-offer:${offer.id}`,
      notBefore: now,
    });
  }
}
