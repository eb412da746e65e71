// The scanner: prepares the line (normalized text, today, the counterparts'
// name forms) and walks it from left to right. At each word it tries in turn
// a duration, a date, a counterpart and a format; what one claims is placed
// (or unread when impossible or contradicting an earlier value), and a word
// nothing claims is left over for the topic. Separators are skipped.
import { DateTime } from 'luxon';
import { counterpart } from './counterpart.js';
import { date } from './dates.js';
import { duration } from './durations.js';
import { format } from './formats.js';
import type { Found, Hit, Line, Recogniser } from './model.js';
import { nameParts } from './names.js';
import { schoolOf } from './schools.js';
import { matchAt, normalize } from './text.js';
import type { ConsultationFormat, OneLineContext } from './types.js';

const RECOGNISERS: Recogniser[] = [duration, date, counterpart, format];
const SEPARATOR = /[\s,;:!?()«»"“”„.\-–—]/u;
const LEFTOVER_WORD = /[^\s,;!?()«»"“”„]+/uy;

export interface Piece {
  kind: 'word' | 'unread' | 'placed';
  start: number;
  end: number;
}

export interface Scan {
  date?: string;
  minutes?: number;
  format?: ConsultationFormat;
  implied?: ConsultationFormat;
  ids?: number[];
  pieces: Piece[];
}

/** Takes a value unless a different one was read before ("45 мин … 2 ч"): then the second is unread. */
function take<K extends 'date' | 'minutes' | 'format'>(scan: Scan, key: K, value: NonNullable<Scan[K]>): boolean {
  if (scan[key] !== undefined && scan[key] !== value) return false;
  scan[key] = value;
  return true;
}

/** A second mention of a counterpart narrows the first ("Иванова … Мария Петровна"); one that contradicts it is unread. */
function narrow(scan: Scan, found: Extract<Found, { kind: 'counterpart' }>): boolean {
  const ids = scan.ids ? found.ids.filter((id) => scan.ids?.includes(id)) : found.ids;
  if (ids.length === 0) return false;
  scan.ids = [...new Set(ids)].sort((a, b) => a - b);
  scan.implied ??= found.implies;
  return true;
}

function accept(scan: Scan, found: Found): boolean {
  switch (found.kind) {
    case 'invalid':
      return false;
    case 'date':
      return take(scan, 'date', found.date);
    case 'minutes':
      return take(scan, 'minutes', found.minutes);
    case 'format':
      return take(scan, 'format', found.format);
    case 'counterpart':
      return narrow(scan, found);
  }
}

/** The text before the topic, ready to scan: normalized, with today and every counterpart's name forms. */
export function lineOf(head: string, context: OneLineContext): Line {
  const today = DateTime.fromISO(context.today, { zone: 'utc' });
  const counterparts = context.counterparts;
  return {
    norm: normalize(head),
    today: today.startOf('day'),
    people: counterparts.filter((c) => c.kind === 'person').map((c) => ({ id: c.id, names: c.names.map(nameParts) })),
    schools: counterparts.filter((c) => c.kind === 'school').map(schoolOf),
  };
}

export function scanLine(line: Line): Scan {
  const scan: Scan = { pieces: [] };
  let at = 0;
  while (at < line.norm.length) {
    if (SEPARATOR.test(line.norm.charAt(at))) {
      at++;
      continue;
    }
    const hit = RECOGNISERS.reduce<Hit | undefined>((found, recognise) => found ?? recognise(line, at), undefined);
    const end = hit?.end ?? at + (matchAt(LEFTOVER_WORD, line.norm, at)?.[0].length ?? 1);
    const kind = hit === undefined ? 'word' : accept(scan, hit.found) ? 'placed' : 'unread';
    scan.pieces.push({ kind, start: at, end });
    at = Math.max(end, at + 1);
  }
  return scan;
}
