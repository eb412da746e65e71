// People, their roles and their erasure, as the core needs them.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { people, personRoles, type RoleName } from '../schema.js';
import { inChunks } from './chunks.js';

export type PersonRow = typeof people.$inferSelect;

export interface RoleGrant {
  role: RoleName;
  municipalityId: number | null;
  regionId: number | null;
}

export interface Person extends PersonRow {
  roles: RoleGrant[];
}

function rolesOf(db: DbOrTx, ids: number[]): Map<number, RoleGrant[]> {
  const map = new Map<number, RoleGrant[]>();
  if (ids.length === 0) return map;
  const rows = inChunks(ids, (part) =>
    db
      .select({ personId: personRoles.personId, role: personRoles.role, municipalityId: personRoles.municipalityId, regionId: personRoles.regionId })
      .from(personRoles)
      .where(and(inArray(personRoles.personId, part), isNull(personRoles.revokedAt)))
      .all(),
  );
  for (const { personId, ...grant } of rows) map.set(personId, [...(map.get(personId) ?? []), grant]);
  return map;
}

/** One person with their roles: read for every update, so by queries built once. */
export function getPerson(db: DbOrTx, id: number): Person | undefined {
  const row = ready(db, 'getPerson', (d) => d.select().from(people).where(eq(people.id, sql.placeholder('id'))).prepare()).get({ id });
  if (!row) return undefined;
  const roles = ready(db, 'rolesOfPerson', (d) =>
    d
      .select({ role: personRoles.role, municipalityId: personRoles.municipalityId, regionId: personRoles.regionId })
      .from(personRoles)
      .where(and(eq(personRoles.personId, sql.placeholder('id')), isNull(personRoles.revokedAt)))
      .prepare(),
  ).all({ id });
  return { ...row, roles };
}

/** Full names by person id, for tables of many rows (erased people have none). */
export function namesOf(db: DbOrTx, ids: readonly number[]): Map<number, string> {
  const unique = [...new Set(ids)];
  const rows = inChunks(unique, (part) => db.select({ id: people.id, fullName: people.fullName }).from(people).where(inArray(people.id, part)).all());
  return new Map(rows.flatMap((r) => (r.fullName ? [[r.id, r.fullName] as const] : [])));
}

/** The living people of a municipality, optionally with a role or at a school. */
export function peopleOf(db: DbOrTx, municipalityId: number, filter: { role?: RoleName; schoolId?: number } = {}): Person[] {
  const rows = db
    .select()
    .from(people)
    .where(
      and(
        eq(people.municipalityId, municipalityId),
        isNull(people.erasedAt),
        filter.schoolId === undefined ? undefined : eq(people.schoolId, filter.schoolId),
      ),
    )
    .all();
  const roles = rolesOf(db, rows.map((r) => r.id));
  return rows
    .map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }))
    .filter((p) => filter.role === undefined || p.roles.some((g) => g.role === filter.role))
    .sort((a, b) => (a.fullName ?? '').localeCompare(b.fullName ?? '', 'ru'));
}

export function normalizePersonName(name: string): string {
  return name.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

export function setPersonLanguage(db: DbOrTx, personId: number, language: 'ru' | 'en'): void {
  db.update(people).set({ language }).where(eq(people.id, personId)).run();
}

export function insertPerson(db: DbOrTx, values: typeof people.$inferInsert): PersonRow {
  return db.insert(people).values(values).returning().get();
}

export function updatePerson(db: DbOrTx, id: number, values: Partial<typeof people.$inferInsert>): void {
  db.update(people).set(values).where(eq(people.id, id)).run();
}

/** Grants a role unless the person holds it already in that scope. */
export function grantRole(db: DbOrTx, values: typeof personRoles.$inferInsert): boolean {
  const held = db
    .select()
    .from(personRoles)
    .where(and(eq(personRoles.personId, values.personId), eq(personRoles.role, values.role), isNull(personRoles.revokedAt)))
    .all()
    .some((r) => r.municipalityId === (values.municipalityId ?? null));
  if (held) return false;
  db.insert(personRoles).values(values).run();
  return true;
}

export { erasePerson } from './erasures.js';
