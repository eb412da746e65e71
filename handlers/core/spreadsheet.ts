// Builds XLSX files for people to download. Every text cell that a
// spreadsheet would run as a formula (=, +, -, @) is neutralised with a
// leading apostrophe, so exported data can never execute.
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface Sheet {
  name: string;
  header: string[];
  rows: CellValue[][];
}

export function neutralize(value: CellValue): CellValue {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function buildXlsx(sheets: Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Opora';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    ws.addRow(sheet.header.map(neutralize));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(neutralize));
    // Widths from the longest cell of each column (a loop: spreading 100,000 rows into Math.max overflows the stack).
    const longest = sheet.header.map((h) => h.length);
    for (const row of sheet.rows) row.forEach((cell, i) => (longest[i] = Math.max(longest[i] ?? 0, String(cell ?? '').length)));
    ws.columns.forEach((column, i) => {
      column.width = Math.min(60, Math.max(10, (longest[i] ?? 0) + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
