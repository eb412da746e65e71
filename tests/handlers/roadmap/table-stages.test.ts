// The reader's stages on their own, in pipeline order: tables drawn with
// characters (drawn.ts), the plan tables of a whole document (tables.ts),
// period headers and marks (periods.ts), the table layout — header rows and
// what each column holds (columns.ts) — and a row's date columns (dates.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTableLayout } from '../../../handlers/roadmap/table/columns.js';
import { dateParts } from '../../../handlers/roadmap/table/dates.js';
import type { Block } from '../../../handlers/roadmap/table/html.js';
import { documentTables } from '../../../handlers/roadmap/table/tables.js';
import { undrawTables } from '../../../handlers/roadmap/table/drawn.js';
import { rowsFromPastedText } from '../../../handlers/roadmap/table/pasted.js';
import { isMark, periodOf, yearIn } from '../../../handlers/roadmap/table/periods.js';

const rows = (...lines: string[]) => rowsFromPastedText(lines.join('\n'));

describe('periods', () => {
  it.each([
    ['I кв.', 'quarter'],
    ['IV квартал', 'quarter'],
    ['2 квартал 2025 г.', 'quarter'],
    ['1-й квартал', 'quarter'],
    ['II полугодие', 'half'],
    ['1 полугодие', 'half'],
    ['3 четверть', 'term'],
    ['январь', 'month'],
    ['Сентябрь', 'month'],
    ['Срок', undefined],
    ['1 этап', undefined],
    ['Март 2025 — май 2025', undefined],
  ])('reads the header %j as %s', (label, kind) => {
    expect(periodOf(label)).toBe(kind);
  });

  it('knows the marks people tick periods with, and nothing longer', () => {
    for (const mark of ['х', 'Х', 'x', '+', '✓', '✔', '*', 'V', 'да']) expect(isMark(mark)).toBe(true);
    for (const text of ['', 'хх', 'март', '15.03', '1']) expect(isMark(text)).toBe(false);
  });

  it('takes the year a header names only when it names one', () => {
    expect(yearIn(['Срок исполнения, 2025 год', 'I кв.'])).toBe(2025);
    expect(yearIn(['2025–2026 учебный год'])).toBeUndefined();
    expect(yearIn(['Срок'])).toBeUndefined();
  });
});

