// Road maps as people really write them, read end to end: headers wrapped
// over rows, tables without a number column or a «Мероприятия» header,
// extra columns, sections and restarted numbering, several date columns,
// quarter and month grids, tables drawn with characters, and whole orders
// with several tables. Each layout has its own fixture: pasted text here,
// CSV and .txt under tests/fixtures/roadmap-layouts/, DOCX and XLSX built
// at test time by the documents.ts next to them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnSchedule, planRoadmap, planWithColumns, readRoadmap, type PlannedItem } from '../../../handlers/roadmap/store.js';
import { extractRoadmap } from '../../../handlers/roadmap/table/extract.js';
import { rowsFromPastedText } from '../../../handlers/roadmap/table/pasted.js';
import { readRoadmapDocument, RoadmapDocumentError } from '../../../handlers/roadmap/table/read.js';
import { mergedHeaderDocx, quarterGridXlsx, sectionSheetsXlsx, wholeOrderDocx } from '../../fixtures/roadmap-layouts/documents.js';
import { dates, every, once, ongoing } from '../../fixtures/roadmap/schedules.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/roadmap-layouts/${name}`, import.meta.url));
const rows = (...lines: string[]) => rowsFromPastedText(lines.join('\n'));
const pasted = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');
/** What a reader checks of an item: where it is and what it says. */
const brief = (i: { line?: number; number: string; section: string | null; title: string; deadlineText: string; responsibleText: string; expectedResult: string }) => [
  i.line,
  i.number,
  i.section,
  i.title,
  i.deadlineText,
  i.responsibleText,
  i.expectedResult,
];
const schedules = (items: PlannedItem[]) => items.map((i) => [i.number, i.schedule]);

describe('headers and layout rows', () => {
  it('reads a header wrapped over two rows, skips the column numbers, dashes and the header repeated after a page break', () => {
    const draft = extractRoadmap(
      rows(
        'План мероприятий на 2025 год',
        '№\tНаименование\tСрок\tОтветственный',
        'п/п\tмероприятия\tисполнения\tисполнитель',
        '1\t2\t3\t4',
        '1.\tОбеспечение условий\t\t',
        '1.1\tСоздание рабочей группы\tянварь 2025\tУправление образования',
        '---\t---------\t-----\t-----',
        '№\tНаименование\tСрок\tОтветственный',
        'п/п\tмероприятия\tисполнения\tисполнитель',
        '',
        '1.2\tСеминар для учителей\tмарт 2025\tИМЦ',
      ),
    );
    expect(draft.sections).toEqual(['Обеспечение условий']);
    expect(draft.items.map(brief)).toEqual([
      [6, '1.1', 'Обеспечение условий', 'Создание рабочей группы', 'январь 2025', 'Управление образования', ''],
      [11, '1.2', 'Обеспечение условий', 'Семинар для учителей', 'март 2025', 'ИМЦ', ''],
    ]);
    expect(draft.warnings).toEqual([{ code: 'missing-column', line: 2, text: 'result' }]);
  });

  it('reads a table without a number column and without road-map words in its header', () => {
    const draft = extractRoadmap(
      rows('Дата\tСобытие\tКто', '15.01.2025\tСовещание директоров школ с низкими результатами\tУправление образования', 'февраль 2025\tСеминар по оцениванию для учителей математики\tИМЦ'),
    );
    expect(draft.items.map(brief)).toEqual([
      [2, '', null, 'Совещание директоров школ с низкими результатами', '15.01.2025', 'Управление образования', ''],
      [3, '', null, 'Семинар по оцениванию для учителей математики', 'февраль 2025', 'ИМЦ', ''],
    ]);
  });

  it('keeps «Класс», «Предмет» and «Форма» in the expected result, never as numbers or deadlines', () => {
    const draft = extractRoadmap(
      rows('№\tМероприятие\tКласс\tПредмет\tСрок\tОтветственный\tФорма', '1\tВходная диагностика\t5\tматематика\tсентябрь 2025\tИМЦ\tКДР', '2\tПробный ОГЭ\t9\t\tмарт 2026\tУО\t'),
    );
    expect(draft.items.map((i) => [i.number, i.deadlineText, i.expectedResult])).toEqual([
      ['1', 'сентябрь 2025', 'Класс: 5; Предмет: математика; Форма: КДР'],
      ['2', 'март 2026', 'Класс: 9'],
    ]);
  });

  it('takes sections from merged rows and Roman numbers, splits numbers written in the title cell, and keeps numbering that restarts per section', () => {
    const draft = extractRoadmap(
      rows(
        '№\tМероприятие\tСрок\tОтветственный',
        'I. Работа с кадрами\t\t\t',
        '1\tКурсы для учителей\tапрель 2025\tИМЦ',
        '\t2. Стажировка в школе-лидере\tмай 2025\tИМЦ',
        'II\tРабота с обучающимися\t\t',
        '1\tКонсультации\tежемесячно\tОО',
        '2\tПробные экзамены\tфевраль 2025\tУО',
      ),
    );
    expect(draft.sections).toEqual(['Работа с кадрами', 'Работа с обучающимися']);
    expect(draft.items.map((i) => [i.number, i.section, i.title])).toEqual([
      ['1', 'Работа с кадрами', 'Курсы для учителей'],
      ['2', 'Работа с кадрами', 'Стажировка в школе-лидере'],
      ['1', 'Работа с обучающимися', 'Консультации'],
      ['2', 'Работа с обучающимися', 'Пробные экзамены'],
    ]);
    expect(draft.warnings.filter((w) => w.code !== 'missing-column')).toEqual([]);
  });
});

