// Suggests the period a road map covers from the text above its table
// ("План мероприятий … на 2020-2021 годы", "… в 2024 году"), so that the
// coordinator only confirms it. Deadlines without a year are read against
// this period, so it is a suggestion to show, never a silent choice.
import { cleanCell } from './table/cells.js';
import { findTableLayout } from './table/columns.js';
import type { PlanPeriod } from './deadline.js';

const YEAR_SPAN = /(?:^|[\s(])(?:на|в|за)\s+(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)\s*(?:уч[а-яё.]*\s*)?(?:г\.?\s*г\.?|гг\.?|год|г\.)/i;
/** A school year named without "на"/"в" before it: "на I полугодие 2025-2026 учебного года", "График … 2025/2026 уч. год". */
const SCHOOL_YEAR = /(?<!\d)(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)\s*(?:уч\.|учебн)/i;
const ONE_YEAR = /(?:^|[\s(])(?:на|в|за)\s+(\d{4})\s*(?:год|г\.)/i;
const ABOUT_THE_PLAN = /план|дорожн|программ/i;

function periodIn(text: string): PlanPeriod | undefined {
  const span = text.match(YEAR_SPAN);
  if (span?.[1] && span[2]) {
    const first = Number(span[1]);
    const last = span[2].length === 2 ? Number(span[1].slice(0, 2) + span[2]) : Number(span[2]);
    if (last === first + 1) return { year: first, from: `${first}-09-01`, to: `${last}-06-30` };
    if (last > first) return { year: first, from: `${first}-01-01`, to: `${last}-12-31` };
  }
  const one = text.match(ONE_YEAR)?.[1];
  if (one) return { year: Number(one) };
  const school = text.match(SCHOOL_YEAR);
  if (school?.[1] && school[2]) {
    const first = Number(school[1]);
    const last = school[2].length === 2 ? Number(school[1].slice(0, 2) + school[2]) : Number(school[2]);
    if (last === first + 1) return { year: first, from: `${first}-09-01`, to: `${last}-06-30` };
  }
  return undefined;
}

/**
 * The period named nearest above the table, preferring lines about the plan:
 * two consecutive years read as a school year (1 September – 30 June), a
 * longer span as whole calendar years, one year as that calendar year.
 * Failing that, the year a schedule grid's header names ("Срок исполнения,
 * 2025 год" over "I кв. … IV кв.").
 */
export function guessPlanPeriod(rows: string[][]): PlanPeriod | undefined {
  const layout = findTableLayout(rows);
  const end = layout?.index ?? rows.length;
  const lines = rows
    .slice(0, end)
    .map((r) => r.map(cleanCell).join(' ').trim())
    .reverse();
  const ordered = [...lines.filter((l) => ABOUT_THE_PLAN.test(l)), ...lines.filter((l) => !ABOUT_THE_PLAN.test(l))];
  for (const line of ordered) {
    const period = periodIn(line);
    if (period) return period;
  }
  return layout?.year !== undefined ? { year: layout.year } : undefined;
}
