// Opens a road-map document a coordinator sends (DOCX, XLSX, CSV/TSV or
// plain text, tables drawn with characters included) and returns its rows
// of cells for extractRoadmap, or, for a Word document with several plan
// tables, each table's place among the rows (readRoadmapTables). Everything a
// user can get wrong is a RoadmapDocumentError with a stable code; the size
// is checked before any parsing, and the parse itself runs in the document
// worker within its limits (archive size, rows, cells, time, memory).
import { DocumentLimitError, DocumentReadError } from '../../core/documents/limits.js';
import { checkTable } from '../../core/documents/table-limits.js';
import type { MessageArgs } from '../../core/i18n.js';
import { rowsFromBlocks, blocksFromDocx, PARAGRAPHS_KEPT } from './docx.js';
import { documentTables, type DocumentTables } from './tables.js';
import type { DraftWarning } from './types.js';
import { findTableLayout } from './columns.js';
import { rowsFromPastedText } from './pasted.js';
import { decodeText, rowsFromDelimited } from './text.js';
import { bestSheet, sheetsFromXlsx, sheetTables } from './xlsx.js';

export const MAX_ROADMAP_BYTES = 20 * 1024 * 1024;

/** `limit`: the document broke one of the document limits, which `key` and `args` name. */
export type RoadmapDocumentErrorCode = 'corrupt' | 'empty' | 'no-table' | 'too-big' | 'unsupported' | 'limit';

export class RoadmapDocumentError extends Error {
  /** The locale key of the polite refusal, with its arguments. */
  readonly key: string;
  readonly args: MessageArgs | undefined;

  constructor(
    readonly code: RoadmapDocumentErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`roadmap document: ${code}`, options);
    this.name = 'RoadmapDocumentError';
    const limit = options?.cause instanceof DocumentLimitError ? options.cause : undefined;
    this.key = limit?.key ?? `roadmap-error-${code}`;
    this.args = limit?.args;
  }
}

export type RoadmapFormat = 'docx' | 'xlsx' | 'csv' | 'tsv' | 'text';

const EXTENSIONS: Record<string, RoadmapFormat> = {
  docx: 'docx',
  docm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  csv: 'csv',
  tsv: 'tsv',
  txt: 'text',
  text: 'text',
};

/** The format a file name announces, or undefined for anything else (.doc, .xls, .pdf, .odt…). */
export function roadmapFormatOf(fileName: string): RoadmapFormat | undefined {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  return extension === undefined ? undefined : EXTENSIONS[extension];
}

interface Opened {
  rows: string[][];
  /** A Word document's or a workbook's plan tables. */
  plans?: DocumentTables;
}

async function rowsOf(format: RoadmapFormat, data: Buffer): Promise<Opened | undefined> {
  const rows = (found: string[][] | undefined) => found && { rows: found };
  switch (format) {
    case 'docx': {
      const blocks = await blocksFromDocx(data);
      const plans = documentTables(blocks);
      return { rows: rowsFromBlocks(blocks, plans), plans };
    }
    case 'xlsx': {
      const sheets = await sheetsFromXlsx(data);
      const plans = sheetTables(sheets);
      return { rows: bestSheet(sheets, plans), plans };
    }
    case 'csv':
      return rows(await rowsFromDelimited(decodeText(data)));
    case 'tsv':
      return rows(await rowsFromDelimited(decodeText(data), '\t'));
    case 'text':
      return rows(rowsFromPastedText(decodeText(data)));
  }
}

async function parse(format: RoadmapFormat, data: Buffer): Promise<Opened | undefined> {
  try {
    const opened = await rowsOf(format, data);
    if (opened) checkTable(opened.rows);
    return opened;
  } catch (error) {
    if (error instanceof DocumentLimitError) throw new RoadmapDocumentError('limit', { cause: error });
    if (error instanceof DocumentReadError) throw new RoadmapDocumentError('corrupt', { cause: error });
    throw error;
  }
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

async function open(fileName: string, data: Buffer, needTable = true): Promise<Opened> {
  if (data.length > MAX_ROADMAP_BYTES) throw new RoadmapDocumentError('too-big');
  const format = roadmapFormatOf(fileName);
  if (!format) throw new RoadmapDocumentError('unsupported');
  if (data.length === 0) throw new RoadmapDocumentError('empty');
  const opened = await parse(format, data);
  if (opened === undefined) throw new RoadmapDocumentError('corrupt');
  const { rows } = opened;
  if (rows.every(isBlank)) throw new RoadmapDocumentError('empty');
  if (!needTable) return opened;
  const layout = findTableLayout(rows);
  if (!layout) throw new RoadmapDocumentError('no-table');
  if (rows.slice(layout.end + 1).every(isBlank)) throw new RoadmapDocumentError('empty');
  return opened;
}

/**
 * Rows of cells of the document's road-map table (DOCX: the best matching
 * table, with the paragraphs above it; XLSX: the best matching sheet).
 * Throws RoadmapDocumentError: too-big (over 20 MB), unsupported (by file
 * name), corrupt (the library could not read it), limit (a document limit,
 * named by the error's key), empty (no text, or a header with nothing under
 * it), no-table (no road-map header anywhere).
 */
export async function readRoadmapDocument(fileName: string, data: Buffer): Promise<string[][]> {
  return (await open(fileName, data)).rows;
}

/** A document's plan tables, each with its rows' place in `rows`, and the tables left out. */
export interface RoadmapTables {
  /** All rows read: the paragraphs above the first table, then every plan table's rows. */
  rows: string[][];
  /** Where each plan table's rows are in `rows` (end excluded), with the table's caption. */
  tables: { caption: string | null; start: number; end: number }[];
  leftOut: DraftWarning[];
}

/**
 * Like readRoadmapDocument, but a Word document with several plan tables,
 * or a workbook with several plan sheets, gives all of them, each to be
 * imported as a section of its own (named by the paragraph above the table,
 * or by the sheet), and says which tables were left out. Other formats give
 * one table: all their rows.
 */
export async function readRoadmapTables(fileName: string, data: Buffer): Promise<RoadmapTables> {
  const { rows, plans: found } = await open(fileName, data);
  const leftOut = found && found.tables.length > 0 ? found.leftOut : [];
  if (!found || found.tables.length < 2) return { rows, tables: [{ caption: null, start: 0, end: rows.length }], leftOut };
  const all = [...found.above.slice(-PARAGRAPHS_KEPT)];
  const tables = found.tables.map((table) => {
    const start = all.length;
    all.push(...table.rows);
    return { caption: table.caption, start, end: all.length };
  });
  return { rows: all, tables, leftOut };
}

/**
 * All rows of a document whether or not a road-map table is found in it,
 * for a coordinator to choose the columns (planWithColumns). The same
 * errors as readRoadmapDocument but no-table.
 */
export async function readRoadmapRows(fileName: string, data: Buffer): Promise<string[][]> {
  return (await open(fileName, data, false)).rows;
}
