// Reads an Excel road map through the document worker: every sheet becomes
// rows of text cells (dates as DD.MM.YYYY, formulas by their saved result,
// never evaluated) and the sheet whose header looks most like a road map
// wins. A cell merged across columns keeps its text in the first column
// only; one merged across rows repeats it, as in Word tables.
import type { Sheet, SheetCell } from '../../core/documents/jobs.js';
import { TableBudget } from '../../core/documents/table-limits.js';
import { parseDocument } from '../../core/documents/parse-document.js';
import { findRoadmapHeader } from './header.js';

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

export async function sheetsFromXlsx(data: Buffer): Promise<string[][][]> {
  const sheets = await parseDocument({ kind: 'xlsx', data, sheets: 'all' });
  const budget = new TableBudget();
  return sheets.map((sheet) => sheetRows(sheet, budget));
}

/** The sheet whose header names the most road-map columns; all sheets' rows when none has one. */
export function bestSheet(sheets: string[][][]): string[][] {
  let best: { rows: string[][]; score: number } | undefined;
  for (const rows of sheets) {
    const header = findRoadmapHeader(rows);
    const score = header ? Object.keys(header.columns).length : 0;
    if (score > (best?.score ?? 0)) best = { rows, score };
  }
  return best?.rows ?? sheets.flat();
}
