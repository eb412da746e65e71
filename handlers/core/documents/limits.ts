// The limits every uploaded document is read within, and the two errors a
// read can end in. A document that breaks a limit (a zip bomb, a table of a
// million rows, a parse that never ends) is refused with a message naming the
// limit; one the libraries cannot read is reported as damaged. Both are the
// sender's doing, so features answer them politely instead of logging a bug.
import type { MessageArgs } from '../i18n.js';

export interface DocumentLimits {
  /** Sum of the sizes an archive's entries unpack to. */
  unpackedBytes: number;
  /** Highest unpacked : packed ratio allowed for one entry larger than `ratioFromBytes`. */
  ratio: number;
  ratioFromBytes: number;
  /** Files inside one archive. */
  entries: number;
  /** Rows with data in a table. */
  rows: number;
  /** Cells in a table, all sheets together. */
  cells: number;
  /** Characters in one cell: Excel itself stops at 32,767. */
  cellChars: number;
  /** Characters of text a Word document may turn into. */
  textChars: number;
  /** Wall-clock time one parse may take, start-up of its worker included. */
  timeoutMs: number;
  /** Heap of the worker that parses. */
  memoryMb: number;
}

const MB = 1024 * 1024;

export const documentLimits: Readonly<DocumentLimits> = Object.freeze({
  unpackedBytes: 100 * MB,
  ratio: 100,
  ratioFromBytes: 1 * MB,
  entries: 5000,
  rows: 20_000,
  cells: 500_000,
  cellChars: 32_767,
  textChars: 5_000_000,
  timeoutMs: 20_000,
  memoryMb: 512,
});

/** YAML anchors may be used this many times at most: enough for any survey, too few for a "billion laughs". */
export const MAX_YAML_ALIASES = 100;

export type DocumentLimit = 'unpacked-size' | 'ratio' | 'entries' | 'rows' | 'cells' | 'cell-length' | 'text-length' | 'time' | 'memory';

function messageOf(limit: DocumentLimit, limits: DocumentLimits): { key: string; args: MessageArgs } {
  switch (limit) {
    case 'unpacked-size':
      return { key: 'document-limit-unpacked', args: { mb: Math.round(limits.unpackedBytes / MB) } };
    case 'ratio':
      return { key: 'document-limit-ratio', args: { ratio: limits.ratio } };
    case 'entries':
      return { key: 'document-limit-entries', args: { entries: limits.entries } };
    case 'rows':
      return { key: 'document-limit-rows', args: { rows: limits.rows } };
    case 'cells':
      return { key: 'document-limit-cells', args: { cells: limits.cells } };
    case 'cell-length':
      return { key: 'document-limit-cell-length', args: { chars: limits.cellChars } };
    case 'text-length':
      return { key: 'document-limit-text', args: { chars: limits.textChars } };
    case 'time':
      return { key: 'document-limit-time', args: { seconds: limits.timeoutMs / 1000 } };
    case 'memory':
      return { key: 'document-limit-memory', args: { mb: limits.memoryMb } };
  }
}

/** A document broke one of the limits; `key` and `args` make the refusal that names it. */
export class DocumentLimitError extends Error {
  readonly key: string;
  readonly args: MessageArgs;

  constructor(
    readonly limit: DocumentLimit,
    limits: DocumentLimits = documentLimits,
  ) {
    super(`document over the ${limit} limit`);
    this.name = 'DocumentLimitError';
    ({ key: this.key, args: this.args } = messageOf(limit, limits));
  }
}

/** The library could not read the document; `reason` is its first line, for syntax problems worth showing. */
export class DocumentReadError extends Error {
  constructor(readonly reason: string) {
    super(`document unreadable: ${reason}`);
    this.name = 'DocumentReadError';
  }
}
