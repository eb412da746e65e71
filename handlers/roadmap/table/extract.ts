// Reads a road map out of rows of cells from any source (pasted text, DOCX,
// XLSX, CSV), the last stages of the reader:
//   document → rows of cells (read.ts: docx.ts, xlsx.ts, text.ts, pasted.ts, drawn.ts)
//   → plan tables of a whole document (tables.ts)
//   → header rows and column roles by content (columns.ts)
//   → lines: layout, sections, continuations (rows.ts)
//   → items, their date columns and extra columns (here, dates.ts).
// It reports what looks wrong as warnings instead of failing.
import { cleanCell, sectionHeading } from './cells.js';
import { findTableLayout, type TableLayout } from './columns.js';
import { dateParts, deadlineTextOf, extrasText } from './dates.js';
import { classifyLine, headingRow, mendSplitRows, type LineKind, type TableLine } from './rows.js';
import type { Column, DraftWarning, RoadmapDraft, RoadmapItem } from './types.js';

/** The layout, under the name the row stages know it by. */
type RoadmapHeader = TableLayout;

interface Row {
  kind: 'item' | 'section';
  line: number;
  number: string;
  cells: string[];
}

const OPTIONAL_COLUMNS: Column[] = ['number', 'deadline', 'responsible', 'result'];
const DETAIL_COLUMNS: Column[] = ['deadline', 'responsible', 'result'];

function cellOf(row: Row, header: RoadmapHeader, column: Column): string {
  const index = header.columns[column];
  return index === undefined ? '' : (row.cells[index] ?? '');
}

function rowOf(line: TableLine, kind: Extract<LineKind, { kind: 'item' | 'section' }>, header: RoadmapHeader): Row {
  const cells = kind.kind === 'section' ? line.cells.map(() => '') : [...line.cells];
  const titleColumn = header.columns.title ?? 0;
  if (kind.title !== undefined) cells[titleColumn] = kind.title;
  return { kind: kind.kind, line: line.line, number: kind.kind === 'item' ? kind.number : '', cells };
}

function appendTo(row: Row, line: TableLine): void {
  line.cells.forEach((text, i) => {
    if (text !== '') row.cells[i] = [row.cells[i], text].filter((t) => t).join(' ');
  });
}

/** Groups the lines under the header into rows, merging wrapped fragments into the row above. */
function collectRows(lines: TableLine[], header: RoadmapHeader, warnings: DraftWarning[]): Row[] {
  const rows: Row[] = [];
  for (const line of lines) {
    const kind = classifyLine(line, header);
    const last = rows[rows.length - 1];
    if (kind.kind === 'blank' || kind.kind === 'column-numbers') continue;
    if (kind.kind === 'outside') {
      if (line.count === 1 && last) break;
      if (line.count > 1) warnings.push({ code: 'skipped-row', line: line.line, text: kind.text });
      continue;
    }
    const heading = kind.kind === 'continuation' && last?.kind !== 'section' ? headingRow(line, header, last ? cellOf(last, header, 'title') : undefined) : undefined;
    if (heading !== undefined) rows.push(rowOf(line, { kind: 'section', title: heading }, header));
    else if (kind.kind !== 'continuation') rows.push(rowOf(line, kind, header));
    else if (last) appendTo(last, line);
    else warnings.push({ code: 'orphan-continuation', line: line.line });
  }
  return rows;
}

/**
 * A numbered row with only a title is a section when the next numbered row
 * is its child ("2" before "2.1") or starts the numbering again ("2.
 * Работа с кадрами" before "1"): plans that number items anew in each
 * section number the sections too.
 */
function markSections(rows: Row[], header: RoadmapHeader): void {
  rows.forEach((row, i) => {
    if (row.kind !== 'item' || row.number === '') return;
    if (DETAIL_COLUMNS.some((c) => cellOf(row, header, c) !== '')) return;
    if ([...header.dates, ...header.extras].some((c) => (row.cells[c.index] ?? '') !== '')) return;
    const next = rows.slice(i + 1).find((r) => r.kind === 'item' && r.number !== '');
    if (next?.number.startsWith(`${row.number}.`) || next?.number === '1') row.kind = 'section';
  });
}

