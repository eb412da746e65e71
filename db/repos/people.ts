// People and their current roles, as the core needs them for every update.
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { people, personRoles, type RoleName } from '../schema.js';

export type PersonRow = typeof people.$inferSelect;

export interface RoleGrant {
  role: RoleName;
  municipalityId: number | null;
  regionId: number | null;
}

export interface Person extends PersonRow {
  roles: RoleGrant[];
}

export function getPerson(db: DbOrTx, id: number): Person | undefined {
  const row = db.select().from(people).where(eq(people.id, id)).get();
  if (!row) return undefined;
  const roles = db
    .select({ role: personRoles.role, municipalityId: personRoles.municipalityId, regionId: personRoles.regionId })
    .from(personRoles)
    .where(and(eq(personRoles.personId, id), isNull(personRoles.revokedAt)))
    .all();
  return { ...row, roles };
}

export function setPersonLanguage(db: DbOrTx, personId: number, language: 'ru' | 'en'): void {
  db.update(people).set({ language }).where(eq(people.id, personId)).run();
}

export function insertPerson(db: DbOrTx, values: typeof people.$inferInsert): PersonRow {
  return db.insert(people).values(values).returning().get();
}

export function grantRole(db: DbOrTx, values: typeof personRoles.$inferInsert): void {
  db.insert(personRoles).values(values).run();
}
