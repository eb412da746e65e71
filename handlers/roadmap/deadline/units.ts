// Reads one unit of time from a piece of a normalized deadline: a date
// ("25.05.2020", "20 апреля 2020"), a month, a quarter, a half-year, a school
// term, a year, a span of years or a school year. A unit knows its first and
// last day within a year; its year may be missing and is settled later from
// its neighbours in a list or from the plan.
import { DateTime } from 'luxon';
import { LAST_DAY, spansYears, yearOf, type MonthDay } from './calendar.js';
import { SCHOOL_YEAR_TOKEN, YEARS_TOKEN } from './normalize.js';
import type { PlanPeriod } from './types.js';

export interface Unit {
  start: MonthDay;
  end: MonthDay;
  /** Calendar years from the start to the end: 0 for a month, 1 for a school year. */
  endYears: number;
  /** The start's year, when written or implied by the words themselves. */
  year?: number;
}

/** How a unit becomes a milestone: its whole span, by its start ("к сентябрю"), by its end ("до конца года"), or from it on ("с сентября"). */
export type Anchor = 'period' | 'within' | 'start' | 'end' | 'from';

export interface UnitContext {
  plan: PlanPeriod;
  anchor: Anchor;
}

export const MONTH = String.raw`(?:янв|фев|мар|апр|ма[йяюе]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*\.?`;
const MONTH_STEMS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

/**
 * School terms as this product counts them (the real dates differ a little by
 * region and year): I 1 Sep – 31 Oct, II 5 Nov – 28 Dec, III 9 Jan – 24 Mar,
 * IV 1 Apr – 31 May.
 */
export const TERMS: readonly (readonly [MonthDay, MonthDay])[] = [
  [{ month: 9, day: 1 }, { month: 10, day: 31 }],
  [{ month: 11, day: 5 }, { month: 12, day: 28 }],
  [{ month: 1, day: 9 }, { month: 3, day: 24 }],
  [{ month: 4, day: 1 }, { month: 5, day: 31 }],
];

export function monthNumber(word: string): number {
  if (word.startsWith('мар')) return 3;
  return MONTH_STEMS.findIndex((stem) => word.startsWith(stem)) + 1;
}

function span(start: MonthDay, end: MonthDay, year?: number, endYears = 0): Unit {
  return year === undefined ? { start, end, endYears } : { start, end, endYears, year };
}

function optionalYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function day(month: number, dayOfMonth: number, year?: number): Unit | undefined {
  if (!DateTime.utc(year ?? 2024, month, dayOfMonth).isValid) return undefined;
  const date = { month, day: dayOfMonth };
  return span(date, date, year);
}

function month(number: number, year?: number): Unit {
  return span({ month: number, day: 1 }, { month: number, day: LAST_DAY }, year);
}

function quarter(n: number, year?: number): Unit {
  return span({ month: 3 * n - 2, day: 1 }, { month: 3 * n, day: LAST_DAY }, year);
}

/** Calendar halves; in a school-year plan a half without a year is a school half (Sep–Dec, Jan–Jun). */
function half(n: number, year: number | undefined, plan: PlanPeriod): Unit {
  const school = year === undefined && spansYears(plan);
  const startMonth = school ? (n === 1 ? 9 : 1) : n === 1 ? 1 : 7;
  const endMonth = school ? (n === 1 ? 12 : 6) : n === 1 ? 6 : 12;
  return span({ month: startMonth, day: 1 }, { month: endMonth, day: LAST_DAY }, year);
}

function term(n: number, year?: number): Unit | undefined {
  const bounds = TERMS[n - 1];
  return bounds && span(bounds[0], bounds[1], year);
}

const WHOLE_YEAR: [MonthDay, MonthDay] = [
  { month: 1, day: 1 },
  { month: 12, day: 31 },
];
const SCHOOL_YEAR: [MonthDay, MonthDay] = [
  { month: 9, day: 1 },
  { month: 6, day: 30 },
];

