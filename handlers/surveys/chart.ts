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

/** One line of a trend chart: a school (or all schools) and its figure in each round; null where the round shows none. */
export interface TrendLine {
  label: string;
  values: readonly (number | null)[];
}

const PALETTE = ['#2f6fde', '#e4572e', '#29a35a', '#9c4dcc', '#f2a900', '#17a2b8', '#8c564b', '#e377c2', '#555555', '#bcbd22'];
const PLOT_HEIGHT = 320;
const AXIS_WIDTH = 60;
const LEGEND_LINE = 24;

/** Round figures for an axis: at most two decimals, with a comma in Russian. */
function axisNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en' : 'ru', { maximumFractionDigits: 2 }).format(value);
}

/**
 * The change of a figure over rounds as SVG: one line per school, a point per
 * round with its value, a gap where a round shows nothing (too few answers),
 * the rounds along the bottom and a legend under the chart.
 */
export function trendChartSvg(title: string, rounds: readonly string[], lines: readonly TrendLine[], options: { min: number; max: number; unit?: string; lang?: string }): string {
  const lang = options.lang ?? 'ru';
  const titleLines = wrapText(title, WIDTH - 2 * MARGIN, TITLE_SIZE, true);
  const top = MARGIN + titleLines.length * TITLE_LINE + 20;
  const left = MARGIN + AXIS_WIDTH;
  const right = WIDTH - MARGIN - 40;
  const span = options.max - options.min || 1;
  // The first and last points stand in from the axis, so that their labels fit under them.
  const inset = 80;
  const x = (i: number) => (rounds.length <= 1 ? (left + right) / 2 : left + inset + (i * (right - left - 2 * inset)) / (rounds.length - 1));
  const y = (v: number) => top + PLOT_HEIGHT - ((v - options.min) / span) * PLOT_HEIGHT;
  const unit = options.unit ?? '';
  const grid = Array.from({ length: 5 }, (_, i) => options.min + (span * i) / 4).map(
    (v) =>
      `<line x1="${left}" y1="${y(v)}" x2="${right}" y2="${y(v)}" stroke="#dddddd"/>` +
      `<text x="${left - 8}" y="${y(v) + 5}" text-anchor="end" font-size="14" fill="#555555">${escape(axisNumber(v, lang) + unit)}</text>`,
  );
  const roundWidth = Math.min(2 * inset, rounds.length <= 1 ? right - left : (right - left - 2 * inset) / (rounds.length - 1));
  const roundLabels = rounds.map((label, i) =>
    textLines(wrapText(label, roundWidth - 10, 14), x(i), top + PLOT_HEIGHT + 24, 18, `text-anchor="middle" font-size="14"`),
  );
  const labelRows = Math.max(1, ...rounds.map((label) => wrapText(label, roundWidth - 10, 14).length));
  const drawn = lines.map((line, n) => {
    const colour = PALETTE[n % PALETTE.length] ?? '#2f6fde';
    const points = line.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v), v }));
    const segments: string[] = [];
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      if (a && b) segments.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${colour}" stroke-width="3"/>`);
    }
    const dots = points.flatMap((p) =>
      p && lines.length > 3 ? [`<circle cx="${p.x}" cy="${p.y}" r="5" fill="${colour}"/>`] : p ? [`<circle cx="${p.x}" cy="${p.y}" r="5" fill="${colour}"/><text x="${p.x + 8}" y="${p.y - 8}" font-size="13" fill="${colour}">${escape(axisNumber(p.v, lang) + unit)}</text>`] : [],
    );
    return [...segments, ...dots].join('');
  });
  const legendTop = top + PLOT_HEIGHT + 24 + labelRows * 18 + 16;
  const legend = lines.map((line, n) => {
    const colour = PALETTE[n % PALETTE.length] ?? '#2f6fde';
    const ly = legendTop + n * LEGEND_LINE;
    return `<rect x="${left}" y="${ly - 12}" width="16" height="16" fill="${colour}"/><text x="${left + 24}" y="${ly + 2}" font-size="${LABEL_SIZE}">${escape(line.label)}</text>`;
  });
  const height = legendTop + lines.length * LEGEND_LINE + MARGIN;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    textLines(titleLines, MARGIN, MARGIN + TITLE_SIZE, TITLE_LINE, `font-size="${TITLE_SIZE}" font-weight="bold"`),
    ...grid,
    ...roundLabels,
    ...drawn,
    ...legend,
    '</svg>',
  ].join('');
}

export function trendChartPng(title: string, rounds: readonly string[], lines: readonly TrendLine[], options: { min: number; max: number; unit?: string; lang?: string }): Buffer {
  const svg = new Resvg(trendChartSvg(title, rounds, lines, options), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return Buffer.from(svg.render().asPng());
}
