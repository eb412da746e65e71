// Reads the free Russian text of a road map's deadline column into dates:
// "Сентябрь-октябрь 2020г", "к сентябрю 2024 года", "1,3 квартал",
// "ежеквартально", "В течение года", "По графику федерального оператора".
// A rule layer of our own, because general date parsers misread month
// ranges, quarters and periodic words; anything it does not understand is
// reported as unknown rather than guessed. The rules, in order:
//   1. blank, or another body's schedule ("по плану …", "по запросу") → unknown;
//   2. repeating words → recurring, expanded within the plan's period;
//   3. ongoing words and whole years / school years → continuous;
//   4. dates, months, quarters, half-years, terms, alone, as ranges or lists → once / milestones;
//   5. anything else → unknown.
import { continuousFrom, continuousSchedule, isUnscheduled } from './deadline/continuous.js';
import { normalizeDeadline, withoutLabels, type NormalizedDeadline } from './deadline/normalize.js';
import { milestoneOf, parseParts, resolveYears, startOf } from './deadline/parts.js';
import { recurringSchedule } from './deadline/recurring.js';
import type { PlanPeriod, Schedule } from './deadline/types.js';

export type { Milestone, PlanPeriod, Repeat, Schedule } from './deadline/types.js';

function unknown(): Schedule {
  return { kind: 'unknown', milestones: [] };
}

function datedSchedule(deadline: NormalizedDeadline, plan: PlanPeriod): Schedule | undefined {
  const parts = parseParts(deadline, plan);
  if (!parts) return undefined;
  const years = resolveYears(parts, plan);
  const [first] = parts;
  if (parts.some((p) => p.anchor === 'from')) {
    return parts.length === 1 && first ? continuousFrom(startOf(first.units[0], years[0]?.[0] ?? plan.year), plan) : undefined;
  }
  const milestones = parts.map((part, i) => milestoneOf(part, years[i] ?? [undefined, undefined]));
  if (milestones.some((m) => m.from !== undefined && m.from > m.due)) return undefined;
  const [only] = milestones;
  return milestones.length === 1 && only ? { kind: 'once', milestones: [only] } : { kind: 'milestones', milestones };
}

const MONTH_WORD = String.raw`(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-яё]*`;
const DATE = String.raw`\d{1,2}\.\d{1,2}\.\d{2,4}`;

/**
 * A cell that listed its dates one per line, the line breaks since become
 * spaces: "сентябрь декабрь март", "до 01.10.2025 до 01.02.2026",
 * "октябрь 2025 г. (1 этап) март 2026 г. (2 этап)"; days written as a
 * range before one month ("02-06.02.2026") and parts of a month ("1 декада
 * сентября", "вторая половина мая"). Tried only when the text as it stands
 * reads as nothing.
 */
const DAYS_IN: Record<string, number> = { феврал: 28, апрел: 30, июн: 30, сентябр: 30, ноябр: 30 };
const lastDay = (month: string) => Object.entries(DAYS_IN).find(([stem]) => month.toLowerCase().startsWith(stem))?.[1] ?? 31;
/** Parts of a month as days: "1 декада", "вторая неделя", "первая половина", "середина". */
const PART_OF_MONTH: [RegExp, (month: string) => string][] = [
  [/(?:1|1-я|первая|i) декада/, () => '1-10'],
  [/(?:2|2-я|вторая|ii) декада/, () => '11-20'],
  [/(?:3|3-я|третья|iii) декада/, (m) => `21-${lastDay(m)}`],
  [/(?:1|1-я|первая) неделя/, () => '1-7'],
  [/(?:2|2-я|вторая) неделя/, () => '8-14'],
  [/(?:3|3-я|третья) неделя/, () => '15-21'],
  [/(?:4|4-я|четв[её]ртая|последняя) неделя/, (m) => `22-${lastDay(m)}`],
  [/(?:1|1-я|первая) половина/, () => '1-15'],
  [/(?:2|2-я|вторая) половина/, (m) => `16-${lastDay(m)}`],
  [/середина/, () => '11-20'],
];

/** "1 декада сентября" → "1-10 сентября", "вторая половина мая" → "16-31 мая". */
function partsOfMonths(text: string): string {
  return text.replace(new RegExp(`([0-9а-яёi-]+ (?:декада|неделя|половина)|середина) (${MONTH_WORD})`, 'gi'), (all, part: string, month: string) => {
    const rule = PART_OF_MONTH.find(([pattern]) => new RegExp(`^${pattern.source}$`, 'i').test(part));
    return rule ? `${rule[1](month)} ${month}` : all;
  });
}

function asList(text: string): string {
  return partsOfMonths(text)
    .replace(/(?<![\d.])(\d{1,2})\s*[-–—]\s*(\d{1,2})\.(\d{1,2}\.\d{2,4})(?!\d)/g, '$1.$3-$2.$3')
    .replace(new RegExp(`(${MONTH_WORD})\\s+(?=${MONTH_WORD}|\\d{1,2}\\s+${MONTH_WORD})`, 'gi'), '$1; ')
    .replace(new RegExp(`(${DATE}(?:\\s*г\\.?)?)\\s+(?=(?:до |к |не позднее )?${DATE})`, 'gi'), '$1; ')
    .replace(/((?:^|\s)(?:20\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4})\s*(?:г\.|года?)?)\s+(?=(?:до|к|не позднее|не позже)\s)/gi, '$1; ')
    .replace(/\)\s+(?=[а-яёА-ЯЁ\d])/g, '); ');
}

function read(text: string, plan: PlanPeriod): Schedule {
  const deadline = normalizeDeadline(text);
  const bare = withoutLabels(deadline.text);
  if (bare === '' || isUnscheduled(bare)) return unknown();
  const withBracketsRead = normalizeDeadline(text.replace(/[()]/g, ' ')).text;
  return recurringSchedule(withBracketsRead, plan) ?? continuousSchedule(bare, plan) ?? datedSchedule(deadline, plan) ?? unknown();
}

/**
 * Reads a deadline as written in a road map. Months and other spans without
 * a year take it from their neighbours in a list, else from the plan (see
 * PlanPeriod); a span is due on its last day, "к"/"до" a month on its first.
 */
export function parseDeadline(text: string, plan: PlanPeriod): Schedule {
  const schedule = read(text, plan);
  if (schedule.kind !== 'unknown') return schedule;
  const listed = asList(text);
  return listed === text ? schedule : read(listed, plan);
}
