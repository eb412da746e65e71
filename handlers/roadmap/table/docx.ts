// Reads a Word road map: mammoth turns the document into HTML (in the
// document worker, within its limits), and the first plan table is chosen
// (tables.ts: the first table whose columns hold deadlines, with the tables
// that merely continue it); failing that, the table whose header looks most
// like a road map, with its continuations (same width, no header of their
// own, nothing but blank lines between). The paragraphs above the table come
// first as one-cell rows, so the plan's title ("… на 2024 год") stays available.
import { parseDocument } from '../../core/documents/parse-document.js';
import { findTableLayout, layoutScore } from './columns.js';
import { blocksFromHtml, type Block } from './html.js';
import { documentTables, type DocumentTables } from './tables.js';

/** How many paragraphs above the table are kept. */
export const PARAGRAPHS_KEPT = 30;

type TableBlock = Extract<Block, { kind: 'table' }>;

function headerScore(rows: string[][]): number {
  return layoutScore(findTableLayout(rows));
}

function bestTable(blocks: Block[]): number {
  let best = -1;
  let bestScore = 0;
  blocks.forEach((block, i) => {
    const score = block.kind === 'table' ? headerScore(block.rows) : 0;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

function continuation(blocks: Block[], start: number, width: number): string[][] {
  const rows: string[][] = [];
  for (const block of blocks.slice(start)) {
    if (block.kind === 'paragraph') break;
    if (block.rows[0]?.length !== width || headerScore(block.rows) > 0) break;
    rows.push(...block.rows);
  }
  return rows;
}

function allRows(blocks: Block[]): string[][] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [[b.text]] : b.rows));
}

/**
 * Rows of the road-map table with the paragraphs above it: the first plan
 * table (tables.ts), else the table whose header names the most columns;
 * the whole document as rows when no table has a road-map header.
 */
export function rowsFromBlocks(blocks: Block[], plans: DocumentTables = documentTables(blocks)): string[][] {
  const [first] = plans.tables;
  if (first) return [...plans.above.slice(-PARAGRAPHS_KEPT), ...first.rows];
  const index = bestTable(blocks);
  const table = blocks[index] as TableBlock | undefined;
  if (!table) return allRows(blocks);
  const above = blocks
    .slice(0, index)
    .flatMap((b) => (b.kind === 'paragraph' ? [[b.text]] : []))
    .slice(-PARAGRAPHS_KEPT);
  return [...above, ...table.rows, ...continuation(blocks, index + 1, table.rows[0]?.length ?? 0)];
}

export async function blocksFromDocx(data: Buffer): Promise<Block[]> {
  return blocksFromHtml(await parseDocument({ kind: 'docx', data }));
}
