// Inside the document worker: one job from bytes or text to plain data, with
// the libraries the project already uses (exceljs, mammoth, csv-parse, yaml).
// Archives are checked again here and every entry's true size verified
// before a library unpacks it; tables are capped as they are read. Each
// library is loaded only for the kind that needs it, so a worker starts fast.
import { htmlGridBound } from './html-tables.js';
import type { DocumentJob, DocumentOutputs } from './jobs.js';
import { DocumentLimitError, DocumentReadError, MAX_YAML_ALIASES, type DocumentLimits } from './limits.js';
import { TableBudget } from './table-limits.js';
import { checkZip } from './zip-directory.js';
import { verifyZipEntries } from './zip-verify.js';

function checkedArchive(data: Uint8Array, limits: DocumentLimits): Uint8Array {
  verifyZipEntries(data, checkZip(data, limits));
  return data;
}

async function readDocx(data: Uint8Array, limits: DocumentLimits): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // Pictures are left out: their bytes would only travel as base64 text nobody reads.
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const { value } = await mammoth.convertToHtml({ buffer }, { convertImage });
  if (value.length > limits.textChars) throw new DocumentLimitError('text-length', limits);
  if (htmlGridBound(value) > limits.cells) throw new DocumentLimitError('cells', limits);
  return value;
}

async function readCsv(text: string, delimiters: readonly string[], limits: DocumentLimits): Promise<(string[][] | null)[]> {
  const { parse } = await import('csv-parse/sync');
  return delimiters.map((delimiter) => {
    let rows: string[][];
    try {
      rows = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, to: limits.rows + 1 }) as string[][];
    } catch {
      return null;
    }
    new TableBudget(limits).addRows(rows);
    return rows;
  });
}

async function readData(text: string, kind: 'yaml' | 'json'): Promise<unknown> {
  if (kind === 'json') return JSON.parse(text) as unknown;
  const { parse } = await import('yaml');
  return parse(text, { maxAliasCount: MAX_YAML_ALIASES }) as unknown;
}

async function run(job: DocumentJob, limits: DocumentLimits): Promise<DocumentOutputs[DocumentJob['kind']]> {
  switch (job.kind) {
    case 'xlsx': {
      const { readXlsx } = await import('./read-xlsx.js');
      return readXlsx(checkedArchive(job.data, limits), job.sheets, limits);
    }
    case 'docx':
      return readDocx(checkedArchive(job.data, limits), limits);
    case 'csv':
      return readCsv(job.text, job.delimiters, limits);
    case 'yaml':
    case 'json':
      return readData(job.text, job.kind);
  }
}

/** Runs a job; limits come back as DocumentLimitError, anything a library throws as DocumentReadError. */
export async function readJob(job: DocumentJob, limits: DocumentLimits): Promise<DocumentOutputs[DocumentJob['kind']]> {
  try {
    return await run(job, limits);
  } catch (error) {
    if (error instanceof DocumentLimitError || error instanceof DocumentReadError) throw error;
    throw new DocumentReadError(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
}
