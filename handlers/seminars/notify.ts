// Who hears of a change to a seminar: those who answered «Приду» (waiting
// list included) or «Возможно», or, when the coordinator chooses so, everyone
// invited (the audience as it stands now, plus anyone who answered). Each
// notice is its own outbox row under the seminar's key, held by quiet hours.
import { primaryAccounts } from '../../db/repos/audience.js';
import { getPerson, type Person } from '../../db/repos/people.js';
import { rsvpsOf, type Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import type { PlatformName } from '../../db/schema.js';
import { queueToReach, reach, type Reach } from '../core/audience.js';
import type { Reply } from '../core/contract.js';
import type { CoreDeps } from '../core/context.js';
import type { Translate } from '../core/i18n.js';
import { z } from 'zod';

export const whoArg = z.enum(['answered', 'all']);
export type Who = z.infer<typeof whoArg>;

export function recipientsOf(db: DbOrTx, seminar: Seminar, who: Who): Reach {
  const answered = rsvpsOf(db, seminar.id)
    .filter((r) => r.answer !== 'no')
    .map((r) => getPerson(db, r.personId))
    .filter((p): p is Person => p !== undefined && !p.erasedAt);
  const people = who === 'all' ? [...reach(db, seminar.municipalityId, seminar.audience).people] : [];
  for (const p of answered) if (!people.some((q) => q.id === p.id)) people.push(p);
  return reachOfPeople(db, people);
}

/** Everyone invited (the audience now, and anyone who answered), whether or not they reply. */
export function invitedOf(db: DbOrTx, seminar: Seminar): Person[] {
  return recipientsOf(db, seminar, 'all').people;
}

export function reachOfPeople(db: DbOrTx, people: Person[]): Reach {
  const accounts = primaryAccounts(db, people.map((p) => p.id));
  const perPlatform: Partial<Record<PlatformName, number>> = {};
  for (const a of accounts.values()) perPlatform[a.platform] = (perPlatform[a.platform] ?? 0) + 1;
  return { people, accounts, perPlatform, unreachable: people.length - accounts.size };
}

/** Queues one notice per recipient; `key` must be new for each change, the person's id is added. */
export function notifySeminarChange(
  tx: DbOrTx,
  deps: Pick<CoreDeps, 'i18n' | 'settings'>,
  seminar: Seminar,
  r: Reach,
  key: string,
  now: Date,
  write: (person: Person, t: Translate) => Reply,
): number {
  return queueToReach(tx, deps, seminar.municipalityId, r, write, { key, batch: `seminar:${seminar.id}:change`, now });
}
