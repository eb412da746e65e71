// Splits text pasted from Word (or saved as .txt) into rows of cells: one
// row per line, cells separated by tabs, or by the bars of a table drawn
// with characters (drawn.ts). Lines are kept as they are, empty ones
// included, so that row numbers are line numbers; mending rows that Word
// wrapped across lines is left to extractRoadmap, which knows the header's
// width.
import { undrawTables } from './drawn.js';

export function rowsFromPastedText(text: string): string[][] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const drawn = lines.some((line) => /[|│┃║]/.test(line)) ? undrawTables(lines) : [];
  return lines.map((line, i) => drawn[i] ?? line.split('\t'));
}
