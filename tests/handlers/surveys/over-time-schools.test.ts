// School-level reports over time: the shipped monitoring's three stages
// (entry, intermediate, final) are one series, compared on the questions they
// share, with each school's own figures (a school's report hides nobody);
// and the term report filled in as last time by the school's administration,
// never by a teacher.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { addRecipients, createRound, createSurvey, getRound, markAnswered, saveResponse } from '../../../db/repos/surveys.js';
import { roundXlsx } from '../../../handlers/surveys/results.js';
import { templateByKey } from '../../../handlers/surveys/templates.js';
import { buttonData, from, makeCore, press, type TestCore } from '../../helpers/core.js';
import { seedMunicipality, type Seeded } from '../../helpers/seed.js';

const COORD = 8001;
const [HEAD_A, HEAD_B, HEAD_C, DEPUTY_A, TEACHER_A] = [8011, 8012, 8013, 8014, 8021];

let t: TestCore;
let seeded: Seeded;

beforeEach(() => {
  t = makeCore();
  seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: ['Школа А', 'Школа Б', 'Школа В'].map((short) => ({ short, statuses: ['low_results' as const] })),
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Адамова Анна Андреевна', role: 'school_admin', school: 'Школа А', user: HEAD_A },
      { name: 'Борисова Бэлла Борисовна', role: 'school_admin', school: 'Школа Б', user: HEAD_B },
      { name: 'Васильева Вера Викторовна', role: 'school_admin', school: 'Школа В', user: HEAD_C },
      { name: 'Заместителева Зоя Андреевна', role: 'school_admin', school: 'Школа А', user: DEPUTY_A },
      { name: 'Учителева Ульяна Ивановна', role: 'teacher', school: 'Школа А', user: TEACHER_A },
    ],
  });
});

const person = (name: string) => seeded.personIds.get(name)!;
const school = (short: string) => seeded.schoolIds.get(short)!;
const ADMINS: [string, string][] = [
  ['Адамова Анна Андреевна', 'Школа А'],
  ['Борисова Бэлла Борисовна', 'Школа Б'],
  ['Васильева Вера Викторовна', 'Школа В'],
];

/** A round of a shipped template sent to the schools' heads, with each school's answers. */
function roundOf(key: string, opensAt: string, closesAt: string, answers: Record<string, Record<string, unknown>>, previousRoundId: number | null = null): number {
  const definition = templateByKey(key)!;
  const { id: surveyId } = createSurvey(t.db, { municipalityId: seeded.municipalityId, key, title: definition.title, definition: { ...definition } });
  const round = createRound(t.db, { surveyId, municipalityId: seeded.municipalityId, audience: { roles: ['school_admin'] }, opensAt: new Date(opensAt), closesAt: new Date(closesAt), previousRoundId });
  addRecipients(
    t.db,
    ADMINS.map(([name, short]) => ({ roundId: round.id, personId: person(name), schoolId: school(short) })),
  );
  for (const [short, given] of Object.entries(answers)) {
    const [name] = ADMINS.find(([, s]) => s === short)!;
    const at = new Date(new Date(opensAt).getTime() + 3600_000);
    saveResponse(t.db, { roundId: round.id, unitKey: `school:${school(short)}`, personId: person(name), schoolId: school(short), answers: given, submittedAt: at });
    markAnswered(t.db, round.id, { schoolId: school(short) }, at);
  }
  return round.id;
}

const text = async (user: number, data: string) => {
  const result = await t.core.handle(from(String(user), press(data)));
  return [result.notice ?? '', ...result.replies.map((r) => r.text)].join('\n');
};

