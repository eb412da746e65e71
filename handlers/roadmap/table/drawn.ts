// Reads tables drawn with characters in plain-text documents: ASCII
// ("+----+----+", "| 1 | Совещание |"), Markdown ("| --- |") and box
// drawing ("┌──┬──┐", "│", "├──┼──┤"). Cells are split at the vertical
// bars; rule lines are layout. When rules separate every row, the lines
// between two rules are one row wrapped over several lines and are joined
// cell by cell; when they do not, each line is a row and extractRoadmap
// joins continuation lines (first cells empty) to the row above. Every
// source line keeps its row, so row numbers stay line numbers.

const BAR = /[|│┃║]/;
const BARS = /[|│┃║]/g;
/** A line of rules only: dashes, box corners and crossings, colons of Markdown alignment. */
const RULE = /^[\s+|│┃║├┤┌┐└┘┬┴┼╔╗╚╝╠╣╦╩╬╞╡╪╟╢╫═─━\-=:]+$/;

export function isRuleLine(line: string): boolean {
  return /[-─━═]{3,}/.test(line) && RULE.test(line);
}

function isDrawnLine(line: string): boolean {
  return isRuleLine(line) || BAR.test(line);
}

function cellsOf(line: string): string[] {
  return line
    .trim()
    .replace(/^[|│┃║]/, '')
    .replace(/[|│┃║]$/, '')
    .split(BARS)
    .map((c) => c.trim());
}

/** "меро-" and "приятия" make "мероприятия"; other fragments are joined with a space. */
function joinFragments(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return /[а-яёa-z]-$/i.test(a) && /^[а-яёa-z]/.test(b) ? `${a.slice(0, -1)}${b}` : `${a} ${b}`;
}

function joinLines(lines: string[][]): string[] {
  const width = Math.max(...lines.map((l) => l.length));
  return Array.from({ length: width }, (_, i) => lines.reduce((text, cells) => joinFragments(text, cells[i] ?? ''), ''));
}

/** One drawn table's lines as rows: blank rows for rules and for the lines joined into the row above them. */
function tableRows(lines: string[]): string[][] {
  const groups: number[][] = [];
  let group: number[] = [];
  lines.forEach((line, i) => {
    if (isRuleLine(line)) {
      if (group.length > 0) groups.push(group);
      group = [];
    } else group.push(i);
  });
  if (group.length > 0) groups.push(group);
  const cells = lines.map((line) => (isRuleLine(line) ? [''] : cellsOf(line)));
  const rows: string[][] = lines.map(() => ['']);
  const rowsRuled = groups.length >= 3;
  for (const g of groups) {
    if (rowsRuled) {
      const [first = 0] = g;
      rows[first] = joinLines(g.map((i) => cells[i] ?? []));
    } else for (const i of g) rows[i] = cells[i] ?? [''];
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => (r.length === 1 && r[0] === '' ? r : [...r, ...Array<string>(width - r.length).fill('')]));
}

/** A run of drawn lines is a table when it has two rows or more and rules, or bars on both sides of its cells. */
function isTable(lines: string[]): boolean {
  const content = lines.filter((l) => !isRuleLine(l));
  const ruled = content.length < lines.length;
  return content.length >= 2 && (ruled || content.every((l) => (l.match(BARS)?.length ?? 0) >= 2));
}

/** Rows of cells for text lines, drawn tables split at their bars; other lines are left to the caller. */
export function undrawTables(lines: string[]): (string[] | undefined)[] {
  const out: (string[] | undefined)[] = lines.map(() => undefined);
  for (let start = 0; start < lines.length; ) {
    if (!isDrawnLine(lines[start] ?? '')) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && isDrawnLine(lines[end] ?? '')) end++;
    const block = lines.slice(start, end);
    if (isTable(block)) tableRows(block).forEach((row, i) => (out[start + i] = row));
    start = end;
  }
  return out;
}
