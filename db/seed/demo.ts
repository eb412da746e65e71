// The demo municipality the terminal playground starts with: a few schools
// and a person of every role, so a newcomer can try every command. All names
// are invented.
import { eq } from 'drizzle-orm';
import type { Db } from '../types.js';
import { accounts, municipalities, people, personRoles, regions, schools, schoolStatuses, type RoleName } from '../schema.js';

export const DEMO_MUNICIPALITY = 'Демо-район';

interface DemoPerson {
  name: string;
  roles: RoleName[];
  school?: string;
  /** Stored as onboarding stores them: the keys of handlers/people/subjects.ts («math»), never free text. */
  subjects?: string[];
}

const demoSchools: { name: string; shortName: string; statuses: (typeof schoolStatuses.$inferInsert)['status'][] }[] = [
  { name: 'МБОУ «Средняя школа № 1»', shortName: 'СШ № 1', statuses: ['leader'] },
  { name: 'МКОУ «Ильинская основная школа»', shortName: 'Ильинская ООШ', statuses: ['low_results'] },
  { name: 'МКОУ «Заречная средняя школа»', shortName: 'Заречная СОШ', statuses: ['social_conditions', 'low_results'] },
  { name: 'МБОУ «Средняя школа № 7»', shortName: 'СШ № 7', statuses: ['at_risk'] },
];

const demoPeople: DemoPerson[] = [
  { name: 'Соколова Ирина Павловна', roles: ['coordinator'] },
  { name: 'Литвинов Андрей Сергеевич', roles: ['curator'] },
  { name: 'Белова Ольга Николаевна', roles: ['mentor'], school: 'СШ № 1' },
  { name: 'Журавлёв Денис Олегович', roles: ['tutor'], school: 'СШ № 1', subjects: ['math'] },
  { name: 'Кравец Наталья Игоревна', roles: ['school_admin'], school: 'Ильинская ООШ' },
  { name: 'Миронова Светлана Юрьевна', roles: ['teacher'], school: 'Ильинская ООШ', subjects: ['math'] },
  { name: 'Ефимов Павел Андреевич', roles: ['school_admin'], school: 'Заречная СОШ' },
  { name: 'Гусева Анна Викторовна', roles: ['teacher'], school: 'Заречная СОШ', subjects: ['russian', 'literature'] },
];

/** Seeds the demo municipality once; returns false when it exists already. */
export function seedDemo(db: Db, timezone: string, today: string): boolean {
  if (db.select().from(municipalities).where(eq(municipalities.name, DEMO_MUNICIPALITY)).get()) return false;
  db.transaction((tx) => {
    const region = tx.insert(regions).values({ name: 'Демонстрационная область' }).returning().get();
    const municipality = tx
      .insert(municipalities)
      .values({ regionId: region.id, name: DEMO_MUNICIPALITY, timezone })
      .returning()
      .get();
    const schoolIds = new Map<string, number>();
    for (const s of demoSchools) {
      const row = tx
        .insert(schools)
        .values({ municipalityId: municipality.id, name: s.name, shortName: s.shortName })
        .returning()
        .get();
      schoolIds.set(s.shortName, row.id);
      for (const status of s.statuses) tx.insert(schoolStatuses).values({ schoolId: row.id, status, since: today }).run();
    }
    for (const p of demoPeople) {
      const person = tx
        .insert(people)
        .values({
          municipalityId: municipality.id,
          schoolId: p.school ? schoolIds.get(p.school) : undefined,
          fullName: p.name,
          subjects: p.subjects ?? [],
          consentAt: new Date(),
        })
        .returning()
        .get();
      for (const role of p.roles) {
        tx.insert(personRoles)
          .values({
            personId: person.id,
            role,
            municipalityId: role === 'curator' ? null : municipality.id,
            regionId: region.id,
          })
          .run();
      }
      tx.insert(accounts)
        .values({ platform: 'console', externalId: `person-${person.id}`, chatId: `person-${person.id}`, personId: person.id })
        .run();
    }
  });
  return true;
}

/** The people the playground can speak as: those with a console account. */
export function consolePeople(db: Db): { accountId: number; externalId: string; name: string; roles: RoleName[] }[] {
  const rows = db
    .select({ accountId: accounts.id, externalId: accounts.externalId, name: people.fullName, personId: people.id })
    .from(accounts)
    .innerJoin(people, eq(accounts.personId, people.id))
    .where(eq(accounts.platform, 'console'))
    .all();
  return rows.map((r) => ({
    accountId: r.accountId,
    externalId: r.externalId,
    name: r.name ?? '—',
    roles: db
      .select({ role: personRoles.role })
      .from(personRoles)
      .where(eq(personRoles.personId, r.personId))
      .all()
      .map((x) => x.role),
  }));
}
