// Reminders people can shape, on every messenger with a fake clock: the
// coordinator picks the leads in «Изменить» (three hours and one, not the
// day before), the one who has not answered gets a single nudge with the
// answer buttons, a person switches seminar reminders off from under one and
// hears no more of them, yet still hears that the seminar changed, and
// switches them back on from /seminars.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 4401;
const [T1, T2, T3, T4] = [4411, 4412, 4413, 4414];
const TEACHERS = [T1, T2, T3, T4];

const pause = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(messengers)('seminar reminders on %s', (platform) => {
  const clock = new FakeClock('2026-12-03T07:00:00Z'); // 10:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: [{ short: 'Школа А', statuses: ['low_results'] }],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: T1 },
        { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа А', user: T2 },
        { name: 'Третьякова Вера Олеговна', role: 'teacher', school: 'Школа А', user: T3 },
        { name: 'Четвертаков Глеб Ильич', role: 'teacher', school: 'Школа А', user: T4 },
      ],
    }),
  });

  const coord = (how: { say?: string; press?: string }, expected: RegExp) => act(run.driver, COORD, how, expected);
  const said = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;
  async function tick(iso: string) {
    clock.set(iso);
    await run.app.scheduler.tick();
  }
  async function openCard() {
    await coord({ say: '/seminars' }, /Семинары — ближайшие и недавние/);
    return coord({ press: run.driver.messages(COORD).at(-1)!.buttons.find((b) => b.label.includes('Читательская'))!.label }, /Код для отметки присутствия/);
  }

  it('announces a seminar with the default reminders, then the coordinator picks three hours and one', async () => {
    await coord({ say: '/seminar' }, /Как называется семинар/);
    await coord({ say: 'Читательская грамотность' }, /Когда он пройдёт/);
    await coord({ say: '10.12 15:00' }, /Как он пройдёт/);
    await coord({ press: 'Онлайн' }, /ссылку на трансляцию/);
    await coord({ say: 'https://meet.example.org/read' }, /Пара слов о семинаре/);
    await coord({ press: 'Пропустить' }, /Кого приглашаем/);
    await coord({ press: 'Педагоги' }, /Сколько мест/);
    await coord({ press: 'Без ограничения' }, /Семинар повторяется/);
    const confirm = await coord({ press: 'Нет, отдельное событие' }, /Объявить\?/);
    expect(confirm.text).toContain('Напоминания пришедшим и «возможно»: за день, за час');
    await coord({ press: 'Объявить' }, /Отправляю объявление 4 получателям/);
    for (const teacher of TEACHERS) await run.driver.waitForText(teacher, /Приглашаем на семинар![^]*Читательская грамотность/);
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /Вы записаны/);
    run.driver.press(T2, 'Возможно');
    await run.driver.waitForText(T2, /возможно/);
    run.driver.press(T3, 'Не смогу');
    await run.driver.waitForText(T3, /не сможете/);

    await openCard();
    await coord({ press: 'Изменить' }, /Что изменить\?/);
    await coord({ press: 'Напоминания (за день, за час)' }, /Когда напоминать[^]*Сейчас: за день, за час\./);
    await coord({ press: '✓ за день' }, /Сейчас: за час\./);
    await coord({ press: 'за 3 часа' }, /Сейчас: за 3 часа, за час\./);
    await coord({ press: 'Готово' }, /Готово: напоминания — за 3 часа, за час\. Касается этого занятия\./);
  });

  it('nudges only the one who said nothing, exactly once, with buttons that answer', async () => {
    await tick('2026-12-08T12:00:00Z'); // two days before
    const nudge = await run.driver.waitForText(T4, /Вы ещё не ответили, придёте ли на семинар «Читательская грамотность»/);
    expect(nudge.buttons.map((b) => b.label)).toEqual(['Приду', 'Возможно', 'Не смогу', 'Не напоминать о семинарах']);
    await tick('2026-12-08T12:01:00Z');
    await tick('2026-12-09T09:00:00Z');
    await pause();
    expect(said(T4, /ещё не ответили/)).toBe(1);
    for (const teacher of [T1, T2, T3]) expect(said(teacher, /ещё не ответили/)).toBe(0);
    run.driver.press(T4, 'Возможно');
    await run.driver.waitForText(T4, /возможно/);
  });

  it('reminds at the chosen leads only; a person switched off hears no more reminders but still hears of a change', async () => {
    await tick('2026-12-09T12:00:00Z'); // a day before: no longer a chosen lead
    await pause();
    for (const teacher of TEACHERS) expect(said(teacher, /Напоминание|начинается/)).toBe(0);

    await tick('2026-12-10T09:00:00Z'); // three hours before
    for (const teacher of [T1, T2, T4]) await run.driver.waitForText(teacher, /Через 3 часа начинается семинар «Читательская грамотность» — 10 декабря 2026, 15:00/);
    run.driver.press(T1, 'Не напоминать о семинарах');
    await run.driver.waitForText(T1, /больше не напоминаю о семинарах\. Об изменениях и отменах всё равно сообщу/);

    await openCard();
    await coord({ press: 'Изменить' }, /Что изменить\?/);
    await coord({ press: 'Место или ссылку' }, /Сейчас: https:\/\/meet\.example\.org\/read/);
    await coord({ say: 'https://meet.example.org/read-2' }, /Кому сообщить об изменении\?/);
    await coord({ press: 'Ответившим «Приду» и «Возможно» (3)' }, /Сообщу 3 людям/);
    for (const teacher of [T1, T2, T4]) await run.driver.waitForText(teacher, /новое место: https:\/\/meet\.example\.org\/read-2/);

    await tick('2026-12-10T11:00:00Z'); // an hour before
    for (const teacher of [T2, T4]) await run.driver.waitForText(teacher, /Через час начинается семинар «Читательская грамотность»[^]*read-2/);
    await tick('2026-12-10T11:01:00Z');
    await pause();
    expect(said(T1, /Через час/)).toBe(0);
    expect(said(T3, /начинается/)).toBe(0);
    for (const teacher of [T2, T4]) expect(said(teacher, /Через час/)).toBe(1);
    for (const teacher of [T1, T2, T4]) expect(said(teacher, /Через 3 часа/)).toBe(1);
  });

  it('switches reminders back on from /seminars, and only for the one who presses', async () => {
    clock.set('2026-12-10T13:00:00Z');
    run.driver.say(T1, '/seminars');
    await run.driver.waitForText(T1, /Впереди нет семинаров|пригласили/);
    await run.driver.settled(T1);
    const since = run.driver.messages(T1).length;
    run.driver.press(T1, 'Напоминания: выкл. → включить');
    await run.driver.waitForText(T1, /Напоминания о семинарах снова включены/, Math.max(0, since - 1));
    // A switch pressed from someone else's chat changes nothing.
    const offData = run.driver.messages(T2).find((m) => m.buttons.some((b) => b.label === 'Не напоминать о семинарах'))!;
    run.driver.pressRaw(T4, run.driver.messages(T4).at(-1)!.id, offData.buttons.find((b) => b.label === 'Не напоминать о семинарах')!.data);
    await run.driver.waitForText(T4, /недоступно/);
  });
});
