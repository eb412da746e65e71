// Reads repeating deadlines ("ежеквартально", "по итогам четверти",
// "не позднее 10 числа месяца, следующего за отчётным", "ежегодно до
// 1 сентября") and expands them into concrete milestones within the plan's
// period, so reminders can be scheduled like any other date.
import { isoDate, LAST_DAY, planPeriod, yearOf, type MonthDay, type Period } from './calendar.js';
import { parsePart } from './parts.js';
import { TERMS } from './units.js';
import type { Milestone, PlanPeriod, Repeat, Schedule } from './types.js';

type Cadence = Repeat | 'half-yearly';

interface Rule {
  cadence: Cadence;
  /** Day of the month the report is due on ("до 5 числа"). */
  day?: number;
  /** Due in the month after the reporting month or quarter ("следующего за отчётным"). */
  following: boolean;
  /** Day of the year for a yearly deadline ("ежегодно до 1 сентября"). */
  anchor?: MonthDay;
}

const AFTER = String.raw`(?:по (?:итогам|окончании|завершении|результатам)|после|в конце)`;
const CADENCES: [RegExp, Cadence][] = [
  [new RegExp(`ежекварт|кажд[а-я]* квартал|раза? в квартал|следующ[а-я]* за отчетн[а-я]* квартал|${AFTER} (?:кажд[а-я]* )?квартал(?! \\d)`), 'quarterly'],
  [new RegExp(`ежечетверт|(?:^| )по четверть|кажд[а-я]* четверть|раза? в четверть|${AFTER} (?:кажд[а-я]* )?четверть(?! \\d)`), 'termly'],
  [new RegExp(`раза? в полугодие|кажд[а-я]* полугодие|2 раза в год|дважды в год|${AFTER} (?:кажд[а-я]* )?полугодие(?! \\d)`), 'half-yearly'],
  [/ежегодн|кажд[а-я]* год(?![а-я])|раз в год(?![а-я])/, 'yearly'],
  [new RegExp(`ежемесячн|кажд[а-я]* месяц|раза? в месяц|${AFTER} (?:кажд[а-я]* )?месяца|\\d числа (?:кажд[а-я]* )?месяца`), 'monthly'],
];

function yearlyAnchor(rest: string, plan: PlanPeriod): MonthDay | undefined {
  const part = parsePart(rest.replace(/^[\s,;:-]+/, ''), [], plan);
  if (!part || part.units.length > 1 || part.units[0].endYears > 0) return undefined;
  return part.anchor === 'start' ? part.units[0].start : part.units[0].end;
}

function ruleOf(text: string, plan: PlanPeriod): Rule | undefined {
  for (const [pattern, cadence] of CADENCES) {
    const match = text.match(pattern);
    if (!match) continue;
    const day = text.match(/(\d{1,2}) числа/)?.[1];
    const rule: Rule = { cadence, following: /следующ[а-я]* (?:за отчетн|месяц)/.test(text) || (cadence === 'quarterly' && day !== undefined) };
    if (day !== undefined) rule.day = Number(day);
    if (cadence === 'yearly') {
      // The day of the year after the word ("ежегодно до 1 сентября") or before it ("сентябрь (ежегодно)").
      const after = yearlyAnchor(text.slice((match.index ?? 0) + match[0].length).replace(/^[а-я]*/, ''), plan);
      const anchor = after ?? yearlyAnchor(text.slice(0, match.index ?? 0), plan);
      if (anchor) rule.anchor = anchor;
    }
    return rule;
  }
  return undefined;
}

interface Occurrence {
  due: string;
  reportFrom: string;
  reportTo: string;
}

function occurrence(year: number, from: MonthDay, to: MonthDay, due: string): Occurrence {
  return { due, reportFrom: isoDate(year, from.month, from.day), reportTo: isoDate(year, to.month, to.day) };
}

function occurrencesIn(rule: Rule, year: number, period: Period): Occurrence[] {
  const month = (m: number): [MonthDay, MonthDay] => [
    { month: m, day: 1 },
    { month: m, day: LAST_DAY },
  ];
  const dueAfter = (lastMonth: number) => (rule.following ? isoDate(year, lastMonth + 1, rule.day ?? LAST_DAY) : isoDate(year, lastMonth, rule.day ?? LAST_DAY));
  switch (rule.cadence) {
    case 'monthly':
      return [...Array(12).keys()].map((i) => occurrence(year, ...month(i + 1), dueAfter(i + 1)));
    case 'quarterly':
      return [1, 2, 3, 4].map((q) => occurrence(year, month(3 * q - 2)[0], month(3 * q)[1], dueAfter(3 * q)));
    case 'termly':
      return TERMS.map(([from, to]) => occurrence(year, from, to, isoDate(year, to.month, to.day)));
    case 'half-yearly':
      return [6, 12].map((m) => occurrence(year, month(m - 5)[0], month(m)[1], isoDate(year, m, LAST_DAY)));
    case 'yearly': {
      const anchor = rule.anchor ?? { month: Number(period.to.slice(5, 7)), day: Number(period.to.slice(8, 10)) };
      return [occurrence(year, month(1)[0], month(12)[1], isoDate(year, anchor.month, anchor.day))];
    }
  }
}

/** Occurrences due within the period (or, for "следующего за отчётным", reporting on a part of it); at least the first one after its start. */
export function expand(rule: Rule, period: Period): Milestone[] {
  const all: Occurrence[] = [];
  for (let year = yearOf(period.from) - 1; year <= yearOf(period.to) + 1; year++) all.push(...occurrencesIn(rule, year, period));
  all.sort((a, b) => a.due.localeCompare(b.due));
  const inside = all.filter((o) => (rule.following ? o.reportFrom <= period.to && o.reportTo >= period.from : o.due >= period.from && o.due <= period.to));
  const chosen = inside.length > 0 ? inside : all.filter((o) => o.due >= period.from).slice(0, 1);
  return [...new Set(chosen.map((o) => o.due))].map((due) => ({ due }));
}

export function recurringSchedule(text: string, plan: PlanPeriod): Schedule | undefined {
  const rule = ruleOf(text, plan);
  if (!rule) return undefined;
  const milestones = expand(rule, planPeriod(plan));
  if (rule.cadence === 'half-yearly') return { kind: 'milestones', milestones };
  return { kind: 'recurring', milestones, repeat: rule.cadence };
}
