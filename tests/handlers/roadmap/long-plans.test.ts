// Plans numbered past 999: four- and five-digit numbers are item numbers in
// the number column, while "2025" elsewhere stays a year.
import { describe, expect, it } from 'vitest';
import { itemNumber, numberCell } from '../../../handlers/roadmap/table/cells.js';
import { numberColumnOf } from '../../../handlers/roadmap/table/columns.js';
import { extractRoadmap } from '../../../handlers/roadmap/table/extract.js';

const header = ['№ п/п', 'Мероприятие', 'Срок', 'Ответственный'];
const numbered = (count: number) => Array.from({ length: count }, (_, i) => [String(i + 1), `Мероприятие ${i + 1}`, 'март 2025', 'ИМЦ']);

describe('item numbers past 999', () => {
  it('reads a plan numbered 1…5000 whole, no row skipped', () => {
    const draft = extractRoadmap([header, ...numbered(5000)]);
    expect(draft.items).toHaveLength(5000);
    expect(draft.items.slice(998, 1001).map((i) => i.number)).toEqual(['999', '1000', '1001']);
    expect(draft.items.at(-1)?.number).toBe('5000');
    expect(draft.warnings.filter((w) => w.code === 'skipped-row')).toEqual([]);
  });

  it('takes four digits for a number only in the number column', () => {
    expect(numberCell('1024.')).toBe('1024');
    expect(numberCell('1024.2')).toBe('1024.2');
    expect(itemNumber('2025')).toBeUndefined();
    const draft = extractRoadmap([header, ['1', 'Отчёт за 2025', '2025', 'ИМЦ'], ['1000', 'Итоговое совещание', 'декабрь 2025', 'ИМЦ']]);
    expect(draft.items.map((i) => [i.number, i.title, i.deadlineText])).toEqual([
      ['1', 'Отчёт за 2025', '2025'],
      ['1000', 'Итоговое совещание', 'декабрь 2025'],
    ]);
  });

  it('leaves a lone year in a table without a number column as no item of its own', () => {
    const draft = extractRoadmap([['Мероприятие', 'Срок', 'Ответственный'], ['Совещание', 'март 2025', 'ИМЦ'], ['2026', '', '']]);
    expect(draft.items.map((i) => i.number)).toEqual(['']);
    expect(draft.items.some((i) => i.number === '2026')).toBe(false);
  });

  it('finds the number column among those not chosen, long numbers included', () => {
    const rows = [['Графа А', 'Графа Б', 'Графа В'], ...numbered(1200).map((r) => r.slice(0, 3))].slice(990);
    expect(numberColumnOf(rows, { title: 1, deadline: 2 })).toBe(0);
    expect(numberColumnOf(rows, { title: 0, deadline: 2 })).toBeUndefined();
  });
});
