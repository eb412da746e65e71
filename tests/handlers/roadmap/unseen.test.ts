// Plans the importer was not written against (tests/fixtures/roadmap-unseen):
// orders of other regions, regional plan-graphs, school assessment
// schedules, old plain-text documents. For each, every item's number, the
// start of its title, its section, the kind of its schedule and its
// milestones ("from..due" or "due") are written down by hand, and the item
// count follows from the list.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guessPlanPeriod } from '../../../handlers/roadmap/plan-period.js';
import { planWithColumns, readRoadmap, type PlannedItem, type RoadmapPlan } from '../../../handlers/roadmap/store.js';
import { rowsFromAligned } from '../../../handlers/roadmap/table/aligned.js';
import { rowsFromPoints } from '../../../handlers/roadmap/table/points.js';
import * as documents from '../../fixtures/roadmap-unseen/documents.js';

type Kind = PlannedItem['schedule']['kind'];
/** number, title start, section, schedule kind, milestones. */
type Expected = [number: string, title: string, section: string | null, kind: Kind, milestones: string[]];

const SCHOOL_2025 = { year: 2025, from: '2025-09-01', to: '2026-06-30' };

async function read(name: string, data: Buffer | string | Promise<Buffer>): Promise<RoadmapPlan> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : await data;
  const reading = await readRoadmap(name, bytes, undefined, 2025);
  if (reading.kind !== 'plan') throw new Error(`${name}: asked for columns`);
  return reading.plan;
}

function seen(item: PlannedItem): Expected {
  const milestones = item.schedule.milestones.map((m) => (m.from ? `${m.from}..${m.due}` : m.due));
  return [item.number, item.title, item.section, item.schedule.kind, milestones];
}

/** Compares items, a title by its start. */
function expectItems(plan: RoadmapPlan, expected: Expected[]): void {
  const actual = plan.items.map(seen).map(([n, title, s, k, m], i) => [n, title.startsWith(expected[i]?.[1] ?? '\u0000') ? expected[i]?.[1] : title, s, k, m]);
  expect(actual).toEqual(expected);
}

const monthly = (first: string, count: number, day: number) => {
  const [y, m] = first.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const month = ((m - 1 + i) % 12) + 1;
    const year = y + Math.floor((m - 1 + i) / 12);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  });
};
const MONTH_ENDS_2026 = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'].map((d) => `2026-${d}`);
const TERMS_2025 = ['2025-10-31', '2025-12-28', '2026-03-24', '2026-05-31'];

