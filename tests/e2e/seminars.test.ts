// A seminar on both messengers, with a fake clock: announced in chat to three
// schools, RSVPs counted with a waiting list, the 24-hour reminder only to
// those coming, attendance marked by the coordinator and by code, and the
// feedback request only to those who came.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 4001;
const [T1, T2, T3, T4, T5] = [4011, 4012, 4013, 4014, 4015];

describe.each(messengers)('seminars on %s', (platform) => {
  const clock = new FakeClock('2026-11-23T07:00:00Z'); // 10:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
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
    }),
  });

  const step = async (press: string | undefined, say: string | undefined, expectText: RegExp) => {
    const since = run.driver.messages(COORD).length;
    if (press) run.driver.press(COORD, press);
    if (say) run.driver.say(COORD, say);
    return run.driver.waitForText(COORD, expectText, press ? Math.max(0, since - 1) : since);
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
    for (const teacher of [T1, T2, T3, T4]) await run.driver.waitForText(teacher, /Приглашаем на семинар!/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run.driver.messages(T5)).toEqual([]);
  });

  it('counts answers, keeps a waiting list and moves it when someone changes their mind', async () => {
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /Вы записаны/);
    run.driver.press(T2, 'Возможно');
    await run.driver.waitForText(T2, /возможно/);
    run.driver.press(T3, 'Приду');
    await run.driver.waitForText(T3, /Вы записаны/);
    run.driver.press(T4, 'Приду');
    const waiting = await run.driver.waitForText(T4, /листе ожидания/);
    expect(waiting.text).toContain('Придут: 2 · возможно: 1 · не смогут: 0 · в листе ожидания: 1');
    run.driver.press(T1, 'Не смогу');
    await run.driver.waitForText(T1, /не сможете/);
    await run.driver.waitForText(T4, /Освободилось место на семинаре «Формирующее оценивание на уроке» — вы записаны!/);
    // A second tap on the same answer changes nothing.
    run.driver.press(T3, 'Приду');
    await waitFor(() => run.driver.notices().filter((n) => /Вы записаны/.test(n)).length >= 3);
  });

  it('reminds those coming or unsure, 24 hours before, and never twice', async () => {
    clock.set('2026-11-24T12:30:00Z'); // 15:30 the day before
    await run.app.scheduler.tick();
    await run.driver.waitForText(T3, /Напоминание: завтра семинар/);
    await run.driver.waitForText(T4, /Напоминание: завтра семинар/);
    await run.driver.waitForText(T2, /Напоминание: завтра семинар/);
    await run.app.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.driver.messages(T3).filter((m) => /Напоминание/.test(m.text))).toHaveLength(1);
    expect(run.driver.messages(T2).filter((m) => /Напоминание/.test(m.text))).toHaveLength(1);
    // «Не смогу» is an answer: no reminder, and no nudge either.
    expect(run.driver.messages(T1).some((m) => /Напоминание|ещё не ответили/.test(m.text))).toBe(false);
  });

  it('takes attendance from the coordinator and by code, then asks those who came for feedback', async () => {
    clock.set('2026-11-25T14:00:00Z'); // 17:00, the seminar is over
    const list = await step(undefined, '/seminars', /Семинары — ближайшие и недавние/);
    run.driver.press(COORD, list.buttons[0]!.label);
    const card = await run.driver.waitForText(COORD, /Код для отметки присутствия: ([A-Z2-9]{6})/);
    const code = /Код для отметки присутствия: ([A-Z2-9]{6})/.exec(card.text)![1]!;
    await step('Отметить присутствие', undefined, /нажмите на тех, кто пришёл. Отмечено: 0/);
    await step('Третьякова Вера Олеговна', undefined, /Отмечено: 1/);

    run.driver.say(T4, `/here ${code}`);
    await run.driver.waitForText(T4, /Отметил, что вы были на семинаре/);
    run.driver.say(T2, 'ABCDEF');
    await run.driver.waitForText(T2, /не совсем понял/);

    await run.app.scheduler.tick();
    await run.driver.waitForText(T3, /Как прошёл семинар «Формирующее оценивание на уроке»\? Оцените от 1 до 5/);
    await run.driver.waitForText(T4, /Как прошёл семинар/);
    expect(run.driver.messages(T2).some((m) => /Как прошёл/.test(m.text))).toBe(false);

    run.driver.press(T3, '4');
    await run.driver.waitForText(T3, /Спасибо за оценку/);
    run.driver.say(T3, 'Очень полезные приёмы для 5 класса');
    await run.driver.waitForText(T3, /Спасибо за отзыв/);
    // Someone who did not come cannot rate, even with a forged button.
    run.driver.pressRaw(T1, run.driver.messages(T1).at(-1)!.id, run.driver.messages(T3).find((m) => /Как прошёл/.test(m.text))!.buttons[0]!.data);
    await run.driver.waitForText(T1, /Оценку могут поставить те, кто был на семинаре/);

    const after = await step(undefined, '/seminars', /Семинары/);
    run.driver.press(COORD, after.buttons[0]!.label);
    await run.driver.waitForText(COORD, /Пришли: 2\. Отзывов: 1, средняя оценка: 4\.0/);
  });
});