/** "1.1. Проведение …", "3) Семинар …" written in the title cell of a row without a number of its own. */
const NUMBER_IN_TITLE = /^(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(?=\S)/;

function itemWarnings(item: RoadmapItem, header: RoadmapHeader, seen: Set<string>): DraftWarning[] {
  const line = item.line;
  const warnings: DraftWarning[] = [];
  if (item.number === '' && header.columns.number !== undefined) warnings.push({ code: 'missing-number', line });
  if (item.title === '') warnings.push({ code: 'missing-title', line, text: item.number });
  const dated = header.columns.deadline !== undefined || header.dates.length > 0;
  if (item.deadlineText === '' && dated) warnings.push({ code: 'missing-deadline', line, text: item.number });
  // Numbering that restarts in each section is kept as written: a number repeats only within its section.
  const key = `${item.section ?? ''}\u0000${item.number}`;
  if (item.number !== '' && seen.has(key)) warnings.push({ code: 'duplicate-number', line, text: item.number });
  seen.add(key);
  return warnings;
}

function buildDraft(rows: Row[], header: RoadmapHeader, warnings: DraftWarning[]): RoadmapDraft {
  const items: RoadmapItem[] = [];
  const sections: string[] = [];
  const seen = new Set<string>();
  let section: string | null = null;
  /** Numbered sections above ("2. Кадры", "2.1. Курсы"), outermost first, so that "2.2" after "2.1.1" is back in "2". */
  let numbered: { number: string; title: string }[] = [];
  let autoNumbered = 0;
  for (const row of rows) {
    const title = cellOf(row, header, 'title');
    if (row.kind === 'section') {
      section = title;
      sections.push(title);
      numbered = row.number === '' ? [] : [...numbered.filter((s) => row.number.startsWith(`${s.number}.`)), { number: row.number, title }];
      continue;
    }
    const group = header.group === undefined ? '' : (row.cells[header.group] ?? '');
    if (group !== '' && group !== section) {
      section = group;
      if (!sections.includes(group)) sections.push(group);
      numbered = [];
    }
    const own = row.number === '' ? title.match(NUMBER_IN_TITLE) : null;
    // Word's own list numbering is not in the text: the items are numbered as Word shows them, in order.
    const number = own?.[1] ?? (row.number === '' && header.autoNumber ? String(++autoNumbered) : row.number);
    const parent = numbered.findLast((s) => number.startsWith(`${s.number}.`));
    if (parent && parent !== numbered.at(-1)) {
      numbered = numbered.slice(0, numbered.indexOf(parent) + 1);
      section = parent.title;
    }
    const parts = dateParts(row.cells, header);
    const item: RoadmapItem = {
      number,
      section,
      title: own ? title.slice(own[0].length) : title,
      deadlineText: parts ? deadlineTextOf(parts, header) : cellOf(row, header, 'deadline'),
      responsibleText: cellOf(row, header, 'responsible'),
      expectedResult: [cellOf(row, header, 'result'), extrasText(row.cells, header)].filter((t) => t !== '').join('; '),
      line: row.line,
      ...(parts && parts.length > 1 ? { deadlines: parts } : {}),
    };
    items.push(item);
    warnings.push(...itemWarnings(item, header, seen));
  }
  if (items.length === 0) warnings.push({ code: 'no-items', line: header.end + 1 });
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { items, sections, warnings };
}

/** A header row repeated after a page break is layout: compared by its letters alone. */
function headerKey(cells: string[]): string {
  return cells.map((c) => cleanCell(c).toLocaleLowerCase('ru').replace(/[^а-яёa-z№]/g, '')).join('|');
}

/** Reads the table of `rows`, laid out as found (findTableLayout) or as given (a coordinator's column choice). */
export function extractRoadmap(rows: string[][], header: TableLayout | undefined = findTableLayout(rows)): RoadmapDraft {
  if (!header) return { items: [], sections: [], warnings: [{ code: 'no-header' }] };
  const dated = header.dates.length > 0;
  const warnings: DraftWarning[] = OPTIONAL_COLUMNS.filter((c) => header.columns[c] === undefined && !(c === 'deadline' && dated)).map((c) => ({
    code: 'missing-column',
    line: header.index + 1,
    text: c,
  }));
  const width = Math.max(rows[header.index]?.length ?? 0, ...Object.values(header.columns).map((i) => i + 1), ...header.dates.map((d) => d.index + 1));
  const repeated = new Set(rows.slice(header.index, header.end + 1).map(headerKey));
  const lines = mendSplitRows(rows, header.end + 1, width).filter((line) => !repeated.has(headerKey(line.cells)));
  const tableRows = collectRows(lines, header, warnings);
  markSections(tableRows, header);
  return buildDraft(tableRows, header, warnings);
}

/** Rows of a document holding one plan table or several (read.ts, readRoadmapTables), and the tables left out. */
export interface TablesRead {
  rows: string[][];
  tables: { caption: string | null; start: number; end: number }[];
  leftOut: DraftWarning[];
}

/**
 * Reads every plan table of a document. One table reads as extractRoadmap
 * does; with several, each is read on its own and its caption ("2. Работа
 * с педагогами") becomes the section of its items that have none, lines
 * still counted in all the rows. The tables left out come first among the
 * warnings.
 */
export function extractTables(document: TablesRead): RoadmapDraft {
  if (document.tables.length <= 1) {
    const draft = extractRoadmap(document.rows);
    return { ...draft, warnings: [...document.leftOut, ...draft.warnings] };
  }
  const draft: RoadmapDraft = { items: [], sections: [], warnings: [...document.leftOut] };
  for (const table of document.tables) {
    const read = extractRoadmap(document.rows.slice(table.start, table.end));
    const caption = table.caption === null ? null : (sectionHeading(table.caption) ?? table.caption);
    if (caption !== null && read.items.some((i) => i.section === null)) draft.sections.push(caption);
    draft.sections.push(...read.sections);
    draft.items.push(...read.items.map((i) => ({ ...i, section: i.section ?? caption, ...(i.line !== undefined ? { line: i.line + table.start } : {}) })));
    draft.warnings.push(...read.warnings.map((w) => (w.line === undefined ? w : { ...w, line: w.line + table.start })));
  }
  return draft;
}
