// The chart of a change over rounds: a line per school between the rounds it
// has figures for, a gap where a round shows none, every round and school
// named, and names that could break the picture drawn as text.
import { describe, expect, it } from 'vitest';
import { trendChartPng, trendChartSvg } from '../../../handlers/surveys/chart.js';

const rounds = ['входной (02.03.2026)', 'промежуточный (01.09.2026)', 'итоговый (20.11.2026)'];

describe('the trend chart', () => {
  it('joins shown rounds only, and labels points, rounds and schools', () => {
    const svg = trendChartSvg('Уверенность', rounds, [
      { label: 'Школа А', values: [3, 3.5, 4.25] },
      { label: 'Школа <Б> & Co', values: [2, null, 3] },
    ], { min: 1, max: 5 });
    // А: two segments; Б: none, as its middle round is withheld.
    expect(svg.match(/<line [^>]*stroke-width="3"/g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(5);
    for (const text of ['4,25', '3,5', 'входной', 'итоговый', 'Школа А', 'Школа &lt;Б&gt; &amp; Co']) expect(svg).toContain(text);
  });

  it('renders as a PNG 800 pixels wide', () => {
    const png = trendChartPng('Доля «Очно»', rounds, [{ label: 'Очно', values: [100, 75, 50] }], { min: 0, max: 100, unit: '%' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The width, from the PNG's header chunk.
    expect(png.readUInt32BE(16)).toBe(800);
  });
});
