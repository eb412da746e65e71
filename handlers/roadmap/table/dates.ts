// Reads a row's several date columns ("1 этап | 2 этап | 3 этап",
// "Основной срок | Дополнительный срок") and schedule grids
// ("I кв. | II кв. | III кв. | IV кв." with "х" in the marked periods) into
// labelled deadline parts, one per filled column. A mark stands for its
// column's period, in the year the header names; a row marked in every
// period of the year repeats ("ежеквартально"). Columns with a header and
// no role ("Класс", "Форма проведения") are kept as text of the expected result.
import type { TableLayout } from './columns.js';
import { isMark, periodOf, PERIODS_IN_YEAR, yearLabel, type PeriodKind } from './periods.js';
import type { DeadlinePart } from './types.js';

const EVERY_PERIOD: Record<PeriodKind, string> = { quarter: 'ежеквартально', half: 'раз в полугодие', term: 'ежечетвертно', month: 'ежемесячно' };

function markText(label: string, layout: TableLayout): string {
  return layout.year !== undefined && !/20\d{2}/.test(label) ? `${label} ${layout.year}` : label;
}

/** The row's filled date columns as labelled parts; undefined when the table has a single deadline column. */
export function dateParts(cells: string[], layout: TableLayout): DeadlinePart[] | undefined {
  if (layout.dates.length === 0) return undefined;
  const parts = layout.dates.flatMap(({ index, label }) => {
    const text = cells[index] ?? '';
    if (text === '') return [];
    // A bare day under a month's header ("15" under "октябрь") is that day of the month.
    const day = /^\d{1,2}\.?$/.test(text) && periodOf(label) === 'month' ? `${text.replace('.', '')} ${label}` : text;
    return [{ label, text: isMark(text) ? markText(label, layout) : day, marked: isMark(text) }];
  });
  const grid = layout.grid;
  const everyPeriod = grid !== undefined && layout.dates.length === PERIODS_IN_YEAR[grid] && parts.length === layout.dates.length;
  if (everyPeriod && parts.every((p) => p.marked && periodOf(p.label) === grid)) return [{ label: '', text: EVERY_PERIOD[grid] }];
  return parts.map(({ label, text }) => ({ label, text }));
}

/** The deadline as shown to people: "I кв. 2025, III кв. 2025" for a grid, "1 этап: март; 2 этап: май" otherwise. */
export function deadlineTextOf(parts: DeadlinePart[], layout: TableLayout): string {
  const [only] = parts;
  if (parts.length === 1 && only) {
    const year = yearLabel(only.label);
    return year !== undefined && !/(?<!\d)20\d{2}(?!\d)/.test(only.text) ? `${only.text} ${year}` : only.text;
  }
  // A grid, or columns marked under their own names ("2025 | 2026 | 2027" with "+"): the periods alone.
  if (layout.grid !== undefined || parts.every((p) => p.text === p.label)) return parts.map((p) => p.text).join(', ');
  return parts.map((p) => `${p.label}: ${p.text}`).join('; ');
}

/** The extra columns of a row as "Класс: 5–9; Форма: семинар". */
export function extrasText(cells: string[], layout: TableLayout): string {
  return layout.extras
    .flatMap(({ index, label }) => {
      const text = cells[index] ?? '';
      return text === '' ? [] : [`${label}: ${text}`];
    })
    .join('; ');
}
