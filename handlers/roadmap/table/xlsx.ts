// Reads an Excel road map through the document worker: every sheet becomes
// rows of text cells (dates as DD.MM.YYYY, formulas by their saved result,
// never evaluated) and the sheet whose header looks most like a road map
// wins (several plan sheets are each a section, see read.ts). A cell merged across columns keeps its text in the first column
// only; one merged across rows repeats it, as in Word tables.
import type { Sheet, SheetCell } from '../../core/documents/jobs.js';
import { TableBudget } from '../../core/documents/table-limits.js';
import { parseDocument } from '../../core/documents/parse-document.js';
import { findTableLayout, layoutScore } from './columns.js';
import { planTables, type DocumentTables } from './tables.js';

/** "2025-09-15" as "15.09.2025". */
function dateText(iso: string): string {
  const [year = '', month = '', day = ''] = iso.split(/(?<=\d)-/);
  return `${day}.${month}.${Number(year)}`;
}

/** A merged cell's text lives in its first column; lower rows of the merge repeat it. */
function cellText(cell: SheetCell | undefined): string {
  if (!cell || cell.coveredColumn) return '';
  return cell.date ? dateText(cell.text) : cell.text;
}

/** The sheet as a grid: every row up to the last, blank ones included, each as wide as the widest. */
function sheetRows(sheet: Sheet, budget: TableBudget): string[][] {
  const byLine = new Map(sheet.rows.map((row) => [row.line, row.cells]));
  const rows: string[][] = [];
  for (let line = 1; line <= sheet.height; line++) {
    const cells = byLine.get(line);
    budget.addRow(sheet.width, cells ? Math.max(0, ...cells.map((c) => c.text.length)) : 0);
    rows.push(Array.from({ length: sheet.width }, (_, i) => cellText(cells?.[i])));
  }
  return rows;
}

export interface SheetRows {
  name: string;
  rows: string[][];
}

export async function sheetsFromXlsx(data: Buffer): Promise<SheetRows[]> {
  const sheets = await parseDocument({ kind: 'xlsx', data, sheets: 'all' });
  const budget = new TableBudget();
  return sheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet, budget) }));
}

/** A workbook's plan sheets (tables.ts), each captioned with the sheet's name. */
export function sheetTables(sheets: SheetRows[]): DocumentTables {
  const { tables, leftOut } = planTables(sheets.map((s) => ({ caption: s.name, rows: s.rows })));
  return { above: [], tables, leftOut };
}

/** The first plan sheet; else the sheet whose header names the most road-map columns; all sheets' rows when none has one. */
export function bestSheet(sheets: SheetRows[], plans: DocumentTables = sheetTables(sheets)): string[][] {
  const [first] = plans.tables;
  if (first) return first.rows;
  let best: { rows: string[][]; score: number } | undefined;
  for (const { rows } of sheets) {
    const score = layoutScore(findTableLayout(rows));
    if (score > (best?.score ?? 0)) best = { rows, score };
  }
  return best?.rows ?? sheets.flatMap((s) => s.rows);
}
