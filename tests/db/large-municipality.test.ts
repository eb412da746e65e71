// A region-sized municipality: queries over everyone's ids stay under
// SQLite's limit of bound variables (32,766), so audiences, reminders and
// broadcasts still resolve with 40,000 people.
import { describe, expect, it } from 'vitest';
import { primaryAccounts } from '../../db/repos/audience.js';
import { peopleOf } from '../../db/repos/people.js';
import { accounts, people, personRoles } from '../../db/schema.js';
import { makeCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const PEOPLE = 40_000;

describe('a municipality of 40,000 people', () => {
  it('lists everyone with their roles and finds everyone’s account', () => {
    const t = makeCore();
    try {
      const { municipalityId } = seedMunicipality(t.db, { platform: 'telegram', schools: [{ short: 'Школа 1', statuses: [] }], people: [] });
      t.db.transaction((tx) => {
        for (let i = 0; i < PEOPLE; i++) {
          const person = tx.insert(people).values({ municipalityId, fullName: `Педагог ${i}`, consentAt: new Date(0) }).returning({ id: people.id }).get();
          tx.insert(personRoles).values({ personId: person.id, role: i % 100 === 0 ? 'mentor' : 'teacher', municipalityId }).run();
          tx.insert(accounts).values({ platform: 'telegram', externalId: String(i + 1), chatId: String(i + 1), personId: person.id }).run();
        }
      });
      const everyone = peopleOf(t.db, municipalityId);
      expect(everyone).toHaveLength(PEOPLE);
      expect(everyone.filter((p) => p.roles.some((r) => r.role === 'mentor'))).toHaveLength(PEOPLE / 100);
      expect(primaryAccounts(t.db, everyone.map((p) => p.id)).size).toBe(PEOPLE);
    } finally {
      t.close();
    }
  });
});
