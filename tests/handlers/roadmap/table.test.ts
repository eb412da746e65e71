// Finding and reading the road-map table: header detection whatever the
// wording and order, section rows, wrapped rows, HTML remnants, duplicate
// numbers and missing columns; and real files parsed by real libraries
// (pasted text, CSV in UTF-8 and Windows-1251, DOCX and XLSX built at test
// time), with every document error a user can cause.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../handlers/roadmap/deadline.js';
import { guessPlanPeriod } from '../../../handlers/roadmap/plan-period.js';
import { extractRoadmap } from '../../../handlers/roadmap/table/extract.js';
import { findRoadmapHeader } from '../../../handlers/roadmap/table/header.js';
import { rowsFromPastedText } from '../../../handlers/roadmap/table/pasted.js';
import { MAX_ROADMAP_BYTES, readRoadmapDocument, RoadmapDocumentError } from '../../../handlers/roadmap/table/read.js';
import type { RoadmapItem } from '../../../handlers/roadmap/table/types.js';
import { letterDocx, roadmapDocx, roadmapXlsx } from '../../fixtures/roadmap/documents.js';
import { dates, every } from '../../fixtures/roadmap/schedules.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/roadmap/${name}`, import.meta.url));

function item(line: number, number: string, section: string | null, title: string, deadlineText: string, responsibleText: string, expectedResult: string): RoadmapItem {
  return { number, section, title, deadlineText, responsibleText, expectedResult, line };
}

/** Rows from tab-separated lines, the way a test reads best. */
const rows = (...lines: string[]) => rowsFromPastedText(lines.join('\n'));

describe('findRoadmapHeader', () => {
  it.each([
    [['№', 'Мероприятия', 'Сроки', 'Ответственный', 'Результат'], { number: 0, title: 1, deadline: 2, responsible: 3, result: 4 }],
    [['№ п/п', 'Наименование мероприятия', 'Срок исполнения', 'Ответственные исполнители', 'Ожидаемый результат'], { number: 0, title: 1, deadline: 2, responsible: 3, result: 4 }],
    [['Содержание', 'Период', 'Ответственные', '№п/п', 'Результаты исполнения'], { title: 0, deadline: 1, responsible: 2, number: 3, result: 4 }],
    [['N п/п', 'Мероприятие', 'Дата', 'Исполнитель', 'Форма отчётности'], { number: 0, title: 1, deadline: 2, responsible: 3, result: 4 }],
    [['Мероприятие', 'Срок', 'Ответственные исполнители', 'Результатыисполнения', '№'], { title: 0, deadline: 1, responsible: 2, result: 3, number: 4 }],
    [['№', 'Тема', 'Когда', 'Кто отвечает'], { number: 0, title: 1, deadline: 2 }],
    [['№', 'Название', 'Периодичность', 'Исполнитель'], { number: 0, title: 1, deadline: 2, responsible: 3 }],
  ])('reads %j', (header, columns) => {
    expect(findRoadmapHeader([['План мероприятий на 2024 год'], header, ['1', 'Совещание', 'Март', 'ИМЦ', 'Протокол']])).toEqual({ index: 1, columns });
  });

  it('takes no title paragraph or data row for a header', () => {
    expect(findRoadmapHeader([['План мероприятий, сроки и ответственные'], ['1', 'Мероприятия по плану', 'Сроки уточняются']])).toBeUndefined();
  });
});

