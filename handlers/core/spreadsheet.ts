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
    ws.columns.forEach((column, i) => {
      const longest = Math.max(sheet.header[i]?.length ?? 0, ...sheet.rows.map((r) => String(r[i] ?? '').length));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
