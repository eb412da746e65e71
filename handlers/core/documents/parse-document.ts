// The one way features parse an uploaded document. An archive's central
// directory is checked here first, so a zip bomb is refused at once, before
// any thread starts; then the parse runs in a worker thread with a heap limit
// and a wall-clock limit, and is stopped when it passes either. The event
// loop stays free meanwhile, so everyone else is answered while one big file
// is read. A workbook or Word file can also be read ahead, as soon as it is
// downloaded, so that the reader finds it done.
import type { DocumentJob, OutputOf, Sheet } from './jobs.js';
import { DocumentLimitError, documentLimits, type DocumentLimits } from './limits.js';
import { runInWorker, runInWorkerIfFree } from './worker-pool.js';
import { checkZip } from './zip-directory.js';

export interface ParseOptions {
  /** Tighter or looser limits than the defaults, for tests; the workers' heap is fixed when they start. */
  limits?: Partial<Omit<DocumentLimits, 'memoryMb'>>;
}

/** The job with its own copy of the bytes, handed to the worker instead of copied again. */
function transferable(job: DocumentJob): { job: DocumentJob; transfer: ArrayBuffer[] } {
  if (job.kind !== 'xlsx' && job.kind !== 'docx') return { job, transfer: [] };
  const data = new Uint8Array(job.data);
  return { job: { ...job, data }, transfer: [data.buffer] };
}

/** Parses read ahead, by the very bytes they were read from, until a reader takes them. */
const readAhead = new WeakMap<Uint8Array, { job: 'xlsx' | 'docx'; parse: Promise<unknown> }>();

/** Limits a workbook can break with all its sheets but not with its first one alone. */
const SHEET_LIMITS = new Set(['rows', 'cells', 'cell-length']);

function firstWithRows(sheets: Sheet[]): Sheet[] {
  return sheets.filter((s) => s.rows.length > 0).slice(0, 1);
}

/** The parse read ahead for this job, if any; a workbook read whole also answers for its first sheet. */
function takeReadAhead(job: DocumentJob, parse: () => Promise<unknown>): Promise<unknown> | undefined {
  if (job.kind !== 'xlsx' && job.kind !== 'docx') return undefined;
  const ahead = readAhead.get(job.data);
  if (!ahead || ahead.job !== job.kind) return undefined;
  readAhead.delete(job.data);
  if (job.kind !== 'xlsx' || job.sheets === 'all') return ahead.parse;
  return (ahead.parse as Promise<Sheet[]>).then(firstWithRows, (error: unknown) => {
    if (error instanceof DocumentLimitError && SHEET_LIMITS.has(error.limit)) return parse();
    throw error;
  });
}

/**
 * Parses a document off the event loop. Throws DocumentLimitError when it
 * breaks a limit (the archive's sizes, rows, cells, time, memory) and
 * DocumentReadError when the library cannot read it; anything else is a bug.
 */
export async function parseDocument<J extends DocumentJob>(job: J, options: ParseOptions = {}): Promise<OutputOf<J>> {
  const limits: DocumentLimits = { ...documentLimits, ...options.limits };
  if (job.kind === 'xlsx' || job.kind === 'docx') checkZip(job.data, limits);
  const parse = () => {
    const { job: sent, transfer } = transferable(job);
    return runInWorker(sent, transfer, limits);
  };
  const ahead = options.limits ? undefined : takeReadAhead(job, parse);
  return (await (ahead ?? parse())) as OutputOf<J>;
}

function readAheadJob(fileName: string, data: Buffer): Extract<DocumentJob, { kind: 'xlsx' | 'docx' }> | undefined {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (['xlsx', 'xlsm'].includes(extension)) return { kind: 'xlsx', data, sheets: 'all' };
  if (['docx', 'docm'].includes(extension)) return { kind: 'docx', data };
  return undefined;
}

/**
 * Starts reading a downloaded workbook or Word file ahead of need, when a
 * worker is free and the archive passes its checks, so that parseDocument
 * on the same bytes later finds the result ready. Other kinds are quick to
 * read and depend on how a feature decodes them, so they are left alone.
 */
export function warmDocument(fileName: string, data: Buffer): void {
  const job = readAheadJob(fileName, data);
  if (!job || readAhead.has(data)) return;
  try {
    checkZip(data);
  } catch {
    return;
  }
  const { job: sent, transfer } = transferable(job);
  const parse = runInWorkerIfFree(sent, transfer, documentLimits);
  if (!parse) return;
  parse.catch(() => undefined);
  readAhead.set(data, { job: job.kind, parse });
}
