// Builds a municipality for tests straight in the database: schools with
// statuses, and people with roles and messenger accounts, as if they had
// joined.
import type { Db } from '../../db/client.js';
import { accounts, municipalities, people, personRoles, regions, schools, schoolStatuses, type PlatformName, type RoleName } from '../../db/schema.js';

/** When seeded people last wrote to the bot: recent enough that no retention period has run out in the tests' years. */
const SEEN = new Date('2026-01-01T00:00:00Z');

export interface SeedPerson {
  name: string;
  role: RoleName;
  school?: string;
  subjects?: string[];
  /** The messenger user id; the account is on the seed's platform. */
  user?: number;
}

export interface Seeded {
  municipalityId: number;
  schoolIds: Map<string, number>;
  personIds: Map<string, number>;
}

export function seedMunicipality(
  db: Db,
  input: { name?: string; timezone?: string; platform: PlatformName; schools: { short: string; statuses: ('low_results' | 'social_conditions' | 'at_risk' | 'leader' | 'partner')[] }[]; people: SeedPerson[] },
): Seeded {
  return db.transaction((tx) => {
    const region = tx.insert(regions).values({ name: `Область ${input.name ?? 'тестовая'}` }).returning().get();
    const m = tx
      .insert(municipalities)
      .values({ regionId: region.id, name: input.name ?? 'Тестовый район', timezone: input.timezone ?? 'Europe/Moscow' })
      .returning()
      .get();
    const schoolIds = new Map<string, number>();
    for (const s of input.schools) {
      const row = tx.insert(schools).values({ municipalityId: m.id, name: `МБОУ «${s.short}»`, shortName: s.short }).returning().get();
      schoolIds.set(s.short, row.id);
      for (const status of s.statuses) tx.insert(schoolStatuses).values({ schoolId: row.id, status, since: '2026-09-01' }).run();
    }
    const personIds = new Map<string, number>();
    for (const p of input.people) {
      const person = tx
        .insert(people)
        .values({ municipalityId: m.id, schoolId: p.school ? schoolIds.get(p.school) : null, fullName: p.name, subjects: p.subjects ?? [], consentAt: new Date(0) })
        .returning()
        .get();
      personIds.set(p.name, person.id);
      tx.insert(personRoles).values({ personId: person.id, role: p.role, municipalityId: m.id, regionId: region.id }).run();
      if (p.user !== undefined) {
        tx.insert(accounts).values({ platform: input.platform, externalId: String(p.user), chatId: String(p.user), personId: person.id, lastSeenAt: SEEN }).run();
      }
    }
    return { municipalityId: m.id, schoolIds, personIds };
  });
}