describe('plans of other regions', () => {
  it('a district order: merged section rows, «1.1.» numbers, line breaks in cells, a title spilling into the next row', async () => {
    const plan = await read('order.docx', documents.districtOrderDocx());
    expect(plan.period).toEqual(SCHOOL_2025);
    const org = 'Организационно-управленческие мероприятия';
    const method = 'Методическое сопровождение';
    const pupils = 'Работа с обучающимися и родителями';
    expectItems(plan, [
      ['1.1', 'Формирование перечня школ', org, 'once', ['2025-09-15']],
      ['1.2', 'Разработка программ антирисковых мер общеобразовательными организациями', org, 'once', ['2025-09-30']],
      ['1.3', 'Проведение совещаний с руководителями школ по вопросам реализации антирисковых программ', org, 'recurring', monthly('2025-09', 10, 5)],
      ['2.1', 'Посещение уроков молодых педагогов', method, 'recurring', TERMS_2025],
      ['2.2', 'Семинар «Формирующее оценивание', method, 'once', ['2025-11-30']],
      ['2.3', 'Мониторинг реализации программ', method, 'milestones', ['2025-10-01', '2026-02-01']],
      ['3.1', 'Консультации для обучающихся 9, 11 классов', pupils, 'continuous', ['2025-09-01..2026-06-30']],
      ['3.2', 'Родительские собрания', pupils, 'once', ['2026-03-01..2026-04-30']],
    ]);
    expect(plan.items[3]?.responsibleText).toBe('ИМЦ, Иванова Т.П.');
    expect(plan.items[0]?.expectedResult).toBe('Приказ об утверждении перечня');
    expect(plan.warnings).toEqual([]);
  });

  it('a regional plan-graph after a table of criteria: responsible before the deadline, «Раздел I.» sections', async () => {
    const plan = await read('plan-graph.docx', documents.criteriaThenPlanDocx());
    expect(plan.period).toEqual({ year: 2026 });
    const norms = 'Нормативное обеспечение';
    const support = 'Организационно-методическое сопровождение';
    expectItems(plan, [
      ['1', 'Издание приказа', norms, 'once', ['2026-01-31']],
      ['2', 'Утверждение графика выездов', norms, 'once', ['2026-03-01']],
      ['3', 'Перепроверка работ участников ВПР', support, 'once', ['2026-05-31']],
      ['4', 'Обучение общественных наблюдателей', support, 'once', ['2026-12-31']],
      ['5', 'Направление сведений', support, 'recurring', ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']],
      ['6', 'Обсуждение итогов на августовском совещании', support, 'once', ['2026-08-31']],
    ]);
    expect(plan.items[2]?.responsibleText).toBe('ГАУ ДПО «ИРО», муниципальные органы управления образованием');
    expect(plan.items[0]?.expectedResult).toBe('Приказ');
    expect(plan.warnings).toEqual([{ code: 'table-left-out', text: expect.stringMatching(/^no-deadlines: Критерии/) }]);
  });

  it('a workbook stage plan: «Сроки» merged over «начало | окончание» reads as one span', async () => {
    const plan = await read('stages.xlsx', documents.stagesXlsx());
    expectItems(plan, [
      ['1', 'Самодиагностика школ', null, 'once', ['2025-09-01..2025-09-30']],
      ['2', 'Разработка дорожных карт', null, 'once', ['2025-10-01..2025-12-15']],
      ['3', 'Повышение квалификации управленческих команд', null, 'once', ['2026-01-12..2026-04-30']],
      ['4', 'Повторная самодиагностика', null, 'once', ['2026-05-01..2026-05-31']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Отчёт о самодиагностике');
  });

  it('a quarter grid with «+» and «х», the year in the title above, «Блок 1.» sections', async () => {
    const plan = await read('grid.xlsx', documents.quarterGridXlsx());
    expect(plan.period).toEqual({ year: 2026 });
    expectItems(plan, [
      ['1.1', 'Закрепление наставников', 'Наставничество', 'milestones', ['2026-03-31', '2026-09-30']],
      ['1.2', 'Заседания клуба молодых педагогов', 'Наставничество', 'recurring', ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']],
      ['2.1', 'Муниципальный конкурс', 'Конкурсы', 'once', ['2026-06-30']],
      ['2.2', 'Фестиваль открытых уроков', 'Конкурсы', 'once', ['2026-12-31']],
    ]);
  });

  it('a Windows-1251 CSV with «;»: an assessment schedule with a target group column', async () => {
    const plan = await read('graph.csv', documents.assessmentCsv());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['1', 'Входная контрольная работа', null, 'once', ['2025-09-15']],
      ['2', 'Региональная диагностическая работа', null, 'once', ['2025-10-21']],
      ['3', 'Пробный ОГЭ', null, 'milestones', ['2025-12-31', '2026-03-31']],
      ['4', 'Всероссийские проверочные работы', null, 'unknown', []],
      ['5', 'Итоговые контрольные работы', null, 'once', ['2026-04-01..2026-05-31']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Целевая группа: 5-11 классы');
  });

  it('text pasted from Word with tabs, a cell broken over two lines', async () => {
    const plan = await read('pasted.txt', documents.pastedWordText());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      // «август» of a school-year plan is read as the August that ends it (deadline.test.ts: "август", SCHOOL).
      ['1', 'Утверждение плана работы', null, 'once', ['2026-08-31']],
      ['2', 'Анализ результатов ВПР и ГИА, определение мер', null, 'milestones', ['2025-09-30', '2026-01-31']],
      ['3', 'Организация работы с одарёнными детьми', null, 'continuous', ['2025-09-01..2026-06-30']],
      ['4', 'Проведение предметных недель', null, 'unknown', []],
      ['5', 'Отчёт о работе методического совета', null, 'once', ['2026-05-31']],
    ]);
  });

  it('an old plain-text order with an ASCII table, a header over two lines, numbered section rows', async () => {
    const plan = await read('old.txt', documents.drawnOldText());
    expect(plan.period).toEqual({ year: 2026 });
    expectItems(plan, [
      ['1.1', 'Формирование базы данных участников ГИА', 'Организационные мероприятия', 'once', ['2026-02-01']],
      ['1.2', 'Назначение ответственных за проведение ГИА', 'Организационные мероприятия', 'once', ['2026-01-31']],
      ['2.1', 'Пробные экзамены', 'Работа с выпускниками', 'milestones', ['2026-02-28', '2026-04-30']],
      ['2.2', 'Информирование о порядке ГИА', 'Работа с выпускниками', 'continuous', ['2026-01-01..2026-12-31']],
    ]);
    expect(plan.items[3]?.responsibleText).toBe('классные руководители');
  });

  it('a school assessment schedule without a number column, the date first, the school year named after «на I полугодие»', async () => {
    const plan = await read('assessments.docx', documents.assessmentScheduleDocx());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['', 'Русский язык. Входная диагностика', null, 'once', ['2025-09-18']],
      ['', 'Математика. Контрольная работа', null, 'once', ['2025-09-25']],
      ['', 'Обществознание.', null, 'once', ['2025-10-14']],
      ['', 'Комплексная работа по читательской грамотности', null, 'once', ['2025-10-20..2025-10-25']],
      ['', 'Итоговое сочинение (пробное)', null, 'once', ['2025-12-31']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Класс: 5 а, б');
  });

  it('a stage plan with «Срок начала | Срок окончания»: one span per row', async () => {
    const plan = await read('project.docx', documents.stagePlanDocx());
    expectItems(plan, [
      ['1', 'Создание проектной группы', null, 'once', ['2025-09-01..2025-09-15']],
      ['2', 'Анкетирование педагогов', null, 'once', ['2025-09-15..2025-10-10']],
      ['3', 'Проведение стажировок', null, 'once', ['2025-11-01..2026-03-31']],
      ['4', 'Сетевые методические дни', null, 'once', ['2025-12-01..2026-04-30']],
      ['5', 'Публичный отчёт', null, 'once', ['2026-06-01..2026-06-20']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Этап: Подготовительный');
  });

  it('«Периодичность» and «Показатели» columns, numbered sections nested «2.» › «2.1.», «2.2» back in «2.»', async () => {
    const plan = await read('programme.docx', documents.periodicityDocx());
    expect(plan.period).toEqual({ year: 2026 });
    expect(plan.sections).toEqual(['Повышение качества общего образования', 'Развитие кадрового потенциала', 'Курсы повышения квалификации']);
    const quality = 'Повышение качества общего образования';
    expectItems(plan, [
      ['1.1', 'Мониторинг образовательных результатов', quality, 'recurring', ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']],
      ['1.2', 'Отчёт о выполнении показателей', quality, 'recurring', monthly('2026-01', 12, 5)],
      ['2.1.1', 'Курсы для учителей математики', 'Курсы повышения квалификации', 'once', ['2026-04-01..2026-09-30']],
      ['2.1.2', 'Курсы для заместителей директоров', 'Курсы повышения квалификации', 'continuous', ['2026-01-01..2026-12-31']],
      ['2.2', 'Конкурс профессионального мастерства', 'Развитие кадрового потенциала', 'once', ['2026-02-28']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Доля школ, охваченных мониторингом, 100 %');
  });

  it('a regional plan-graph workbook: a notes sheet first, title rows merged across, a column-number row', async () => {
    const plan = await read('region.xlsx', documents.regionalPlanXlsx());
    expect(plan.period).toEqual({ year: 2026 });
    expectItems(plan, [
      ['1', 'Региональный мониторинг функциональной грамотности', null, 'milestones', ['2026-04-01', '2026-11-01']],
      ['2', 'Вебинары для педагогов', null, 'once', ['2026-03-01..2026-04-30']],
      ['3', 'Методические дни в муниципалитетах', null, 'unknown', []],
      ['4', 'Итоговая конференция', null, 'once', ['2026-12-31']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Аналитические материалы; Целевая группа: обучающиеся 8-9 классов');
  });

  it('a table whose header names no column is offered for a column choice, and reads with it', async () => {
    const reading = await readRoadmap('minutes.docx', await documents.unnamedHeaderDocx(), undefined, 2025);
    expect(reading.kind).toBe('needs-columns');
    if (reading.kind !== 'needs-columns') return;
    expect(reading.preview[0]).toEqual(['Пункт', 'Поручение', 'Исполнение', 'Кому поручено']);
    const plan = await planWithColumns(reading.rows, { title: 1, deadline: 2, responsible: 3 }, undefined, 2025);
    expectItems(plan, [
      ['1', 'Представить планы работы', null, 'once', ['2025-09-20']],
      ['2', 'Обеспечить участие педагогов', null, 'once', ['2025-09-30']],
      ['3', 'Подготовить информацию', null, 'once', ['2025-10-01']],
    ]);
  });

  it('a TSV with section rows «Раздел 1.» and deadlines without a year in a calendar year', async () => {
    const plan = await read('school.tsv', documents.sectionsTsv());
    expectItems(plan, [
      ['1', 'Педагогический совет', 'Работа с педагогами', 'once', ['2025-08-28']],
      ['2', 'Заседание ШМО', 'Работа с педагогами', 'recurring', ['2025-03-24', '2025-05-31', '2025-10-31', '2025-12-28']],
      ['3', 'Общешкольное родительское собрание', 'Работа с родителями', 'milestones', ['2025-09-30', '2025-04-30']],
      ['4', 'День открытых дверей', 'Работа с родителями', 'once', ['2025-12-31']],
    ]);
  });

  it('a plan split over two Word tables at a page break, a responsible merged down two rows', async () => {
    const plan = await read('split.docx', documents.pageBreakDocx());
    expect(plan.period).toEqual({ year: 2026 });
    expectItems(plan, [
      ['1', 'Выявление обучающихся группы риска', null, 'once', ['2026-01-31']],
      ['2', 'Составление индивидуальных', null, 'once', ['2026-02-15']],
      ['3', 'Консультирование родителей', null, 'recurring', MONTH_ENDS_2026],
      ['4', 'Анализ динамики успеваемости', null, 'recurring', ['2026-03-24', '2026-05-31', '2026-10-31', '2026-12-28']],
      ['5', 'Отчёт о реализации плана', null, 'once', ['2026-12-25']],
    ]);
    expect(plan.items[1]?.responsibleText).toBe('педагоги-психологи ОО');
  });

  it('a month grid of a school year: «сентябрь … май» marked with «+»', async () => {
    const plan = await read('control.xlsx', documents.monthGridXlsx());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['1.1', 'Стартовая диагностика', 'Контроль образовательных результатов', 'once', ['2025-09-30']],
      ['1.2', 'Промежуточный контроль', 'Контроль образовательных результатов', 'milestones', ['2025-12-31', '2026-05-31']],
      ['2.1', 'Посещение уроков аттестуемых педагогов', 'Контроль работы педагогов', 'milestones', ['2025-10-31', '2025-11-30', '2026-02-28', '2026-03-31']],
    ]);
  });

  it('«Раздел II.» in the number cell, numbering restarting in each section', async () => {
    const plan = await read('complex.docx', documents.romanSectionsDocx());
    const gia = 'Повышение качества подготовки к ГИА';
    const assessment = 'Развитие системы оценки качества';
    expectItems(plan, [
      ['1', 'Проведение пробных экзаменов', gia, 'once', ['2025-12-01..2026-01-31']],
      ['2', 'Работа муниципальных методических объединений', gia, 'continuous', ['2026-01-01..2026-12-31']],
      ['1', 'Участие в национальных исследованиях', assessment, 'unknown', []],
      ['2', 'Анализ результатов ВПР', assessment, 'once', ['2026-07-01']],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('pasted text whose header and a deadline cell wrap over two lines', async () => {
    const plan = await read('essay.txt', documents.pastedWrappedText());
    expectItems(plan, [
      ['1', 'Пробное итоговое сочинение', null, 'milestones', ['2025-10-01', '2026-02-01']],
      ['2', 'Родительское собрание', null, 'once', ['2025-11-30']],
      ['3', 'Итоговое сочинение (изложение)', null, 'once', ['2025-12-03']],
    ]);
    expect(plan.items[0]?.responsibleText).toBe('учителя литературы');
  });

  it('numbers written in the title cell, «Блок 2.» sections as merged rows', async () => {
    const plan = await read('centre.docx', documents.numbersInTitlesDocx());
    expectItems(plan, [
      ['1.1', 'Совещание руководителей ОО', 'Работа с руководителями', 'once', ['2026-01-31']],
      ['1.2', 'Семинар по управлению качеством', 'Работа с руководителями', 'once', ['2026-03-01..2026-04-30']],
      ['2.1', 'Стажировочная площадка', 'Работа с педагогами', 'recurring', ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']],
      ['2.2', 'Конкурс методических разработок', 'Работа с педагогами', 'once', ['2026-12-31']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('Протокол');
  });

  it('deadline cells that list their dates one per line, a numbered section spanning the row, a row broken across a page', async () => {
    const plan = await read('maths.docx', documents.linesInCellsDocx());
    expect(plan.period).toEqual(SCHOOL_2025);
    const diagnostics = 'Диагностика и мониторинг';
    const skills = 'Повышение профессионального мастерства';
    expectItems(plan, [
      ['1.1', 'Диагностические работы', diagnostics, 'milestones', ['2025-09-30', '2025-12-31', '2026-03-31']],
      ['1.2', 'Сбор сведений об успеваемости', diagnostics, 'milestones', ['2025-10-01', '2026-02-01']],
      ['2.1', 'Заседания муниципального методического объединения учителей математики и информатики', skills, 'milestones', ['2025-10-31', '2026-03-31']],
      ['2.2', 'Открытые уроки', skills, 'once', ['2026-02-02..2026-02-06']],
    ]);
    expect(plan.items[2]?.schedule.milestones.map((m) => m.label)).toEqual(['1 этап', '2 этап']);
    expect(plan.items[2]?.responsibleText).toBe('руководитель ММО Кравцова Н.И.');
  });

  it('a workbook with Excel dates and item numbers stored as numbers', async () => {
    const plan = await read('vpr.xlsx', documents.excelDatesXlsx());
    expect(plan.period).toEqual({ year: 2026 });
    expectItems(plan, [
      ['1', 'Обучение экспертов', null, 'once', ['2026-02-20']],
      ['2', 'Тренировочные работы', null, 'once', ['2026-03-31']],
      ['3', 'Проведение ВПР', null, 'once', ['2026-04-01..2026-05-31']],
      ['4', 'Анализ результатов ВПР', null, 'once', ['2026-06-10']],
    ]);
  });

  it('«Срок исполнения» merged over year columns «2025 г. | 2026 г.»: a month under a year is in that year', async () => {
    const plan = await read('programme.docx', documents.yearColumnsDocx());
    expectItems(plan, [
      ['1', 'Обновление оборудования', null, 'milestones', ['2025-08-31', '2026-08-31']],
      ['2', 'Муниципальная олимпиада', null, 'milestones', ['2025-11-30', '2026-03-31']],
      ['3', 'Публичный доклад', null, 'once', ['2026-09-30']],
    ]);
    expect(plan.warnings.filter((w) => w.code !== 'missing-column')).toEqual([]);
  });

  it('a «Направление» column merged down over its items is their section, «Мероприятие» the title', async () => {
    const plan = await read('young.docx', documents.directionColumnDocx());
    expect(plan.sections).toEqual(['Адаптация', 'Профессиональное развитие']);
    expectItems(plan, [
      ['1', 'Встреча молодых специалистов', 'Адаптация', 'once', ['2026-01-31']],
      ['2', 'Закрепление наставников', 'Адаптация', 'once', ['2026-02-01']],
      ['3', 'Школа молодого педагога', 'Профессиональное развитие', 'recurring', MONTH_ENDS_2026],
      ['4', 'Конкурс «Педагогический дебют»', 'Профессиональное развитие', 'once', ['2026-04-30']],
    ]);
    expect(plan.items[0]?.expectedResult).toBe('');
  });

  it('a header Word put in a table of its own, the rows in the next table', async () => {
    const plan = await read('august.docx', documents.headerTableApartDocx());
    expect(plan.period).toEqual({ year: 2025 });
    expectItems(plan, [
      ['1', 'Формирование программы совещания', null, 'once', ['2025-06-20']],
      ['2', 'Подготовка докладов', null, 'once', ['2025-07-31']],
      ['3', 'Проведение совещания', null, 'once', ['2025-08-27']],
    ]);
  });

  it('an assessment grid: months as columns, the day of the work in the cell («18.09», «15»)', async () => {
    const plan = await read('grid.xlsx', documents.assessmentGridXlsx());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['', 'Русский язык', null, 'milestones', ['2025-09-18', '2025-11-20', '2025-12-23']],
      ['', 'Математика', null, 'milestones', ['2025-10-15', '2025-12-18']],
      ['', 'Окружающий мир / история', null, 'once', ['2025-10-22']],
    ]);
    expect(plan.items[0]?.responsibleText).toBe('Орлова В.В.');
    expect(plan.items[0]?.expectedResult).toBe('Класс: 5 а, б');
  });

  it('a UTF-8 CSV with «,», a BOM, quoted cells with commas, quotes and a line break', async () => {
    const plan = await read('olympiad.csv', documents.commaCsv());
    expectItems(plan, [
      ['1', 'Проведение муниципального этапа', null, 'once', ['2025-11-01..2025-12-31']],
      ['2', 'Организация работы "Школы юного исследователя"', null, 'continuous', ['2025-09-01..2026-06-30']],
      ['3', 'Научно-практическая конференция обучающихся, секции по предметам', null, 'once', ['2026-03-31']],
    ]);
  });

  it('an old typed order without a table: numbered points with «Срок: …» and «Ответственный: …», Roman sections', async () => {
    const plan = await read('typed.txt', documents.typedPointsText());
    expect(plan.period).toEqual(SCHOOL_2025);
    const material = 'Материально-техническое обеспечение';
    const staff = 'Кадровое обеспечение';
    expectItems(plan, [
      ['1', 'Провести приёмку образовательных организаций к новому учебному году', material, 'once', ['2025-08-15']],
      ['2', 'Завершить ремонт спортивных залов в МБОУ «СОШ № 2», МБОУ «СОШ № 5»', material, 'once', ['2025-08-20']],
      ['3', 'Обеспечить укомплектованность педагогическими кадрами', staff, 'once', ['2025-08-25']],
      ['4', 'Провести августовскую педагогическую конференцию', staff, 'once', ['2025-08-31']],
    ]);
    expect(plan.items.map((i) => i.responsibleText)).toEqual(['Управление образования', 'руководители ОО', 'руководители ОО', 'ИМЦ']);
    expect(plan.items[3]?.deadlineText).toBe('август 2025 г.');
  });

  it('each section a table of its own under its heading, the header only in the first', async () => {
    const plan = await read('libraries.docx', documents.sectionTablesDocx());
    expect(plan.sections).toEqual(['Обновление фондов', 'Работа с читателями']);
    expectItems(plan, [
      ['1.1', 'Мониторинг обеспеченности учебниками', 'Обновление фондов', 'once', ['2026-03-01']],
      ['1.2', 'Заказ учебников', 'Обновление фондов', 'once', ['2026-04-30']],
      ['2.1', 'Неделя детской книги', 'Работа с читателями', 'once', ['2026-03-31']],
      ['2.2', 'Муниципальный конкурс чтецов', 'Работа с читателями', 'once', ['2026-11-30']],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'table-left-out')).toEqual([]);
  });

  it('an old plain-text order whose table is typed with spaces, titles and a deadline wrapped onto the next line', async () => {
    const plan = await read('spaced.txt', documents.spacedText());
    expect(plan.period).toEqual({ year: 2026 });
    const org = 'Организационная работа';
    const pupils = 'Работа с выпускниками';
    expectItems(plan, [
      ['1.1', 'Совещание с руководителями ОО по вопросам ГИА', org, 'once', ['2026-01-31']],
      ['1.2', 'Назначение организаторов ППЭ', org, 'once', ['2026-03-01']],
      ['2.1', 'Пробные экзамены по математике и русскому языку', pupils, 'milestones', ['2026-02-28', '2026-04-30']],
      ['2.2', 'Консультации для выпускников', pupils, 'continuous', ['2026-01-01..2026-12-31']],
    ]);
    expect(plan.items.map((i) => i.responsibleText)).toEqual(['Управление образования', 'Управление образования', 'руководители ОО', 'учителя-предметники']);
  });

  it('section rows written in the title column of a workbook, the number cell empty', async () => {
    const plan = await read('parents.xlsx', documents.sectionsInTitleXlsx());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['1', 'Размещение информации о ГИА', 'Информирование', 'continuous', ['2025-09-01..2026-06-30']],
      ['2', 'Выпуск информационного бюллетеня', 'Информирование', 'recurring', TERMS_2025],
      ['3', 'Индивидуальные консультации', 'Консультирование', 'unknown', []],
      ['4', 'Общешкольное родительское собрание', 'Консультирование', 'milestones', ['2025-10-31', '2026-03-31']],
    ]);
    expect(plan.items[1]?.title).toBe('Выпуск информационного бюллетеня');
    expect(plan.warnings).toEqual([]);
  });

  it('«Задачи | … | Мероприятия | … | Индикаторы»: a task merged down over its measures is their section', async () => {
    const plan = await read('mentoring.docx', documents.tasksDocx());
    const conditions = 'Создание условий для развития наставничества в образовательных организациях';
    expectItems(plan, [
      ['1', 'Разработка положения о наставничестве', conditions, 'once', ['2026-01-31']],
      ['2', 'Формирование базы наставников', conditions, 'once', ['2026-03-01']],
      ['3', 'Обучение наставников', 'Повышение компетенций наставников', 'once', ['2026-06-30']],
    ]);
    expect(plan.items.map((i) => i.expectedResult)).toEqual(['Положение утверждено', 'База сформирована', 'Не менее 20 человек']);
    expect(plan.warnings).toEqual([]);
  });

  it('a three-year programme: years as columns under «Сроки реализации», «+» for a whole year, a month under a year', async () => {
    const plan = await read('programme.xlsx', documents.yearGridXlsx());
    expect(plan.period).toEqual({ year: 2025, from: '2025-01-01', to: '2027-12-31' });
    expectItems(plan, [
      ['1', 'Модернизация кабинетов', null, 'milestones', ['2025-01-01..2025-12-31', '2027-01-01..2027-12-31']],
      ['2', 'Обучение педагогов', null, 'milestones', ['2025-01-01..2025-12-31', '2026-01-01..2026-12-31', '2027-01-01..2027-12-31']],
      ['3', 'Муниципальная конференция', null, 'once', ['2026-03-31']],
    ]);
    expect(plan.items.map((i) => i.deadlineText)).toEqual(['2025, 2027', '2025, 2026, 2027', 'март 2026']);
  });

  it('a «№ п/п» column numbered by Word itself: every row with a title is an item, numbered in order', async () => {
    const plan = await read('reading.docx', documents.wordNumberingDocx());
    expectItems(plan, [
      ['1', 'Семинар «Смысловое чтение на уроках»', 'Работа с педагогами', 'once', ['2026-02-28']],
      ['2', 'Мастер-классы учителей', 'Работа с педагогами', 'once', ['2026-03-01..2026-04-30']],
      ['3', 'Диагностика читательской грамотности', 'Работа с обучающимися', 'once', ['2026-05-15']],
    ]);
    expect(plan.warnings).toEqual([{ code: 'missing-column', line: 3, text: 'result' }]);
  });

  it('a sheet whose table starts in column B, no number column, parts of months as deadlines', async () => {
    const plan = await read('shmo.xlsx', documents.marginXlsx());
    expect(plan.period).toEqual({ year: 2026 });
    expectItems(plan, [
      ['', 'Анализ результатов пробных экзаменов', null, 'once', ['2026-01-31']],
      ['', 'Подготовка к ВПР', null, 'once', ['2026-03-01..2026-03-10']],
      ['', 'Итоги учебного года', null, 'once', ['2026-05-31']],
    ]);
  });

  it('a section row in the title column without a number or «Раздел» («Работа с родителями» in bold) heads a section; a title cut at a page break still joins the row above', async () => {
    const plan = await read('parents.docx', boldSectionDocx());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['1', 'Размещение информации о ГИА на сайте школы', null, 'once', ['2025-09-30']],
      ['2', 'Общешкольное родительское собрание по вопросам подготовки к итоговой аттестации', 'Работа с родителями', 'once', ['2025-10-31']],
      ['3', 'Консультации педагога-психолога для родителей', 'Работа с родителями', 'once', ['2025-11-30']],
    ]);
    expect(plan.items[0]?.title).toBe('Размещение информации о ГИА на сайте школы');
    expect(plan.sections).toEqual(['Работа с родителями']);
  });

  it('a «№ п/п» column with Word multi-level list numbering («1.», «1.1.»): the first level, with no dates, heads sections, and the items come out numbered 1, 2, 3… in order, the levels not being in the text', async () => {
    const plan = await read('levels.docx', multiLevelDocx());
    expectItems(plan, [
      ['1', 'Приказ о создании рабочей группы', 'Организационные мероприятия', 'once', ['2026-01-31']],
      ['2', 'План работы рабочей группы', 'Организационные мероприятия', 'once', ['2026-02-28']],
      ['3', 'Семинар по подготовке к ВПР', 'Работа с педагогами', 'once', ['2026-03-31']],
    ]);
  });

  it('an assessment grid with classes as columns («Предмет | 5 класс | 6 класс», dates in the cells): every class column is a milestone of the subject', async () => {
    const plan = await read('classes.xlsx', classGridXlsx());
    expect(plan.period).toEqual(SCHOOL_2025);
    expectItems(plan, [
      ['', 'Русский язык', null, 'milestones', ['2025-09-18', '2025-09-20', '2025-09-25']],
      ['', 'Математика', null, 'milestones', ['2025-10-15', '2025-10-16']],
    ]);
    expect(plan.items[0]?.schedule.milestones.map((m) => m.label)).toEqual(['5 класс', '6 класс', '7 класс']);
    expect(plan.items[0]?.responsibleText).toBe('Орлова В.В.');
  });

  it.todo('«август» in a school-year plan («на 2025-2026 учебный год») read as August 2025, when plans open the year with it (now the August that ends it)');
});

describe('numbered points without a table', () => {
  it('reads a point on one line, and one running over the next lines, keeping every line a row but for the header', () => {
    const lines = ['Приказ', '1. Провести совещание. Срок: до 01.09.2025. Ответственный: Иванова Т.П.', '2. Подготовить отчёт', 'о работе за год.', 'Срок – декабрь 2025 г.; отв. ИМЦ'];
    expect(rowsFromPoints(lines)).toEqual([
      ['Приказ'],
      ['№', 'Мероприятие', 'Срок', 'Ответственный'],
      ['1', 'Провести совещание', 'до 01.09.2025', 'Иванова Т.П.'],
      ['2', 'Подготовить отчёт о работе за год', 'декабрь 2025 г.', 'ИМЦ'],
      [''],
      [''],
    ]);
  });

  it('leaves numbered prose without deadlines alone', () => {
    expect(rowsFromPoints(['ПРИКАЗЫВАЮ:', '1. Утвердить план мероприятий.', '2. Контроль оставляю за собой.'])).toBeUndefined();
  });
});

describe('tables typed with spaces', () => {
  it('splits lines at the columns every line leaves blank, a heading across the table kept whole', () => {
    const lines = ['План', '№    Мероприятие     Срок', 'I. Раздел первый', '1    Совещание       май 2025', '     директоров', '2    Семинар         июнь 2025'];
    expect(rowsFromAligned(lines)).toEqual([['План'], ['№', 'Мероприятие', 'Срок'], ['I. Раздел первый'], ['1', 'Совещание', 'май 2025'], ['', 'директоров', ''], ['2', 'Семинар', 'июнь 2025']]);
  });

  it('leaves prose with double spaces alone', () => {
    expect(rowsFromAligned(['Начальник  управления  образования', 'Т.А. Никитина', 'Исп.  Иванова  Т.П.'])).toBeUndefined();
  });
});

describe('the plan period named above the table', () => {
  const table = [['№', 'Мероприятие', 'Срок', 'Ответственный'], ['1', 'Совещание', 'март', 'Управление образования']];
  it.each([
    ['График оценочных процедур на I полугодие 2025-2026 учебного года', SCHOOL_2025],
    ['План работы по подготовке к новому 2025-2026 учебному году', SCHOOL_2025],
    ['План мероприятий на 2026 год по итогам 2024-2025 учебного года', { year: 2026 }],
  ])('%s', (title, period) => {
    expect(guessPlanPeriod([[title], ...table])).toEqual(period);
  });
});

// Three documents built here rather than among the fixtures: a bold section
// row in the title column, Word's two-level list numbering, classes as columns.
type DocCell = string | { bold: string } | { level: number };

function docCell(spec: DocCell): TableCell {
  if (typeof spec === 'string') return new TableCell({ children: [new Paragraph(spec)] });
  if ('bold' in spec) return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: spec.bold, bold: true })] })] });
  return new TableCell({ children: [new Paragraph({ text: '', numbering: { reference: 'levels', level: spec.level } })] });
}

function docxOf(title: string, rows: DocCell[][]): Promise<Buffer> {
  const levels = [
    { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START },
  ];
  const table = new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map(docCell) })) });
  return Packer.toBuffer(new Document({ numbering: { config: [{ reference: 'levels', levels }] }, sections: [{ children: [new Paragraph(title), table] }] }));
}

function boldSectionDocx(): Promise<Buffer> {
  return docxOf('План работы школы с родителями (законными представителями) на 2025-2026 учебный год', [
    ['№ п/п', 'Содержание работы', 'Сроки', 'Ответственные'],
    ['1', 'Размещение информации о ГИА на сайте школы', 'сентябрь', 'зам. директора по УВР'],
    ['', { bold: 'Работа с родителями' }, '', ''],
    ['2', 'Общешкольное родительское собрание по вопросам', 'октябрь', 'директор'],
    ['', 'подготовки к итоговой аттестации', '', ''],
    ['3', 'Консультации педагога-психолога для родителей', 'ноябрь', 'педагог-психолог'],
  ]);
}

function multiLevelDocx(): Promise<Buffer> {
  return docxOf('План мероприятий по подготовке к ВПР на 2026 год', [
    ['№ п/п', 'Наименование мероприятия', 'Срок исполнения', 'Ответственный'],
    [{ level: 0 }, 'Организационные мероприятия', '', ''],
    [{ level: 1 }, 'Приказ о создании рабочей группы', 'январь 2026', 'директор'],
    [{ level: 1 }, 'План работы рабочей группы', 'февраль 2026', 'руководитель группы'],
    [{ level: 0 }, 'Работа с педагогами', '', ''],
    [{ level: 1 }, 'Семинар по подготовке к ВПР', 'март 2026', 'зам. директора по УВР'],
  ]);
}

async function classGridXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('ВПР').addRows([
    ['График оценочных процедур на I полугодие 2025-2026 учебного года'],
    ['Учебный предмет', 'Сроки проведения', null, null, 'Ответственный'],
    [null, '5 класс', '6 класс', '7 класс', null],
    ['Русский язык', '18.09', '20.09', '25.09', 'Орлова В.В.'],
    ['Математика', '15.10', '16.10', '', 'Гусев Д.А.'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
