// What the document worker is asked to do and what it hands back: bytes or
// text of one kind in, plain data out (sheets of cells, HTML, rows, a parsed
// value). Generic on purpose: each feature turns this into its own rows.
import type { DocumentLimit, DocumentLimits } from './limits.js';

/** One spreadsheet cell as text; dates are ISO (YYYY-MM-DD), formulas carry their saved result. */
export interface SheetCell {
  text: string;
  date?: true;
  formula?: true;
  /** Part of a cell merged across columns, other than its first column (the text is the merge's). */
  coveredColumn?: true;
}

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  line: number;
  /** Cells 1..n of the row, the row's own last cell included. */
  cells: SheetCell[];
}

export interface Sheet {
  name: string;
  /** Columns of the widest row with data. */
  width: number;
  /** Number of the sheet's last row, blank or not. */
  height: number;
  /** Only the rows with data, in order. */
  rows: SheetRow[];
}

export type DocumentJob =
  | { kind: 'xlsx'; data: Uint8Array; sheets: 'all' | 'first-with-rows' }
  | { kind: 'docx'; data: Uint8Array }
  /** One parse per delimiter, in the order given. */
  | { kind: 'csv'; text: string; delimiters: readonly string[] }
  | { kind: 'yaml' | 'json'; text: string };

export interface DocumentOutputs {
  xlsx: Sheet[];
  /** The document as mammoth's HTML, images left out. */
  docx: string;
  /** Rows of each parse, or null where that delimiter gave no valid CSV. */
  csv: (string[][] | null)[];
  yaml: unknown;
  json: unknown;
}

export type OutputOf<J extends DocumentJob> = DocumentOutputs[J['kind']];

export interface WorkerInput {
  job: DocumentJob;
  limits: DocumentLimits;
}

export type WorkerFailure = { type: 'limit'; limit: DocumentLimit } | { type: 'read'; reason: string };

export type WorkerReply = { ok: true; output: unknown } | { ok: false; error: WorkerFailure };
