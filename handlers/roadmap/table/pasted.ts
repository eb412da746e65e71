// Splits text pasted from Word (or saved as .txt) into rows of cells: one
// row per line, cells separated by tabs, or by the bars of a table drawn
// with characters (drawn.ts). Lines are kept as they are, empty ones
// included, so that row numbers are line numbers; mending rows that Word
// wrapped across lines is left to extractRoadmap, which knows the header's
// width. A text with no table but numbered points with their deadlines
// (points.ts) gets one row more: the header put above its first point. A
// table typed with spaces is split at its columns' positions (aligned.ts).
import { rowsFromAligned } from './aligned.js';
import { undrawTables } from './drawn.js';
import { rowsFromPoints } from './points.js';

export function rowsFromPastedText(text: string): string[][] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const drawn = lines.some((line) => /[|│┃║]/.test(line)) ? undrawTables(lines) : [];
  const tabbed = lines.some((line) => line.includes('\t'));
  // A typed order with no table at all: numbered points with "Срок: …" (points.ts), a header row put above the first.
  // Or a table typed with spaces (aligned.ts).
  const plain = drawn.length === 0 && !tabbed ? (rowsFromAligned(lines) ?? rowsFromPoints(lines)) : undefined;
  return plain ?? lines.map((line, i) => drawn[i] ?? line.split('\t'));
}
