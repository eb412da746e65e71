// Surveys over time through the core, on a real database: «Динамика» on a
// round's card with the figures worked out by hand, its chart and the
// «Динамика» sheet of the XLSX; a teacher filling in as last time; a school
// head seeing only their school, with small groups hidden.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { addRecipients, createRound, createSurvey, findResponse, saveResponse } from '../../../db/repos/surveys.js';
import { municipalities, people, schools } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, type TestCore } from '../../helpers/core.js';
import { confidenceSurvey, COORD, CURATOR, HEAD_A, HEAD_B, QUESTION, seedOverTime, TEACHERS, type OverTime } from './over-time.fixture.js';

const FIRST = TEACHERS['Школа А'][0].user;

let t: TestCore;
let seeded: OverTime;

beforeEach(() => {
  t = makeCore();
  seeded = seedOverTime(t.db, 'telegram', [FIRST]);
});

const said = async (user: number, data: string) => {
  const result = await t.core.handle(from(String(user), press(data)));
  return { result, text: [result.notice ?? '', ...result.replies.map((r) => r.text)].join('\n') };
};
const round3 = () => seeded.rounds[2]!;

describe('«Динамика» for a coordinator', () => {
  it('is a button on the round card and shows the hand-computed change per school', async () => {
    const card = await t.core.handle(from(String(COORD), press(`svr:${round3()}`)));
    const data = buttonData(card.replies, 'Динамика');
    const { text } = await said(COORD, data);
    expect(text).toContain('📈 Динамика: «Уверенность педагогов»');
    expect(text).toContain('Раунды: 1) 02.03.2026; 2) 01.09.2026; 3) 20.11.2026 (идёт сбор ответов)');
    expect(text).toContain(`Вопрос 1 из 2: ${QUESTION}`);
    // А: 12/4, 14/4, 17/4 (the first teacher has not answered round 3 yet: 4+5+4 = 13/3 = 4.33 and no cell under 3).
    expect(text).toContain('• Школа А: 3,0 → 3,5 → 4,33 (Δ +1,33)');
    expect(text).toContain('• Школа Б: мало ответов');
    expect(text).toContain('• Школа В: мало ответов');
    // All: 23/7, 25/7, 26/6.
    expect(text).toContain('• Все школы: 3,29 → 3,57 → 4,33 (Δ +1,05)');
    expect(text).not.toMatch(/Школа Б: \d/);
  });

  it('goes on to the shares of a choice, and draws the chart', async () => {
    const first = await t.core.handle(from(String(COORD), press(`svd:${round3()}:0`)));
    const next = await t.core.handle(from(String(COORD), press(buttonData(first.replies, 'Дальше ›'))));
    const text = next.replies[0]!.text;
    expect(text).toContain('Вопрос 2 из 2: Как вам удобнее учиться?');
    expect(text).toMatch(/• Школа А:\n {3}Очно: 100% → 75% → 66,7% \(Δ −33,3 п\. п\.\)\n {3}Онлайн: 0% → 25% → 33,3% \(Δ \+33,3 п\. п\.\)/);
    const chart = await t.core.handle(from(String(COORD), press(buttonData(next.replies, 'График'))));
    expect(chart.replies[0]?.file?.mime).toBe('image/png');
    expect(chart.replies[0]?.file?.data.subarray(1, 4).toString()).toBe('PNG');
  });

  it('puts the same table in the «Динамика» sheet of the XLSX, formula-safe', async () => {
    t.db.update(schools).set({ shortName: '=HYPERLINK(1)' }).where(eq(schools.id, seeded.schoolIds.get('Школа В')!)).run();
    const xlsx = await t.core.handle(from(String(COORD), press(`svx:${round3()}`)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.replies[0]!.file!.data as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Динамика');
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Вопрос', 'Школа', 'Показатель', '02.03.2026', '01.09.2026', '20.11.2026', 'Изменение (первый → последний)']);
    const row = (school: string, figure: string) => rows.find((r) => r[1] === school && r[2] === figure);
    expect(row('Школа А', 'среднее')).toEqual([QUESTION, 'Школа А', 'среднее', 3, 3.5, 4.33, 1.33]);
    expect(row('Школа Б', 'среднее')).toEqual([QUESTION, 'Школа Б', 'среднее', '—', '—', '—']);
    // A name a spreadsheet would run as a formula comes back as text.
    expect(row("'=HYPERLINK(1)", 'среднее')).toBeDefined();
    expect(row('Школа А', 'Онлайн, %')?.slice(3)).toEqual([0, 25, 33.3, 33.3]);
  });

  it('reads the same for a curator of the region, and refuses a teacher', async () => {
    expect((await said(CURATOR, `svd:${round3()}:0`)).text).toContain('Школа А: 3,0 → 3,5');
    expect((await said(FIRST, `svd:${round3()}:0`)).text).toMatch(/недоступно/);
    expect((await said(FIRST, `svdg:${round3()}:0`)).text).toMatch(/недоступно/);
  });
});

describe('a long table', () => {
  it('keeps within a messenger message, all schools first, the rest pointed to the XLSX', async () => {
    // Eighty more schools of one teacher each, shown apart once the minimum is 1.
    t.db.update(municipalities).set({ settings: { surveyMinGroupSize: 1 } }).where(eq(municipalities.id, seeded.municipalityId)).run();
    t.db.transaction((tx) => {
      for (let n = 1; n <= 80; n++) {
        const school = tx.insert(schools).values({ municipalityId: seeded.municipalityId, name: `МБОУ «Школа ${n}»`, shortName: `Школа ${n}` }).returning().get();
        const person = tx.insert(people).values({ municipalityId: seeded.municipalityId, schoolId: school.id, fullName: `Учитель ${n}`, consentAt: new Date(0) }).returning().get();
        for (const roundId of seeded.rounds) {
          addRecipients(tx, [{ roundId, personId: person.id, schoolId: school.id }]);
          saveResponse(tx, { roundId, unitKey: `person:${person.id}`, personId: person.id, schoolId: school.id, answers: { sure: 3, format: 'online' }, submittedAt: new Date('2026-11-21T06:00:00Z') });
        }
      }
    });
    const shares = (await t.core.handle(from(String(COORD), press(`svd:${round3()}:1`)))).replies[0]!.text;
    expect(shares.length).toBeLessThanOrEqual(4000);
    expect(shares.split('\n').find((l) => l.startsWith('• '))).toBe('• Все школы:');
    expect(shares).toMatch(/…и ещё \d+ школ(а|ы)? — полностью в XLSX, лист «Динамика»\./);
  });
});

describe('filling in as last time', () => {
  it('offers the previous answers, keeps one and changes another, and shows all before sending', async () => {
    const start = await t.core.handle(from(String(FIRST), press(`svs:${round3()}`)));
    const offer = start.replies.map((r) => r.text).join('\n');
    expect(offer).toContain('Заполнить как в прошлый раз?');
    const q1 = await t.core.handle(from(String(FIRST), press(buttonData(start.replies, 'Да, как в прошлый раз'))));
    expect(q1.replies.at(-1)?.text).toContain('В прошлый раз: 4');
    const q2 = await t.core.handle(from(String(FIRST), press(buttonData(q1.replies, 'Оставить'))));
    expect(q2.replies.at(-1)?.text).toContain('В прошлый раз: Очно');
    const summary = await t.core.handle(from(String(FIRST), press(buttonData(q2.replies, 'Онлайн'))));
    const check = summary.replies.at(-1)!.text;
    expect(check).toContain('Проверьте ответы');
    expect(check).toContain('→ 4');
    expect(check).toContain('→ Онлайн');
    await t.core.handle(from(String(FIRST), press(buttonData(summary.replies, 'Отправить'))));
    const personId = seeded.teacherIds[0]!;
    expect(findResponse(t.db, round3(), `person:${personId}`)?.answers).toEqual({ sure: 4, format: 'online' });
    // Now А has all four: 17/4.
    expect((await said(COORD, `svd:${round3()}:0`)).text).toContain('• Школа А: 3,0 → 3,5 → 4,25 (Δ +1,25)');
  });

  it('starts afresh on «Нет, заново»', async () => {
    const start = await t.core.handle(from(String(FIRST), press(`svs:${round3()}`)));
    const q1 = await t.core.handle(from(String(FIRST), press(buttonData(start.replies, 'Нет, заново'))));
    expect(q1.replies.at(-1)?.text).toContain(QUESTION);
    expect(q1.replies.at(-1)?.text).not.toContain('В прошлый раз');
  });

  it('never offers an anonymous survey, nor a question whose options changed', async () => {
    const fresh = (definition: ReturnType<typeof confidenceSurvey>) => {
      const { id } = createSurvey(t.db, { municipalityId: seeded.municipalityId, key: definition.key, title: definition.title, definition: { ...definition } });
      const round = createRound(t.db, { surveyId: id, municipalityId: seeded.municipalityId, audience: {}, opensAt: new Date('2026-11-22T06:00:00Z'), closesAt: new Date('2026-12-20T06:00:00Z') });
      addRecipients(t.db, [{ roundId: round.id, personId: seeded.teacherIds[1]!, schoolId: seeded.schoolIds.get('Школа А')! }]);
      return round.id;
    };
    const anonymous = fresh(confidenceSurvey({ anonymous: true }));
    const start = await t.core.handle(from(String(TEACHERS['Школа А'][1].user), press(`svs:${anonymous}`)));
    expect(start.replies.map((r) => r.text).join('\n')).not.toContain('как в прошлый раз');
    await t.core.handle(from(String(TEACHERS['Школа А'][1].user), command('cancel')));

    const changed = confidenceSurvey();
    const format = changed.questions[1]!;
    if (format.type !== 'single') throw new Error('single expected');
    format.options.push({ value: 'mixed', label: 'Смешанно' });
    const round = fresh(changed);
    const offered = await t.core.handle(from(String(TEACHERS['Школа А'][1].user), press(`svs:${round}`)));
    const q1 = await t.core.handle(from(String(TEACHERS['Школа А'][1].user), press(buttonData(offered.replies, 'Да, как в прошлый раз'))));
    // Last time's 5 is offered for the unchanged scale, nothing for the question with a new option.
    expect(q1.replies.at(-1)?.text).toContain('В прошлый раз: 5');
    const q2 = await t.core.handle(from(String(TEACHERS['Школа А'][1].user), press(buttonData(q1.replies, 'Оставить'))));
    expect(q2.replies.at(-1)?.text).toContain('Как вам удобнее учиться?');
    expect(q2.replies.at(-1)?.text).not.toContain('В прошлый раз');
  });
});

describe('a school head', () => {
  it('finds their school in /surveys and sees only its figures and its change', async () => {
    const list = await t.core.handle(from(String(HEAD_A), command('surveys')));
    const view = await said(HEAD_A, buttonData(list.replies, /^Уверенность педагогов · 20\.11\.2026/));
    expect(view.text).toContain('🏫 Школа А — «Уверенность педагогов»');
    expect(view.text).toContain('Ответили: 3 из 4 (75%)');
    expect(view.text).toContain('среднее 4,33');
    expect(view.text).not.toMatch(/Школа Б|Школа В|Все школы/);
    const trend = await said(HEAD_A, `svd:${round3()}:0`);
    expect(trend.text).toContain('• Школа А: 3,0 → 3,5 → 4,33 (Δ +1,33)');
    expect(trend.text).not.toMatch(/Школа Б|Школа В|Все школы/);
  });

  it('of a small school gets a polite explanation and no figures', async () => {
    const view = await said(HEAD_B, `svh:${round3()}`);
    expect(view.text).toContain('Ответов из вашей школы: 2. Цифры показываем, когда их хотя бы 3');
    expect(view.text).not.toMatch(/среднее/);
    const trend = await said(HEAD_B, `svd:${round3()}:0`);
    expect(trend.text).toContain('• Школа Б: мало ответов');
    expect(trend.text).not.toMatch(/Школа А/);
  });

  it('is refused another municipality’s view and the coordinator’s card', async () => {
    expect((await said(HEAD_A, `svr:${round3()}`)).text).toMatch(/недоступно/);
    expect((await said(COORD, `svh:${round3()}`)).text).toMatch(/недоступно/);
    expect((await said(FIRST, `svh:${round3()}`)).text).toMatch(/недоступно/);
  });
});