describe('the monitoring’s three stages', () => {
  it('are compared as one series on the questions they share, school by school', async () => {
    roundOf('monitoring-entry', '2026-03-02T06:00:00Z', '2026-03-16T06:00:00Z', {
      'Школа А': { 'pupils-total': 300, vacancies: 2 },
      'Школа Б': { 'pupils-total': 200, vacancies: 1 },
      'Школа В': { 'pupils-total': 100, vacancies: 0 },
    });
    roundOf('monitoring-intermediate', '2026-09-01T06:00:00Z', '2026-09-15T06:00:00Z', {
      'Школа А': { 'at-risk': 30 },
      'Школа Б': { 'at-risk': 20 },
    });
    const final = roundOf('monitoring-final', '2026-11-20T06:00:00Z', '2026-12-10T06:00:00Z', {
      'Школа А': { 'pupils-total': 310, 'at-risk': 24, vacancies: 1 },
      'Школа Б': { 'pupils-total': 195, 'at-risk': 20, vacancies: 1 },
    });
    const pupils = await text(COORD, `svd:${final}:0`);
    expect(pupils).toContain('Раунды: 1) входной (02.03.2026); 2) промежуточный (01.09.2026); 3) итоговый (20.11.2026)');
    // The final stage words the question differently; its answer means the same, so it is compared.
    expect(pupils).toContain('Вопрос 1 из 3: Сколько всего обучающихся в школе сейчас?');
    // The intermediate stage did not ask it: «·», and the change runs from entry to final.
    expect(pupils).toContain('• Школа А: 300 → · → 310 (Δ +10)');
    expect(pupils).toContain('• Школа Б: 200 → · → 195 (Δ −5)');
    expect(pupils).toContain('• Школа В: 100 → · → —');
    const atRisk = await text(COORD, `svd:${final}:1`);
    expect(atRisk).toContain('• Школа А: · → 30 → 24 (Δ −6)');
    expect(atRisk).toContain('• Школа Б: · → 20 → 20 (Δ ±0)');
    // The per-school sheet of the same XLSX shows each school's own report too, as «Динамика» does.
    const workbook = new ExcelJS.Workbook();
    const data = await roundXlsx({ deps: t.deps, t: (k, a) => t.deps.i18n.t('ru', k, a), lang: 'ru' }, getRound(t.db, final)!);
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('По школам')!;
    const rows = sheet.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === 'Школа А')?.slice(-3)).toEqual([310, 24, 1]);
    expect(rows.find((r) => r[0] === 'Школа Б')?.slice(-3)).toEqual([195, 20, 1]);
  });
});

describe('the term report filled in as last time', () => {
  let second = 0;
  beforeEach(() => {
    const first = roundOf('term-report', '2026-09-01T06:00:00Z', '2026-09-15T06:00:00Z', {
      'Школа А': { period: 'term-1', 'pupils-total': 350, 'missing-lessons': 12, 'at-risk': 7, comment: null },
    });
    second = roundOf('term-report', '2026-11-20T06:00:00Z', '2026-12-10T06:00:00Z', {}, first);
    addRecipients(t.db, [
      { roundId: second, personId: person('Заместителева Зоя Андреевна'), schoolId: school('Школа А') },
      { roundId: second, personId: person('Учителева Ульяна Ивановна'), schoolId: school('Школа А') },
    ]);
  });

  it('offers the school’s previous answers to its administration, the deputy too', async () => {
    for (const user of [HEAD_A, DEPUTY_A]) {
      const start = await t.core.handle(from(String(user), press(`svs:${second}`)));
      expect(start.replies.map((r) => r.text).join('\n')).toContain('Заполнить как в прошлый раз?');
      const q1 = await t.core.handle(from(String(user), press(buttonData(start.replies, 'Да, как в прошлый раз'))));
      const q2 = await t.core.handle(from(String(user), press(buttonData(q1.replies, 'Оставить'))));
      expect(q2.replies.at(-1)?.text).toContain('В прошлый раз: 350 обуч.');
      await t.core.handle(from(String(user), { kind: 'command', name: 'cancel', args: '' }));
    }
  });

  it('offers nothing to a teacher of the school, nor to a school that did not answer', async () => {
    for (const user of [TEACHER_A, HEAD_B]) {
      const start = await t.core.handle(from(String(user), press(`svs:${second}`)));
      expect(start.replies.map((r) => r.text).join('\n')).not.toContain('как в прошлый раз');
    }
  });
});
