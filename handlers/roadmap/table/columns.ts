// Finds a road map's table layout: the header rows (one, or two or three
// when Word wrapped the header: "№ | Наименование | Срок" over
// "п/п | мероприятия | исполнения") and what each column holds. The
// header's words are a hint; the cells under it decide what the words leave
// open: the deadline column is the one whose cells read as deadlines, the
// number column the one of "1", "1.2.", "II", the title the longest free
// text, the responsible one that names bodies and people. Several columns
// of dates ("1 этап | 2 этап", "I кв. | II кв. | …", a class each in an
// assessment grid: "5 класс | 6 класс") become milestones of one item, each
// labelled with its header; any other named column
// ("Класс", "Форма") is an extra, kept in the item's expected result.
import { parseDeadline } from '../deadline.js';
import { cleanCell, isColumnNumbering, isRomanNumber, itemNumber, numberCell } from './cells.js';
import { columnOf, findRoadmapHeader, type RoadmapHeader } from './header.js';
import { isClassLabel, isMark, isStageName, periodOf, yearIn, yearLabel, type PeriodKind } from './periods.js';
import type { Column } from './types.js';

/** A column read by its header: the text of all header rows, top to bottom. */
export interface LabelledColumn {
  index: number;
  label: string;
}

export interface TableLayout extends RoadmapHeader {
  /** 0-based index of the last header row; the table's rows start below it. */
  end: number;
  /** Every column's header text, header rows joined. */
  labels: string[];
  /** Two or more date columns, each a milestone of the row; empty when the table has one deadline column. */
  dates: LabelledColumn[];
  /** The periods the date columns name, when they all name one kind ("I кв." … "IV кв."): a grid of marks. */
  grid?: PeriodKind;
  /** The plan year the header names above a grid ("2025 год"). */
  year?: number;
  /** Columns with a header and no role of their own, kept as "Класс: 5–9" in the expected result. */
  extras: LabelledColumn[];
  /** A column that groups the items ("Направление", "Раздел", merged down over them): its text is their section. */
  group?: number;
}

/** A header that names the items' group rather than the item. */
const GROUP_LABEL = /^(?:направлени[ея]|раздел|блок|задач[аи]|цел[ьи])(?:\s+(?:работы|деятельности))?$/i;

const MAX_HEADER_ROWS = 3;
const HEADER_PART_MAX = 40;
/** A header word wrapped onto the next row is short; a lower-case title is not. */
const WRAPPED_MAX = 25;
/** How many rows under a header are looked at to tell what the columns hold. */
const SAMPLE_ROWS = 60;

/** Header words the road-map header itself does not need, but that help once a table is found. */
const HINTS: [Column, RegExp][] = [
  ['responsible', /^кто|отвеча/],
  ['deadline', /когда|этап|квартал|полугоди|месяц|^начал|^оконч|^заверш/],
  ['title', /^что|работ|вопрос|событи|форм[аы]мероприят/],
];

/** Bodies and people as road maps name them: "Управление образования", "ИМЦ", "руководители ОО", "Иванова Н.П.". */
const BODY = /управлени|отдел|комитет|центр|имц|цимо|мку|мбоу|мкоу|руководител|директор|заместител|методист|специалист|координатор|наставник|педагог|учител|\bоо\b|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\./i;

/** "18.09", "15": a day of the month, or a day and a month. */
export function isDay(text: string): boolean {
  const match = text.match(/^(\d{1,2})(?:\.(\d{1,2}))?\.?$/);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= 31 && (match[2] === undefined || (Number(match[2]) >= 1 && Number(match[2]) <= 12));
}

const deadlineKinds = new Map<string, boolean>();

/** Whether a cell reads as a deadline: the parser's own verdict, remembered per text. */
export function readsAsDeadline(text: string): boolean {
  let known = deadlineKinds.get(text);
  if (known === undefined) {
    known = text !== '' && text.length <= 200 && parseDeadline(text, { year: 2000 }).kind !== 'unknown';
    if (deadlineKinds.size > 5000) deadlineKinds.clear();
    deadlineKinds.set(text, known);
  }
  return known;
}

function hintOf(label: string): Column | undefined {
  const word = columnOf(label);
  if (word) return word;
  const compact = label.toLocaleLowerCase('ru').replace(/\s+/g, '');
  return compact === '' || label.length > 60 ? undefined : HINTS.find(([, pattern]) => pattern.test(compact))?.[0];
}

/**
 * A row under the header that continues it: short wrapped words ("п/п",
 * "исполнения"), header words, stage names, period names when there are
 * several ("I кв. | II кв.") or the cell above is empty, text repeated by a
 * merged cell. A lone "март" under "Срок" is data, not a header.
 */
