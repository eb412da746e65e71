// Opens a road-map document a coordinator sends (DOCX, XLSX, CSV/TSV or
// plain text) and returns its rows of cells for extractRoadmap. Everything a
// user can get wrong is a RoadmapDocumentError with a stable code; the size
// is checked before any parsing.
import { rowsFromBlocks, blocksFromDocx } from './docx.js';
import { findRoadmapHeader } from './header.js';
import { rowsFromPastedText } from './pasted.js';
import { decodeText, rowsFromDelimited } from './text.js';
import { bestSheet, sheetsFromXlsx } from './xlsx.js';

export const MAX_ROADMAP_BYTES = 20 * 1024 * 1024;

export type RoadmapDocumentErrorCode = 'corrupt' | 'empty' | 'no-table' | 'too-big' | 'unsupported';

export class RoadmapDocumentError extends Error {
  constructor(
    readonly code: RoadmapDocumentErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`roadmap document: ${code}`, options);
    this.name = 'RoadmapDocumentError';
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
    return await rowsOf(format, data);
  } catch (error) {
    throw new RoadmapDocumentError('corrupt', { cause: error });
  }
}

const isBlank = (row: string[]) => row.every((c) => c.trim() === '');

/**
 * Rows of cells of the document's road-map table (DOCX: the best matching
 * table, with the paragraphs above it; XLSX: the best matching sheet).
 * Throws RoadmapDocumentError: too-big (over 20 MB), unsupported (by file
 * name), corrupt (the library could not read it), empty (no text, or a
 * header with nothing under it), no-table (no road-map header anywhere).
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
