// Reads delimited and plain text files: decodes UTF-8, UTF-16 or the
// Windows-1251 that Excel in Russia still writes, and parses CSV/TSV with
// csv-parse in the document worker, guessing the separator from the table's
// shape.
import { parseDocument } from '../../core/documents/parse-document.js';
import { checkGridSize } from '../../core/documents/table-limits.js';

export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  const utf8 = new TextDecoder('utf-8').decode(data);
  return (utf8.includes('\ufffd') ? new TextDecoder('windows-1251').decode(data) : utf8).replace(/^\ufeff/, '');
}

/** How table-like a parse is: the number of rows sharing the most common width of three or more cells. */
function shapeScore(rows: string[][]): number {
  const widths = new Map<number, number>();
  for (const row of rows) if (row.length >= 3) widths.set(row.length, (widths.get(row.length) ?? 0) + 1);
  return Math.max(0, ...widths.values());
}

/** Rows of a CSV or TSV file, padded to the widest row; undefined when no separator gives a table. */
export async function rowsFromDelimited(text: string, preferred?: string): Promise<string[][] | undefined> {
  const candidates = preferred ? [preferred] : [';', ',', '\t'];
  const parses = await parseDocument({ kind: 'csv', text, delimiters: candidates });
  let best: { rows: string[][]; score: number } | undefined;
  for (const rows of parses) {
    const score = rows ? shapeScore(rows) : -1;
    if (rows && score > (best?.score ?? -1)) best = { rows, score };
  }
  if (!best) return undefined;
  const width = best.rows.reduce((most, r) => Math.max(most, r.length), 0);
  checkGridSize(best.rows.length, width);
  return best.rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}
