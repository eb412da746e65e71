// Reading what people type on a phone into numbers and dates, the Russian
// way: a decimal comma, spaces between thousands, "15%", "12.03.2026" or just
// "12.03". Written by hand because the forms are few and exact, and a general
// parser (chrono, Intl) either guesses too much or reads the comma wrongly;
// the calendar itself is luxon's. Survey answers and road-map dates both read
// them, so they live in the core.
import { DateTime } from 'luxon';

/** Any space a keyboard or a copied spreadsheet cell may put between digits (NBSP, thin, narrow). */
const SPACES = /\s+/gu;
/** Digits with optional thousands groups, a decimal part after a comma or point, and an optional percent sign. */
const NUMBER = /^([-−]?)(\d+|\d{1,3}(?: \d{3})+)(?:[.,](\d+))?(?: ?(%))?$/u;

export interface NumberReading {
  value: number;
  percent: boolean;
}

/** Reads "12", "12,5", " 1 200 ", "-3", "15%"; null when the text is not one plain number. */
export function readNumber(text: string): NumberReading | null {
  const match = NUMBER.exec(text.replace(SPACES, ' ').trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction, percent] = match;
  const value = Number(`${sign ? '-' : ''}${whole.replaceAll(' ', '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value, percent: percent !== undefined } : null;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u;
const FULL_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/u;
const DAY_MONTH = /^(\d{1,2})[./](\d{1,2})$/u;
/** "12.03.2026 г." and "12.03.2026г" are common; the year mark carries nothing. */
const YEAR_MARK = /\s*г\.?$/u;

function isoDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100) return null;
  const date = DateTime.utc(year, month, day);
  return date.isValid ? date.toISODate() : null;
}

function fullYear(written: string): number {
  return written.length === 2 ? 2000 + Number(written) : Number(written);
}

/**
 * Reads a calendar date into an ISO string (2026-03-12). A date written
 * without a year ("12.03") takes the year of `today` (an ISO date in the
 * municipality's zone); without `today` it is not a date. Impossible days
 * (31.02) are refused rather than rolled over.
 */
export function readDate(text: string, today?: string): string | null {
  const clean = text.trim().replace(YEAR_MARK, '').replace(/\.$/u, '');
  const iso = ISO_DATE.exec(clean);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const full = FULL_DATE.exec(clean);
  if (full) return isoDay(fullYear(full[3] ?? ''), Number(full[2]), Number(full[1]));
  const short = DAY_MONTH.exec(clean);
  const year = today ? DateTime.fromISO(today, { zone: 'utc' }).year : Number.NaN;
  if (short && Number.isInteger(year)) return isoDay(year, Number(short[2]), Number(short[1]));
  return null;
}
