// Regions, municipalities and schools with their dated statuses.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { ready } from '../prepared.js';
import { inChunks } from './chunks.js';
import { municipalities, regions, schools, schoolStatuses, type MunicipalitySettings } from '../schema.js';

export type Municipality = typeof municipalities.$inferSelect;
export type SchoolRow = typeof schools.$inferSelect;
export type SchoolStatus = (typeof schoolStatuses.$inferSelect)['status'];
export const schoolStatusNames: readonly SchoolStatus[] = ['low_results', 'social_conditions', 'at_risk', 'leader', 'partner'];
/** Statuses that put a school on the supported list. */
export const supportedStatuses: readonly SchoolStatus[] = ['low_results', 'social_conditions', 'at_risk'];

export interface School extends SchoolRow {
  statuses: SchoolStatus[];
}

export function getMunicipality(db: DbOrTx, id: number): Municipality | undefined {
  return ready(db, 'getMunicipality', (d) => d.select().from(municipalities).where(eq(municipalities.id, sql.placeholder('id'))).prepare()).get({ id });
}

/** The municipalities of these regions, by name. */
export function municipalitiesInRegions(db: DbOrTx, regionIds: number[]): Municipality[] {
  if (regionIds.length === 0) return [];
  return db
    .select()
    .from(municipalities)
    .where(inArray(municipalities.regionId, regionIds))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export function findMunicipality(db: DbOrTx, name: string): Municipality | undefined {
  const wanted = name.trim().toLocaleLowerCase('ru');
  return db
    .select()
    .from(municipalities)
    .all()
    .find((m) => m.name.toLocaleLowerCase('ru') === wanted);
}

/**
 * Finds a municipality by name or creates it, with its region. Without a
 * region name it gets a region of its own: a curator of one such
 * municipality must never read every other one.
 */
export function ensureMunicipality(db: DbOrTx, input: { name: string; region?: string; timezone: string }): Municipality {
  const existing = findMunicipality(db, input.name);
  if (existing) return existing;
  const name = input.name.trim();
  const region = input.region?.trim()
    ? (db.select().from(regions).where(eq(regions.name, input.region.trim())).get() ?? db.insert(regions).values({ name: input.region.trim() }).returning().get())
    : ownRegion(db, name);
  return db.insert(municipalities).values({ regionId: region.id, name, timezone: input.timezone }).returning().get();
}

/** A new region named after the municipality (with a number when that name is taken). */
function ownRegion(db: DbOrTx, municipality: string): typeof regions.$inferSelect {
  for (let n = 1; ; n++) {
    const name = n === 1 ? municipality : `${municipality} (${n})`;
    const row = db.insert(regions).values({ name }).onConflictDoNothing().returning().get();
    if (row) return row;
  }
}

function withStatuses(db: DbOrTx, rows: SchoolRow[]): School[] {
  if (rows.length === 0) return [];
  const current = inChunks(
    rows.map((s) => s.id),
    (ids) => db.select().from(schoolStatuses).where(and(inArray(schoolStatuses.schoolId, ids), isNull(schoolStatuses.until))).all(),
  );
  const bySchool = new Map<number, School['statuses']>();
  for (const c of current) bySchool.set(c.schoolId, [...(bySchool.get(c.schoolId) ?? []), c.status]);
  return rows.map((s) => ({ ...s, statuses: bySchool.get(s.id) ?? [] }));
}

export function schoolsOf(db: DbOrTx, municipalityId: number): School[] {
  return withStatuses(db, db.select().from(schools).where(eq(schools.municipalityId, municipalityId)).all()).sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'ru', { numeric: true }),
  );
}

export function getSchool(db: DbOrTx, id: number): School | undefined {
  return withStatuses(db, db.select().from(schools).where(eq(schools.id, id)).all())[0];
}

/** Loose comparison of school names: case, quotes, «№» spacing and extra spaces do not matter. */
export function normalizeSchoolName(name: string): string {
  return name
    .toLocaleLowerCase('ru')
    .replace(/ё/g, 'е')
    .replace(/[«»"'“”„]/g, '')
    .replace(/№\s*/g, '№')
    .replace(/\s+/g, ' ')
    .trim();
}

export function findSchool(db: DbOrTx, municipalityId: number, name: string): School | undefined {
  const wanted = normalizeSchoolName(name);
  return schoolsOf(db, municipalityId).find(
    (s) => normalizeSchoolName(s.name) === wanted || normalizeSchoolName(s.shortName) === wanted,
  );
}

export type UpsertResult = 'created' | 'updated' | 'unchanged';

/** Creates or updates a school; statuses that disappear are closed today, new ones open today. */
export function upsertSchool(
  db: DbOrTx,
  municipalityId: number,
  input: { name: string; shortName: string; statuses: SchoolStatus[] },
  today: string,
): { school: SchoolRow; result: UpsertResult } {
  const existing = findSchool(db, municipalityId, input.name);
  if (!existing) {
    const school = db.insert(schools).values({ municipalityId, name: input.name, shortName: input.shortName }).returning().get();
    for (const status of input.statuses) db.insert(schoolStatuses).values({ schoolId: school.id, status, since: today }).run();
    return { school, result: 'created' };
  }
  let changed = false;
  if (existing.shortName !== input.shortName) {
    db.update(schools).set({ shortName: input.shortName }).where(eq(schools.id, existing.id)).run();
    changed = true;
  }
  for (const status of existing.statuses.filter((s) => !input.statuses.includes(s))) {
    db.update(schoolStatuses)
      .set({ until: today })
      .where(and(eq(schoolStatuses.schoolId, existing.id), eq(schoolStatuses.status, status), isNull(schoolStatuses.until)))
      .run();
    changed = true;
  }
  for (const status of input.statuses.filter((s) => !existing.statuses.includes(s))) {
    db.insert(schoolStatuses).values({ schoolId: existing.id, status, since: today }).run();
    changed = true;
  }
  return { school: { ...existing, shortName: input.shortName }, result: changed ? 'updated' : 'unchanged' };
}

export function isSupported(school: School): boolean {
  return school.statuses.some((s) => supportedStatuses.includes(s));
}

export function updateMunicipalitySettings(db: DbOrTx, id: number, settings: MunicipalitySettings, timezone?: string): void {
  db.update(municipalities).set(timezone ? { settings, timezone } : { settings }).where(eq(municipalities.id, id)).run();
}
