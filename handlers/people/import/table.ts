// Reads the first table of a spreadsheet a coordinator already has: XLSX
// through exceljs, CSV/TSV through csv-parse (UTF-8 or Windows-1251, any of
// the usual separators), both in the document worker, within its limits.
// Cells come back as trimmed text with their row numbers; formulas are
// flagged, never evaluated.
import { DocumentLimitError, DocumentReadError } from '../../core/documents/limits.js';
import type { Sheet } from '../../core/documents/jobs.js';
import { parseDocument } from '../../core/documents/parse-document.js';
import type { MessageArgs } from '../../core/i18n.js';

export interface TableRow {
  /** 1-based line number as the coordinator sees it in the file. */
  line: number;
  cells: string[];
  /** Columns (0-based) whose cell holds a formula or starts like one. */
  formulas: number[];
}

export class TableError extends Error {
  constructor(
    readonly key: string,
    readonly args?: MessageArgs,
  ) {
    super(key);
  }
}

/** The columns an import may ask for, each with its message key («ФИО», «Роль», …). */
export type ImportColumn = 'role' | 'school';

/**
 * A file whose header lacks expected columns (or has no header at all). It
 * names the columns missing, for people or schools, and the cells found.
 */
export class ColumnsError extends TableError {
  constructor(
    readonly kind: 'people' | 'schools' | undefined,
    readonly missing: ImportColumn[],
    readonly found: string[],
  ) {
    super(kind ? 'import-missing-columns' : 'import-no-header');
  }
}

type T = (key: string, args?: MessageArgs) => string;

const quoted = (names: string[]) => names.map((n) => `«${n}»`).join(', ');

/** A refusal of a table as a sentence in the reader's language. */
export function tableErrorText(t: T, error: TableError): string {
  if (!(error instanceof ColumnsError)) return t(error.key, error.args);
  const found = error.found.length > 0 ? quoted(error.found) : t('import-found-nothing');
  if (!error.kind) return t('import-no-header', { found });
  const missing = quoted(error.missing.map((c) => t(`import-col-${c}`)));
  return t('import-missing-columns', { kind: error.kind, count: error.missing.length, missing, found });
}

export const MAX_TABLE_BYTES = 5 * 1024 * 1024;

export function kindOfFile(name: string): 'xlsx' | 'csv' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  return undefined;
}

/** Text that a spreadsheet would run as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text) && !/^[+-]?\d/.test(text);
}

function sheetRows(sheet: Sheet): TableRow[] {
  return sheet.rows.map(({ line, cells }) => ({
    line,
    cells: cells.map((c) => (c.formula ? '' : c.text).replace(/\s+/g, ' ').trim()),
    formulas: cells.flatMap((c, col) => (c.formula || looksLikeFormula(c.text.trim()) ? [col] : [])),
  }));
}

async function readXlsx(data: Buffer): Promise<TableRow[]> {
  const [sheet] = await parseDocument({ kind: 'xlsx', data, sheets: 'first-with-rows' });
  if (!sheet) throw new TableError('import-file-empty');
  return sheetRows(sheet);
}

function decode(data: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(data);
  // Excel in Russia often saves CSV in Windows-1251; replacement characters give it away.
  if (!utf8.includes('\ufffd')) return utf8.replace(/^\ufeff/, '');
  return new TextDecoder('windows-1251').decode(data);
}

async function readCsv(data: Buffer): Promise<TableRow[]> {
  const text = decode(data);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = ['\t', ';', ','].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ',';
  const [records] = await parseDocument({ kind: 'csv', text, delimiters: [delimiter] });
  if (!records) throw new TableError('import-file-corrupt');
  return records
    .map((cells, i) => ({
      line: i + 1,
      cells: cells.map((c) => c.replace(/\s+/g, ' ').trim()),
      formulas: cells.flatMap((c, col) => (looksLikeFormula(c.trim()) ? [col] : [])),
    }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

/** The document worker's refusals as the import's own errors. */
function tableError(error: unknown): unknown {
  if (error instanceof DocumentLimitError) return new TableError(error.key, error.args);
  if (error instanceof DocumentReadError) return new TableError('import-file-corrupt');
  return error;
}

/**
 * The rows of a coordinator's spreadsheet. Throws TableError with the key of
 * a polite refusal: too big, not a table format, damaged, empty, or over one
 * of the document limits (its key and args name the limit).
 */
export async function readTable(name: string, data: Buffer): Promise<TableRow[]> {
  if (data.length > MAX_TABLE_BYTES) throw new TableError('import-file-too-big');
  const kind = kindOfFile(name);
  if (!kind) throw new TableError('import-file-type');
  const rows = await (kind === 'xlsx' ? readXlsx(data) : readCsv(data)).catch((error: unknown) => {
    throw tableError(error);
  });
  if (rows.length === 0) throw new TableError('import-file-empty');
  return rows;
}

/** Header cells are short; a title line above the table is not a header even if it mentions a column. */
const HEADER_CELL_MAX = 60;

/**
 * Finds the header row among the first rows: the one matching the most
 * columns, with every required column present. Each column takes the first
 * cell matching it that no earlier column took.
 */
export function findHeader<K extends string>(
  rows: TableRow[],
  columns: Record<K, RegExp>,
  required: readonly K[],
): { index: number; columns: Partial<Record<K, number>> } | undefined {
  let best: { index: number; columns: Partial<Record<K, number>>; score: number } | undefined;
  for (const [index, row] of rows.slice(0, 15).entries()) {
    const found: Partial<Record<K, number>> = {};
    for (const key of Object.keys(columns) as K[]) {
      const col = row.cells.findIndex(
        (c, i) => c.length <= HEADER_CELL_MAX && columns[key].test(c.toLocaleLowerCase('ru')) && !Object.values(found).includes(i),
      );
      if (col >= 0) found[key] = col;
    }
    const score = Object.keys(found).length;
    if (required.every((k) => found[k] !== undefined) && score > (best?.score ?? 0)) best = { index, columns: found, score };
  }
  return best && { index: best.index, columns: best.columns };
}
