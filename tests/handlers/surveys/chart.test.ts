// A chart of one question: the whole question and every answer are on the
// picture, wrapped over lines that stay inside it, never cut short.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { barChartPng, barChartSvg, type Bar } from '../../../handlers/surveys/chart.js';

const LONG_TITLE =
  'Сколько уроков коллег из школы-партнёра вы посетили за эту четверть, считая онлайн-трансляции, записи уроков и занятия внеурочной деятельности?';
const bars: Bar[] = [
  { label: 'Ни одного', count: 1, share: 0.25 },
  { label: 'Дети с трудностями в обучении и с ОВЗ', count: 2, share: 0.5 },
  { label: 'Три и больше', count: 1, share: 0.25 },
];

/** The texts of the SVG, line by line, unescaped. */
function lines(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => (m[1] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

/** Where what the chart draws ends, without its white background: what a reader would see cut off past the edge. */
function drawnRight(svg: string): number {
  const bare = svg.replace('<rect width="100%" height="100%" fill="#ffffff"/>', '');
  const box = new Resvg(bare, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).getBBox();
  return box ? box.x + box.width : 0;
}

describe('survey chart', () => {
  it('shows a long question in full, over several lines inside the picture', () => {
    const svg = barChartSvg(LONG_TITLE, bars);
    const texts = lines(svg);
    const titleLines = texts.slice(0, texts.findIndex((l) => l === 'Ни одного'));
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.join(' ')).toBe(LONG_TITLE);
    expect(svg).not.toContain('…');
    expect(drawnRight(svg)).toBeLessThanOrEqual(800);
  });

  it('wraps a long answer beside its bar instead of cutting it', () => {
    const svg = barChartSvg('Трудности', bars);
    const texts = lines(svg);
    const at = texts.indexOf('Дети с трудностями в');
    expect(at).toBeGreaterThan(0);
    expect(`${texts[at]} ${texts[at + 1]}`).toBe('Дети с трудностями в обучении и с ОВЗ');
    expect(texts).toContain('2 (50%)');
  });

  it('breaks even a word too long for a line, keeping every letter', () => {
    const word = 'Ш'.repeat(80);
    const svg = barChartSvg(word, bars);
    expect(lines(svg).slice(0, 3).join('')).toBe(word);
    expect(drawnRight(svg)).toBeLessThanOrEqual(800);
  });

  it('grows taller for a longer question and renders as a PNG', () => {
    const short = barChartPng('Как прошёл урок?', bars);
    const long = barChartPng(LONG_TITLE, bars);
    expect(short.subarray(1, 4).toString()).toBe('PNG');
    // Height is at bytes 20..24 of the PNG header.
    expect(long.readUInt32BE(20)).toBeGreaterThan(short.readUInt32BE(20));
    expect(long.readUInt32BE(16)).toBe(800);
  });
});
