// Who has confirmed a broadcast that asked for it, person by person, for the
// report, the list, the reminder and the XLSX. What happened to each
// person's row decides: delivered and pressed is confirmed, delivered only
// is «не подтвердил(а)», a row still queued is waiting, and a row blocked,
// failed or stopped (or no row at all, for someone in the audience who had
// no messenger) is «не доставлено» with why. So a stopped broadcast does not
// count those it never reached as not having confirmed.
//
// An erased person's rows lose their account's person and their name goes:
// their confirmation stays as a count, without a name.
import { peopleInAudience } from '../../db/repos/audience.js';
import { accountPlatforms, acksOf, batchRows, type Broadcast, type BatchRow } from '../../db/repos/broadcasts.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import { schoolsOf } from '../../db/repos/org.js';
import { OUTBOX_STOPPED } from '../../db/repos/outbox.js';
import { getPerson, peopleOf, type Person } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import type { PlatformName, RoleName } from '../../db/schema.js';
import { broadcastBatch } from './send.js';

export const ackStates = ['confirmed', 'waiting', 'queued', 'blocked', 'failed', 'stopped', 'none'] as const;
export type AckState = (typeof ackStates)[number];
/** The states of those it could not reach. */
export const UNREACHED: readonly AckState[] = ['blocked', 'failed', 'stopped', 'none'];

export interface AckEntry {
  /** Null for an erased person's row, whose account no longer names them. */
  personId: number | null;
  /** Null once erased. */
  name: string | null;
  school: string | null;
  roles: RoleName[];
  platform: PlatformName | null;
  state: AckState;
  /** When they confirmed. */
  at?: Date;
}

export type AckCounts = Record<AckState, number> & { unreached: number };

function rowState(row: BatchRow): AckState {
  if (row.state === 'sent') return 'waiting';
  if (row.state === 'pending' || row.state === 'sending') return 'queued';
  if (row.state === 'blocked') return 'blocked';
  return row.lastError === OUTBOX_STOPPED ? 'stopped' : 'failed';
}

export function ackEntries(db: DbOrTx, broadcast: Broadcast): AckEntry[] {
  const municipalityId = broadcast.municipalityId;
  const living = new Map(peopleOf(db, municipalityId).map((p) => [p.id, p]));
  const schools = new Map(schoolsOf(db, municipalityId).map((s) => [s.id, s.shortName]));
  const personOf = (id: number): Person | undefined => living.get(id) ?? getPerson(db, id);
  const describe = (id: number, state: AckState, platform: PlatformName | null, at?: Date): AckEntry => {
    const person = personOf(id);
    const erased = !person || person.erasedAt !== null;
    return {
      personId: id,
      name: erased ? null : (person.fullName ?? '—'),
      school: !erased && person.schoolId !== null ? (schools.get(person.schoolId) ?? null) : null,
      roles: erased ? [] : [...new Set(person.roles.filter((g) => g.municipalityId === null || g.municipalityId === municipalityId).map((g) => g.role))],
      platform,
      state,
      ...(at ? { at } : {}),
    };
  };
  const acks = new Map(acksOf(db, broadcast.id).map((a) => [a.personId, a.at]));
  const rows = batchRows(db, broadcastBatch(broadcast.id));
  const entries: AckEntry[] = [];
  const seen = new Set<number>();
  const anonymous: BatchRow[] = [];
  for (const row of rows) {
    if (row.personId === null) {
      anonymous.push(row);
      continue;
    }
    if (seen.has(row.personId)) continue;
    seen.add(row.personId);
    const at = acks.get(row.personId);
    entries.push(describe(row.personId, at ? 'confirmed' : rowState(row), row.platform, at));
  }
  // Confirmations whose row no longer names them: erased people, or rows pruned since.
  const unmatched = [...acks].filter(([id]) => !seen.has(id));
  const platforms = accountPlatforms(db, unmatched.map(([id]) => id));
  let erasedAcks = 0;
  for (const [id, at] of unmatched) {
    seen.add(id);
    const entry = describe(id, 'confirmed', platforms.get(id) ?? null, at);
    if (entry.name === null) erasedAcks += 1;
    entries.push(entry);
  }
  // An erased person's delivered row: as many of them as erased confirmations are those confirmations.
  for (const row of anonymous) {
    const state = rowState(row);
    if (state === 'waiting' && erasedAcks > 0) {
      erasedAcks -= 1;
      continue;
    }
    entries.push({ personId: null, name: null, school: null, roles: [], platform: row.platform, state });
  }
  // In the audience with no row: they had no messenger when it went.
  for (const person of peopleInAudience(db, municipalityId, broadcast.audience)) {
    if (!seen.has(person.id)) entries.push(describe(person.id, 'none', null));
  }
  return entries.sort(byStateSchoolName);
}

function byStateSchoolName(a: AckEntry, b: AckEntry): number {
  return (
    ackStates.indexOf(a.state) - ackStates.indexOf(b.state) ||
    Number(a.name === null) - Number(b.name === null) ||
    (a.school ?? '').localeCompare(b.school ?? '', 'ru') ||
    (a.name ?? '').localeCompare(b.name ?? '', 'ru')
  );
}

export function ackCounts(entries: readonly AckEntry[]): AckCounts {
  const counts = Object.fromEntries(ackStates.map((s) => [s, 0])) as Record<AckState, number>;
  for (const entry of entries) counts[entry.state] += 1;
  return { ...counts, unreached: UNREACHED.reduce((n, s) => n + counts[s], 0) };
}

/** Those a reminder goes to: delivered, not confirmed, and still named (an erased person is not written to). */
export const remindable = (entries: readonly AckEntry[]): number[] => entries.flatMap((e) => (e.state === 'waiting' && e.personId !== null && e.name !== null ? [e.personId] : []));

const remindersKey = (broadcastId: number) => `broadcast-ack-reminders:${broadcastId}`;

/** How many reminders a broadcast has had. */
export function remindersSent(db: DbOrTx, broadcastId: number): number {
  return Number(getValue(db, remindersKey(broadcastId)) ?? 0);
}

export function setRemindersSent(db: DbOrTx, broadcastId: number, count: number): void {
  setValue(db, remindersKey(broadcastId), String(count));
}
