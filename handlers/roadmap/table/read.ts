// Opens a road-map document a coordinator sends (DOCX, XLSX, CSV/TSV or
// plain text) and returns its rows of cells for extractRoadmap. Everything a
// user can get wrong is a RoadmapDocumentError with a stable code; the size
// is checked before any parsing, and the parse itself runs in the document
// worker within its limits (archive size, rows, cells, time, memory).
import { DocumentLimitError, DocumentReadError } from '../../core/documents/limits.js';
import { checkTable } from '../../core/documents/table-limits.js';
import type { MessageArgs } from '../../core/i18n.js';
import { rowsFromBlocks, blocksFromDocx } from './docx.js';
import { findRoadmapHeader } from './header.js';
import { rowsFromPastedText } from './pasted.js';
import { decodeText, rowsFromDelimited } from './text.js';
import { bestSheet, sheetsFromXlsx } from './xlsx.js';

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

async function rowsOf(format: RoadmapFormat, data: Buffer): Promise<string[][] | undefined> {
  switch (format) {
    case 'docx':
      return rowsFromBlocks(await blocksFromDocx(data));
    case 'xlsx':
      return bestSheet(await sheetsFromXlsx(data));
    case 'csv':
      return rowsFromDelimited(decodeText(data));
    case 'tsv':
      return rowsFromDelimited(decodeText(data), '\t');
    case 'text':
      return rowsFromPastedText(decodeText(data));
  }
}

async function parse(format: RoadmapFormat, data: Buffer): Promise<string[][] | undefined> {
  try {
    const rows = await rowsOf(format, data);
    if (rows) checkTable(rows);
    return rows;
  } catch (error) {
    if (error instanceof DocumentLimitError) throw new RoadmapDocumentError('limit', { cause: error });
    if (error instanceof DocumentReadError) throw new RoadmapDocumentError('corrupt', { cause: error });
    throw error;
  }
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

/**
 * Rows of cells of the document's road-map table (DOCX: the best matching
 * table, with the paragraphs above it; XLSX: the best matching sheet).
 * Throws RoadmapDocumentError: too-big (over 20 MB), unsupported (by file
 * name), corrupt (the library could not read it), limit (a document limit,
 * named by the error's key), empty (no text, or a header with nothing under
 * it), no-table (no road-map header anywhere).
 */
export async function readRoadmapDocument(fileName: string, data: Buffer): Promise<string[][]> {
  if (data.length > MAX_ROADMAP_BYTES) throw new RoadmapDocumentError('too-big');
  const format = roadmapFormatOf(fileName);
  if (!format) throw new RoadmapDocumentError('unsupported');
  if (data.length === 0) throw new RoadmapDocumentError('empty');
  const rows = await parse(format, data);
  if (rows === undefined) throw new RoadmapDocumentError('corrupt');
  if (rows.every(isBlank)) throw new RoadmapDocumentError('empty');
  const header = findRoadmapHeader(rows);
  if (!header) throw new RoadmapDocumentError('no-table');
  if (rows.slice(header.index + 1).every(isBlank)) throw new RoadmapDocumentError('empty');
  return rows;
}