describe('extractRoadmap on pasted text', () => {
  const draft = () => extractRoadmap(rowsFromPastedText(fixture('pasted-roadmap.txt').toString('utf8')));
  const S1 = 'Организационные меры';
  const S2 = 'Методическое сопровождение школ';
  const S3 = 'Мониторинг и контроль';

  it('reads sections, items, wrapped rows and HTML remnants, and stops at the text after the table', () => {
    const { items, sections } = draft();
    expect(sections).toEqual([S1, S2, S3]);
    expect(items).toEqual([
      item(16, '1.1', S1, 'Назначение муниципального координатора проекта', 'Январь 2025 г.', 'Управление образования', 'Приказ'),
      item(17, '1.2', S1, 'Создание рабочей группы по сопровождению ШНОР', 'Январь- февраль 2025г', 'ИМЦ', 'Положение о рабочей группе'),
      item(19, '1.3', S1, 'Анализ результатов ВПР и ОГЭ в школах с низкими результатами', '1,3 квартал', 'ИМЦ, руководители ОО', 'Аналитическая справка'),
      item(22, '1.4', S1, 'Совещание с руководителями школ по итогам мониторинга', 'Февраль 2025', 'Управление образования', 'Протокол совещания'),
      item(25, '2.1', S2, 'Постоянно действующий семинар для заместителей директоров', 'ежеквартально', 'ИМЦ', 'Программа семинара'),
      item(26, '2.2', S2, 'Консультации наставников для управленческих команд', 'В течение года', 'наставники школ-лидеров', 'Журнал консультаций'),
      item(27, '2.2', S2, 'Диагностика профессиональных затруднений учителей', 'Март (входная), ноябрь (итоговая)', 'ИМЦ, руководители ОО', 'Сводная таблица'),
      item(28, '2.3', S2, 'Разработка индивидуальных планов профессионального развития педагогов', '', 'руководители ОО, тьюторы ИМЦ', 'Индивидуальные планы'),
      item(31, '3.1', S3, 'Мониторинг реализации школьных программ перехода в эффективный режим', 'по итогам четверти', 'Управление образования', 'Информационная справка'),
      item(32, '3.2', S3, 'Отчёт в министерство образования', 'По графику министерства', 'Координатор', 'Отчёт'),
    ]);
  });

  it('keeps both items numbered 2.2 and warns about the duplicate and the blank deadline', () => {
    expect(draft().warnings).toEqual([
      { code: 'duplicate-number', line: 27, text: '2.2' },
      { code: 'missing-deadline', line: 28, text: '2.3' },
    ]);
  });

  it('feeds its deadlines to the parser, labels and all', () => {
    const plan = guessPlanPeriod(rowsFromPastedText(fixture('pasted-roadmap.txt').toString('utf8')));
    expect(plan).toEqual({ year: 2025 });
    const byNumber = new Map(draft().items.map((i) => [`${i.number}:${i.line}`, i.deadlineText]));
    const read = (key: string) => parseDeadline(byNumber.get(key) ?? '', plan ?? { year: 0 });
    expect(read('1.3:19')).toEqual(dates({ due: '2025-03-31' }, { due: '2025-09-30' }));
    expect(read('2.2:27')).toEqual(dates({ due: '2025-03-31', label: 'входная' }, { due: '2025-11-30', label: 'итоговая' }));
    expect(read('3.1:31')).toEqual(every('termly', '2025-03-24', '2025-05-31', '2025-10-31', '2025-12-28'));
    expect(read('3.2:32').kind).toBe('unknown');
  });
});

