// Reads the HTML that mammoth makes of a Word document into paragraphs and
// tables of plain cells. Written by hand because mammoth's output is a small,
// regular subset (p, br, table, tr, td/th with colspan and rowspan, inline
// formatting) and no HTML parser is among our dependencies. Merged cells are
// laid out on a grid: a cell spanning columns fills the first and leaves the
// others empty; a cell spanning rows repeats its text in each row, so a
// deadline shared by several items reaches every one of them.
import { cleanCell, decodeEntities } from './cells.js';

export type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: string[][] };

interface DraftCell {
  parts: string[];
  colspan: number;
  rowspan: number;
}

interface DraftTable {
  rows: DraftCell[][];
  row?: DraftCell[];
  cell?: DraftCell;
}

const BREAKS = new Set(['br', 'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);

function span(attributes: string, name: string): number {
  const value = Number(attributes.match(new RegExp(`${name}\\s*=\\s*"?(\\d+)`, 'i'))?.[1] ?? 1);
  return Number.isFinite(value) && value > 1 ? Math.min(value, 1000) : 1;
}

interface Pending {
  text: string;
  rowsLeft: number;
  colspan: number;
}

/** Lays a table's cells on a grid, resolving colspan and rowspan. */
export function toGrid(rows: DraftCell[][]): string[][] {
  const pending = new Map<number, Pending>();
  const grid = rows.map((row) => {
    const out: string[] = [];
    let col = 0;
    const fillPending = () => {
      for (let p = pending.get(col); p; p = pending.get(col)) {
        out[col] = p.text;
        for (let k = 1; k < p.colspan; k++) out[col + k] = '';
        if (--p.rowsLeft === 0) pending.delete(col);
        col += p.colspan;
      }
    };
    for (const cell of row) {
      fillPending();
      const text = cleanCell(cell.parts.join(''));
      out[col] = text;
      for (let k = 1; k < cell.colspan; k++) out[col + k] = '';
      if (cell.rowspan > 1) pending.set(col, { text, rowsLeft: cell.rowspan - 1, colspan: cell.colspan });
      col += cell.colspan;
    }
    fillPending();
    return Array.from(out, (c) => c ?? '');
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

class HtmlReader {
  readonly blocks: Block[] = [];
  private readonly tables: DraftTable[] = [];
  private paragraph = '';

  tag(closing: boolean, name: string, attributes: string): void {
    const table = this.tables[this.tables.length - 1];
    if (name === 'table') return closing ? this.closeTable() : this.openTable();
    if (!table) return BREAKS.has(name) ? this.endParagraph() : undefined;
    if (name === 'tr') {
      if (closing && table.row) table.rows.push(table.row);
      table.row = closing ? undefined : [];
    } else if (name === 'td' || name === 'th') {
      if (closing && table.cell) (table.row ??= []).push(table.cell);
      table.cell = closing ? undefined : { parts: [], colspan: span(attributes, 'colspan'), rowspan: span(attributes, 'rowspan') };
    } else if (BREAKS.has(name)) table.cell?.parts.push('\n');
  }

  text(raw: string): void {
    const text = decodeEntities(raw);
    const table = this.tables[this.tables.length - 1];
    if (table) table.cell?.parts.push(text);
    else this.paragraph += text;
  }

  finish(): Block[] {
    while (this.tables.length > 0) this.closeTable();
    this.endParagraph();
    return this.blocks;
  }

  private openTable(): void {
    this.endParagraph();
    this.tables.push({ rows: [] });
  }

  /** A nested table becomes text inside its parent's cell. */
  private closeTable(): void {
    const table = this.tables.pop();
    if (!table) return;
    if (table.row) table.rows.push(table.row);
    const rows = toGrid(table.rows);
    const parent = this.tables[this.tables.length - 1];
    if (parent) parent.cell?.parts.push(' ', rows.map((r) => r.filter((c) => c).join(' ')).join(' '), ' ');
    else this.blocks.push({ kind: 'table', rows });
  }

  private endParagraph(): void {
    const text = cleanCell(this.paragraph);
    if (text !== '') this.blocks.push({ kind: 'paragraph', text });
    this.paragraph = '';
  }
}

export function blocksFromHtml(html: string): Block[] {
  const reader = new HtmlReader();
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)/g)) {
    if (match[4] !== undefined) reader.text(match[4]);
    else reader.tag(match[1] === '/', (match[2] ?? '').toLowerCase(), match[3] ?? '');
  }
  return reader.finish();
}
