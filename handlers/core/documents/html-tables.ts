// A Word document's tables become grids of cells after it is read, and a
// few bytes of colspan and rowspan can ask for millions of them. Inside the
// document worker, this bounds the grid the HTML of a document can make
// (each table's rows times its widest row, plus every cell that spans rows
// into the rows below) without building it, so no reader of the HTML lays
// out more cells than the limit.

const TAG = /<(\/?)(table|tr|td|th)\b([^>]*)>/gi;
/** Readers of this HTML treat a larger span as this one. */
const SPAN_CAP = 1000;

interface Draft {
  rows: number;
  row: number;
  widest: number;
  carried: number;
}

function span(attributes: string, name: string): number {
  const value = Number(attributes.match(new RegExp(`${name}\\s*=\\s*"?(\\d+)`, 'i'))?.[1] ?? 1);
  return Number.isFinite(value) && value > 1 ? Math.min(value, SPAN_CAP) : 1;
}

function endRow(table: Draft): void {
  table.widest = Math.max(table.widest, table.row);
  table.row = 0;
}

/** A row is counted once more than seen: a reader may close a row that was never opened or closed. */
const cellsOf = (table: Draft) => (table.rows + 1) * (Math.max(table.widest, table.row) + table.carried);

/** An upper bound on the cells the HTML's tables lay out once spans are resolved and rows padded. */
export function htmlGridBound(html: string): number {
  const open: Draft[] = [];
  let total = 0;
  for (const [, closing, rawName, attributes = ''] of html.matchAll(TAG)) {
    const name = (rawName ?? '').toLowerCase();
    const table = open[open.length - 1];
    if (name === 'table' && !closing) open.push({ rows: 0, row: 0, widest: 0, carried: 0 });
    else if (name === 'table' && table) total += cellsOf(open.pop() ?? table);
    else if (name === 'tr' && table) {
      endRow(table);
      if (!closing) table.rows += 1;
    } else if (!closing && table) {
      const columns = span(attributes, 'colspan');
      table.row += columns;
      if (span(attributes, 'rowspan') > 1) table.carried += columns;
    }
  }
  return open.reduce((sum, table) => sum + cellsOf(table), total);
}
