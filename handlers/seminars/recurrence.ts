// The arithmetic of a seminar series: which rhythms a first date allows
// («каждую неделю», «каждый второй вторник», «последний вторник месяца»,
// «каждый месяц 8-го»), and the dates of its sessions, computed on the
// municipality's wall clock with luxon, so a weekly 15:00 stays 15:00 local
// whatever the zone does. Weekdays are luxon's: 1 is Monday, 7 is Sunday.
//
// Two choices a coordinator would otherwise trip over:
// - a 5th weekday exists in some months only, so it is never offered: a
//   first date that is the 5th Tuesday is offered as «последний вторник»;
// - «каждый месяц 31-го» falls on the last day of a shorter month (30.04,
//   28.02 or 29.02), and goes back to the 31st where the month has one.
import { DateTime } from 'luxon';
import type { SeriesRecurrence } from '../../db/schema.js';

/** How many sessions one series may have, the first included. */
export const MIN_SESSIONS = 2;
export const MAX_SESSIONS = 20;

/** Which week of its month a date falls into: 1–5, counted from the first. */
const nthOf = (day: DateTime) => Math.ceil(day.day / 7);
const isLastOfMonth = (day: DateTime) => day.day + 7 > (day.daysInMonth ?? 31);

/** The rhythms a first session allows, in the order a coordinator would look for them. */
export function rhythmsFor(first: Date, zone: string): SeriesRecurrence[] {
  const day = DateTime.fromJSDate(first, { zone });
  const rhythms: SeriesRecurrence[] = [
    { kind: 'weekly', weekday: day.weekday, interval: 1 },
    { kind: 'weekly', weekday: day.weekday, interval: 2 },
    { kind: 'monthly_day', day: day.day },
  ];
  if (nthOf(day) <= 4) rhythms.push({ kind: 'monthly_weekday', weekday: day.weekday, nth: nthOf(day) });
  if (isLastOfMonth(day)) rhythms.push({ kind: 'monthly_weekday', weekday: day.weekday, nth: -1 });
  return rhythms;
}

/** A short stable name of a rhythm, for a dialog's button value. */
export function rhythmValue(r: SeriesRecurrence): string {
  if (r.kind === 'weekly') return `w${r.interval}`;
  if (r.kind === 'monthly_day') return 'md';
  return r.nth === -1 ? 'mlast' : `m${r.nth}`;
}

/** The `nth` weekday of a month (-1 = the last), at the given local time. */
function nthWeekday(year: number, month: number, weekday: number, nth: number, time: DateTime, zone: string): DateTime {
  const at = (d: number) => DateTime.fromObject({ year, month, day: d, hour: time.hour, minute: time.minute }, { zone });
  if (nth === -1) {
    const last = at(at(1).daysInMonth ?? 28);
    return last.minus({ days: (last.weekday - weekday + 7) % 7 });
  }
  const first = at(1);
  return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (nth - 1) * 7 });
}

/** The i-th session (0 = the first date itself) of a rhythm. */
function sessionAt(first: DateTime, r: SeriesRecurrence, i: number, zone: string): DateTime {
  if (r.kind === 'weekly') return first.plus({ weeks: i * r.interval });
  const month = first.startOf('month').plus({ months: i });
  if (r.kind === 'monthly_day') {
    const day = Math.min(r.day, month.daysInMonth ?? 28);
    return DateTime.fromObject({ year: month.year, month: month.month, day, hour: first.hour, minute: first.minute }, { zone });
  }
  return nthWeekday(month.year, month.month, r.weekday, r.nth, first, zone);
}

/**
 * The sessions of a series: `count` of them, or every one on or before the
 * local date `until` (YYYY-MM-DD), never more than MAX_SESSIONS + 1 (so a
 * caller can tell "too many" from "exactly the most").
 */
export function seriesDates(first: Date, zone: string, r: SeriesRecurrence, end: { count: number } | { until: string }): Date[] {
  const start = DateTime.fromJSDate(first, { zone });
  const dates: Date[] = [];
  for (let i = 0; dates.length <= MAX_SESSIONS; i++) {
    const at = sessionAt(start, r, i, zone);
    if ('count' in end ? dates.length >= end.count : (at.toISODate() ?? '') > end.until) break;
    dates.push(at.toJSDate());
  }
  return dates;
}

/** What a rhythm is called in a message: the Fluent key and its arguments. */
export function rhythmWords(r: SeriesRecurrence): { key: string; args: Record<string, string | number> } {
  if (r.kind === 'weekly') return { key: r.interval === 1 ? 'series-rhythm-weekly' : 'series-rhythm-biweekly', args: { weekday: r.weekday } };
  if (r.kind === 'monthly_day') return { key: 'series-rhythm-monthly-day', args: { day: r.day } };
  const nth = ['last', 'first', 'second', 'third', 'fourth'][r.nth === -1 ? 0 : r.nth] ?? 'last';
  return { key: 'series-rhythm-monthly-weekday', args: { weekday: r.weekday, nth } };
}
