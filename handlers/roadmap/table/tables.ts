// Picks the plan tables of a whole document: a Word order with a title
// page, prose, an approval table, a table of criteria or of powers and one
// or several plan tables; or a workbook's sheets (xlsx.ts). A plan table is
// one whose layout has a title column and a column (or columns) of cells
// that read as deadlines or periodicity — not the first table, nor the
// longest. Word tables that merely continue the one above (same width, no
// header of their own or the same header again, nothing but blank lines
// between) are joined to it. Other tables of three columns or more are left
// out with a warning that says why; when no table passes, callers fall back
// to the table whose header names the most columns.
import { cleanCell, sectionHeading } from './cells.js';
import { findTableLayout, readsAsDeadline, type TableLayout } from './columns.js';
import type { Block } from './html.js';
import { isMark } from './periods.js';
import type { DraftWarning } from './types.js';

export interface PlanTable {
  /** The paragraph just above the table ("Раздел 2. План работы с педагогами"), or null. */
  caption: string | null;
  rows: string[][];
  layout: TableLayout;
}

export interface DocumentTables {
  /** Paragraphs before the first plan table, each a one-cell row. */
  above: string[][];
  tables: PlanTable[];
  /** One `table-left-out` warning per table of three columns or more that is no plan; `text` says which and why. */
  leftOut: DraftWarning[];
}

/** A caption longer than this is prose, not a table's name. */
const CAPTION_MAX = 200;
/** At least this share of a plan table's rows read as deadlines in its deadline columns. */
const DATED_SHARE = 0.3;

interface RawTable {
  caption: string | null;
  rows: string[][];
  /** Index of the table's block, for the paragraphs above it. */
  at: number;
  /** Later sections, headless tables under their headings, were joined to it. */
  sectioned?: boolean;
}

/** A table split at a page break that repeats its header row continues the table above. */
function sameHeader(rows: string[][], above: string[][]): boolean {
  const key = (row: string[] | undefined) => (row ?? []).map(cleanCell).join('|');
  return rows[0] !== undefined && key(rows[0]) === key(above[0]) && key(rows[0]).replace(/\|/g, '') !== '';
}

/** A row of the table's width holding a heading in its first cell: read as a section row. */
const headingRow = (text: string, width: number) => [text, ...Array<string>(Math.max(0, width - 1)).fill('')];

/**
 * A table without a header of its own under a heading ("2. Работа с
 * читателями"), as wide as the plan table above it and with rows that read
 * as that plan's: the plan's next section, each section a table of its own.
 */
function nextSection(last: RawTable, rows: string[][]): boolean {
  if (rows[0]?.length !== last.rows[0]?.length || findTableLayout(rows)) return false;
  const layout = findTableLayout(last.rows);
  return layout !== undefined && notAPlan(layout, [...last.rows.slice(0, layout.end + 1), ...rows]) === undefined;
}

/**
 * Tables with their captions, continuations (with or without the header
 * again) joined to the table they continue; a plan's later sections, each
 * a headless table under its heading, joined with the headings as section
 * rows (the first section's heading, above the header, put under it).
 */
function tablesOf(blocks: Block[]): RawTable[] {
  const tables: RawTable[] = [];
  let caption: string | null = null;
  let between = false;
  blocks.forEach((block, at) => {
    if (block.kind === 'paragraph') {
      caption = block.text.length <= CAPTION_MAX ? block.text : null;
      between = true;
      return;
    }
    const last = tables[tables.length - 1];
    const width = block.rows[0]?.length ?? 0;
    const continues = last && !between && width === last.rows[0]?.length && (sameHeader(block.rows, last.rows) || !findTableLayout(block.rows));
    if (continues) last.rows.push(...block.rows);
    else if (last && between && caption !== null && nextSection(last, block.rows)) {
      const end = findTableLayout(last.rows)?.end ?? 0;
      if (!last.sectioned && last.caption !== null && sectionHeading(last.caption) !== undefined) last.rows.splice(end + 1, 0, headingRow(last.caption, width));
      last.sectioned = true;
      last.rows.push(headingRow(caption, width), ...block.rows);
    } else tables.push({ caption, rows: block.rows, at });
    caption = null;
    between = false;
  });
  return tables;
}

/** Why a table with a header is no plan table, or undefined when it is one. */
function notAPlan(layout: TableLayout, rows: string[][]): 'no-deadlines' | 'no-title' | undefined {
  if (layout.columns.title === undefined) return 'no-title';
  const columns = layout.dates.length > 0 ? layout.dates.map((d) => d.index) : layout.columns.deadline !== undefined ? [layout.columns.deadline] : [];
  const body = rows.slice(layout.end + 1).filter((r) => r.filter((c) => cleanCell(c) !== '').length >= 2);
  const dated = body.filter((r) => columns.some((i) => readsAsDeadline(cleanCell(r[i] ?? '')) || isMark(cleanCell(r[i] ?? ''))));
  return body.length > 0 && dated.length >= DATED_SHARE * body.length ? undefined : 'no-deadlines';
}

/** Signature blocks and approval stamps ("СОГЛАСОВАНО | УТВЕРЖДАЮ") are too small to mention. */
function isReported(table: TableCandidate): boolean {
  return table.rows.length >= 2 && (table.rows[0]?.length ?? 0) >= 3;
}

function describe(table: TableCandidate, layout: TableLayout | undefined): string {
  const header = layout ? layout.labels : (table.rows[0] ?? []).map(cleanCell);
  return table.caption ?? header.filter((l) => l !== '').join(' | ');
}

/** A table as found in a document or a workbook, before it is known to be a plan. */
export interface TableCandidate {
  caption: string | null;
  rows: string[][];
}

/** The plan tables among candidates, in their order, with the index of the first one; the others left out with a warning. */
export function planTables(candidates: TableCandidate[]): { tables: PlanTable[]; leftOut: DraftWarning[]; first?: number } {
  const tables: PlanTable[] = [];
  const leftOut: DraftWarning[] = [];
  let first: number | undefined;
  candidates.forEach((table, index) => {
    const layout = findTableLayout(table.rows);
    const reason = layout ? notAPlan(layout, table.rows) : 'no-deadlines';
    if (!layout || reason) {
      if (isReported(table)) leftOut.push({ code: 'table-left-out', text: `${reason}: ${describe(table, layout)}` });
      return;
    }
    first ??= index;
    tables.push({ caption: table.caption, rows: table.rows, layout });
  });
  return { tables, leftOut, ...(first !== undefined ? { first } : {}) };
}

/** The plan tables of a Word document, with the paragraphs above the first. */
export function documentTables(blocks: Block[]): DocumentTables {
  const raw = tablesOf(blocks);
  const { tables, leftOut, first } = planTables(raw);
  const above = blocks.slice(0, first === undefined ? 0 : raw[first]?.at).flatMap((b) => (b.kind === 'paragraph' ? [[b.text]] : []));
  return { above, tables, leftOut };
}
