// A PNG bar chart of one question's answers, drawn as SVG and rendered by
// resvg: light enough to send over a slow rural connection, and only when
// asked for.
import { Resvg } from '@resvg/resvg-js';

export interface Bar {
  label: string;
  count: number;
  share: number;
}

const WIDTH = 800;
const MARGIN = 20;
const LABEL_WIDTH = 300;
const TITLE_SIZE = 20;
const TITLE_LINE = 26;
const LABEL_SIZE = 16;
const LABEL_LINE = 20;
const BAR_HEIGHT = 28;
const ROW_GAP = 16;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Glyph widths of DejaVu Sans (regular, bold) in hundredths of an em, as resvg renders them: Cyrillic, Latin, digits and common punctuation. */
const GLYPHS = '0123456789абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ .,:;!?-—«»()%№/"\'';
const REGULAR = [63,63,63,63,63,63,63,63,63,63,61,61,58,52,69,61,61,90,53,64,64,60,63,75,64,61,64,63,54,58,59,85,59,67,58,91,94,70,78,58,54,83,59,68,68,68,60,78,62,62,108,63,74,74,70,74,85,74,78,74,60,69,61,61,85,68,77,68,106,109,83,87,68,69,107,69,61,63,54,63,61,34,63,63,27,27,57,27,97,63,61,63,63,39,52,39,63,59,81,59,59,52,71,68,69,76,62,57,77,74,29,29,65,55,85,74,78,60,78,69,63,59,72,68,99,68,61,68,32,31,31,33,33,39,52,36,100,60,60,38,38,94,104,34,45,27];
const BOLD = [69,69,69,69,69,69,69,69,69,69,67,69,63,52,80,67,67,99,58,69,69,67,73,81,68,68,68,71,59,58,65,99,64,73,68,105,110,75,90,63,59,97,64,77,75,75,63,88,67,67,122,70,83,83,81,82,99,83,85,83,73,73,68,77,99,77,92,80,123,132,93,103,75,73,117,76,67,71,59,71,67,40,71,70,33,34,66,33,103,70,68,71,71,49,59,48,70,65,92,64,65,58,77,75,73,82,67,67,81,83,36,37,77,63,99,83,85,73,85,76,67,70,80,77,110,77,73,72,35,37,37,39,39,44,57,41,99,64,64,45,45,100,120,37,51,30];
const widths = (table: readonly number[]) => new Map([...GLYPHS].map((c, i) => [c, (table[i] ?? 100) / 100]));
const WIDTHS = { regular: widths(REGULAR), bold: widths(BOLD) };

/**
 * How wide a text is in DejaVu Sans, in em: the SVG is laid out before it is
 * rendered, so widths come from the table, and any other character counts
 * as a wide one.
 */
function textWidthEm(text: string, bold: boolean): number {
  const table = bold ? WIDTHS.bold : WIDTHS.regular;
  let em = 0;
  for (const c of text) em += table.get(c) ?? 1.1;
  return em;
}

/** Breaks a text into lines no wider than `width` pixels: at spaces, and inside a word only when the word alone is too wide. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const fits = (line: string) => textWidthEm(line, bold) * size <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/u).filter(Boolean)) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (!fits(rest)) {
      const chars = [...rest];
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(''))) n--;
      lines.push(chars.slice(0, n).join(''));
      rest = chars.slice(n).join('');
    }
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, attributes: string): string {
  return lines.map((line, i) => `<text x="${x}" y="${y + i * lineHeight}" ${attributes}>${escape(line)}</text>`).join('');
}

/** The chart as SVG: the question wrapped over as many lines as it needs, each answer's label wrapped beside its bar. */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const titleLines = wrapText(title, WIDTH - 2 * MARGIN, TITLE_SIZE, true);
  const top = MARGIN + titleLines.length * TITLE_LINE + 20;
  const maxCount = Math.max(1, ...bars.map((b) => b.count));
  const barSpace = WIDTH - LABEL_WIDTH - 120;
  let y = top;
  const rows = bars.map((b) => {
    const labelLines = wrapText(b.label, LABEL_WIDTH - 2 * MARGIN, LABEL_SIZE);
    const rowHeight = Math.max(BAR_HEIGHT, labelLines.length * LABEL_LINE);
    const middle = y + rowHeight / 2;
    const width = Math.max(Math.round((b.count / maxCount) * barSpace), 2);
    const labelTop = middle - ((labelLines.length - 1) * LABEL_LINE) / 2 + 6;
    const row = [
      textLines(labelLines, LABEL_WIDTH - 10, labelTop, LABEL_LINE, `text-anchor="end" font-size="${LABEL_SIZE}"`),
      `<rect x="${LABEL_WIDTH}" y="${middle - BAR_HEIGHT / 2}" width="${width}" height="${BAR_HEIGHT}" rx="4" fill="#2f6fde"/>`,
      `<text x="${LABEL_WIDTH + width + 8}" y="${middle + 6}" font-size="${LABEL_SIZE}">${b.count} (${Math.round(b.share * 100)}%)</text>`,
    ].join('');
    y += rowHeight + ROW_GAP;
    return row;
  });
  const height = y + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    textLines(titleLines, MARGIN, MARGIN + TITLE_SIZE, TITLE_LINE, `font-size="${TITLE_SIZE}" font-weight="bold"`),
    ...rows,
    '</svg>',
  ].join('');
}

export function barChartPng(title: string, bars: readonly Bar[]): Buffer {
  const svg = new Resvg(barChartSvg(title, bars), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return Buffer.from(svg.render().asPng());
}
