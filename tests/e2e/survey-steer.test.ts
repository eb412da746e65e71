// A coordinator steers running survey rounds, on every messenger with a fake
// clock: closing one early (those who have not answered hear it once, a
// later answer is refused, no reminder follows), extending another (the
// notice with its button, a bad date refused, a reminder the day before the
// new close), reminding one person by name until the cap stops a fourth
// reminder, and school heads who see and remind only their own school.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 8101;
const [ADMIN_A, ADMIN_B] = [8111, 8112];
const [T_A1, T_A2, T_B1] = [8121, 8122, 8123];
const TEACHERS = [T_A1, T_A2, T_B1];

const COURSES = 'Курсы повышения квалификации';
const DIFFICULTIES = 'Профессиональные затруднения';
const REMINDER = new RegExp(`Напоминание: ждём ваших ответов на опрос «${COURSES}»`);

const pause = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(messengers)('steering survey rounds on %s', (platform) => {
  const clock = new FakeClock('2026-12-01T07:00:00Z'); // Tuesday, 10:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: ['Школа А', 'Школа Б'].map((short) => ({ short, statuses: ['low_results' as const] })),
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        { name: 'Адамова Анна Андреевна', role: 'school_admin', school: 'Школа А', user: ADMIN_A },
        { name: 'Борисова Бэлла Борисовна', role: 'school_admin', school: 'Школа Б', user: ADMIN_B },
        { name: 'Первова Полина Петровна', role: 'teacher', school: 'Школа А', user: T_A1 },
        { name: 'Вторых Вера Витальевна', role: 'teacher', school: 'Школа А', user: T_A2 },
        { name: 'Третьякова Тамара Тимуровна', role: 'teacher', school: 'Школа Б', user: T_B1 },
      ],
    }),
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);
  const said = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;

  /** Waits for a message of a burst; a send the fake happens to drop is retried by the clock, which is nudged for it. */
  async function delivered(user: number, pattern: RegExp, since = 0) {
    await run.driver.waitForText(user, pattern, since, 3000).catch(() => {
      clock.advance(15_000);
      return run.driver.waitForText(user, pattern, since);
    });
  }

  /**
   * Waits until the user has exactly one more message matching the pattern
   * than before (a reminder is bulk traffic: it comes a moment later). A send
   * the fake happens to drop is retried by the clock, which is nudged for it.
   */
  async function another(user: number, pattern: RegExp, before: number) {
    for (let i = 0; i < 400 && said(user, pattern) <= before; i++) {
      if (i === 60) clock.advance(15_000);
      await pause(25);
    }
    await pause();
    expect(said(user, pattern)).toBe(before + 1);
  }

  async function launch(title: string) {
    await act(COORD, { say: '/survey' }, /Какой опрос запускаем/);
    await act(COORD, { press: title }, /Кого опрашиваем/);
    await act(COORD, { press: 'Педагоги' }, /Сколько дней/);
    await act(COORD, { press: '7 дн.' }, /Повторять опрос/);
    await act(COORD, { press: 'Нет, один раз' }, /Запустить опрос/);
    await act(COORD, { press: 'Запустить' }, /Опрос запущен: приглашения получат 3/);
    for (const teacher of TEACHERS) await delivered(teacher, new RegExp(`Новый опрос: «${title}»`));
  }

  async function openCard(title: string) {
    const list = await act(COORD, { say: '/surveys' }, /Запущенные опросы/);
    const label = list.buttons.find((b) => b.label.startsWith(title))!.label;
    return act(COORD, { press: label }, new RegExp(`📋 ${title}`));
  }

  it('launches two rounds to the teachers', async () => {
    await launch(COURSES);
    await launch(DIFFICULTIES);
  });

  it('closes a round early: the missing hear it once, a later answer is refused, no reminder follows', async () => {
    const card = await openCard(DIFFICULTIES);
    expect(card.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Напомнить всем не ответившим (3)', 'Продлить', 'Закрыть досрочно']));
    await act(COORD, { press: 'Закрыть досрочно' }, new RegExp(`Закрыть опрос «${DIFFICULTIES}» сейчас\\? Ответили 0 из 3\\.`));
    await act(COORD, { press: 'Закрыть сейчас' }, new RegExp(`Опрос «${DIFFICULTIES}» закрыт\\. Ответили 0 из 3\\. Сообщу 3 не ответившим`));
    for (const teacher of TEACHERS) await delivered(teacher, new RegExp(`Опрос «${DIFFICULTIES}» закрыт досрочно`));
    // The newest «Начать» is the invitation of the closed round.
    await act(T_A1, { press: 'Начать' }, /Опрос уже закрыт/);

    clock.set('2026-12-03T07:00:00Z'); // day 2, 10:00: the reminder day of both rounds
    await run.app.scheduler.tick();
    for (const teacher of TEACHERS) await delivered(teacher, REMINDER);
    await pause();
    for (const teacher of TEACHERS) {
      expect(said(teacher, /закрыт досрочно/)).toBe(1);
      expect(said(teacher, new RegExp(`Напоминание: ждём ваших ответов на опрос «${DIFFICULTIES}»`))).toBe(0);
    }
    await openCard(DIFFICULTIES).then((again) => expect(again.text).toMatch(/Закрыт досрочно 01\.12\.2026 10:00/));
  });

  it('extends a round: a bad date is refused, the missing are told with the button to answer', async () => {
    await openCard(COURSES);
    await act(COORD, { press: 'Продлить' }, new RegExp(`До какого дня продлить опрос «${COURSES}»\\? Сейчас он открыт до 08\\.12\\.2026 10:00`));
    await act(COORD, { say: '05.12' }, /Новый срок должен быть позже нынешнего \(08\.12\.2026\)/);
    await act(COORD, { say: '12.12' }, new RegExp(`Опрос «${COURSES}» продлён до 12\\.12\\.2026 23:59\\. Сообщу об этом 3 не ответившим`));
    for (const teacher of TEACHERS) await delivered(teacher, new RegExp(`Опрос «${COURSES}» продлён до 12\\.12\\.2026 — ответить можно здесь`));
    // One teacher answers from the notice's button.
    await act(T_A2, { press: 'Начать' }, /Вы проходили курсы повышения квалификации/);
    await act(T_A2, { press: 'Нет' }, /Планируете пройти курсы/);
    await act(T_A2, { press: 'Да' }, /Проверьте ответы/);
    await act(T_A2, { press: 'Отправить' }, /Ответы сохранены/);
    const card = await openCard(COURSES);
    expect(card.text).toContain('Открыт до 12.12.2026 23:59');
    expect(card.text).toContain('Ответили: 1 из 3');
  });

  it('lets each school head see and remind only their own school', async () => {
    clock.set('2026-12-05T07:00:00Z'); // day 4, 10:00
    await run.app.scheduler.tick();
    await another(T_A1, REMINDER, 1);
    await another(T_B1, REMINDER, 1);
    expect(said(T_A2, REMINDER)).toBe(1);

    const mine = await act(ADMIN_A, { say: '/surveys' }, /Опросы вашей школы/);
    expect(mine.buttons.map((b) => b.label)).toContain(`${COURSES} 1/2`);
    const list = await act(ADMIN_A, { press: `${COURSES} 1/2` }, new RegExp(`«${COURSES}», Школа А: не ответили \\(1\\):\\n• Первова Полина Петровна`));
    expect(list.text).not.toContain('Третьякова');
    expect(list.buttons.map((b) => b.label)).toEqual(['Напомнить всем не ответившим (1)', 'Напомнить: Первова П. П.']);
    await act(ADMIN_A, { press: 'Напомнить: Первова П. П.' }, /Первова П\. П\. — напоминание отправлено\. Вручную можно напомнить ещё 2 раза/);
    await another(T_A1, REMINDER, 2);

    await act(ADMIN_B, { say: '/surveys' }, /Опросы вашей школы/);
    const other = await act(ADMIN_B, { press: `${COURSES} 0/1` }, new RegExp(`«${COURSES}», Школа Б: не ответили \\(1\\):\\n• Третьякова Тамара Тимуровна`));
    expect(other.text).not.toContain('Первова');
    await act(ADMIN_B, { press: 'Напомнить всем не ответившим (1)' }, /Напоминание отправлено 1 человеку\./);
    await another(T_B1, REMINDER, 2);
    await pause();
    expect(said(T_A1, REMINDER)).toBe(3);
    expect(said(T_A2, REMINDER)).toBe(1);
  });

  it('reminds one person by name from the coordinator’s list until the cap stops a fourth', async () => {
    await openCard(COURSES);
    const list = await act(COORD, { press: 'Кто не ответил' }, /Не ответили \(2\):\n• Первова Полина Петровна \(Школа А\) — напоминали вручную 1 раз\n• Третьякова Тамара Тимуровна \(Школа Б\) — напоминали вручную 1 раз/);
    expect(list.buttons.map((b) => b.label)).toEqual(['Напомнить всем не ответившим (2)', 'Напомнить: Первова П. П.', 'Напомнить: Третьякова Т. Т.']);
    await act(COORD, { press: 'Напомнить: Первова П. П.' }, /Первова П\. П\.: напоминание уходило меньше 20 ч назад/);
    // The head of Школа А forging the coordinator's button for a teacher of Школа Б is refused and reminds nobody.
    const schoolAList = run.driver.messages(ADMIN_A).filter((m) => m.text.includes('Школа А: не ответили')).at(-1)!;
    run.driver.pressRaw(ADMIN_A, schoolAList.id, list.buttons.find((b) => b.label === 'Напомнить: Третьякова Т. Т.')!.data);
    await run.driver.waitForText(ADMIN_A, /недоступно/, run.driver.messages(ADMIN_A).length - 1);

    clock.set('2026-12-06T07:00:00Z');
    await act(COORD, { press: 'Напомнить: Первова П. П.' }, /Первова П\. П\. — напоминание отправлено\. Вручную можно напомнить ещё 1 раз/);
    await another(T_A1, REMINDER, 3);
    clock.set('2026-12-07T07:00:00Z');
    await act(COORD, { press: 'Напомнить: Первова П. П.' }, /Первова П\. П\. — напоминание отправлено\. Это было последнее напоминание вручную/);
    await another(T_A1, REMINDER, 4);
    clock.set('2026-12-08T07:00:00Z'); // the round's first close, which it has outlived
    await act(COORD, { press: 'Напомнить: Первова П. П.' }, /Первова П\. П\.: уже было 3 напоминания вручную по этому опросу — больше не отправляю/);
    await pause();
    expect(said(T_A1, REMINDER)).toBe(5);
    expect(said(T_B1, REMINDER)).toBe(3);
  });

  it('reminds the day before the new close, links the school heads to their list, and stops at the close', async () => {
    clock.set('2026-12-11T07:00:00Z'); // the day before the new close, 10:00
    await run.app.scheduler.tick();
    await another(T_A1, REMINDER, 5);
    await another(T_B1, REMINDER, 3);
    // The escalation day has passed too: a school head's message opens her school's list.
    await delivered(ADMIN_A, new RegExp(`Опрос «${COURSES}»: в вашей школе ещё не ответили 1`));
    await act(ADMIN_A, { press: 'Кто не ответил в школе' }, new RegExp(`«${COURSES}», Школа А: не ответили \\(1\\)`));
    // The coordinator's escalation says on its button who is reminded, and opens the list by name.
    const escalation = await run.driver.waitForText(COORD, new RegExp(`Опрос «${COURSES}»: ещё не ответили 2\\.`));
    expect(escalation.buttons.map((b) => b.label)).toEqual(['Напомнить всем не ответившим (2)', 'Кто не ответил']);
    await act(COORD, { press: 'Кто не ответил' }, /Не ответили \(2\):\n• Первова Полина Петровна \(Школа А\) — напоминали вручную 3 раза/);
    await run.app.scheduler.tick();
    clock.set('2026-12-13T07:00:00Z'); // after the close
    await run.app.scheduler.tick();
    await pause();
    expect(said(T_A1, REMINDER)).toBe(6);
    expect(said(T_A2, REMINDER)).toBe(1);
    await act(T_A1, { press: 'Продолжить' }, /Опрос уже закрыт/);
  });
});