describe('extractRoadmap on awkward tables', () => {
  it('warns about missing columns and still reads the rest', () => {
    const draft = extractRoadmap(rows('Мероприятие\tСрок', 'Совещание директоров\tМарт 2024'));
    expect(draft.items).toEqual([item(2, '', null, 'Совещание директоров', 'Март 2024', '', '')]);
    expect(draft.warnings).toEqual([
      { code: 'missing-column', line: 1, text: 'number' },
      { code: 'missing-column', line: 1, text: 'responsible' },
      { code: 'missing-column', line: 1, text: 'result' },
    ]);
  });

  it('skips rows of dashes and a header repeated after a page break', () => {
    const draft = extractRoadmap(
      rows(
        '№\tМероприятие\tСрок\tОтветственный',
        '1\tСовещание руководителей ШНОР\tМарт 2024\tУО',
        '---\t-----------\t----\t---',
        '№\tМероприятие\tСрок\tОтветственный',
        '2\tСеминар для наставников\tАпрель 2024\tМКУ ЦИМО',
      ),
    );
    expect(draft.items.map((i) => [i.number, i.title, i.responsibleText])).toEqual([
      ['1', 'Совещание руководителей ШНОР', 'УО'],
      ['2', 'Семинар для наставников', 'МКУ ЦИМО'],
    ]);
    expect(draft.warnings.filter((w) => w.code !== 'missing-column')).toEqual([]);
  });

  it('splits a number written in the title cell off as the item number', () => {
    const draft = extractRoadmap(rows('Мероприятие\tСрок', '1.1. Проведение входной диагностики\tСентябрь 2024', '5 классов пишут ВПР\tАпрель 2025'));
    expect(draft.items.map((i) => [i.number, i.title])).toEqual([
      ['1.1', 'Проведение входной диагностики'],
      ['', '5 классов пишут ВПР'],
    ]);
  });

  it('says so when there is no header, or nothing under it', () => {
    expect(extractRoadmap(rows('Уважаемые коллеги!', 'Просим направить сведения.'))).toEqual({ items: [], sections: [], warnings: [{ code: 'no-header' }] });
    expect(extractRoadmap(rows('№\tМероприятие\tСрок\tОтветственный\tРезультат', '1\t2\t3\t4\t5', '')).warnings).toEqual([{ code: 'no-items', line: 1 }]);
  });

  it('reports fragments with no row above, rows that are no items, and unnumbered items', () => {
    const draft = extractRoadmap(
      rows(
        '№\tМероприятие\tСрок\tОтветственный\tРезультат',
        '\tпотерянный фрагмент\t\t\t',
        '1\tСовещание\tМарт\tИМЦ\tПротокол',
        'Итого\tтри мероприятия\t\t\t',
        '2\t\tАпрель\tИМЦ\tСправка',
      ),
    );
    expect(draft.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Совещание'],
      ['2', ''],
    ]);
    expect(draft.warnings).toEqual([
      { code: 'orphan-continuation', line: 2 },
      { code: 'skipped-row', line: 4, text: 'Итого' },
      { code: 'missing-title', line: 5, text: '2' },
    ]);
  });

  it('tells a section row by its numbered children, and keeps a bare numbered row without children as an item', () => {
    const draft = extractRoadmap(
      rows(
        '№\tМероприятие\tСрок\tОтветственный\tРезультат',
        '1\tДиагностика\t\t\t',
        '1.1\tВходная диагностика\tСентябрь\tИМЦ\tСправка',
        'II.\tСопровождение\t\t\t',
        '5\tРезервное мероприятие\t\t\t',
        '6\tСеминар\tМай\tИМЦ\tПрограмма',
      ),
    );
    expect(draft.sections).toEqual(['Диагностика', 'Сопровождение']);
    expect(draft.items.map((i) => [i.number, i.section, i.title])).toEqual([
      ['1.1', 'Диагностика', 'Входная диагностика'],
      ['5', 'Сопровождение', 'Резервное мероприятие'],
      ['6', 'Сопровождение', 'Семинар'],
    ]);
    expect(draft.warnings).toEqual([{ code: 'missing-deadline', line: 5, text: '5' }]);
  });

  it('splits a number written together with the title, and reads a table without a number column', () => {
    expect(extractRoadmap(rows('№\tМероприятие\tСрок', '1.1 Создание группы\t\tМарт')).items[0]).toMatchObject({ number: '1.1', title: 'Создание группы' });
    const draft = extractRoadmap(
      rows('Мероприятие\tСрок\tОтветственный\tРезультат', 'Раздел 1. Кадры\t\t\t', 'Курсы\tАпрель\tИМЦ\tУдостоверения', '\tи май\t\t'),
    );
    expect(draft.items).toEqual([item(3, '', 'Кадры', 'Курсы', 'Апрель и май', 'ИМЦ', 'Удостоверения')]);
  });
});

