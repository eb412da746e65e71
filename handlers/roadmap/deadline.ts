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

/**
 * Reads a deadline as written in a road map. Months and other spans without
 * a year take it from their neighbours in a list, else from the plan (see
 * PlanPeriod); a span is due on its last day, "к"/"до" a month on its first.
 */
export function parseDeadline(text: string, plan: PlanPeriod): Schedule {
  const deadline = normalizeDeadline(text);
  const bare = withoutLabels(deadline.text);
  if (bare === '' || isUnscheduled(bare)) return unknown();
  const withBracketsRead = normalizeDeadline(text.replace(/[()]/g, ' ')).text;
  return recurringSchedule(withBracketsRead, plan) ?? continuousSchedule(bare, plan) ?? datedSchedule(deadline, plan) ?? unknown();
}
