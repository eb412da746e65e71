// The term report on both messengers, with a fake clock: a coordinator
// launches it for three schools; two admins answer (one stops halfway and
// resumes after a restart), the third is reminded; the coordinator sees 2 of
// 3, the missing list and an XLSX whose figures match; bad input, a double
// submit and an answer after the close leave the stored answers right.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { responses } from '../../db/schema.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 8001;
const [ADMIN_A, ADMIN_B, ADMIN_C] = [8011, 8012, 8013];

describe.each(messengers)('the term report on %s', (platform) => {
  const clock = new FakeClock('2026-12-25T07:00:00Z'); // 10:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: ['Школа А', 'Школа Б', 'Школа В'].map((short) => ({ short, statuses: ['low_results' as const] })),
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        { name: 'Адамова Анна Андреевна', role: 'school_admin', school: 'Школа А', user: ADMIN_A },
        { name: 'Борисова Бэлла Борисовна', role: 'school_admin', school: 'Школа Б', user: ADMIN_B },
        { name: 'Васильева Вера Викторовна', role: 'school_admin', school: 'Школа В', user: ADMIN_C },
      ],
    }),
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);

  it('launches the term report for the three schools', async () => {
    await act(COORD, { say: '/survey' }, /Какой опрос запускаем/);
    await act(COORD, { press: 'Итоги учебного периода' }, /Кого опрашиваем\? Этот опрос заполняется за школу/);
    await act(COORD, { press: 'Администрации поддерживаемых школ' }, /Сколько дней/);
    await act(COORD, { press: '7 дн.' }, /Повторять опрос/);
    const confirm = await act(COORD, { press: 'Нет, один раз' }, /Запустить опрос/);
    expect(confirm.text).toContain('Получат: 3');
    await act(COORD, { press: 'Запустить' }, /Опрос запущен: приглашения получат 3/);
    for (const admin of [ADMIN_A, ADMIN_B, ADMIN_C]) await run.driver.waitForText(admin, /Новый опрос: «Итоги учебного периода»/);
  });

  it('takes a full answer with re-asks for bad input, and ignores a double submit', async () => {
    await act(ADMIN_A, { press: 'Начать' }, /Вопрос 1 из 5/);
    await act(ADMIN_A, { say: 'вторая' }, /Выберите один из вариантов кнопкой/);
    await act(ADMIN_A, { press: 'II четверть' }, /Вопрос 2 из 5/);
    await act(ADMIN_A, { say: 'сто' }, /Нужно число/);
    await act(ADMIN_A, { say: '350' }, /Вопрос 3 из 5/);
    await act(ADMIN_A, { say: '6000' }, /Введите число от 0 до 5.?000 \(обучающихся\)/);
    await act(ADMIN_A, { say: '12' }, /Вопрос 4 из 5/);
    await act(ADMIN_A, { say: '7' }, /Вопрос 5 из 5/);
    const summary = await act(ADMIN_A, { press: 'Пропустить' }, /Проверьте ответы/);
    expect(summary.text).toContain('→ 350 обуч.');
    await act(ADMIN_A, { press: 'Отправить' }, /Ответы сохранены/);
    const submitButton = run.driver.messages(ADMIN_A).find((m) => /Проверьте ответы/.test(m.text));
    run.driver.pressRaw(ADMIN_A, submitButton!.id, 'd:99:0');
    await waitFor(() => run.driver.notices().some((n) => /устарела/.test(n)));
    expect(run.app.db.select().from(responses).all()).toHaveLength(1);
  });

  it('resumes a half-finished answer after a restart', async () => {
    await act(ADMIN_B, { press: 'Начать' }, /Вопрос 1 из 5/);
    await act(ADMIN_B, { press: 'I четверть' }, /Вопрос 2 из 5/);
    await act(ADMIN_B, { say: '200' }, /Вопрос 3 из 5/);
    await run.restart();
    await act(ADMIN_B, { say: '4' }, /Вопрос 4 из 5/);
    await act(ADMIN_B, { say: '3' }, /Вопрос 5 из 5/);
    await act(ADMIN_B, { say: 'Нужен семинар по мотивации' }, /Проверьте ответы/);
    await act(ADMIN_B, { press: 'Отправить' }, /Ответы сохранены/);
  });

  it('reminds only the school that has not answered', async () => {
    clock.set('2026-12-27T07:00:00Z'); // two days later, 10:00
    await run.app.scheduler.tick();
    await run.driver.waitForText(ADMIN_C, /Напоминание: ждём ваших ответов на опрос «Итоги учебного периода»/);
    await run.app.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.driver.messages(ADMIN_C).filter((m) => /Напоминание/.test(m.text))).toHaveLength(1);
    expect(run.driver.messages(ADMIN_A).some((m) => /Напоминание/.test(m.text))).toBe(false);
  });

  it('shows the coordinator 2 of 3, the missing list and a matching XLSX', async () => {
    const list = await act(COORD, { say: '/surveys' }, /Запущенные опросы/);
    expect(list.buttons[0]?.label).toBe('Итоги учебного периода 2/3');
    const card = await act(COORD, { press: 'Итоги учебного периода 2/3' }, /Ответили: 2 из 3 \(67%\)/);
    expect(card.text).toContain('Школа В: 0/1');
    await act(COORD, { press: 'Кто не ответил' }, /Не ответили \(1\):\n• Васильева Вера Викторовна \(Школа В\)/);
    await act(COORD, { press: 'XLSX' }, /Выгрузка готова: 2 ответа/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD) as unknown as ArrayBuffer);
    const raw: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => raw.push((row.values as unknown[]).slice(1)));
    const bySchool = Object.fromEntries(raw.slice(1).map((r) => [r[0], [r[3], r[4], r[5], r[6]]]));
    expect(bySchool).toEqual({ 'Школа А': ['II четверть', 350, 12, 7], 'Школа Б': ['I четверть', 200, 4, 3] });
    const perSchool: unknown[][] = [];
    workbook.worksheets[1]!.eachRow((row) => perSchool.push((row.values as unknown[]).slice(1)));
    expect(perSchool.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['Школа А', 1, 1],
      ['Школа Б', 1, 1],
      ['Школа В', 0, 1],
    ]);
  });

  it('refuses answers after the close, keeping what was stored', async () => {
    clock.set('2027-01-02T07:00:00Z');
    await act(ADMIN_C, { press: 'Начать' }, /Опрос уже закрыт/);
    expect(run.app.db.select().from(responses).all()).toHaveLength(2);
  });
});

