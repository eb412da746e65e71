// Turns the rows under a road map's header into table lines of a known
// kind. Two kinds of wrapping are mended here: Word's paste splits a row at
// every line break inside a cell, leaving a line with fewer cells whose last
// cell continues on the next line; and a row broken across pages comes back
// as an extra line whose leading cells are empty. A row's number may also
// stand in its title cell ("1.1. Проведение …").
import { cleanCell, isColumnNumbering, itemNumber, isRomanNumber, numberCell, sectionHeading, splitNumberAndTitle } from './cells.js';
import type { RoadmapHeader } from './header.js';

export interface TableLine {
  /** 1-based index of the line's first row. */
  line: number;
  cells: string[];
  /** How many cells the source row had before padding (tab-less pasted lines have one). */
  count: number;
}

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'column-numbers' }
  | { kind: 'section'; title: string }
  | { kind: 'item'; number: string; title?: string }
  | { kind: 'continuation' }
  | { kind: 'outside'; text: string };

/** Empty, or nothing but rules drawn with dashes, underscores or similar ("-----", "— —"). */
function isBlank(cells: string[]): boolean {
  return cells.every((c) => /^[-–—_=+|.*\s]*$/.test(c));
}

/** A pasted line that opens a row of its own: a number cell, or a full heading row. */
function startsNewRow(cells: string[], width: number): boolean {
  const first = cells[0] ?? '';
  if (itemNumber(first) !== undefined) return true;
  return cells.length >= width && sectionHeading(first) !== undefined && cells.slice(1).every((c) => c === '');
}

/** Joins a pasted line that has fewer cells than the header with the lines that complete it. */
export function mendSplitRows(rows: string[][], start: number, width: number): TableLine[] {
  const lines: TableLine[] = [];
  for (let i = start; i < rows.length; i++) {
    const cells = (rows[i] ?? []).map(cleanCell);
    const line: TableLine = { line: i + 1, cells, count: cells.length };
    while (cells.length > 1 && cells.length < width && i + 1 < rows.length) {
      const next = (rows[i + 1] ?? []).map(cleanCell);
      if (isBlank(next) || startsNewRow(next, width)) break;
      cells[cells.length - 1] = [cells[cells.length - 1], next[0]].filter((c) => c).join(' ');
      cells.push(...next.slice(1));
      i++;
    }
    line.count = cells.length;
    while (cells.length < width) cells.push('');
    lines.push(line);
  }
  return lines;
}

