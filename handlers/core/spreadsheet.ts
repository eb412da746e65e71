// Builds XLSX files for people to download. Every text cell that a
// spreadsheet would run as a formula (=, +, -, @) is neutralised with a
// leading apostrophe, so exported data can never execute.
import { PassThrough } from 'node:stream';
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

/**
 * Writes the workbook row by row with exceljs's streaming writer: a sheet of
 * 40,000 answers would otherwise be held as a model of every cell (hundreds
 * of MB for one export). Column widths come from the longest cell first, as
 * a streamed sheet cannot be resized afterwards.
 */
export async function buildXlsx(sheets: Sheet[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Opora';
  for (const sheet of sheets) {
    const longest = sheet.header.map((h) => h.length);
    for (const row of sheet.rows) row.forEach((cell, i) => (longest[i] = Math.max(longest[i] ?? 0, String(cell ?? '').length)));
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    ws.columns = longest.map((length) => ({ width: Math.min(60, Math.max(10, length + 2)) }));
    const header = ws.addRow(sheet.header.map(neutralize));
    header.font = { bold: true };
    header.commit();
    for (const row of sheet.rows) ws.addRow(row.map(neutralize)).commit();
    ws.commit();
  }
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
