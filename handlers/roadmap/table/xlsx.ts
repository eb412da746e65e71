// Reads an Excel road map with exceljs: every sheet becomes rows of text
// cells (dates as DD.MM.YYYY, formulas by their saved result, never
// evaluated) and the sheet whose header looks most like a road map wins.
// A cell merged across columns keeps its text in the first column only; one
// merged across rows repeats it, as in Word tables.
import ExcelJS from 'exceljs';
import { findRoadmapHeader } from './header.js';

function dateText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}.${pad(date.getUTCMonth() + 1)}.${date.getUTCFullYear()}`;
}

function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return valueText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return valueText(value.text as ExcelJS.CellValue);
  return '';
}

/** A merged cell's text lives in its first column; lower rows of the merge repeat it. */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master.fullAddress.col !== cell.fullAddress.col) return '';
  return valueText(cell.value);
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    while (rows.length < number - 1) rows.push(Array<string>(width).fill(''));
    rows.push(Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1))));
  });
  return rows;
}

export async function sheetsFromXlsx(data: Buffer): Promise<string[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook.worksheets.map(sheetRows);
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
