// Reads a table typed with spaces: an old plain-text order, or a PDF saved
// as text, whose columns line up by position ("1.1   Создание рабочей
// группы   январь 2025   Управление образования"), a title wrapped onto a
// line of its own that starts further right. Columns are the positions
// where every line of the table has a space, at least two wide; a heading
// that runs across the columns ("I. Организационная работа") stays one
// cell. Every line keeps its row, so row numbers stay line numbers.

/** At least this many lines of three fields or more make a table. */
const MIN_TABLE_LINES = 3;
const MIN_COLUMNS = 3;

/** Fields of a line: text separated by two spaces or more. */
const fieldsOf = (line: string) => line.trim().split(/\s{2,}/).filter((f) => f !== '');

/** Positions [start, end) of the columns: runs of non-gutter characters, gutters being spaces in every line, two wide or more. */
function columnsOf(lines: string[]): [number, number][] {
  const width = Math.max(...lines.map((l) => l.length));
  const gutter = Array.from({ length: width }, (_, i) => lines.every((l) => (l[i] ?? ' ') === ' '));
  const columns: [number, number][] = [];
  let start: number | undefined;
  for (let i = 0; i <= width; i++) {
    const space = i === width || gutter[i];
    const wide = space && (i === width || gutter[i + 1] === true || i + 1 >= width);
    if (!space && start === undefined) start = i;
    else if (start !== undefined && space && wide) {
      columns.push([start, i]);
      start = undefined;
    }
  }
  return columns;
}

/** Rows of a text whose table is aligned with spaces; undefined when it has no such table. */
export function rowsFromAligned(lines: string[]): string[][] | undefined {
  const wide = lines.flatMap((line, i) => (fieldsOf(line).length >= MIN_COLUMNS ? [i] : []));
  const [first] = wide;
  const last = wide[wide.length - 1];
  if (wide.length < MIN_TABLE_LINES || first === undefined || last === undefined) return undefined;
  const block = lines.slice(first, last + 1).map((l) => l.replace(/\s+$/, ''));
  // A line of one field from the left edge is a heading across the table; it takes no part in finding the columns.
  const heading = (line: string) => fieldsOf(line).length === 1 && !/^\s/.test(line);
  const columns = columnsOf(block.filter((l) => l.trim() !== '' && !heading(l)));
  if (columns.length < MIN_COLUMNS) return undefined;
  const rows: string[][] = lines.map((line) => [line]);
  block.forEach((line, k) => {
    if (line.trim() === '' || heading(line)) return;
    rows[first + k] = columns.map(([start, end], c) => line.slice(start, c === columns.length - 1 ? undefined : end).trim());
  });
  return rows;
}
