// A weekly seminar series on every messenger with a fake clock: announced
// once (the dates listed, the nearest session's card, one calendar file with
// every session), the nudge to the one who has not answered, the reminder at
// the lead the coordinator chose and not at the default ones, the next
// session's card when the previous session is over, cancelling the rest of
// the series with one notice per person, and the series' attendance workbook.
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 4301;
const [T1, T2, T3] = [4311, 4312, 4313];
const TEACHERS = [T1, T2, T3];

/** The events of a calendar file as a calendar application reads them (Mozilla's ical.js), start times in basic UTC form. */
function calendarEvents(data: Buffer): { method: string; events: Record<string, string>[] } {
  const calendar = new ICAL.Component(ICAL.parse(data.toString('utf8')));
  const basic = (time: ICAL.Time) => time.toJSDate().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { UID: event.uid, SUMMARY: event.summary, DTSTART: basic(event.startDate), DTEND: basic(event.endDate), SEQUENCE: String(event.sequence), STATUS: String(component.getFirstPropertyValue('status') ?? '') };
  });
  return { method: String(calendar.getFirstPropertyValue('method') ?? ''), events };
}

const pause = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(messengers)('a seminar series on %s', (platform) => {
  const clock = new FakeClock('2026-12-03T07:00:00Z'); // Thursday, 10:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: [
        { short: 'Школа А', statuses: ['low_results'] },
        { short: 'Школа Б', statuses: ['low_results'] },
      ],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: T1 },
        { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа А', user: T2 },
        { name: 'Третьякова Вера Олеговна', role: 'teacher', school: 'Школа Б', user: T3 },
      ],
    }),
  });

  const coord = (how: { say?: string; press?: string }, expected: RegExp) => act(run.driver, COORD, how, expected);
  const said = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;
  async function tick(iso: string) {
    clock.set(iso);
    await run.app.scheduler.tick();
  }

  it('announces a weekly series of three sessions once: the dates, the nearest card, one calendar file', async () => {
    await coord({ say: '/seminar' }, /Как называется семинар/);
    await coord({ say: 'Функциональная грамотность' }, /Когда он пройдёт/);
    await coord({ say: '08.12 15:00' }, /Как он пройдёт/);
    await coord({ press: 'Онлайн' }, /ссылку на трансляцию/);
    await coord({ say: 'https://meet.example.org/fg' }, /Пара слов о семинаре/);
    await coord({ press: 'Пропустить' }, /Кого приглашаем/);
    await coord({ press: 'Педагоги' }, /Сколько мест/);
    const repeat = await coord({ press: 'Без ограничения' }, /Семинар повторяется/);
    expect(repeat.buttons.map((b) => b.label)).toContain('Каждый второй вторник месяца');
    await coord({ press: 'Каждый вторник' }, /Сколько будет занятий/);
    await coord({ say: '25' }, /от 2 до 20/);
    const confirm = await coord({ say: '3' }, /Объявить\?/);
    expect(confirm.text).toContain('Цикл: каждый вторник, 3 занятия:\n• 8 декабря 2026, 15:00\n• 15 декабря 2026, 15:00\n• 22 декабря 2026, 15:00');
    await coord({ press: '🔔 Настроить напоминания' }, /Когда напоминать/);
    await coord({ press: '✓ за день' }, /Сейчас: за час\./);
    await coord({ press: '✓ за час' }, /Сейчас: без напоминаний\./);
    await coord({ press: 'за 3 часа' }, /Сейчас: за 3 часа\./);
    await coord({ press: 'Готово' }, /Напоминания пришедшим и «возможно»: за 3 часа/);
    await coord({ press: 'Объявить' }, /Отправляю объявление 3 получателям[^]*Это цикл: 3 занятия/);
    for (const teacher of TEACHERS) {
      await run.driver.waitForText(teacher, /Приглашаем на цикл семинаров![^]*22 декабря 2026, 15:00[^]*Ближайшее занятие:[^]*8 декабря 2026, 15:00/);
      await run.driver.waitForText(teacher, /Все занятия цикла «Функциональная грамотность» для календаря/);
    }
    const calendar = calendarEvents(run.driver.lastDocument(T1)!);
    expect(calendar.method).toBe('PUBLISH');
    expect(calendar.events.map((e) => e.DTSTART)).toEqual(['20261208T120000Z', '20261215T120000Z', '20261222T120000Z']);
    expect(new Set(calendar.events.map((e) => e.UID)).size).toBe(3);
    await pause();
    for (const teacher of TEACHERS) expect(said(teacher, /Приглашаем на цикл семинаров/)).toBe(1);
  });

  it('nudges only the one who has not answered, once; reminds at 3 hours only; the next card comes after the session', async () => {
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /Вы записаны/);
    run.driver.press(T2, 'Возможно');
    await run.driver.waitForText(T2, /возможно/);

    await tick('2026-12-06T12:00:00Z'); // two days before
    await run.driver.waitForText(T3, /Вы ещё не ответили, придёте ли на семинар «Функциональная грамотность»/);
    await tick('2026-12-06T12:01:00Z');
    await tick('2026-12-07T12:00:00Z'); // a day before: not a chosen lead
    await pause();
    expect(said(T3, /ещё не ответили/)).toBe(1);
    for (const teacher of [T1, T2]) expect(said(teacher, /ещё не ответили|Напоминание/)).toBe(0);

    await tick('2026-12-08T09:00:00Z'); // 12:00, three hours before
    for (const teacher of [T1, T2]) await run.driver.waitForText(teacher, /Через 3 часа начинается семинар «Функциональная грамотность» — 8 декабря 2026, 15:00/);
    await tick('2026-12-08T11:00:00Z'); // an hour before: not a chosen lead
    await pause();
    for (const teacher of [T1, T2]) expect(said(teacher, /начинается семинар/)).toBe(1);
    expect(said(T3, /начинается семинар/)).toBe(0);
    for (const teacher of TEACHERS) expect(said(teacher, /Следующее занятие/)).toBe(0);

    await tick('2026-12-08T13:31:00Z'); // the first session is over
    for (const teacher of TEACHERS) await run.driver.waitForText(teacher, /Следующее занятие цикла «Функциональная грамотность» \(2 из 3\)[^]*15 декабря 2026, 15:00/);
    await tick('2026-12-08T13:32:00Z');
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /15 декабря 2026, 15:00[^]*Вы записаны/);
    await pause();
    // T1's card now shows her answer in place; the others' still invite.
    for (const teacher of [T2, T3]) expect(said(teacher, /Следующее занятие/)).toBe(1);
  });

  it('cancels the rest of the series: each person hears once, with every date that is off', async () => {
    const list = await coord({ say: '/seminars' }, /Семинары — ближайшие и недавние/);
    expect(list.text).toContain('🔁 Функциональная грамотность — каждый вторник, ближайшее 15 декабря, 15:00');
    const line = list.buttons.find((b) => b.label.startsWith('🔁 15 декабря, 15:00 Функциональная'));
    expect(list.buttons.filter((b) => b.label.includes('Функциональная'))).toHaveLength(1);
    await coord({ press: line!.label }, /Цикл: каждый вторник, занятие 2 из 3/);
    await coord({ press: 'Отменить семинар' }, /занятие цикла\. Что отменить\?/);
    await coord({ press: 'Это и все следующие (2)' }, /Отменить 2 занятия цикла «Функциональная грамотность»\?/);
    await coord({ press: 'Всем приглашённым (3)' }, /Отменено 2 занятия цикла «Функциональная грамотность»\. Сообщу 3 людям, каждому одним сообщением\./);
    for (const teacher of TEACHERS) {
      await run.driver.waitForText(teacher, /Занятия цикла «Функциональная грамотность» отменены — не состоятся 2 занятия:\n• 15 декабря 2026, 15:00\n• 22 декабря 2026, 15:00/);
      await run.driver.waitForText(teacher, /отменённые занятия «Функциональная грамотность» уберутся из вашего календаря/);
    }
    const cancelled = calendarEvents(run.driver.lastDocument(T2)!);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.events.map((e) => [e.DTSTART, e.STATUS, e.SEQUENCE])).toEqual([
      ['20261215T120000Z', 'CANCELLED', '1'],
      ['20261222T120000Z', 'CANCELLED', '1'],
    ]);
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /^Семинар отменён\.$/);
  });

  it('exports the series: a row per person, a column per session, a line per school', async () => {
    await tick('2026-12-09T07:00:00Z');
    await coord({ say: '/seminars' }, /Семинары — ближайшие и недавние/);
    await coord({ press: run.driver.messages(COORD).at(-1)!.buttons.find((b) => b.label.startsWith('🔁 8 декабря'))!.label }, /занятие 1 из 3/);
    await coord({ press: 'Отметить присутствие' }, /Отмечено: 0/);
    await coord({ press: 'Первова Анна Ивановна' }, /Отмечено: 1/);
    await coord({ say: '/seminars' }, /Семинары — ближайшие и недавние/);
    await coord({ press: run.driver.messages(COORD).at(-1)!.buttons.find((b) => b.label.startsWith('🔁 8 декабря'))!.label }, /занятие 1 из 3/);
    await coord({ press: 'XLSX цикла' }, /Посещаемость и отзывы цикла «Функциональная грамотность»/);
    expect(run.driver.lastDocumentName(COORD)).toMatch(/^series-\d+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD)! as unknown as ArrayBuffer);
    const values = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(values('Участники')).toEqual([
      ['ФИО', 'Школа', '08.12.2026 15:00', '15.12.2026 15:00 (отменено)', '22.12.2026 15:00 (отменено)', 'Пришли (занятий)'],
      ['Вторых Борис Петрович', 'Школа А', 'Возможно', '—', '—', 0],
      ['Первова Анна Ивановна', 'Школа А', 'пришёл', 'Приду', '—', 1],
      ['Третьякова Вера Олеговна', 'Школа Б', '—', '—', '—', 0],
    ]);
    expect(values('Занятия')).toEqual([
      ['Занятие', 'Записались', 'Пришли', 'Отзывов', 'Средняя оценка'],
      ['08.12.2026 15:00', 1, 1, 0],
      ['15.12.2026 15:00 (отменено)', 1, 0, 0],
      ['22.12.2026 15:00 (отменено)', 0, 0, 0],
    ]);
    expect(values('По школам')).toEqual([
      ['Школа', 'Приглашено', 'Пришли хотя бы раз', 'Посещений', 'В среднем на занятии', 'Средняя оценка'],
      ['Школа А', 2, 1, 1, 1],
      ['Школа Б', 1, 0, 0, 0],
    ]);

    // Nothing more of the cancelled sessions: no card, no reminder, no second notice.
    await tick('2026-12-15T09:00:00Z');
    await tick('2026-12-22T09:00:00Z');
    await pause();
    for (const teacher of TEACHERS) expect(said(teacher, /отменены/)).toBe(1);
    for (const teacher of [T2, T3]) expect(said(teacher, /Следующее занятие/)).toBe(1);
    expect(said(T1, /начинается семинар/)).toBe(1);
  });
});
