// Inside the document worker: a workbook read with exceljs into sheets of
// text cells. Dates become ISO dates, formulas their saved result (never
// evaluated), rich text and links their text; merged cells keep the merge's
// text and say when they are not its first column. Rows and cells are
// counted against the limits as they are read.
import ExcelJS from 'exceljs';
import type { Sheet, SheetCell, SheetRow } from './jobs.js';
import type { DocumentLimits } from './limits.js';
import { TableBudget } from './table-limits.js';

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function valueCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '' } : { text: isoDate(value), date: true };
  if (typeof value !== 'object') return { text: String(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) return { ...valueCell((value.result ?? null) as ExcelJS.CellValue), formula: true };
  if ('text' in value) return { text: valueCell(value.text as ExcelJS.CellValue).text };
  return { text: '' };
}

function sheetCell(cell: ExcelJS.Cell): SheetCell {
  const read = valueCell(cell.value);
  return cell.isMerged && cell.master.fullAddress.col !== cell.fullAddress.col ? { ...read, coveredColumn: true } : read;
}

function readSheet(sheet: ExcelJS.Worksheet, budget: TableBudget): Sheet {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = sheetCell(cell);
    });
    const filled = Array.from(cells, (c) => c ?? { text: '' });
    budget.addRow(filled.length, filled.reduce((most, c) => Math.max(most, c.text.length), 0));
    rows.push({ line, cells: filled });
  });
  return { name: sheet.name, width: sheet.columnCount, height: sheet.rowCount, rows };
}

export async function readXlsx(data: Uint8Array, which: 'all' | 'first-with-rows', limits: DocumentLimits): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ArrayBuffer);
  const budget = new TableBudget(limits);
  if (which === 'all') return workbook.worksheets.map((sheet) => readSheet(sheet, budget));
  const first = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  return first ? [readSheet(first, budget)] : [];
}