describe('several date columns', () => {
  it('reads one item per row with a milestone per stage, labelled with the stage', async () => {
    const plan = await planRoadmap('stages.csv', fixture('stages.csv'), undefined, 2030);
    expect(plan.period).toEqual({ year: 2025, from: '2025-09-01', to: '2026-06-30' });
    expect(plan.items.map(brief)).toEqual([
      [5, '', 'Диагностика', 'Диагностика читательской грамотности', '1 этап: сентябрь 2025; 2 этап: январь 2026; 3 этап: май 2026', 'ИМЦ', 'Форма: работа в формате PISA'],
      [6, '', 'Диагностика', 'Анкетирование родителей', '1 этап: октябрь 2025; 3 этап: апрель 2026', 'руководители ОО', 'Форма: онлайн-опрос'],
    ]);
    expect(schedules(plan.items)).toEqual([
      ['', dates({ due: '2025-09-30', label: '1 этап' }, { due: '2026-01-31', label: '2 этап' }, { due: '2026-05-31', label: '3 этап' })],
      ['', dates({ due: '2025-10-31', label: '1 этап' }, { due: '2026-04-30', label: '3 этап' })],
    ]);
    expect(plan.items[0]?.deadlines).toEqual([
      { label: '1 этап', text: 'сентябрь 2025' },
      { label: '2 этап', text: 'январь 2026' },
      { label: '3 этап', text: 'май 2026' },
    ]);
  });

  it('reads a Word header merged over stage columns', async () => {
    const plan = await planRoadmap('план.docx', await mergedHeaderDocx(), undefined, 2030);
    expect(plan.period).toEqual({ year: 2025, from: '2025-09-01', to: '2026-06-30' });
    expect(plan.sections).toEqual(['Диагностика']);
    expect(plan.items.map((i) => [i.number, i.section, i.title, i.responsibleText])).toEqual([
      ['1.1', 'Диагностика', 'Диагностика математической грамотности', 'ИМЦ'],
      ['1.2', 'Диагностика', 'Анализ результатов диагностики', 'руководители ОО'],
    ]);
    expect(schedules(plan.items)).toEqual([
      ['1.1', dates({ due: '2025-10-31', label: '1 этап' }, { due: '2026-02-28', label: '2 этап' }, { due: '2026-05-31', label: '3 этап' })],
      ['1.2', dates({ due: '2025-11-30', label: '1 этап' }, { due: '2026-06-30', label: '3 этап' })],
    ]);
    expect(plan.warnings).toEqual([{ code: 'missing-column', line: 2, text: 'result' }]);
  });

  it('reads «Основной срок | Дополнительный срок» as two labelled milestones', async () => {
    const plan = await planRoadmap('plan.txt', pasted('№\tМероприятие\tОсновной срок\tДополнительный срок\tОтветственный', '1\tОГЭ по математике\t20.05.2025\t01.07.2025\tУО'), undefined, 2025);
    expect(schedules(plan.items)).toEqual([['1', dates({ due: '2025-05-20', label: 'Основной срок' }, { due: '2025-07-01', label: 'Дополнительный срок' })]]);
  });

  it('combines column schedules: labels kept with the parser’s own, dates in order, unknown columns dropped', () => {
    const period = { year: 2025 };
    expect(
      columnSchedule(
        [
          { label: 'Итог', text: 'декабрь' },
          { label: 'Старт', text: 'Март (входная)' },
          { label: 'Резерв', text: 'по запросу' },
        ],
        period,
      ),
    ).toEqual(dates({ due: '2025-03-31', label: 'Старт, входная' }, { due: '2025-12-31', label: 'Итог' }));
    expect(columnSchedule([{ label: '1 этап', text: 'по запросу' }], period)).toEqual({ kind: 'unknown', milestones: [] });
    expect(columnSchedule([{ label: '1 этап', text: 'ежеквартально' }], period).kind).toBe('recurring');
  });
});

