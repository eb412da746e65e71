// Threat: an anonymous survey names people through its export. A school with
// one teacher, and a row stamped with the minute it came in, is enough to
// tell whose answers they are. Here a municipality with a one-teacher school,
// a two-teacher school and a big one answers an anonymous survey with a
// free-text question; every export a coordinator can take (the XLSX and CSV
// buttons in chat, and `survey export` on the command line) is read back as
// a spreadsheet program would read it, and must carry no time, no small
// school and no order of submission; while fewer than the minimum group size
// have answered, nothing of the round is shown at all. A named survey keeps
// school and time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { surveyCommand } from '../../bot/cli/survey.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { startRoundAction } from '../../handlers/surveys/respond.js';
import { chartAction, csvAction, summaryAction, xlsxAction } from '../../handlers/surveys/results.js';
import { launchRound } from '../../handlers/surveys/launch.js';
import { parseSurveyDefinition, type SurveyDefinition } from '../../handlers/surveys/definition.js';
import { createSurvey } from '../../db/repos/surveys.js';
import { buttonData, from, makeCore, press, tempDir, text, type TestCore } from '../helpers/core.js';
import { seedMunicipality, type SeedPerson } from '../helpers/seed.js';

const COORDINATOR = 100;
const LONE = 'Сосновская ООШ';
const PAIR = 'Кедровская ООШ';
const BIG = 'Гимназия № 1';
const SUPPORT = 'Насколько вам хватает методической поддержки?';
const WISH = 'Чего не хватает больше всего?';
/** What the only teacher of the small school writes: on its own it says who she is. */
const LONE_TEXT = 'Я одна веду физику и химию, не с кем посоветоваться';

type Cell = string | number | boolean | Date | null;
interface Respondent {
  user: number;
  school: string;
  support: number;
  wish: string;
}

const respondents: Respondent[] = [
  { user: 1, school: LONE, support: 1, wish: LONE_TEXT },
  { user: 2, school: PAIR, support: 3, wish: 'Методиста по математике' },
  { user: 3, school: PAIR, support: 4, wish: 'Времени на подготовку' },
  { user: 4, school: BIG, support: 5, wish: 'Всего хватает' },
  { user: 5, school: BIG, support: 2, wish: 'Курсов по ОГЭ' },
  { user: 6, school: BIG, support: 4, wish: 'Наставника для молодых' },
  { user: 7, school: BIG, support: 3, wish: 'Обмена опытом' },
];