describe('extractRoadmap on any rows', () => {
  const cell = fc.oneof(
    fc.string(),
    fc.constantFrom('', '1', '1.1', '2.', 'IV', '1. Раздел', '№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат', '&#99999999;', '&#x41;', '<br>', '&nbsp;'),
  );

  it('never throws, keeps every warning on a line of the input, and files every item under a known section', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 25 }), (input) => {
        const draft = extractRoadmap([['№', 'Мероприятие', 'Срок', 'Ответственный', 'Результат'], ...input]);
        for (const w of draft.warnings) if (w.line !== undefined) expect(w.line).toBeLessThanOrEqual(input.length + 1);
        for (const i of draft.items) expect(i.section === null || draft.sections.includes(i.section)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rowsFromPastedText', () => {
  it('keeps one row per line, empty lines included, whatever the line ends and a leading BOM', () => {
    expect(rowsFromPastedText('\ufeff№\tМероприятие\r\n\r\n1\tСовещание\r2\tСеминар\n')).toEqual([['№', 'Мероприятие'], [''], ['1', 'Совещание'], ['2', 'Семинар'], ['']]);
  });
});

/** Windows-1251, as Excel in Russia saves CSV: enough of it for the fixture's text. */
function cp1251(text: string): Buffer {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '—': 0x97, '«': 0xab, '»': 0xbb };
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x350;
      const mapped = special[ch];
      if (mapped === undefined) throw new Error(`not in the test encoder: ${ch}`);
      return mapped;
    }),
  );
}

