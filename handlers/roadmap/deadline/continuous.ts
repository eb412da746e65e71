// Deadlines that are no date at all: work that goes on through the plan
// ("постоянно", "в течение года", "в течение 2024 года", "2021-2022 уч. год")
// becomes one span; references to someone else's schedule ("по плану …",
// "согласно графику …", "по запросу") are recognised as unknown on purpose,
// so that the coordinator is asked instead of a date being guessed.
import { planPeriod } from './calendar.js';
import { endOf, startOf } from './parts.js';
import { parseUnit } from './units.js';
import type { PlanPeriod, Schedule } from './types.js';

const UNSCHEDULED =
  /^(?:по плану|по графику|согласно|в соответствии|по запросу|по запросам|по мере|по согласованию|по отдельн|по необходимости|при необходимости|по требованию|по заявк|по приказу|по срокам|по расписанию|в сроки|в установленн|по факту|по решению|определя|будет определ|уточня)/;

const ONGOING =
  /^(?:постоянно|систематически|регулярно|ежедневно|еженедельно|круглогодично|весь период|на весь период|в период реализации|(?:в течение|на протяжении) (?:всего |текущего |календарного )?(?:периода|срока|года|учгод|реализации))(?:[^\d]*)$/;

/** Work every week or fortnight ("1 раз в неделю", "по пятницам", "каждую среду") goes on through the plan like "еженедельно". */
const WEEKLY =
  /^(?:(?:не реже )?(?:\d+|одного|двух) )?раза? в (?:неделю|две недели|2 недели)|^(?:кажд[а-я]* |по )(?:понедельник|вторник|сред|четверг|пятниц|суббот)[а-я]*$|^ежедекадно/;

const YEARS = /^(?:(?:в течение|на протяжении|в|на|за) )?((?:учгод:|годы:\d{4}:)?\d{4})$/;

/** A deadline that names another body's plan or schedule, or a request: no date can be read from it. */
export function isUnscheduled(text: string): boolean {
  return UNSCHEDULED.test(text);
}

export function continuousSchedule(text: string, plan: PlanPeriod): Schedule | undefined {
  if (ONGOING.test(text) || WEEKLY.test(text)) {
    const period = planPeriod(plan);
    return { kind: 'continuous', milestones: [{ from: period.from, due: period.to }] };
  }
  const years = text.match(YEARS)?.[1];
  const unit = years === undefined ? undefined : parseUnit(years, { plan, anchor: 'within' });
  if (!unit || unit.year === undefined) return undefined;
  return { kind: 'continuous', milestones: [{ from: startOf(unit, unit.year), due: endOf(unit, unit.year) }] };
}

/** "с сентября 2024": from that day to the end of the plan (or of that year, if the plan ends before). */
export function continuousFrom(from: string, plan: PlanPeriod): Schedule {
  const period = planPeriod(plan);
  const due = period.to >= from ? period.to : `${from.slice(0, 4)}-12-31`;
  return { kind: 'continuous', milestones: [{ from, due }] };
}
