// Finds the road map's header row among all rows of a document, whatever
// the column order and wording: "№ п/п", "Наименование мероприятия",
// "Срок исполнения", "Ответственные исполнители", "Результатыисполнения"
// (glued words occur), "Форма отчётности"…
import { cleanCell, itemNumber } from './cells.js';
import type { Column } from './types.js';

export interface RoadmapHeader {
  /** 0-based index of the header row. */
  index: number;
  columns: Partial<Record<Column, number>>;
  /**
   * The number column is empty under the header: Word numbered it with a
   * list of its own, whose numbers the text does not keep. Every row with a
   * title is an item, numbered in order.
   */
  autoNumber?: boolean;
}

/** Header cells are short; a title paragraph that mentions "мероприятий" is no header. */
const HEADER_CELL_MAX = 60;

/** Checked in this order, so "Результаты исполнения" is a result and "Ответственные исполнители" a responsible. */
const PATTERNS: [Column, RegExp][] = [
  ['number', /^(?:№+|n|no|номер)(?:п\/п|пп)?\.?$|^п\/п$/],
  ['result', /результат|отч[её]тн|итогов|продукт|показател|индикатор/],
  ['responsible', /ответствен|исполнител/],
  ['deadline', /срок|период|дата|время|^когда$|график/],
  ['title', /мероприят|содержан|наименован|направлени|действи|видработ|^тема|^назван|^задач|^(?:учебный)?предмет$/],
];

/** The column a header cell names by its words, if any. */
export function columnOf(cell: string): Column | undefined {
  const compact = cell.toLocaleLowerCase('ru').replace(/\s+/g, '');
  if (compact === '' || cell.length > HEADER_CELL_MAX) return undefined;
  return PATTERNS.find(([, pattern]) => pattern.test(compact))?.[0];
}

function columnsOf(cells: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

/**
 * The row naming the most columns, with a title column and at least one
 * more; the first such row on a tie. A row with a numbered cell is data,
 * never a header.
 */
export function findRoadmapHeader(rows: string[][]): RoadmapHeader | undefined {
  let best: (RoadmapHeader & { score: number }) | undefined;
  rows.forEach((raw, index) => {
    const cells = raw.map(cleanCell);
    if (cells.some((c) => itemNumber(c) !== undefined)) return;
    const columns = columnsOf(cells);
    const score = Object.keys(columns).length;
    if (columns.title !== undefined && score >= 2 && score > (best?.score ?? 0)) best = { index, columns, score };
  });
  return best && { index: best.index, columns: best.columns };
}