/** A row with one filled cell: a number alone, a heading, a fragment of a wrapped row, or text after the table. */
function singleCell(line: TableLine, index: number, text: string, header: RoadmapHeader): LineKind {
  const numberColumn = header.columns.number;
  if (index !== 0 && index !== numberColumn) {
    // "Раздел 2. Консультирование" alone in the title column (a workbook's section row, unmerged) heads a section; other text continues the row above.
    const heading = index === header.columns.title ? sectionHeading(text) : undefined;
    return heading !== undefined && /^[А-ЯЁA-Z«"]/.test(heading) ? { kind: 'section', title: heading } : { kind: 'continuation' };
  }
  const number = index === numberColumn ? numberCell(text) : undefined;
  if (number !== undefined) return { kind: 'item', number };
  const heading = sectionHeading(text);
  if (heading !== undefined) return { kind: 'section', title: heading };
  if (line.count === 1) return { kind: 'outside', text };
  if (numberColumn === undefined && line.count < line.cells.length) return { kind: 'continuation' };
  return { kind: 'section', title: text };
}

function titleOf(line: TableLine, header: RoadmapHeader): string {
  return header.columns.title === undefined ? '' : (line.cells[header.columns.title] ?? '');
}

/** "1.1. Проведение …" in the title cell of a row whose number cell is empty, with a deadline beside it: an item, not a wrapped fragment. */
function numberInTitle(line: TableLine, header: RoadmapHeader): LineKind | undefined {
  const own = titleOf(line, header).match(/^(\d{1,3}(?:\.\d{1,3})+|\d{1,3})\.\s+(?=[А-ЯЁA-Z«"])/);
  const deadline = header.columns.deadline;
  if (!own?.[1] || deadline === undefined || (line.cells[deadline] ?? '') === '') return undefined;
  return { kind: 'item', number: own[1], title: titleOf(line, header).slice(own[0].length) };
}

/** A row whose number cell says what it is: an item number, a Roman section number, a heading, or something else. */
function numberedRow(line: TableLine, header: RoadmapHeader): LineKind | undefined {
  const numberColumn = header.columns.number;
  if (numberColumn === undefined) return undefined;
  const text = line.cells[numberColumn] ?? '';
  if (text === '') return numberInTitle(line, header) ?? (header.autoNumber && titleOf(line, header) !== '' ? { kind: 'item', number: '' } : { kind: 'continuation' });
  const number = numberCell(text);
  if (number !== undefined) return { kind: 'item', number };
  if (isRomanNumber(text)) return { kind: 'section', title: titleOf(line, header) };
  const glued = splitNumberAndTitle(text);
  if (glued && titleOf(line, header) === '') return { kind: 'item', number: glued.number, title: glued.title };
  const heading = sectionHeading(text) ?? (/^(?:раздел|блок|часть)\s+\S+$/i.test(text) ? '' : undefined);
  if (heading !== undefined) return { kind: 'section', title: [heading, titleOf(line, header)].filter((t) => t).join(' ') };
  return { kind: 'outside', text };
}

export function classifyLine(line: TableLine, header: RoadmapHeader): LineKind {
  const filled = line.cells.flatMap((c, i) => (c === '' ? [] : [i]));
  const [firstFilled] = filled;
  if (firstFilled === undefined || isBlank(line.cells)) return { kind: 'blank' };
  if (isColumnNumbering(line.cells)) return { kind: 'column-numbers' };
  if (filled.length === 1) return singleCell(line, firstFilled, line.cells[firstFilled] ?? '', header);
  const numbered = numberedRow(line, header);
  if (numbered) return numbered;
  // A row whose leading cells are empty continues the one above; a sheet's empty margin column ("" before the title) is no such cell.
  const lead = Math.min(...Object.values(header.columns));
  const leadEmpty = line.cells[0] === '' && (line.cells[lead] ?? '') === '';
  return leadEmpty || line.count < line.cells.length ? { kind: 'continuation' } : { kind: 'item', number: '' };
}

/** Words a title cut at a page break may end on, the rest of it below: a preposition, a conjunction. */
const HANGING = /(?:^|\s)(?:и|или|а|в|во|на|по|с|со|к|ко|о|об|от|для|из|за|при|до|без|через|между|над|под|как|что|их|его|её)$/i;

/**
 * A row with nothing but a capitalised phrase in the title column
 * («Работа с родителями», bold in the document; or the text of a row Word
 * numbers by itself, its number not in the text), under an item whose title
 * reads as finished: a section heading, not the end of the title above. A
 * title cut at a page break goes on in lower case, or after a hanging word.
 */
export function headingRow(line: TableLine, header: RoadmapHeader, aboveTitle: string | undefined): string | undefined {
  const title = header.columns.title;
  if (title === undefined || header.columns.number === undefined || line.count < line.cells.length) return undefined;
  const text = line.cells[title] ?? '';
  if (line.cells.some((c, i) => i !== title && c !== '')) return undefined;
  if (!/^[А-ЯЁA-Z][а-яёa-z]/.test(text) || /[,;:\-–—]$/.test(text) || text.length > 80 || text.split(/\s+/).length > 8) return undefined;
  if (aboveTitle !== undefined && (/[,;:\-–—(«"]$/.test(aboveTitle) || HANGING.test(aboveTitle))) return undefined;
  return text;
}