function continuesHeader(cells: string[], above: string[]): boolean {
  const filled = cells.flatMap((c, i) => (c === '' ? [] : [i]));
  if (filled.length === 0 || isColumnNumbering(cells)) return false;
  const isPeriod = (text: string) => periodOf(text) !== undefined || yearLabel(text) !== undefined;
  const periods = filled.filter((i) => isPeriod(cells[i] ?? '')).length;
  let fresh = 0;
  for (const i of filled) {
    const text = cells[i] ?? '';
    if (text === above[i]) continue;
    if (itemNumber(text) !== undefined || text.length > HEADER_PART_MAX) return false;
    const wrapped = /^[a-zа-яё(/]/.test(text) && text.length <= WRAPPED_MAX && !/\d/.test(text) && !readsAsDeadline(text);
    const period = isPeriod(text) && (periods >= 2 || (above[i] ?? '') === '');
    if (!wrapped && !period && !isStageName(text) && !isClassLabel(text) && columnOf(text) === undefined) return false;
    fresh++;
  }
  return fresh > 0 && (filled.length >= 2 || (above[filled[0] ?? 0] ?? '') === '');
}

function headerEnd(rows: string[][], index: number): number {
  let end = index;
  let above = (rows[index] ?? []).map(cleanCell);
  while (end - index + 1 < MAX_HEADER_ROWS && end + 1 < rows.length) {
    const cells = (rows[end + 1] ?? []).map(cleanCell);
    if (!continuesHeader(cells, above)) break;
    end++;
    above = above.map((text, i) => cells[i] || text);
  }
  return end;
}

/** Each column's header text over the header rows, repeats from merged cells said once. */
function labelsOf(rows: string[][], index: number, end: number): { labels: string[]; lowest: string[] } {
  const header = rows.slice(index, end + 1).map((r) => r.map(cleanCell));
  const width = Math.max(...header.map((r) => r.length));
  const labels: string[] = [];
  const lowest: string[] = [];
  for (let col = 0; col < width; col++) {
    const parts = header.map((r) => r[col] ?? '').filter((t, i, all) => t !== '' && all.indexOf(t) === i);
    labels.push(parts.join(' '));
    lowest.push(parts[parts.length - 1] ?? '');
  }
  return { labels, lowest };
}

interface ColumnStats {
  filled: number;
  /** Cells such as "18.09" or "15": a day, which under a month's header ("сентябрь") is a date. */
  days: number;
  deadlines: number;
  marks: number;
  numbers: number;
  bodies: number;
  length: number;
}

/** What the cells under the header hold, column by column. */
function statsOf(rows: string[][], start: number, width: number): ColumnStats[] {
  const stats = Array.from({ length: width }, () => ({ filled: 0, days: 0, deadlines: 0, marks: 0, numbers: 0, bodies: 0, length: 0 }));
  for (const raw of rows.slice(start, start + SAMPLE_ROWS)) {
    const cells = raw.map(cleanCell);
    if (cells.filter((c) => c !== '').length < 2) continue;
    cells.forEach((text, i) => {
      const s = stats[i];
      if (!s || text === '') return;
      s.filled++;
      s.length += text.length;
      if (isMark(text)) s.marks++;
      else if (itemNumber(text) !== undefined || isRomanNumber(text)) s.numbers++;
      else if (readsAsDeadline(text)) s.deadlines++;
      if (isDay(text)) s.days++;
      if (BODY.test(text)) s.bodies++;
    });
  }
  return stats;
}

const share = (part: number, s: ColumnStats) => (s.filled === 0 ? 0 : part / s.filled);

/**
 * Two or more columns of dates or marks: stage or date headers whose cells
 * read as deadlines or are marked, and every period column of a grid once
 * any of them is (a quarter nobody marked is still a column of the grid).
 */
function dateColumns(labels: string[], lowest: string[], stats: ColumnStats[], taken: Set<number>): LabelledColumn[] {
  const dated = (index: number) => (stats[index]?.deadlines ?? 0) + (stats[index]?.marks ?? 0) > 0;
  const periods = lowest.flatMap((label, index) => (periodOf(label) !== undefined && !taken.has(index) ? [index] : []));
  const dayUnderMonth = (index: number) => periodOf(lowest[index] ?? '') === 'month' && (stats[index]?.days ?? 0) > 0;
  const gridUsed = periods.some((index) => dated(index) || dayUnderMonth(index));
  const candidates = labels.flatMap((label, index) => {
    const bottom = lowest[index] ?? '';
    if (taken.has(index)) return [];
    if (periods.includes(index)) return gridUsed ? [{ index, label: bottom }] : [];
    // A class's column holds the day of its work («18.09»), which alone reads as an item number.
    const classDays = isClassLabel(bottom) && (stats[index]?.days ?? 0) > 0;
    const named = isStageName(bottom) || isClassLabel(bottom) || yearLabel(bottom) !== undefined || hintOf(label) === 'deadline';
    return (named && dated(index)) || classDays ? [{ index, label: bottom || label }] : [];
  });
  return candidates.length >= 2 ? candidates : [];
}

function gridOf(dates: LabelledColumn[], stats: ColumnStats[]): PeriodKind | undefined {
  const kinds = new Set(dates.map((d) => periodOf(d.label)));
  const [kind] = kinds;
  const marked = dates.some((d) => (stats[d.index]?.marks ?? 0) > 0);
  return kinds.size === 1 && kind !== undefined && marked ? kind : undefined;
}

/** The best column not yet taken by a share of its cells, at least `least` of them. */
function bestBy(stats: ColumnStats[], taken: Set<number>, score: (s: ColumnStats) => number, least: number): number | undefined {
  let best: number | undefined;
  let bestScore = least;
  stats.forEach((s, i) => {
    if (taken.has(i) || s.filled < 1) return;
    const value = score(s);
    if (value >= bestScore && (best === undefined || value > bestScore)) [best, bestScore] = [i, value];
  });
  return best;
}

/** Column roles: header words first, then content for what the words leave open. */
function layoutOf(rows: string[][], index: number): TableLayout {
  const end = headerEnd(rows, index);
  const { labels, lowest } = labelsOf(rows, index, end);
  const width = Math.max(labels.length, ...rows.slice(end + 1, end + 1 + SAMPLE_ROWS).map((r) => r.length));
  const stats = statsOf(rows, end + 1, width);
  const columns: Partial<Record<Column, number>> = {};
  const periods = new Set(lowest.flatMap((l, i) => (periodOf(l) !== undefined ? [i] : [])));
  labels.forEach((label, i) => {
    const column = periods.has(i) ? undefined : columnOf(label);
    if (column && columns[column] === undefined) columns[column] = i;
  });
  labels.forEach((label, i) => {
    const column = periods.has(i) || columnOf(label) ? undefined : hintOf(label);
    if (column && columns[column] === undefined) columns[column] = i;
  });
  // "Направление | № | Мероприятие", "Задачи | Мероприятия": the group header names the items' section, the other one the item.
  const titled = labels.flatMap((label, i) => (!periods.has(i) && columnOf(label) === 'title' ? [i] : []));
  const group = titled.find((i) => GROUP_LABEL.test(labels[i] ?? ''));
  const item = titled.find((i) => i !== group);
  if (group !== undefined && item !== undefined) columns.title = item;
  const grouping = group !== undefined && item !== undefined ? group : undefined;
  const taken = () => new Set([...Object.values(columns), ...(grouping !== undefined ? [grouping] : [])]);
  const named = new Set([columns.number, columns.title, columns.responsible, columns.result].filter((i) => i !== undefined));
  const dates = dateColumns(labels, lowest, stats, named);
  if (dates.length > 0) delete columns.deadline;
  const used = () => new Set([...taken(), ...dates.map((d) => d.index)]);
  if (columns.number === undefined) {
    const number = bestBy(stats, used(), (s) => share(s.numbers, s), 0.6);
    if (number !== undefined && (labels[number] ?? '').length <= 10) columns.number = number;
  }
  if (columns.deadline === undefined && dates.length === 0) {
    const deadline = bestBy(stats, used(), (s) => (s.deadlines >= 2 || s.filled === 1 ? share(s.deadlines, s) : 0), 0.5);
    if (deadline !== undefined) columns.deadline = deadline;
  }
  if (columns.title === undefined) {
    const title = bestBy(stats, used(), (s) => (share(s.numbers + s.deadlines + s.marks, s) < 0.5 ? s.length / s.filled : 0), 12);
    if (title !== undefined) columns.title = title;
  }
  if (columns.responsible === undefined) {
    const responsible = bestBy(stats, used(), (s) => share(s.bodies, s), 0.5);
    if (responsible !== undefined && hintOf(labels[responsible] ?? '') === undefined) columns.responsible = responsible;
  }
  const extras = labels.flatMap((label, i) => (label !== '' && !used().has(i) && (stats[i]?.filled ?? 0) > 0 ? [{ index: i, label: lowest[i] || label }] : []));
  const numberStats = columns.number === undefined ? undefined : stats[columns.number];
  const autoNumber = numberStats !== undefined && numberStats.filled === 0 && stats.some((s) => s.filled > 0);
  const grid = gridOf(dates, stats);
  const year = grid ? yearIn([...labels, ...(rows[index - 1] ?? []).map(cleanCell).filter((c) => c.length <= HEADER_PART_MAX)]) : undefined;
  return { index, end, columns, labels, dates, extras, ...(grid ? { grid } : {}), ...(year !== undefined ? { year } : {}), ...(grouping !== undefined ? { group: grouping } : {}), ...(autoNumber ? { autoNumber } : {}) };
}

/** A header row the words alone did not find: short cells, one of them a hint, and a column of deadlines under it. */
function headerByContent(rows: string[][]): number | undefined {
  for (let index = 0; index < rows.length; index++) {
    const cells = (rows[index] ?? []).map(cleanCell);
    const filled = cells.filter((c) => c !== '');
    if (filled.length < 2 || filled.some((c) => c.length > 60 || itemNumber(c) !== undefined)) continue;
    if (!cells.some((c) => hintOf(c) !== undefined || periodOf(c) !== undefined)) continue;
    if (cells.some((c) => c !== '' && periodOf(c) === undefined && readsAsDeadline(c))) continue;
    const layout = layoutOf(rows, index);
    const dated = layout.columns.deadline !== undefined || layout.dates.length > 0;
    if (dated && layout.columns.title !== undefined) return index;
  }
  return undefined;
}

/** The road-map table's layout: where its header is and which column holds what; undefined when no table is found. */
export function findTableLayout(rows: string[][]): TableLayout | undefined {
  const byWords = findRoadmapHeader(rows);
  const index = byWords?.index ?? headerByContent(rows);
  return index === undefined ? undefined : layoutOf(rows, index);
}

/** How much of a road map a layout names: its roles, date columns counting as one. */
export function layoutScore(layout: TableLayout | undefined): number {
  if (!layout) return 0;
  return Object.keys(layout.columns).length + (layout.dates.length > 0 ? 1 : 0);
}

/** The columns a coordinator chose for a table the reader did not recognise, as 0-based indexes. */
export interface ColumnChoice {
  title: number;
  deadline?: number;
  responsible?: number;
  number?: number;
}

/**
 * A layout from chosen columns: the table starts at the first row with a
 * title and (when chosen) a deadline beside it; the row above it, if any,
 * is taken for the header, so a header the reader could not read is not
 * read as an item.
 */
export function layoutWithColumns(rows: string[][], choice: ColumnChoice): TableLayout {
  const columns: Partial<Record<Column, number>> = {};
  for (const key of ['number', 'title', 'deadline', 'responsible'] as const) if (choice[key] !== undefined) columns[key] = choice[key];
  const first = rows.findIndex((raw) => {
    const cells = raw.map(cleanCell);
    const filled = cells.filter((c) => c !== '').length;
    return filled >= 2 && (cells[choice.title] ?? '') !== '' && (choice.deadline === undefined || (cells[choice.deadline] ?? '') !== '');
  });
  const index = Math.max(0, (first < 0 ? 0 : first) - 1);
  const end = first <= 0 ? index - 1 : index;
  const labels = (rows[index] ?? []).map(cleanCell);
  return { index, end, columns, labels: end < index ? [] : labels, dates: [], extras: [] };
}

/**
 * The column of item numbers among those not chosen: most of its filled
 * cells are numbers ("1", "1.2.", "1024"). A coordinator choosing columns
 * is asked for the title, the deadline and the responsible, not for this.
 */
export function numberColumnOf(rows: string[][], choice: Omit<ColumnChoice, 'number'>): number | undefined {
  const taken = new Set([choice.title, choice.deadline, choice.responsible]);
  const counts = new Map<number, { filled: number; numbers: number }>();
  for (const raw of rows.slice(0, SAMPLE_ROWS * 2)) {
    const cells = raw.map(cleanCell);
    if (cells.filter((c) => c !== '').length < 2) continue;
    cells.forEach((text, i) => {
      if (text === '' || taken.has(i)) return;
      const count = counts.get(i) ?? { filled: 0, numbers: 0 };
      count.filled++;
      if (numberCell(text) !== undefined) count.numbers++;
      counts.set(i, count);
    });
  }
  let best: number | undefined;
  let bestShare = 0.6;
  for (const [i, { filled, numbers }] of counts) {
    if (filled >= 2 && numbers / filled >= bestShare && (best === undefined || numbers / filled > bestShare)) [best, bestShare] = [i, numbers / filled];
  }
  return best;
}
