// A seminar on both messengers, with a fake clock: announced in chat to three
// schools, RSVPs counted with a waiting list, the 24-hour reminder only to
// those coming, attendance marked by the coordinator and by code, and the
// feedback request only to those who came.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { openDb, closeDb } from '../../db/client.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { tempDir } from '../helpers/core.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { drivers, messengers, journeyOptions, type Driver } from './drivers.js';

const COORD = 4001;
const [T1, T2, T3, T4, T5] = [4011, 4012, 4013, 4014, 4015];

describe.each(messengers)('seminars on %s', (platform) => {
  let driver: Driver;
  let app: App;
  const clock = new FakeClock('2026-11-23T07:00:00Z'); // 10:00 in Moscow
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    driver = await drivers[platform]();
    const path = join(dir, 'opora.db');
    const db = openDb(path);
    seedMunicipality(db, {
      platform,
      schools: [
        { short: 'Школа А', statuses: ['low_results'] },
        { short: 'Школа Б', statuses: ['low_results'] },
        { short: 'Школа В', statuses: ['social_conditions'] },
        { short: 'Школа Г', statuses: ['leader'] },
      ],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: T1 },
        { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа А', user: T2 },
        { name: 'Третьякова Вера Олеговна', role: 'teacher', school: 'Школа Б', user: T3 },
        { name: 'Четвертаков Глеб Ильич', role: 'teacher', school: 'Школа В', user: T4 },
        { name: 'Пятова Дарья Юрьевна', role: 'teacher', school: 'Школа Г', user: T5 },
      ],
    });
    closeDb(db);
    app = await startApp(driver.config(path), journeyOptions(clock));
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  const step = async (press: string | undefined, say: string | undefined, expectText: RegExp) => {
    const since = driver.messages(COORD).length;
    if (press) driver.press(COORD, press);
    if (say) driver.say(COORD, say);
    return driver.waitForText(COORD, expectText, press ? Math.max(0, since - 1) : since);
  };

  it('announces a seminar to three schools from the chat', async () => {
    await step(undefined, '/seminar', /Как называется семинар/);
    await step(undefined, 'Формирующее оценивание на уроке', /Когда он пройдёт/);
    await step(undefined, '25.11 15:00', /Как он пройдёт/);
    await step('Онлайн', undefined, /ссылку на трансляцию/);
    await step(undefined, 'https://meet.example.org/room-7', /Пара слов о семинаре/);
    await step('Пропустить', undefined, /Кого приглашаем/);
    await step('Школа А', undefined, /Выбраны школы: Школа А\./);
    await step('+ Школа Б', undefined, /Выбраны школы: Школа А, Школа Б\./);
    await step('+ Школа В', undefined, /Выбраны школы: Школа А, Школа Б, Школа В\./);
    await step('Готово, дальше', undefined, /Сколько мест/);
    await step(undefined, '2', /Семинар повторяется/);
    const confirm = await step('Нет, отдельное событие', undefined, /Объявить\?/);
    expect(confirm.text).toContain('Получат: 4');
    expect(confirm.text).toContain('25 ноября 2026, 15:00');
    await step('Объявить', undefined, /Отправляю объявление 4 получателям/);
    for (const teacher of [T1, T2, T3, T4]) await driver.waitForText(teacher, /Приглашаем на семинар!/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(driver.messages(T5)).toEqual([]);
  });

  it('counts answers, keeps a waiting list and moves it when someone changes their mind', async () => {
    driver.press(T1, 'Приду');
    await driver.waitForText(T1, /Вы записаны/);
    driver.press(T2, 'Возможно');
    await driver.waitForText(T2, /возможно/);
    driver.press(T3, 'Приду');
    await driver.waitForText(T3, /Вы записаны/);
    driver.press(T4, 'Приду');
    const waiting = await driver.waitForText(T4, /листе ожидания/);
    expect(waiting.text).toContain('Придут: 2 · возможно: 1 · не смогут: 0 · в листе ожидания: 1');
    driver.press(T1, 'Не смогу');
    await driver.waitForText(T1, /не сможете/);
    await driver.waitForText(T4, /Освободилось место на семинаре «Формирующее оценивание на уроке» — вы записаны!/);
    // A second tap on the same answer changes nothing.
    driver.press(T3, 'Приду');
    await waitFor(() => driver.notices().filter((n) => /Вы записаны/.test(n)).length >= 3);
  });

  it('reminds those coming or unsure, 24 hours before, and never twice', async () => {
    clock.set('2026-11-24T12:30:00Z'); // 15:30 the day before
    await app.scheduler.tick();
    await driver.waitForText(T3, /Напоминание: завтра семинар/);
    await driver.waitForText(T4, /Напоминание: завтра семинар/);
    await driver.waitForText(T2, /Напоминание: завтра семинар/);
    await app.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(driver.messages(T3).filter((m) => /Напоминание/.test(m.text))).toHaveLength(1);
    expect(driver.messages(T2).filter((m) => /Напоминание/.test(m.text))).toHaveLength(1);
    // «Не смогу» is an answer: no reminder, and no nudge either.
    expect(driver.messages(T1).some((m) => /Напоминание|ещё не ответили/.test(m.text))).toBe(false);
  });

  it('takes attendance from the coordinator and by code, then asks those who came for feedback', async () => {
    clock.set('2026-11-25T14:00:00Z'); // 17:00, the seminar is over
    const list = await step(undefined, '/seminars', /Семинары — ближайшие и недавние/);
    driver.press(COORD, list.buttons[0]!.label);
    const card = await driver.waitForText(COORD, /Код для отметки присутствия: ([A-Z2-9]{6})/);
    const code = /Код для отметки присутствия: ([A-Z2-9]{6})/.exec(card.text)![1]!;
    await step('Отметить присутствие', undefined, /нажмите на тех, кто пришёл. Отмечено: 0/);
    await step('Третьякова Вера Олеговна', undefined, /Отмечено: 1/);

    driver.say(T4, `/here ${code}`);
    await driver.waitForText(T4, /Отметил, что вы были на семинаре/);
    driver.say(T2, 'ABCDEF');
    await driver.waitForText(T2, /не совсем понял/);

    await app.scheduler.tick();
    await driver.waitForText(T3, /Как прошёл семинар «Формирующее оценивание на уроке»\? Оцените от 1 до 5/);
    await driver.waitForText(T4, /Как прошёл семинар/);
    expect(driver.messages(T2).some((m) => /Как прошёл/.test(m.text))).toBe(false);

    driver.press(T3, '4');
    await driver.waitForText(T3, /Спасибо за оценку/);
    driver.say(T3, 'Очень полезные приёмы для 5 класса');
    await driver.waitForText(T3, /Спасибо за отзыв/);
    // Someone who did not come cannot rate, even with a forged button.
    driver.pressRaw(T1, driver.messages(T1).at(-1)!.id, driver.messages(T3).find((m) => /Как прошёл/.test(m.text))!.buttons[0]!.data);
    await driver.waitForText(T1, /Оценку могут поставить те, кто был на семинаре/);

    const after = await step(undefined, '/seminars', /Семинары/);
    driver.press(COORD, after.buttons[0]!.label);
    await driver.waitForText(COORD, /Пришли: 2\. Отзывов: 1, средняя оценка: 4\.0/);
  });
});