/** "учебный год" without a year: the plan's school year; in a calendar plan the one starting ("к началу") or ending in its year. */
function impliedSchoolYear(ctx: UnitContext): number {
  if (spansYears(ctx.plan) && ctx.plan.from) return yearOf(ctx.plan.from);
  return ctx.anchor === 'start' ? ctx.plan.year : ctx.plan.year - 1;
}

/** A half or a term of a named school year ("II полугодие 2025-2026 уч. г."): the first half and terms I–II in its first calendar year, the rest in the next. */
function ofSchoolYear(kind: 'half' | 'term', n: number, schoolYear: number): Unit | undefined {
  if (kind === 'half') return n === 1 ? span({ month: 9, day: 1 }, { month: 12, day: LAST_DAY }, schoolYear) : span({ month: 1, day: 1 }, { month: 6, day: LAST_DAY }, schoolYear + 1);
  return term(n, n <= 2 ? schoolYear : schoolYear + 1);
}

type Rule = [RegExp, (m: RegExpMatchArray, ctx: UnitContext) => Unit | undefined];
const YEAR = String.raw`(?:\s+(\d{4}))?`;

const RULES: Rule[] = [
  [/^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/, (m) => day(Number(m[2]), Number(m[1]), optionalYear(m[3]))],
  [new RegExp(`^(\\d{1,2})\\s+(${MONTH})${YEAR}$`), (m) => day(monthNumber(m[2] ?? ''), Number(m[1]), optionalYear(m[3]))],
  [new RegExp(`^(${MONTH})${YEAR}$`), (m) => month(monthNumber(m[1] ?? ''), optionalYear(m[2]))],
  [/^([1-4])\s+квартал(?:\s+(\d{4}))?$/, (m) => quarter(Number(m[1]), optionalYear(m[2]))],
  [/^([12])\s+полугодие(?:\s+(\d{4}))?$/, (m, ctx) => half(Number(m[1]), optionalYear(m[2]), ctx.plan)],
  [/^([1-4])\s+четверть(?:\s+(\d{4}))?$/, (m) => term(Number(m[1]), optionalYear(m[2]))],
  [new RegExp(`^([12])\\s+полугодие\\s+${SCHOOL_YEAR_TOKEN}:(\\d{4})$`), (m) => ofSchoolYear('half', Number(m[1]), Number(m[2]))],
  [new RegExp(`^([1-4])\\s+четверть\\s+${SCHOOL_YEAR_TOKEN}:(\\d{4})$`), (m) => ofSchoolYear('term', Number(m[1]), Number(m[2]))],
  [new RegExp(`^([12])\\s+полугодие\\s+(?:текущ[а-я]* )?${SCHOOL_YEAR_TOKEN}$`), (m, ctx) => ofSchoolYear('half', Number(m[1]), impliedSchoolYear(ctx))],
  [new RegExp(`^([1-4])\\s+четверть\\s+(?:текущ[а-я]* )?${SCHOOL_YEAR_TOKEN}$`), (m, ctx) => ofSchoolYear('term', Number(m[1]), impliedSchoolYear(ctx))],
  [/^(\d{4})$/, (m) => span(...WHOLE_YEAR, Number(m[1]))],
  [new RegExp(`^${YEARS_TOKEN}:(\\d{4}):(\\d{4})$`), (m) => span(...WHOLE_YEAR, Number(m[1]), Number(m[2]) - Number(m[1]))],
  [new RegExp(`^${SCHOOL_YEAR_TOKEN}:(\\d{4})$`), (m) => span(...SCHOOL_YEAR, Number(m[1]), 1)],
  [new RegExp(`^(?:текущ[а-я]* )?${SCHOOL_YEAR_TOKEN}$`), (_, ctx) => span(...SCHOOL_YEAR, impliedSchoolYear(ctx), 1)],
  [/^(?:текущ[а-я]* |календарн[а-я]* )?год[а-я]?$/, (_, ctx) => span(...WHOLE_YEAR, ctx.plan.year)],
];

export function parseUnit(text: string, ctx: UnitContext): Unit | undefined {
  for (const [pattern, build] of RULES) {
    const match = text.match(pattern);
    if (match) return build(match, ctx);
  }
  return undefined;
}
