// When the reader could not tell a table's columns, the coordinator says
// which is which. What the chat needs for that: the first rows shown with
// numbered columns, the rows kept small enough for the dialog's data, and
// the choice remembered per municipality for the next document with the
// same header (next year's order, a revised plan).
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import type { Ctx } from '../core/context.js';
import type { Choice } from '../core/dialog.js';
import type { ColumnChoice } from './store.js';
import { cleanCell } from './table/cells.js';

/** What survives between the column steps: the rows to read again, the rows shown, and the choice so far. */
export interface ColumnsData {
  rows: string[][];
  preview: string[][];
  width: number;
  shape: string;
  choice?: Partial<ColumnChoice>;
  /** The choice came from an earlier import of a table of the same shape. */
  remembered?: boolean;
}

/**
 * The rows kept in the dialog's data, as JSON characters. A plan of a few
 * thousand rows fits; a bigger table without a header we can read is
 * better fixed in the document than clicked through in a chat.
 */
export const MAX_KEPT_CHARS = 1_000_000;
const SHOWN_ROWS = 6;
const CELL_SHOWN = 24;
const SAMPLE_SHOWN = 22;

/** Blank trailing cells dropped, blank rows kept as empty (they end wrapped rows); undefined when too big to keep. */
export function keptRows(rows: string[][]): string[][] | undefined {
  const kept = rows.map((row) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] ?? '').trim() === '') end--;
    return row.slice(0, end);
  });
  return JSON.stringify(kept).length > MAX_KEPT_CHARS ? undefined : kept;
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The first rows, one line each, every cell after its column's number: "[1] № · [2] Графа Б". */
export function previewLines(preview: string[][]): string[] {
  return preview.slice(0, SHOWN_ROWS).map((row) =>
    row
      .map((cell, i) => ({ i, text: cleanCell(cell) }))
      .filter((c) => c.text !== '')
      .map((c) => `[${c.i + 1}] ${cut(c.text, CELL_SHOWN)}`)
      .join(' · '),
  );
}

/** One button per column not taken yet, named by its number and its first filled cell. */
export function columnChoices(ctx: Ctx, data: ColumnsData, taken: (number | undefined)[]): Choice[][] {
  const choices: Choice[][] = [];
  for (let i = 0; i < data.width; i++) {
    if (taken.includes(i)) continue;
    const sample = data.preview.map((r) => cleanCell(r[i] ?? '')).find((c) => c !== '') ?? '';
    choices.push([{ label: ctx.t('roadmap-columns-button', { column: i + 1, sample: cut(sample, SAMPLE_SHOWN) || '—' }), value: String(i) }]);
  }
  return choices;
}

const keyOf = (municipalityId: number, shape: string) => `roadmap-columns:${municipalityId}:${shape}`;

const stored = z.object({ title: z.number().int().min(0), deadline: z.number().int().min(0).optional(), responsible: z.number().int().min(0).optional(), number: z.number().int().min(0).optional() });

/** The choice made for a table of this shape before, if it still fits the table's width. */
export function rememberedColumns(db: DbOrTx, municipalityId: number, shape: string, width: number): ColumnChoice | undefined {
  const value = getValue(db, keyOf(municipalityId, shape));
  if (value === undefined) return undefined;
  let parsed;
  try {
    parsed = stored.safeParse(JSON.parse(value));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const choice = parsed.data;
  return [choice.title, choice.deadline, choice.responsible, choice.number].every((i) => i === undefined || i < width) ? choice : undefined;
}

export function rememberColumns(db: DbOrTx, municipalityId: number, shape: string, choice: ColumnChoice): void {
  setValue(db, keyOf(municipalityId, shape), JSON.stringify(choice));
}