describe('quarter and month grids', () => {
  it('reads marks in a quarter grid as milestones at the ends of the quarters, in the year its header names', async () => {
    const plan = await planRoadmap('plan.xlsx', await quarterGridXlsx(), undefined, 2030);
    expect(plan.period).toEqual({ year: 2025 });
    expect(plan.sections).toEqual(['Диагностика']);
    expect(plan.items.map(brief)).toEqual([
      [5, '1.1', 'Диагностика', 'Мониторинг успеваемости', 'ежеквартально', 'ИМЦ', 'Класс: 5–9'],
      [6, '1.2', 'Диагностика', 'Пробный ОГЭ по математике', 'II кв. 2025, IV кв. 2025', 'Управление образования', 'Класс: 9'],
      [7, '1.3', 'Диагностика', 'Итоговое совещание', '20.12.2025', 'Управление образования', ''],
    ]);
    expect(schedules(plan.items)).toEqual([
      ['1.1', every('quarterly', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31')],
      ['1.2', dates({ due: '2025-06-30', label: 'II кв.' }, { due: '2025-12-31', label: 'IV кв.' })],
      ['1.3', once('2025-12-20')],
    ]);
  });

  it('reads a month grid marked with «+», «✓» and «V»', async () => {
    const months = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
    const plan = await planRoadmap(
      'plan.txt',
      pasted(
        'План-график на 2025 год',
        ['Мероприятие', 'Ответственный', ...months].join('\t'),
        ['Совещание при руководителе', 'Директор', ...months.map(() => '+')].join('\t'),
        ['Педагогический совет', 'Директор', '', '', '✓', '', '', '', '', 'V', '', '', '', ''].join('\t'),
      ),
      undefined,
      2030,
    );
    expect(plan.items.map((i) => [i.title, i.deadlineText])).toEqual([
      ['Совещание при руководителе', 'ежемесячно'],
      ['Педагогический совет', 'март 2025, август 2025'],
    ]);
    expect(plan.items[0]?.schedule).toMatchObject({ kind: 'recurring', repeat: 'monthly' });
    expect(plan.items[1]?.schedule).toEqual(dates({ due: '2025-03-31', label: 'март' }, { due: '2025-08-31', label: 'август' }));
  });

  it('reads a half-year grid', async () => {
    const plan = await planRoadmap('plan.txt', pasted('№\tМероприятие\tI полугодие\tII полугодие', '1\tОтчёт о реализации плана\tх\tх', '2\tСеминар\t\tх'), undefined, 2025);
    expect(schedules(plan.items)).toEqual([
      ['1', dates({ due: '2025-06-30' }, { due: '2025-12-31' })],
      ['2', once('2025-12-31')],
    ]);
  });
});

describe('tables drawn with characters', () => {
  it('reads a box-drawn table with a two-line header, merged section rows and rows wrapped between rules', async () => {
    const plan = await planRoadmap('order.txt', fixture('drawn-order.txt'), undefined, 2030);
    expect(plan.period).toEqual({ year: 2025 });
    expect(plan.sections).toEqual(['Организационная работа', 'Методическая поддержка']);
    expect(plan.items.map(brief)).toEqual([
      [11, '1.1', 'Организационная работа', 'Создание рабочей группы по сопровождению школ', 'январь 2025', 'Управление образования', ''],
      [14, '1.2', 'Организационная работа', 'Совещание с руководителями школ', 'ежеквартально', 'Управление образования', ''],
      [19, '2.1', 'Методическая поддержка', 'Семинар для учителей математики', 'март, октябрь 2025', 'ИМЦ', ''],
    ]);
    expect(plan.warnings).toEqual([{ code: 'missing-column', line: 6, text: 'result' }]);
  });

  it('reads an ASCII table whose rows wrap onto lines with empty first cells', async () => {
    const plan = await planRoadmap('plan.txt', fixture('ascii-plan.txt'), undefined, 2030);
    expect(plan.items.map(brief)).toEqual([
      [5, '1', null, 'Педсовет по итогам ВПР', 'май 2025', 'Директор', ''],
      [6, '2', null, 'Открытые уроки молодых учителей в рамках наставничества', 'в течение года', 'Заместитель директора', ''],
      [8, '3', null, 'Отчёт в управление образования', '15.12.2025', 'Директор', ''],
    ]);
    expect(schedules(plan.items)).toEqual([
      ['1', once('2025-05-31')],
      ['2', ongoing('2025-01-01', '2025-12-31')],
      ['3', once('2025-12-15')],
    ]);
  });
});

describe('whole documents', () => {
  it('imports each plan table as its own section and says which tables were left out', async () => {
    const plan = await planRoadmap('приказ.docx', await wholeOrderDocx(), undefined, 2030);
    expect(plan.period).toEqual({ year: 2025 });
    expect(plan.sections).toEqual(['Работа с обучающимися', 'Работа с педагогами']);
    expect(plan.items.map((i) => [i.number, i.section, i.title, i.deadlineText, i.responsibleText])).toEqual([
      ['1', 'Работа с обучающимися', 'Входная диагностика по математике в 5–9 классах', 'сентябрь 2025', 'Комитет по образованию'],
      ['2', 'Работа с обучающимися', 'Консультации для выпускников 9 классов', 'ежемесячно', 'руководители ОО'],
      ['1', 'Работа с педагогами', 'Курсы повышения квалификации учителей математики', 'II квартал 2025', 'РМК'],
      ['2', 'Работа с педагогами', 'Семинар-практикум «Анализ результатов ВПР»', 'Октябрь 2025', 'РМК, наставники'],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'table-left-out')).toEqual([
      { code: 'table-left-out', text: 'no-deadlines: Критерии отбора школ' },
      { code: 'table-left-out', text: 'no-deadlines: Полномочия участников' },
    ]);
    expect(plan.warnings.filter((w) => !['table-left-out', 'missing-column'].includes(w.code))).toEqual([]);
  });

  it('imports each plan sheet of a workbook as a section named by the sheet', async () => {
    const plan = await planRoadmap('план.xlsx', await sectionSheetsXlsx(), 2025, 2030);
    expect(plan.sections).toEqual(['Обучающиеся', 'Педагоги']);
    expect(plan.items.map((i) => [i.line, i.number, i.section, i.title, i.deadlineText])).toEqual([
      [2, '1', 'Обучающиеся', 'Диагностика читательской грамотности', 'октябрь 2025'],
      [4, '1', 'Педагоги', 'Курсы для учителей русского языка', 'ноябрь 2025'],
      [5, '2', 'Педагоги', 'Методический день', 'ежеквартально'],
    ]);
    expect(plan.items[2]?.schedule).toMatchObject({ kind: 'recurring', repeat: 'quarterly' });
    expect(plan.warnings.filter((w) => w.code === 'table-left-out')).toEqual([{ code: 'table-left-out', text: 'no-deadlines: Критерии' }]);
  });

  it('gives the first plan table, not the table of criteria above it, to readers of one table', async () => {
    const read = extractRoadmap(await readRoadmapDocument('приказ.docx', await wholeOrderDocx()));
    expect(read.items.map((i) => i.title)).toEqual(['Входная диагностика по математике в 5–9 классах', 'Консультации для выпускников 9 классов']);
  });
});

describe('choosing columns', () => {
  const unknownHeader = pasted(
    'План на 2025 год',
    'Графа А\tГрафа Б\tГрафа В\tГрафа Г',
    '1\tСовещание директоров\tмарт\tИМЦ',
    '2\tСеминар для наставников\tпо запросу\tИМЦ',
  );

  it('answers with the first rows instead of no-table when no header is recognised', async () => {
    const reading = await readRoadmap('plan.txt', unknownHeader, undefined, 2030);
    expect(reading).toMatchObject({ kind: 'needs-columns', width: 4 });
    expect(reading.kind === 'needs-columns' && reading.preview).toEqual([
      ['Графа А', 'Графа Б', 'Графа В', 'Графа Г'],
      ['1', 'Совещание директоров', 'март', 'ИМЦ'],
      ['2', 'Семинар для наставников', 'по запросу', 'ИМЦ'],
    ]);
  });

  it('reads the table with the chosen columns, the unreadable header skipped', async () => {
    const reading = await readRoadmap('plan.txt', unknownHeader, undefined, 2030);
    if (reading.kind !== 'needs-columns') throw new Error('expected a column choice');
    const plan = await planWithColumns(reading.rows, { number: 0, title: 1, deadline: 2, responsible: 3 }, undefined, 2030);
    expect(plan.period).toEqual({ year: 2025 });
    expect(plan.items.map(brief)).toEqual([
      [3, '1', null, 'Совещание директоров', 'март', 'ИМЦ', ''],
      [4, '2', null, 'Семинар для наставников', 'по запросу', 'ИМЦ', ''],
    ]);
    expect(schedules(plan.items)).toEqual([
      ['1', once('2025-03-31')],
      ['2', { kind: 'unknown', milestones: [] }],
    ]);
  });

  it('still reads a recognised table as a plan, and still refuses prose', async () => {
    expect((await readRoadmap('plan.txt', fixture('ascii-plan.txt'), undefined, 2030)).kind).toBe('plan');
    const error = await readRoadmap('notes.txt', pasted('Просим направить сведения до 15.09.2025.'), undefined, 2030).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoadmapDocumentError);
    expect(error).toMatchObject({ code: 'no-table' });
  });
});

describe('sections numbered like items', () => {
  it('takes a bare numbered row for a section when the numbering starts again under it', () => {
    const draft = extractRoadmap(
      rows(
        '№\tМероприятие\tСрок\tОтветственный',
        '1\tОбеспечение условий\t\t',
        '1\tСоздание рабочей группы\tмарт 2025\tУО',
        '2\tЗакрепление наставников\tапрель 2025\tУО',
        '2\tРабота с кадрами\t\t',
        '1\tКурсы для учителей\tмай 2025\tИМЦ',
      ),
    );
    expect(draft.sections).toEqual(['Обеспечение условий', 'Работа с кадрами']);
    expect(draft.items.map((i) => [i.number, i.section, i.title])).toEqual([
      ['1', 'Обеспечение условий', 'Создание рабочей группы'],
      ['2', 'Обеспечение условий', 'Закрепление наставников'],
      ['1', 'Работа с кадрами', 'Курсы для учителей'],
    ]);
    expect(draft.warnings).toEqual([{ code: 'missing-column', line: 1, text: 'result' }]);
  });
});