function survey(anonymous: boolean): SurveyDefinition {
  const parsed = parseSurveyDefinition({
    key: anonymous ? 'support-anonymous' : 'support-named',
    title: 'Хватает ли поддержки',
    anonymous,
    level: 'person',
    questions: [
      { id: 'support', type: 'scale', text: SUPPORT, min: 1, max: 5 },
      { id: 'wish', type: 'text', text: WISH, required: false },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

/** The municipality, with the same survey stored anonymous and named (in that order in every database, so their ids match). */
function municipality(t: TestCore): { municipalityId: number; surveyIds: { anonymous: number; named: number } } {
  const people: SeedPerson[] = [
    { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORDINATOR },
    ...respondents.map((r): SeedPerson => ({ name: `Учитель ${r.user}`, role: 'teacher', school: r.school, user: r.user })),
  ];
  const schools = [LONE, PAIR, BIG].map((short) => ({ short, statuses: ['low_results' as const] }));
  const { municipalityId } = seedMunicipality(t.db, { platform: 'telegram', schools, people });
  const store = (definition: SurveyDefinition) => createSurvey(t.db, { municipalityId, key: definition.key, title: definition.title, definition: { ...definition } }).id;
  return { municipalityId, surveyIds: { anonymous: store(survey(true)), named: store(survey(false)) } };
}

function launch(t: TestCore, anonymous: boolean): number {
  const { municipalityId, surveyIds } = municipality(t);
  const now = t.clock.now();
  const closesAt = new Date(now.getTime() + 7 * 24 * 3600_000);
  const id = anonymous ? surveyIds.anonymous : surveyIds.named;
  return t.db.transaction((tx) => launchRound(tx, t.deps, { municipalityId, survey: { id }, audience: { roles: ['teacher'] }, opensAt: now, closesAt, createdBy: null })).round.id;
}

async function answer(t: TestCore, roundId: number, r: Respondent): Promise<void> {
  const user = String(r.user);
  const first = await t.core.handle(from(user, press(startRoundAction.encode(roundId))));
  await t.core.handle(from(user, press(buttonData(first.replies, String(r.support)))));
  const summary = await t.core.handle(from(user, text(r.wish)));
  const done = await t.core.handle(from(user, press(buttonData(summary.replies, 'Отправить'))));
  expect(done.replies.at(-1)?.text).toMatch(/Спасибо/);
}

/** A round everyone answered in the given order, seventeen minutes apart, on two days. */
async function answeredRound(order: readonly Respondent[], anonymous = true): Promise<{ t: TestCore; roundId: number }> {
  const t = makeCore();
  const roundId = launch(t, anonymous);
  for (const r of order) {
    t.clock.advance(17 * 60_000 + (r.user === 4 ? 24 * 3600_000 : 0));
    await answer(t, roundId, r);
  }
  return { t, roundId };
}

async function sheetsOf(data: Buffer | Uint8Array): Promise<Map<string, Cell[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheets = new Map<string, Cell[][]>();
  for (const ws of workbook.worksheets) {
    const rows: Cell[][] = [];
    ws.eachRow((row) => rows.push((row.values as Cell[]).slice(1)));
    sheets.set(ws.name, rows);
  }
  return sheets;
}

const csvRows = (data: Buffer | Uint8Array): Cell[][] => parse(Buffer.from(data), { bom: true }) as Cell[][];

interface Exports {
  /** Sheet name → rows (header first), from the chat button and from the command line. */
  xlsx: Map<string, Cell[][]>[];
  /** Rows (header first), from the chat button and from the command line. */
  csv: Cell[][][];
}

async function exportsOf(t: TestCore, roundId: number): Promise<Exports> {
  const coordinator = String(COORDINATOR);
  const file = async (data: string) => (await t.core.handle(from(coordinator, press(data)))).replies.find((r) => r.file)?.file?.data ?? Buffer.alloc(0);
  const { dir, cleanup } = tempDir();
  try {
    const tr: Translate = (key, args) => t.deps.i18n.t('ru', key, args);
    const cli = async (name: string) => {
      const path = join(dir, name);
      await surveyCommand({ db: t.db, i18n: t.deps.i18n, settings: t.deps.settings }, tr, ['export', String(roundId), '--out', path]);
      return readFileSync(path);
    };
    return {
      xlsx: [await sheetsOf(await file(xlsxAction.encode(roundId))), await sheetsOf(await cli('round.xlsx'))],
      csv: [csvRows(await file(csvAction.encode(roundId))), csvRows(await cli('round.csv'))],
    };
  } finally {
    cleanup();
  }
}

/** Every table an export holds that shows answers: the raw rows (sheet and CSV) and the free-text sheet. */
function answerTables(e: Exports): Cell[][][] {
  return [...e.xlsx.flatMap((sheets) => [sheets.get('Ответы') ?? [], sheets.get('Свободные ответы') ?? []]), ...e.csv];
}

const allCells = (e: Exports): Cell[] => [...e.xlsx.flatMap((sheets) => [...sheets.values()]), ...e.csv].flat(2);
const stamped = (cell: Cell) => cell instanceof Date || /\d{1,2}:\d{2}/u.test(String(cell));

describe('anonymous surveys do not identify people', () => {
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((t) => t.close()));
  const round = async (order: readonly Respondent[], anonymous = true) => {
    const made = await answeredRound(order, anonymous);
    cores.push(made.t);
    return { ...made, exports: await exportsOf(made.t, made.roundId) };
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);

  it('carries no time of day in any cell of the XLSX or the CSV', async () => {
    const { exports } = await round(respondents);
    expect(allCells(exports).filter(stamped)).toEqual([]);
    for (const table of answerTables(exports)) expect(table[0]).not.toContain('Отправлено');
  });

  it('never names the one-teacher school in the raw rows, nor the two-teacher one', async () => {
    const { exports } = await round(respondents);
    for (const table of answerTables(exports)) {
      const cells = table.flat().map(String);
      expect(cells.filter((c) => c.includes(LONE) || c.includes(PAIR))).toEqual([]);
    }
    for (const raw of [exports.xlsx[0]?.get('Ответы') ?? [], exports.csv[0] ?? []]) {
      // The big school is still shown apart: the rule hides small groups, not every school.
      expect(raw.slice(1).filter((row) => row[0] === BIG)).toHaveLength(4);
      expect(raw.slice(1).filter((row) => String(row[0]).startsWith('Другие школы'))).toHaveLength(3);
    }
  });

  it('ties the free text of the small school to no school', async () => {
    const { exports } = await round(respondents);
    for (const sheets of exports.xlsx) {
      const texts = sheets.get('Свободные ответы') ?? [];
      expect(texts[0]).toEqual(['Вопрос', 'Ответ']);
      expect(texts.slice(1).map((row) => row[1])).toEqual([...respondents.map((r) => r.wish)].sort((a, b) => a.localeCompare(b, 'ru')));
      expect(texts.flat().filter((c) => [LONE, PAIR, BIG].includes(String(c)))).toEqual([]);
    }
    for (const raw of [exports.xlsx[1]?.get('Ответы') ?? [], exports.csv[1] ?? []]) {
      const row = raw.find((cells) => cells.includes(LONE_TEXT));
      expect(row?.[0]).toMatch(/^Другие школы вместе/);
    }
  });

  it('orders rows by what they say, never by who answered first', async () => {
    const forward = await round(respondents);
    const backward = await round([...respondents].reverse());
    const raw = (e: Exports) => [e.xlsx[0]?.get('Ответы'), e.csv[0]];
    expect(raw(backward.exports)).toEqual(raw(forward.exports));
    const submitted = respondents.map((r) => r.wish);
    const listed = (forward.exports.csv[0] ?? []).slice(1).map((row) => row.find((c) => submitted.includes(String(c))));
    expect(listed).not.toEqual(submitted);
    expect(listed).not.toEqual([...submitted].reverse());
  });

  it('withholds the big school too when the overall figures minus it would give a lone teacher away', async () => {
    // Only the lone teacher and the big school answer: overall minus the big school would be her.
    const { exports } = await round(respondents.filter((r) => r.school !== PAIR));
    for (const table of answerTables(exports)) expect(table.flat().filter((c) => c === BIG || c === LONE)).toEqual([]);
    const perSchool = exports.xlsx[0]?.get('По школам') ?? [];
    const big = perSchool.find((row) => row[0] === BIG);
    expect(big?.[1]).toBe(4);
    expect(big?.[4]).toBe('—');
  });

  it('shows no answer at all while fewer than the minimum have answered', async () => {
    // The lone teacher and one of the big school answered: the count per school would say whose each answer is.
    const { t, roundId, exports } = await round(respondents.filter((r) => r.user === 1 || r.user === 4));
    const said = async (data: string) => (await t.core.handle(from(String(COORDINATOR), press(data)))).replies.map((r) => r.text).join('\n');
    const summary = await said(summaryAction.encode(roundId));
    expect(summary).toMatch(/Покажем их, когда наберётся хотя бы 3/);
    for (const r of respondents.slice(0, 4)) expect(summary).not.toContain(r.wish);
    expect(await said(chartAction.encode(roundId, 0))).toMatch(/Покажем их/);
    for (const table of answerTables(exports)) expect(table.slice(1)).toEqual([]);
  });

  it('keeps school, respondent and minute in a named survey, and only there', async () => {
    const named = await round(respondents, false);
    const anonymous = await round(respondents);
    for (const raw of [named.exports.xlsx[0]?.get('Ответы') ?? [], named.exports.csv[0] ?? []]) {
      expect(raw[0]?.slice(0, 3)).toEqual(['Школа', 'Кто ответил', 'Отправлено']);
      expect(raw.slice(1).map((row) => row[0])).toEqual(respondents.map((r) => r.school));
      expect(raw.slice(1).every((row) => /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/u.test(String(row[2])))).toBe(true);
    }
    expect(named.exports.xlsx[0]?.has('Свободные ответы')).toBe(false);
    expect(allCells(anonymous.exports).filter(stamped)).toEqual([]);
  });
});
