// Resolves an audience (roles, schools, school statuses, named people) to the
// living people of a municipality, with the account each is reached on.
import { and, eq, inArray } from 'drizzle-orm';
import { accounts } from '../schema.js';
import type { DbOrTx } from '../types.js';
import type { Account } from './accounts.js';
import type { Audience } from '../schema.js';
import { schoolsOf } from './org.js';
import { peopleOf, type Person } from './people.js';
import { inChunks } from './chunks.js';

/** Person ids per query, under SQLite's limit on bound parameters. */
export function peopleInAudience(db: DbOrTx, municipalityId: number, audience: Audience): Person[] {
  const schools = new Map(schoolsOf(db, municipalityId).map((s) => [s.id, s]));
  const named = new Set(audience.personIds ?? []);
  const { roles = [], schoolIds = [], statuses = [] } = audience;
  const open = roles.length === 0 && schoolIds.length === 0 && statuses.length === 0 && named.size === 0;
  return peopleOf(db, municipalityId).filter((p) => {
    if (named.has(p.id)) return true;
    if (open) return true;
    if (roles.length === 0 && schoolIds.length === 0 && statuses.length === 0) return false;
    const school = p.schoolId !== null ? schools.get(p.schoolId) : undefined;
    return (
      (roles.length === 0 || p.roles.some((g) => roles.includes(g.role))) &&
      (schoolIds.length === 0 || (p.schoolId !== null && schoolIds.includes(p.schoolId))) &&
      (statuses.length === 0 || (school?.statuses.some((s) => statuses.includes(s)) ?? false))
    );
  });
}

/** The active account each person was last seen on, for every person who has one. */
export function primaryAccounts(db: DbOrTx, personIds: number[]): Map<number, Account> {
  const best = new Map<number, Account>();
  const rows = inChunks(personIds, (part) =>
    db.select().from(accounts).where(and(inArray(accounts.personId, part), eq(accounts.active, true))).all(),
  );
  for (const account of rows) {
    if (account.personId === null) continue;
    const current = best.get(account.personId);
    if (!current || (account.lastSeenAt?.getTime() ?? 0) > (current.lastSeenAt?.getTime() ?? 0)) best.set(account.personId, account);
  }
  return best;
}
