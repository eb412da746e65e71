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
const ROW = 44;
const LABEL_WIDTH = 300;
const TOP = 70;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const height = TOP + bars.length * ROW + 30;
  const maxCount = Math.max(1, ...bars.map((b) => b.count));
  const barSpace = WIDTH - LABEL_WIDTH - 120;
  const rows = bars.map((b, i) => {
    const y = TOP + i * ROW;
    const width = Math.round((b.count / maxCount) * barSpace);
    return [
      `<text x="${LABEL_WIDTH - 10}" y="${y + 26}" text-anchor="end" font-size="16">${escape(clip(b.label, 32))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 8}" width="${Math.max(width, 2)}" height="${ROW - 16}" rx="4" fill="#2f6fde"/>`,
      `<text x="${LABEL_WIDTH + Math.max(width, 2) + 8}" y="${y + 26}" font-size="16">${b.count} (${Math.round(b.share * 100)}%)</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="40" font-size="20" font-weight="bold">${escape(clip(title, 70))}</text>`,
    ...rows,
    '</svg>',
  ].join('');
}

export function barChartPng(title: string, bars: readonly Bar[]): Buffer {
  const svg = new Resvg(barChartSvg(title, bars), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return Buffer.from(svg.render().asPng());
}
