// The seminar as a calendar file (RFC 5545), so people can add it to their
// calendar in one tap. Times are written in UTC (the trailing Z): every
// calendar shows them in its owner's zone, and no VTIMEZONE has to be kept
// in step with the tz database. The UID stays the same for the seminar's
// whole life and SEQUENCE grows with each change, so an updated or cancelled
// file replaces the event already in the calendar instead of adding another.
//
// The file travels as its own message right after the card: a card that is
// a document could not be edited in place when someone answers it.
import { saveFile } from '../../db/repos/broadcasts.js';
import type { Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import { queueToReach, type Reach } from '../core/audience.js';
import type { CoreDeps } from '../core/context.js';
import { getValue, setValue } from '../../db/repos/kv.js';

/** How many times a seminar was changed or cancelled: its calendar file's SEQUENCE, and part of its notices' keys. */
export function changeCount(db: DbOrTx, seminarId: number): number {
  return Number(getValue(db, `seminar:${seminarId}:sequence`) ?? 0);
}

export function bumpChangeCount(db: DbOrTx, seminarId: number): number {
  const next = changeCount(db, seminarId) + 1;
  setValue(db, `seminar:${seminarId}:sequence`, String(next));
  return next;
}

export type CalendarMethod = 'PUBLISH' | 'CANCEL';

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const utc = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** One VEVENT: its UID is the session's own, so a series' file and a later update of one session speak of the same event. */
function eventLines(seminar: Seminar, sequence: number, method: CalendarMethod, now: Date): string[] {
  const end = new Date(seminar.startsAt.getTime() + seminar.durationMinutes * 60_000);
  const online = seminar.format === 'online';
  return [
    'BEGIN:VEVENT',
    `UID:seminar-${seminar.id}@opora`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${utc(now)}`,
    `DTSTART:${utc(seminar.startsAt)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeText(seminar.title)}`,
    `LOCATION:${escapeText(seminar.place)}`,
    ...(online ? [`URL:${seminar.place}`] : []),
    ...(seminar.description ? [`DESCRIPTION:${escapeText(seminar.description)}`] : []),
    // iTIP (RFC 5546) wants an organizer on a cancellation; the address is reserved never to resolve.
    'ORGANIZER;CN=Opora:mailto:seminars@opora.invalid',
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

/**
 * A calendar of several events, each with its own SEQUENCE. A series goes as
 * one VEVENT per session rather than an RRULE: sessions are moved and
 * cancelled one by one, and every calendar follows a plain list of events.
 */
export function calendarOf(events: { seminar: Seminar; sequence: number }[], method: CalendarMethod, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Opora//Seminars//RU',
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...events.flatMap((e) => eventLines(e.seminar, e.sequence, method, now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

export function seminarCalendar(seminar: Seminar, sequence: number, method: CalendarMethod, now: Date): string {
  return calendarOf([{ seminar, sequence }], method, now);
}

/** Queues the calendar file to each recipient as its own message, under `${key}:ics`. */
export function queueCalendar(
  tx: DbOrTx,
  deps: Pick<CoreDeps, 'i18n' | 'settings'>,
  seminar: Seminar,
  r: Reach,
  options: { key: string; batch: string; now: Date; urgent?: boolean; method: CalendarMethod },
): number {
  const ics = seminarCalendar(seminar, changeCount(tx, seminar.id), options.method, options.now);
  const file = saveFile(tx, { name: `seminar-${seminar.id}.ics`, mime: 'text/calendar', data: Buffer.from(ics, 'utf8'), uploadedBy: null });
  const text = options.method === 'CANCEL' ? 'seminar-calendar-cancel' : 'seminar-calendar';
  return queueToReach(tx, deps, seminar.municipalityId, r, (_person, t) => ({ text: t(text, { title: seminar.title }) }), {
    key: `${options.key}:ics`,
    batch: options.batch,
    now: options.now,
    urgent: options.urgent,
    fileId: file.id,
  });
}

/** The calendar file of several sessions of a series, as one message per recipient under `${key}:ics`. */
export function queueSeriesCalendar(
  tx: DbOrTx,
  deps: Pick<CoreDeps, 'i18n' | 'settings'>,
  seriesId: number,
  sessions: Seminar[],
  r: Reach,
  options: { key: string; batch: string; now: Date; urgent?: boolean; method: CalendarMethod },
): number {
  const first = sessions[0];
  if (!first) return 0;
  const ics = calendarOf(sessions.map((seminar) => ({ seminar, sequence: changeCount(tx, seminar.id) })), options.method, options.now);
  const file = saveFile(tx, { name: `series-${seriesId}.ics`, mime: 'text/calendar', data: Buffer.from(ics, 'utf8'), uploadedBy: null });
  const text = options.method === 'CANCEL' ? 'series-calendar-cancel' : 'series-calendar';
  return queueToReach(tx, deps, first.municipalityId, r, (_person, t) => ({ text: t(text, { title: first.title, count: sessions.length }) }), {
    key: `${options.key}:ics`,
    batch: options.batch,
    now: options.now,
    urgent: options.urgent,
    fileId: file.id,
  });
}
