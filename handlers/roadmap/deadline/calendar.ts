// Calendar arithmetic for deadlines, done by luxon in UTC so that no time
// zone or daylight-saving rule can move a calendar date: month ends, days
// clamped to their month, the plan's period, and the year that a month
// written without a year belongs to.
import { DateTime } from 'luxon';
import type { PlanPeriod } from './types.js';

export interface MonthDay {
  month: number;
  day: number;
}

/** A day number meaning "the last day of the month" (clamped by isoDate). */
export const LAST_DAY = 31;

function first(year: number, month: number): DateTime {
  const date = DateTime.utc(year, month, 1);
  if (!date.isValid) throw new RangeError(`no such month: ${year}-${month}`);
  return date;
}

/** The ISO date of a day, clamped to its month: (2021, 2, 31) is 2021-02-28. Months past 12 roll into the next year. */
export function isoDate(year: number, month: number, day: number): string {
  const start = first(year, 1).plus({ months: month - 1 });
  const date = start.set({ day: Math.min(day, start.daysInMonth ?? 28) });
  return date.toISODate() ?? '';
}

export function addYears(iso: string, years: number): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).plus({ years }).toISODate() ?? iso;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export interface Period {
  from: string;
  to: string;
}

/** The plan's period: its explicit bounds, or the calendar year. */
export function planPeriod(plan: PlanPeriod): Period {
  return { from: plan.from ?? `${plan.year}-01-01`, to: plan.to ?? `${plan.year}-12-31` };
}

/** A plan whose explicit bounds lie in two (or more) calendar years, such as a school year. */
export function spansYears(plan: PlanPeriod): boolean {
  return plan.from !== undefined && plan.to !== undefined && yearOf(plan.to) > yearOf(plan.from);
}

/**
 * The year for a span of one calendar year (a month, a quarter…) written
 * without a year. With explicit bounds: the first year in which the span
 * overlaps the plan's period; for a school-year plan a span outside it
 * (July, August) follows the rule "September to December take the first
 * year, January to August the second". Otherwise the plan's year.
 */
export function impliedYear(plan: PlanPeriod, start: MonthDay, end: MonthDay): number {
  if (!plan.from || !plan.to) return plan.year;
  for (let year = yearOf(plan.from); year <= yearOf(plan.to); year++) {
    if (isoDate(year, start.month, start.day) <= plan.to && isoDate(year, end.month, end.day) >= plan.from) return year;
  }
  if (spansYears(plan)) return start.month >= 9 ? yearOf(plan.from) : yearOf(plan.to);
  return plan.year;
}

/** True when the first (month, day) comes strictly after the second within a year. */
export function later(a: MonthDay, b: MonthDay): boolean {
  return a.month > b.month || (a.month === b.month && a.day > b.day);
}
