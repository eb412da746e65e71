// Reads a road map out of rows of cells from any source (pasted text, DOCX,
// XLSX, CSV): finds the header, mends wrapped rows, tells section rows from
// items, and reports what looks wrong as warnings instead of failing.
import { cleanCell } from './cells.js';
import { findRoadmapHeader, type RoadmapHeader } from './header.js';
import { classifyLine, mendSplitRows, type LineKind, type TableLine } from './rows.js';
import type { Column, DraftWarning, RoadmapDraft, RoadmapItem } from './types.js';

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
    if (kind.kind !== 'continuation') rows.push(rowOf(line, kind, header));
    else if (last) appendTo(last, line);
    else warnings.push({ code: 'orphan-continuation', line: line.line });
  }
  return rows;
}

/** A numbered row with only a title is a section when the next numbered row is its child: "2" before "2.1". */
function markSections(rows: Row[], header: RoadmapHeader): void {
  rows.forEach((row, i) => {
    if (row.kind !== 'item' || row.number === '') return;
    if (DETAIL_COLUMNS.some((c) => cellOf(row, header, c) !== '')) return;
    const next = rows.slice(i + 1).find((r) => r.kind === 'item' && r.number !== '');
    if (next?.number.startsWith(`${row.number}.`)) row.kind = 'section';
  });
}

/** "1.1. Проведение …", "3) Семинар …" written in the title cell of a row without a number of its own. */
const NUMBER_IN_TITLE = /^(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(?=\S)/;

function itemWarnings(item: RoadmapItem, header: RoadmapHeader, seen: Set<string>): DraftWarning[] {
  const line = item.line;
  const warnings: DraftWarning[] = [];
  if (item.number === '' && header.columns.number !== undefined) warnings.push({ code: 'missing-number', line });
  if (item.title === '') warnings.push({ code: 'missing-title', line, text: item.number });
  if (item.deadlineText === '' && header.columns.deadline !== undefined) warnings.push({ code: 'missing-deadline', line, text: item.number });
  if (item.number !== '' && seen.has(item.number)) warnings.push({ code: 'duplicate-number', line, text: item.number });
  seen.add(item.number);
  return warnings;
}

function buildDraft(rows: Row[], header: RoadmapHeader, warnings: DraftWarning[]): RoadmapDraft {
  const items: RoadmapItem[] = [];
  const sections: string[] = [];
  const seen = new Set<string>();
  let section: string | null = null;
  for (const row of rows) {
    const title = cellOf(row, header, 'title');
    if (row.kind === 'section') {
      section = title;
      sections.push(title);
      continue;
    }
    const own = row.number === '' ? title.match(NUMBER_IN_TITLE) : null;
    const item: RoadmapItem = {
      number: own?.[1] ?? row.number,
      section,
      title: own ? title.slice(own[0].length) : title,
      deadlineText: cellOf(row, header, 'deadline'),
      responsibleText: cellOf(row, header, 'responsible'),
      expectedResult: cellOf(row, header, 'result'),
      line: row.line,
    };
    items.push(item);
    warnings.push(...itemWarnings(item, header, seen));
  }
  if (items.length === 0) warnings.push({ code: 'no-items', line: header.index + 1 });
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { items, sections, warnings };
}

/** A header row repeated after a page break is layout: compared by its letters alone. */
function headerKey(cells: string[]): string {
  return cells.map((c) => cleanCell(c).toLocaleLowerCase('ru').replace(/[^а-яёa-z№]/g, '')).join('|');
}

export function extractRoadmap(rows: string[][]): RoadmapDraft {
  const header = findRoadmapHeader(rows);
  if (!header) return { items: [], sections: [], warnings: [{ code: 'no-header' }] };
  const warnings: DraftWarning[] = OPTIONAL_COLUMNS.filter((c) => header.columns[c] === undefined).map((c) => ({
    code: 'missing-column',
    line: header.index + 1,
    text: c,
  }));
  const width = Math.max(rows[header.index]?.length ?? 0, ...Object.values(header.columns).map((i) => i + 1));
  const repeated = headerKey(rows[header.index] ?? []);
  const lines = mendSplitRows(rows, header.index + 1, width).filter((line) => headerKey(line.cells) !== repeated);
  const tableRows = collectRows(lines, header, warnings);
  markSections(tableRows, header);
  return buildDraft(tableRows, header, warnings);
}