describe('undrawTables', () => {
  it('splits box-drawn lines at their bars, blanks the rules and joins a row wrapped between rules', () => {
    const lines = [
      'Текст до таблицы',
      '+----+--------------+----------+',
      '| №  | Мероприятие  | Срок     |',
      '+----+--------------+----------+',
      '| 1  | Совещание    | март     |',
      '|    | директоров   | 2025     |',
      '+----+--------------+----------+',
      '| 2  | Семинар мето-| апрель   |',
      '|    | дистов       |          |',
      '+----+--------------+----------+',
    ];
    expect(undrawTables(lines)).toEqual([
      undefined,
      [''],
      ['№', 'Мероприятие', 'Срок'],
      [''],
      ['1', 'Совещание директоров', 'март 2025'],
      [''],
      [''],
      ['2', 'Семинар методистов', 'апрель'],
      [''],
      [''],
    ]);
  });

  it('keeps each line a row when rules do not part the rows, and pads a merged row to the width', () => {
    const lines = ['│ № │ Мероприятие │ Срок │', '├───┼─────────────┼──────┤', '│ I. Кадры                 │', '│ 1 │ Курсы       │ май  │', '│   │ учителей    │      │'];
    expect(undrawTables(lines)).toEqual([['№', 'Мероприятие', 'Срок'], [''], ['I. Кадры', '', ''], ['1', 'Курсы', 'май'], ['', 'учителей', '']]);
  });

  it('reads a Markdown table', () => {
    expect(rows('| № | Мероприятие | Срок |', '|:--|:------------|-----:|', '| 1 | Совещание   | март |')).toEqual([['№', 'Мероприятие', 'Срок'], [''], ['1', 'Совещание', 'март']]);
  });

  it('never throws and keeps one row per line, whatever is drawn', () => {
    const piece = fc.constantFrom('|', '│', '─', '┼', '+', '-', '---', '═══', ' ', 'а', '1', '\t', 'Срок', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        expect(rowsFromPastedText(text)).toHaveLength(text.split('\n').length);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves prose with a stray bar alone', () => {
    expect(undrawTables(['Срок | исполнения уточняется', 'Просим сообщить'])).toEqual([undefined, undefined]);
  });
});

describe('findTableLayout', () => {
  it('joins a header wrapped over two rows and starts the table below it', () => {
    const layout = findTableLayout(rows('План на 2025 год', '№\tНаименование\tСрок\tОтветственный', 'п/п\tмероприятия\tисполнения\tисполнитель', '1\tСовещание\tмарт 2025\tУО'));
    expect(layout).toMatchObject({ index: 1, end: 2, columns: { number: 0, title: 1, deadline: 2, responsible: 3 }, dates: [], extras: [] });
    expect(layout?.labels).toEqual(['№ п/п', 'Наименование мероприятия', 'Срок исполнения', 'Ответственный исполнитель']);
  });

  it('finds the deadline, title and responsible columns by what they hold when the header has no road-map words', () => {
    const layout = findTableLayout(
      rows('Дата\tСобытие\tКто', '15.01.2025\tСовещание директоров школ с низкими результатами\tУправление образования', 'февраль 2025\tСеминар по оцениванию для учителей\tИМЦ'),
    );
    expect(layout).toMatchObject({ index: 0, end: 0, columns: { deadline: 0, title: 1, responsible: 2 } });
  });

  it('takes an unnamed column of "1", "2." for the numbers and the longest free text for the title', () => {
    const layout = findTableLayout(
      rows('\tСрок\tСодержание работы\tИсполнитель', '1.\tмарт 2025\tСовещание с руководителями школ по итогам ВПР\tИМЦ', '2.\tапрель\tКурсы для учителей математики\tИМЦ'),
    );
    expect(layout?.columns).toEqual({ number: 0, deadline: 1, title: 2, responsible: 3 });
  });

  it('keeps extra columns out of the numbers and deadlines', () => {
    const layout = findTableLayout(rows('№\tМероприятие\tКласс\tПредмет\tСрок\tОтветственный', '1\tВходная диагностика\t5\tматематика\tсентябрь 2025\tИМЦ'));
    expect(layout?.columns).toEqual({ number: 0, title: 1, deadline: 4, responsible: 5 });
    expect(layout?.extras).toEqual([
      { index: 2, label: 'Класс' },
      { index: 3, label: 'Предмет' },
    ]);
  });

  it('reads stage and main/extra deadline columns as several date columns', () => {
    expect(findTableLayout(rows('№\tМероприятие\tСроки\t\t\tОтветственный', '\t\t1 этап\t2 этап\t3 этап\t', '1\tДиагностика\tсентябрь\tдекабрь\tмай\tИМЦ'))).toMatchObject({
      end: 1,
      columns: { number: 0, title: 1, responsible: 5 },
      dates: [
        { index: 2, label: '1 этап' },
        { index: 3, label: '2 этап' },
        { index: 4, label: '3 этап' },
      ],
    });
    expect(findTableLayout(rows('№\tМероприятие\tОсновной срок\tДополнительный срок', '1\tОГЭ по математике\t20.05.2025\t01.07.2025'))?.dates).toEqual([
      { index: 2, label: 'Основной срок' },
      { index: 3, label: 'Дополнительный срок' },
    ]);
  });

  it('reads a quarter grid with the year named above it', () => {
    const layout = findTableLayout(rows('№\tМероприятие\tСрок исполнения в 2025 году\t\t\t\tОтветственный', '\t\tI кв.\tII кв.\tIII кв.\tIV кв.\t', '1\tМониторинг\tх\t\tх\t\tИМЦ'));
    expect(layout).toMatchObject({ grid: 'quarter', year: 2025, columns: { number: 0, title: 1, responsible: 6 } });
    expect(layout?.dates.map((d) => d.label)).toEqual(['I кв.', 'II кв.', 'III кв.', 'IV кв.']);
  });

  it('finds no table in prose or in a table without any dates', () => {
    expect(findTableLayout(rows('Уважаемые коллеги!', 'Просим направить сведения до 15.09.2025.'))).toBeUndefined();
    expect(findTableLayout(rows('Участник\tПолномочия', 'Комитет\tУтверждает план'))).toBeUndefined();
  });
});

describe('findTableLayout on rows that only look like a header', () => {
  it('reads a lower-case first row with a month as data, not as the header wrapped', () => {
    const layout = findTableLayout(rows('Мероприятие\tСрок\tОтветственный', 'совещание\tмарт\tруководители ОО', 'семинар\tапрель\tИМЦ'));
    expect(layout).toMatchObject({ index: 0, end: 0 });
  });
});

describe('documentTables', () => {
  const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
  const table = (...rows: string[][]): Block => ({ kind: 'table', rows });

  it('keeps the tables whose columns hold deadlines, joins continuations, and says why the others were left out', () => {
    const found = documentTables([
      paragraph('ПРИКАЗ'),
      table(['СОГЛАСОВАНО', 'УТВЕРЖДАЮ'], ['Директор', 'Начальник']),
      paragraph('Перечень школ'),
      table(['№', 'Школа', 'Директор'], ['1', 'МБОУ СОШ № 3', 'Иванова Н.П.'], ['2', 'МКОУ ООШ № 7', 'Петров С.С.']),
      paragraph('План мероприятий'),
      table(['№', 'Мероприятие', 'Срок'], ['1', 'Совещание', 'март']),
      table(['2', 'Семинар', 'апрель']),
      paragraph('Мероприятия, сроки которых уточняются'),
      table(['№', 'Мероприятие', 'Срок'], ['1', 'Конференция', 'по согласованию'], ['2', 'Форум', 'по запросу']),
    ]);
    expect(found.tables.map((t) => [t.caption, t.rows])).toEqual([
      [
        'План мероприятий',
        [
          ['№', 'Мероприятие', 'Срок'],
          ['1', 'Совещание', 'март'],
          ['2', 'Семинар', 'апрель'],
        ],
      ],
    ]);
    expect(found.above).toEqual([['ПРИКАЗ'], ['Перечень школ'], ['План мероприятий']]);
    expect(found.leftOut).toEqual([
      { code: 'table-left-out', text: 'no-deadlines: Перечень школ' },
      { code: 'table-left-out', text: 'no-deadlines: Мероприятия, сроки которых уточняются' },
    ]);
  });
});

describe('documentTables on a plan split at page breaks', () => {
  it('joins a table that repeats the header of the table just above it', () => {
    const header = ['№', 'Мероприятие', 'Срок'];
    const found = documentTables([{ kind: 'table', rows: [header, ['1', 'Совещание', 'март']] }, { kind: 'table', rows: [header, ['2', 'Семинар', 'апрель']] }]);
    expect(found.tables.map((t) => t.rows)).toEqual([[header, ['1', 'Совещание', 'март'], header, ['2', 'Семинар', 'апрель']]]);
  });
});

describe('dateParts', () => {
  const layoutOf = (...lines: string[]) => {
    const layout = findTableLayout(rows(...lines));
    if (!layout) throw new Error('no layout');
    return layout;
  };

  it('reads marks as their period in the header year, dates as written, and a row marked everywhere as repeating', () => {
    const layout = layoutOf('Мероприятие\tI кв. 2025\tII кв. 2025\tIII кв. 2025\tIV кв. 2025', 'Совещание\tх\t\t15.09\t');
    expect(dateParts(['Совещание', 'х', '', '15.09', ''], layout)).toEqual([
      { label: 'I кв. 2025', text: 'I кв. 2025' },
      { label: 'III кв. 2025', text: '15.09' },
    ]);
    expect(dateParts(['Мониторинг', '+', '+', '+', '+'], layout)).toEqual([{ label: '', text: 'ежеквартально' }]);
    expect(dateParts(['Мониторинг', '', '', '', ''], layout)).toEqual([]);
  });

  it('gives nothing for a table with a single deadline column', () => {
    expect(dateParts(['Совещание', 'март'], layoutOf('Мероприятие\tСрок', 'Совещание\tмарт'))).toBeUndefined();
  });
});

describe('findTableLayout on any rows', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', '1', '1.1', 'II', 'х', '+', '№', 'п/п', 'Мероприятие', 'Срок', 'исполнения', 'I кв.', 'IV кв.', 'январь', '1 этап', 'Кто', 'март 2025', 'ежемесячно', 'Класс'),
  );

  it('never throws, and every column it names is a column of the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 15 }), (input) => {
        const layout = findTableLayout(input);
        if (!layout) return;
        const width = Math.max(0, ...input.map((r) => r.length));
        for (const index of [...Object.values(layout.columns), ...layout.dates.map((d) => d.index), ...layout.extras.map((e) => e.index)]) expect(index).toBeLessThan(width);
        expect(layout.end).toBeGreaterThanOrEqual(layout.index);
      }),
      { numRuns: 500 },
    );
  });
});