describe('readRoadmapDocument', () => {
  const csvItems = [
    item(5, '1', 'Управленческие решения', 'Утверждение перечня школ; формирование списка наставников', 'до 01.02.2025', 'Управление образования', 'Приказ'),
    item(6, '2', 'Управленческие решения', 'Закрепление наставников за школами', 'Февраль 2025', 'Управление образования, ИМЦ', 'Пары "наставник — школа"'),
    item(8, '3', 'Работа с педагогами', 'Курсы повышения квалификации', 'Апрель 2025, Октябрь 2025', 'ИМЦ', 'Удостоверения'),
    item(9, '4', 'Работа с педагогами', 'Мониторинг затруднений', 'ежемесячно', 'ИМЦ', ''),
    item(10, '4', 'Работа с педагогами', 'Семинар по итогам мониторинга', 'IV кв.', 'ИМЦ', 'Отчёт'),
  ];

  it('reads a semicolon CSV with quoted line breaks; line numbers count records', async () => {
    const draft = extractRoadmap(await readRoadmapDocument('plan.csv', fixture('roadmap.csv')));
    expect(draft.sections).toEqual(['Управленческие решения', 'Работа с педагогами']);
    expect(draft.items).toEqual(csvItems);
    expect(draft.warnings).toEqual([{ code: 'duplicate-number', line: 10, text: '4' }]);
  });

  it('reads the same CSV saved in Windows-1251', async () => {
    const data = cp1251(fixture('roadmap.csv').toString('utf8'));
    expect(extractRoadmap(await readRoadmapDocument('PLAN.CSV', data)).items).toEqual(csvItems);
  });

  it('reads a TSV with quoted cells', async () => {
    const tsv = '№\tМероприятие\tСрок\tОтветственный\tРезультат\n1\t"Совещание\nдиректоров"\tМарт 2025\tИМЦ\tПротокол\n';
    expect(extractRoadmap(await readRoadmapDocument('plan.tsv', Buffer.from(tsv))).items).toEqual([
      item(2, '1', null, 'Совещание директоров', 'Март 2025', 'ИМЦ', 'Протокол'),
    ]);
  });

  it('picks the road-map table of a Word document and resolves merged cells', async () => {
    const rows = await readRoadmapDocument('План.docx', await roadmapDocx());
    const draft = extractRoadmap(rows);
    const S1 = 'Организационный блок';
    const S2 = 'Методическая поддержка';
    expect(draft.sections).toEqual([S1, S2]);
    expect(draft.items).toEqual([
      item(5, '1.1', S1, 'Создание рабочей группы', 'Август 2025', 'Управление образования', 'Приказ'),
      item(6, '1.2', S1, 'Проведение входной диагностики обучающихся 5–9 классов', 'В течение учебного года', 'ИМЦ руководители ОО', 'Аналитическая справка'),
      item(7, '1.3', S1, 'Закрепление наставников за школами', 'В течение учебного года', 'Управление образования', 'Приказ'),
      item(9, '2.1', S2, 'Семинар для заместителей директоров', 'Октябрь-ноябрь 2025', 'ИМЦ', 'Программа семинара'),
      item(10, '2.2', S2, 'Консультации тьюторов', 'по итогам четверти', 'тьюторы', 'Журнал консультаций'),
      item(11, '2.3', S2, 'Итоговая конференция', 'Май 2026', 'ИМЦ', 'Резолюция'),
    ]);
    expect(draft.warnings).toEqual([]);
    expect(guessPlanPeriod(rows)).toEqual({ year: 2025, from: '2025-09-01', to: '2026-06-30' });
  });

  it('picks the road-map sheet of a workbook and reads dates, rich text, formulas, links and merged cells', async () => {
    const rows = await readRoadmapDocument('plan.xlsx', await roadmapXlsx());
    const draft = extractRoadmap(rows);
    expect(draft.sections).toEqual(['Диагностика', 'Сопровождение']);
    expect(draft.items).toEqual([
      item(6, '1.1', 'Диагностика', 'Входная диагностика по математике', '15.09.2025', 'ИМЦ', 'Аналитическая справка'),
      item(7, '1.2', 'Диагностика', 'Итоговая диагностика', 'Май 2026', 'Управление образования', 'Отчёт'),
      item(9, '2.1', 'Сопровождение', 'Консультации тьюторов', 'В течение учебного года', 'ИМЦ', 'Журнал'),
      item(10, '2.2', 'Сопровождение', 'Семинар-практикум', 'В течение учебного года', 'ИМЦ', 'Программа'),
    ]);
    expect(guessPlanPeriod(rows)).toEqual({ year: 2025, from: '2025-09-01', to: '2026-06-30' });
  });

  const rejects = async (name: string, data: Buffer | Promise<Buffer>, code: string) => {
    const error = await readRoadmapDocument(name, await data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoadmapDocumentError);
    expect(error).toMatchObject({ code });
  };

  it('refuses a file over 20 MB before parsing it', () => rejects('plan.docx', Buffer.alloc(MAX_ROADMAP_BYTES + 1), 'too-big'));
  it.each(['plan.doc', 'plan.pdf', 'plan.xls', 'plan'])('refuses %s as unsupported', (name) => rejects(name, Buffer.from('№\tМероприятие\tСрок'), 'unsupported'));
  it('reports a damaged Word file as corrupt', () => rejects('plan.docx', Buffer.from('PK\u0003\u0004 not really a zip'), 'corrupt'));
  it('reports a damaged workbook as corrupt', () => rejects('plan.xlsx', Buffer.from('garbage'), 'corrupt'));
  it('reports an empty file as empty', () => rejects('plan.txt', Buffer.alloc(0), 'empty'));
  it('reports blank text as empty', () => rejects('plan.txt', Buffer.from('\n  \n\t\t\n'), 'empty'));
  it('reports a header with nothing under it as empty', () => rejects('plan.csv', Buffer.from('№;Мероприятие;Срок;Ответственный\n;;;\n'), 'empty'));
  it('reports a document without a road-map table as no-table', () => rejects('letter.docx', letterDocx(), 'no-table'));
  it('reports prose as no-table', () => rejects('notes.txt', Buffer.from('Просим направить сведения до 15.09.2025.'), 'no-table'));
});
