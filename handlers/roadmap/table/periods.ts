// What the cells of a schedule grid look like: column headers that name a
// period ("I кв.", "2 квартал", "январь", "I полугодие", "3 четверть"), or
// a stage ("1 этап"), and the marks that tick a period off ("х", "+", "✓").
// The deadline parser already reads every such period name, so a marked
// cell is read as its column's header.

const QUARTER = /^(?:[IV]{1,3}|[1-4])\s*(?:-?[йя]\s*)?(?:кв\.?|квартал[а-я]*)$/i;
const HALF = /^(?:I{1,2}|[12])\s*(?:-?[ео]\s*)?полугоди[ея]$/i;
const TERM = /^(?:[IV]{1,3}|[1-4])\s*(?:-?[яй]\s*)?четверт[ьи]$/i;
const MONTH = /^(?:январ[ья]|феврал[ья]|март[а]?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|август[а]?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])$/i;
const STAGE = /этап/i;
/** "х", "Х" (Cyrillic or Latin), "+", "✓", "✔", "*", "V", "•", "да". */
const MARK = /^(?:[хxХX+✓✔*vV•●]|да)$/;

export type PeriodKind = 'quarter' | 'half' | 'term' | 'month';

/** The kind of period a grid column's header names, without the year: "I кв. 2025 г." is a quarter. */
export function periodOf(label: string): PeriodKind | undefined {
  const bare = label
    .replace(/\(?\s*(?:20\d{2})\s*(?:г\.?|года?)?\s*\)?/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,:;]$/, '');
  if (QUARTER.test(bare)) return 'quarter';
  if (HALF.test(bare)) return 'half';
  if (TERM.test(bare)) return 'term';
  if (MONTH.test(bare)) return 'month';
  return undefined;
}

/** The year a column's header is, alone: "2025 г.", "2026 год", "2027". */
export function yearLabel(label: string): number | undefined {
  const year = label.trim().match(/^(20\d{2})\s*(?:г\.?|год)?$/i)?.[1];
  return year === undefined ? undefined : Number(year);
}

export function isStageName(label: string): boolean {
  return STAGE.test(label) && label.length <= 40;
}

/** "5 класс", "6-е классы", "10–11 кл.": a column of an assessment grid, one per class, the date of the work in its cells. */
const CLASS = /^\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:-?(?:[еыхй]|ые|ых))?\s*(?:класс(?:а|ы|ов)?|кл\.?)$/i;

export function isClassLabel(label: string): boolean {
  return CLASS.test(label.trim());
}

export function isMark(text: string): boolean {
  return MARK.test(text.trim());
}

/** How many periods of a kind make up a year, so that a row marked in all of them repeats. */
export const PERIODS_IN_YEAR: Record<PeriodKind, number> = { quarter: 4, half: 2, term: 4, month: 12 };

/** The year a header names ("2025 год", "на 2025 г."), if exactly one. */
export function yearIn(texts: string[]): number | undefined {
  const years = new Set(texts.flatMap((t) => [...t.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1]))));
  return years.size === 1 ? [...years][0] : undefined;
}
