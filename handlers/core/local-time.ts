// Local time of a municipality (IANA zones, UTC+2 to UTC+12) and quiet hours,
// on luxon so that no date arithmetic is written by hand.
import { DateTime } from 'luxon';
import type { DbOrTx } from '../../db/client.js';
import { getMunicipality } from '../../db/repos/org.js';
import type { Clock } from './clock.js';
import type { Settings } from './context.js';

/** What the zone of a municipality is read from: its row, or the service's default. */
export interface ZoneDeps {
  db: DbOrTx;
  settings: Pick<Settings, 'defaultTimezone'>;
}

/** The municipality's IANA zone, or the service's default when it has none (or is gone). */
export function municipalityZone(deps: ZoneDeps, municipalityId: number): string {
  return getMunicipality(deps.db, municipalityId)?.timezone ?? deps.settings.defaultTimezone;
}

/** Today's local date (YYYY-MM-DD) in the municipality. */
export function todayIn(deps: ZoneDeps & { clock: Clock }, municipalityId: number): string {
  return localDate(deps.clock.now(), municipalityZone(deps, municipalityId));
}

export interface QuietHours {
  start: string;
  end: string;
}

function minutesOf(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** The instant of a local date and time in a zone. */
export function atLocal(date: string, hhmm: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${hhmm}`, { zone }).toJSDate();
}

/**
 * The latest daily slot at `hhmm` local time not after `now`: its local date
 * (a key for "done today") and its instant.
 */
export function latestDailySlot(now: Date, zone: string, hhmm: string): { date: string; at: Date } {
  const today = localDate(now, zone);
  const at = atLocal(today, hhmm, zone);
  if (at.getTime() <= now.getTime()) return { date: today, at };
  const yesterday = DateTime.fromISO(today, { zone }).minus({ days: 1 }).toISODate() ?? today;
  return { date: yesterday, at: atLocal(yesterday, hhmm, zone) };
}

/** Whether an instant falls into quiet hours in a zone (the interval may cross midnight). */
export function isQuiet(instant: Date, zone: string, quiet: QuietHours): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  const minute = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The instant itself, or the end of the quiet hours it falls into. */
export function outsideQuietHours(instant: Date, zone: string, quiet: QuietHours): Date {
  if (!isQuiet(instant, zone, quiet)) return instant;
  const local = DateTime.fromJSDate(instant, { zone });
  const [h = 0, m = 0] = quiet.end.split(':').map(Number);
  let end = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
