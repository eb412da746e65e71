// Surveys over time on every messenger: three rounds of a teachers' survey
// (the first two answered before, the third now). A teacher fills in as last
// time, keeping one answer and changing another; the coordinator's
// «Динамика» shows the change worked out by hand (school А: 3,0 → 3,5 →
// 4,25, Δ +1,25; the two small schools hidden), its chart and the XLSX
// sheet; a school head sees only their school, and a small school's head no
// figures at all.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { COORD, HEAD_A, HEAD_B, QUESTION, seedOverTime, TEACHERS } from '../handlers/surveys/over-time.fixture.js';
import { act as actOn, chatOf, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const FIRST = TEACHERS['Школа А'][0].user;
/** The third round in a school head's list, by its title and opening day. */
const ROUND_3 = /^Уверенность педагогов · 20\.11\.2026/;

describe.each(messengers)('surveys over time on %s', (platform) => {
  const clock = new FakeClock('2026-11-23T07:00:00Z'); // 10:00 in Moscow, round 3 open
  const run = journey(platform, {
    clock,
    seed: (db) => seedOverTime(db, platform, [FIRST]),
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);

  it('offers a teacher last time’s answers: she keeps one, changes another and checks all before sending, across a restart', async () => {
    await act(FIRST, { say: '/surveys' }, /Опросы для вас/);
    await act(FIRST, { press: 'Ответить: Уверенность педагогов' }, /Заполнить как в прошлый раз\?/);
    const q1 = await act(FIRST, { press: 'Да, как в прошлый раз' }, /Вопрос 1 из 2/);
    expect(q1.text).toContain('В прошлый раз: 4');
    // A restart in the middle keeps the choice to fill in as last time.
    await run.restart();
    const q2 = await act(FIRST, { press: 'Оставить' }, /Вопрос 2 из 2/);
    expect(q2.text).toContain('В прошлый раз: Очно');
    const summary = await act(FIRST, { press: 'Онлайн' }, /Проверьте ответы/);
    expect(summary.text).toContain('→ 4');
    expect(summary.text).toContain('→ Онлайн');
    await act(FIRST, { press: 'Отправить' }, /Ответы сохранены/);
  });

  it('shows the coordinator the change over three rounds, hand-computed, with small schools hidden', async () => {
    await act(COORD, { say: '/surveys' }, /Запущенные опросы/);
    await act(COORD, { press: 'Уверенность педагогов 7/7' }, /Ответили: 7 из 7/);
    const table = await act(COORD, { press: 'Динамика' }, /Динамика: «Уверенность педагогов»/);
    expect(table.text).toContain(`Вопрос 1 из 2: ${QUESTION}`);
    // А: 12/4 = 3,0; 14/4 = 3,5; 17/4 = 4,25.
    expect(table.text).toContain('• Школа А: 3,0 → 3,5 → 4,25 (Δ +1,25)');
    expect(table.text).toContain('• Школа Б: мало ответов');
    expect(table.text).toContain('• Школа В: мало ответов');
    // All seven: 23/7, 25/7, 30/7.
    expect(table.text).toContain('• Все школы: 3,29 → 3,57 → 4,29 (Δ +1,0)');

    // «Дальше» redraws the same message with the next question.
    const shares = await act(COORD, { press: 'Дальше ›' }, /Вопрос 2 из 2/);
    expect(shares.id).toBe(table.id);
    expect(shares.text).toContain('Очно: 100% → 75% → 50% (Δ −50 п. п.)');

    run.driver.press(COORD, 'График');
    await waitFor(() => /^trend-\d+-2\.png$/.test(run.driver.lastDocumentName(COORD) ?? ''), 8000, 'the chart');
    expect(run.driver.lastDocument(COORD)?.subarray(1, 4).toString()).toBe('PNG');
  });

  it('puts the same change in the «Динамика» sheet of the XLSX', async () => {
    await act(COORD, { say: '/surveys' }, /Запущенные опросы/);
    await act(COORD, { press: 'Уверенность педагогов 7/7' }, /Ответили: 7 из 7/);
    await act(COORD, { press: 'XLSX' }, /Выгрузка готова: 7 ответов/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Динамика')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[1] === 'Школа А' && r[2] === 'среднее')?.slice(3)).toEqual([3, 3.5, 4.25, 1.25]);
    expect(rows.find((r) => r[1] === 'Школа Б' && r[2] === 'среднее')?.slice(3)).toEqual(['—', '—', '—']);
  });

  it('shows a school head only their school, and a small school’s head no figures', async () => {
    await act(HEAD_A, { say: '/surveys' }, /Итоги вашей школы/);
    const view = await chatOf(() => run.driver, HEAD_A).press(ROUND_3, /🏫 Школа А — «Уверенность педагогов»/);
    expect(view.text).toContain('Ответили: 4 из 4 (100%)');
    expect(view.text).toContain('среднее 4,25');
    expect(view.text).not.toMatch(/Школа Б|Школа В/);
    const trend = await act(HEAD_A, { press: 'Динамика' }, /Динамика: «Уверенность педагогов»/);
    expect(trend.text).toContain('• Школа А: 3,0 → 3,5 → 4,25 (Δ +1,25)');
    expect(trend.text).not.toMatch(/Школа Б|Школа В|Все школы/);

    await act(HEAD_B, { say: '/surveys' }, /Итоги вашей школы/);
    const small = await chatOf(() => run.driver, HEAD_B).press(ROUND_3, /🏫 Школа Б/);
    expect(small.text).toContain('Ответов из вашей школы: 2. Цифры показываем, когда их хотя бы 3');
    expect(small.text).not.toMatch(/среднее|Школа А/);
  });
});
