// Tables read from documents are capped in rows, cells and the length of one
// cell, whichever reader made them, so that what comes next (previews,
// header search, saving) always works on a table of a sane size.
import { DocumentLimitError, documentLimits, type DocumentLimits } from './limits.js';

/** Counts a table's rows and cells as they are read, and throws DocumentLimitError at the first limit passed. */
export class TableBudget {
  private rows = 0;
  private cells = 0;

  constructor(private readonly limits: DocumentLimits = documentLimits) {}

  /** One more row of `cells` cells (padding included); `longest` is its longest cell's length. */
  addRow(cells: number, longest: number): void {
    this.rows += 1;
    this.cells += cells;
    if (this.rows > this.limits.rows) throw new DocumentLimitError('rows', this.limits);
    if (this.cells > this.limits.cells) throw new DocumentLimitError('cells', this.limits);
    if (longest > this.limits.cellChars) throw new DocumentLimitError('cell-length', this.limits);
  }

  /** A whole table of text cells. */
  addRows(rows: readonly (readonly string[])[]): void {
    for (const row of rows) this.addRow(row.length, row.reduce((most, cell) => Math.max(most, cell.length), 0));
  }
}

/** Throws DocumentLimitError when a table has too many rows or cells, or too long a cell. */
export function checkTable(rows: readonly (readonly string[])[], limits: DocumentLimits = documentLimits): void {
  new TableBudget(limits).addRows(rows);
}

/** Throws DocumentLimitError when a grid of `height` rows padded to `width` columns breaks the row or cell limit. */
export function checkGridSize(height: number, width: number, limits: DocumentLimits = documentLimits): void {
  if (height > limits.rows) throw new DocumentLimitError('rows', limits);
  if (height * width > limits.cells) throw new DocumentLimitError('cells', limits);
}
