// A coordinator steers a seminar after announcing it, on every messenger with
// a fake clock: cancelling it (the card's buttons then refuse, those who
// answered hear of it once, no reminder comes) and changing it (time with
// reminders that follow it, capacity with a fair waiting list), the calendar
// file that comes with every card, the attendance and feedback export, and
// the materials sent afterwards.
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 4101;
const [T1, T2, T3, T4, T5] = [4111, 4112, 4113, 4114, 4115];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A small, strict reader of the calendar file: CRLF line ends, no physical
 * line over 75 octets, folded lines joined back, TEXT values unescaped. The
 * properties of the one VEVENT come back by name, with METHOD beside them.
 */
function parseCalendar(data: Buffer): Record<string, string> {
  const raw = data.toString('utf8');
  expect(raw.endsWith('\r\n')).toBe(true);
  expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = raw.slice(0, -2).split('\r\n');
  for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  const lines = physical.reduce<string[]>((all, line) => (line.startsWith(' ') ? [...all.slice(0, -1), all.at(-1)! + line.slice(1)] : [...all, line]), []);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const props: Record<string, string> = {};
  let inEvent = false;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).split(';')[0]!;
    const value = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    if (line === 'BEGIN:VEVENT') inEvent = true;
    else if (line === 'END:VEVENT') inEvent = false;
    else if (inEvent || name === 'METHOD' || name === 'VERSION') props[name] = value;
  }
  agreesWithIcalJs(raw, props);
  return props;
}

/** What a calendar application reads (Mozilla's ical.js, as Thunderbird does) is what the strict reader read. */
function agreesWithIcalJs(raw: string, props: Record<string, string>): void {
  const calendar = new ICAL.Component(ICAL.parse(raw));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  const instant = (basic: string | undefined) => (basic ? new Date(basic.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')).toISOString() : undefined);
  expect({
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    summary: event.summary,
    location: event.location,
    sequence: event.sequence,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
  }).toEqual({
    method: props.METHOD,
    uid: props.UID,
    summary: props.SUMMARY,
    location: props.LOCATION,
    sequence: Number(props.SEQUENCE),
    start: instant(props.DTSTART),
    end: instant(props.DTEND),
  });
}

const pause = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(messengers)('steering seminars on %s', (platform) => {
  const clock = new FakeClock('2026-11-23T07:00:00Z'); // 10:00 in Moscow
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
        { name: 'Четвертаков Глеб Ильич', role: 'teacher', school: 'Школа Б', user: T4 },
        { name: 'Пятова Дарья Юрьевна', role: 'teacher', school: 'Школа Б', user: T5 },
      ],
    }),
  });

  const coord = (how: { say?: string; press?: string }, expected: RegExp) => act(run.driver, COORD, how, expected);
  const said = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;

  /**
   * Waits for a message of a burst (a card and its calendar file to everyone).
   * A send the fake's HTTP server happens to drop is retried 10 s later by the
   * clock, as in production; the frozen test clock is nudged so it comes.
   */
  async function delivered(user: number, pattern: RegExp, since: number) {
    await run.driver.waitForText(user, pattern, since, 3000).catch(() => {
      clock.advance(15_000);
      return run.driver.waitForText(user, pattern, since);
    });
  }

  /** Announces an online seminar to both schools, without a limit of places, from the chat. */
  async function announce(title: string, when: string, description?: string): Promise<void> {
    const since = [T1, T2, T3, T4, T5].map((teacher) => run.driver.messages(teacher).length);
    await coord({ say: '/seminar' }, /Как называется семинар/);
    await coord({ say: title }, /Когда он пройдёт/);
    await coord({ say: when }, /Как он пройдёт/);
    await coord({ press: 'Онлайн' }, /ссылку на трансляцию/);
    await coord({ say: 'https://meet.example.org/room-9' }, /Пара слов о семинаре/);
    await coord(description ? { say: description } : { press: 'Пропустить' }, /Кого приглашаем/);
    await coord({ press: 'Школа А' }, /Выбраны школы: Школа А\./);
    await coord({ press: '+ Школа Б' }, /Выбраны школы: Школа А, Школа Б\./);
    await coord({ press: 'Готово, дальше' }, /Сколько мест/);
    await coord({ press: 'Без ограничения' }, /Семинар повторяется/);
    await coord({ press: 'Нет, отдельное событие' }, /Объявить\?/);
    await coord({ press: 'Объявить' }, /Отправляю объявление 5 получателям/);
    for (const [i, teacher] of [T1, T2, T3, T4, T5].entries()) {
      await delivered(teacher, new RegExp(`Приглашаем на семинар![^]*${escape(title)}`), since[i]!);
      await delivered(teacher, new RegExp(`${escape(title)}» для календаря`), since[i]!);
    }
  }

  /** The newest calendar file a person got, read back (and checked against RFC 5545's line rules). */
  const calendarOf = (user: number) => {
    expect(run.driver.lastDocumentName(user)).toMatch(/^seminar-\d+\.ics$/);
    return parseCalendar(run.driver.lastDocument(user)!);
  };

  /** Opens a seminar's card from /seminars. */
  async function openCard(title: string) {
    await coord({ say: '/seminars' }, /Семинары — ближайшие и недавние/);
    return coord({ press: run.driver.messages(COORD).at(-1)!.buttons.find((b) => b.label.includes(title))!.label }, /Код для отметки присутствия/);
  }

  it('cancels a seminar: those who answered hear of it once, the buttons refuse, no reminder comes', async () => {
    await announce('Цифровая грамотность', '25.11 15:00');
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /Вы записаны/);
    run.driver.press(T2, 'Возможно');
    await run.driver.waitForText(T2, /возможно/);
    run.driver.press(T3, 'Не смогу');
    await run.driver.waitForText(T3, /не сможете/);

    await openCard('Цифровая грамотность');
    const ask = await coord({ press: 'Отменить семинар' }, /Отменить семинар «Цифровая грамотность»\? Кому сообщить/);
    expect(ask.buttons.map((b) => b.label)).toEqual(['Ответившим «Приду» и «Возможно» (2)', 'Всем приглашённым (5)', 'Не отменять']);
    const confirm = ask.buttons[0]!.data;
    await coord({ press: 'Ответившим «Приду» и «Возможно» (2)' }, /Семинар «Цифровая грамотность» отменён\. Сообщу об отмене 2 людям\./);
    for (const teacher of [T1, T2]) await run.driver.waitForText(teacher, /Семинар «Цифровая грамотность» \(25 ноября 2026, 15:00\) отменён/);
    for (const teacher of [T1, T2]) await run.driver.waitForText(teacher, /Откройте файл, и «Цифровая грамотность» уберётся из вашего календаря/);
    const cancelled = calendarOf(T1);
    expect(cancelled).toMatchObject({ METHOD: 'CANCEL', STATUS: 'CANCELLED', SEQUENCE: '1', DTSTART: '20261125T120000Z' });
    expect(cancelled.UID).toMatch(/^seminar-\d+@opora$/);

    // A second press of the same confirmation (a double tap, a replay) tells nobody again.
    run.driver.pressRaw(COORD, run.driver.messages(COORD).at(-1)!.id, confirm);
    await run.driver.waitForText(COORD, /уже отменён/, Math.max(0, run.driver.messages(COORD).length - 1));
    // The old card's buttons refuse politely.
    run.driver.press(T1, 'Приду');
    await run.driver.waitForText(T1, /^Семинар отменён\.$/);
    // A cancelled seminar leaves the coordinator's list.
    await coord({ say: '/seminars' }, /Семинаров|Семинары/);
    expect(run.driver.messages(COORD).at(-1)!.buttons.some((b) => b.label.includes('Цифровая грамотность'))).toBe(false);

    clock.set('2026-11-24T12:30:00Z'); // the day before, when the reminder would come
    await run.app.scheduler.tick();
    await pause();
    for (const teacher of [T1, T2]) expect(said(teacher, /отменён\. Простите/)).toBe(1);
    for (const teacher of [T3, T4, T5]) expect(said(teacher, /отменён\. Простите/)).toBe(0);
    for (const teacher of [T1, T2, T3]) expect(said(teacher, /Напоминание/)).toBe(0);
  });

  it('moves a seminar and cuts its places: people hear what changed, reminders follow, the latest answers wait', async () => {
    await announce('Проектная деятельность', '26.11 15:00');
    const first = calendarOf(T1);
    expect(first).toMatchObject({ SEQUENCE: '0', DTSTART: '20261126T120000Z' });
    for (const teacher of [T1, T2, T3]) {
      run.driver.press(teacher, 'Приду');
      await run.driver.waitForText(teacher, /Вы записаны/);
    }
    run.driver.press(T4, 'Возможно');
    await run.driver.waitForText(T4, /возможно/);
    const original = run.driver.messages(T4).find((m) => /Проектная/.test(m.text) && m.buttons.some((b) => b.label === 'Приду'))!;

    clock.set('2026-11-25T12:30:00Z'); // 15:30, a day before the old time
    await run.app.scheduler.tick();
    for (const teacher of [T1, T2, T3, T4]) await run.driver.waitForText(teacher, /Напоминание: завтра семинар «Проектная деятельность» — 26 ноября/);

    await openCard('Проектная деятельность');
    await coord({ press: 'Изменить' }, /Что изменить\?/);
    await coord({ press: 'Дату и время' }, /Сейчас: 26 ноября 2026, 15:00/);
    await coord({ say: '20.11.2026 10:00' }, /уже прошли/);
    await coord({ say: '27.11 16:00' }, /Кому сообщить об изменении\?/);
    await coord({ press: 'Ответившим «Приду» и «Возможно» (4)' }, /Готово, семинар изменён\. Сообщу 4 людям\./);
    for (const teacher of [T1, T2, T3, T4]) await run.driver.waitForText(teacher, /перенесён: было 26 ноября 2026, 15:00, теперь 27 ноября 2026, 16:00/);
    await run.driver.waitForText(T1, /для календаря/, run.driver.messages(T1).findIndex((m) => /перенесён/.test(m.text)));
    const moved = calendarOf(T1);
    expect(moved).toMatchObject({ METHOD: 'PUBLISH', STATUS: 'CONFIRMED', SEQUENCE: '1', DTSTART: '20261127T130000Z', DTEND: '20261127T143000Z' });
    await pause();
    expect(said(T5, /перенесён/)).toBe(0);

    // The card that came with the announcement still takes answers.
    run.driver.pressRaw(T4, original.id, original.buttons.find((b) => b.label === 'Приду')!.data);
    await run.driver.waitForText(T4, /27 ноября 2026, 16:00[^]*Вы записаны[^]*Придут: 4/);

    await openCard('Проектная деятельность');
    await coord({ press: 'Изменить' }, /Что изменить\?/);
    await coord({ press: 'Число мест' }, /Сейчас: Без ограничения/);
    await coord({ say: '-3' }, /число мест от 1 до 10000/);
    await coord({ say: '2' }, /Кому сообщить об изменении\?/);
    await coord({ press: 'Ответившим «Приду» и «Возможно» (4)' }, /В лист ожидания перешли последние записавшиеся: 2/);
    for (const teacher of [T3, T4]) await run.driver.waitForText(teacher, /стало меньше мест, и вы пока в листе ожидания/);

    clock.set('2026-11-26T13:30:00Z'); // 16:30, a day before the new time
    await run.app.scheduler.tick();
    for (const teacher of [T1, T2]) await run.driver.waitForText(teacher, /Напоминание: завтра семинар «Проектная деятельность» — 27 ноября 2026, 16:00/);
    await pause();
    expect(said(T1, /стало меньше мест/)).toBe(0);
    expect(said(T3, /Напоминание: завтра семинар «Проектная деятельность»/)).toBe(1);
    // «Возможно» was reminded of the old time; on the waiting list now, not of the new one.
    expect(said(T4, /Напоминание: завтра семинар «Проектная деятельность»/)).toBe(1);
  });

  it('sends a calendar file with the card: escaped text, folded lines, the same UID for the whole life of the seminar', async () => {
    const title = 'Оценивание: критерии, рубрики; практика';
    const description = 'Разберём критерии оценивания по ФГОС, рубрики для проектов и письменных работ; принесите, пожалуйста, примеры работ учеников 5–9 классов.';
    await announce(title, '28.11 11:00', description);
    const event = calendarOf(T3);
    expect(event).toMatchObject({
      VERSION: '2.0',
      METHOD: 'PUBLISH',
      SUMMARY: title,
      DESCRIPTION: description,
      LOCATION: 'https://meet.example.org/room-9',
      URL: 'https://meet.example.org/room-9',
      DTSTART: '20261128T080000Z',
      DTEND: '20261128T093000Z',
      SEQUENCE: '0',
    });
    expect(event.UID).toMatch(/^seminar-\d+@opora$/);
    const raw = run.driver.lastDocument(T3)!.toString('utf8');
    expect(raw.replace(/\r\n /g, '')).toContain('SUMMARY:Оценивание: критерии\\, рубрики\\; практика');
    expect(raw).toMatch(/\r\n /); // the description is long enough to be folded
  });

  it('exports who was invited, answered, came and what they thought, with a line per school', async () => {
    clock.set('2026-11-27T14:45:00Z'); // 17:45, «Проектная деятельность» is over
    const card = await openCard('Проектная деятельность');
    const code = /Код для отметки присутствия: ([A-Z2-9]{6})/.exec(card.text)![1]!;
    await coord({ press: 'Отметить присутствие' }, /Отмечено: 0/);
    await coord({ press: 'Первова Анна Ивановна' }, /Отмечено: 1/);
    run.driver.say(T2, `/here ${code}`);
    await run.driver.waitForText(T2, /Отметил, что вы были на семинаре/);
    await run.app.scheduler.tick();
    await run.driver.waitForText(T1, /Как прошёл семинар «Проектная деятельность»\?/);
    run.driver.press(T1, '5');
    await run.driver.waitForText(T1, /Спасибо за оценку/);
    run.driver.say(T1, '=HYPERLINK("https://example.org","полезно")');
    await run.driver.waitForText(T1, /Спасибо за отзыв/);

    await openCard('Проектная деятельность');
    await coord({ press: 'XLSX' }, /Посещаемость и отзывы семинара «Проектная деятельность»/);
    expect(run.driver.lastDocumentName(COORD)).toMatch(/^seminar-\d+\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD)! as unknown as ArrayBuffer);
    const values = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(values('Участники')).toEqual([
      ['ФИО', 'Школа', 'Приглашён', 'Ответ', 'Пришёл', 'Оценка', 'Отзыв'],
      ['Вторых Борис Петрович', 'Школа А', 'да', 'Приду', 'да, по коду', undefined, undefined],
      ['Первова Анна Ивановна', 'Школа А', 'да', 'Приду', 'да, отметил координатор', 5, `'=HYPERLINK("https://example.org","полезно")`],
      ['Пятова Дарья Юрьевна', 'Школа Б', 'да', '—', 'нет', undefined, undefined],
      ['Третьякова Вера Олеговна', 'Школа Б', 'да', 'Приду (лист ожидания)', 'нет', undefined, undefined],
      ['Четвертаков Глеб Ильич', 'Школа Б', 'да', 'Приду (лист ожидания)', 'нет', undefined, undefined],
    ].map((row) => row.slice(0, row.findLastIndex((c) => c !== undefined) + 1)));
    expect(values('По школам')).toEqual([
      ['Школа', 'Приглашено', 'Ответили', 'Записались', 'Пришли', 'Отзывов', 'Средняя оценка'],
      ['Школа А', 2, 2, 2, 2, 1, 5],
      ['Школа Б', 3, 2, 0, 0, 0],
    ]);

    await coord({ press: 'CSV' }, /Посещаемость и отзывы/);
    const csv = run.driver.lastDocument(COORD)!.toString('utf8');
    expect(run.driver.lastDocumentName(COORD)).toMatch(/^seminar-\d+\.csv$/);
    expect(csv.startsWith('\uFEFFФИО,Школа,Приглашён,Ответ,Пришёл,Оценка,Отзыв')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""https://example.org"",""полезно"")"`);
    expect(csv).toContain('Школа А,2,2,2,2,1,5');
  });

  it('sends materials afterwards: a file to those who came, a link to those invited who did not', async () => {
    const since = [T1, T2, T3, T4, T5].map((teacher) => run.driver.messages(teacher).length);
    await openCard('Проектная деятельность');
    await coord({ press: 'Разослать материалы' }, /Пришлите файл с материалами или ссылку/);
    const since2 = run.driver.messages(COORD).length;
    run.driver.sendFile(COORD, 'slides.pdf', Buffer.from('%PDF-1.4 slides'));
    const who = await run.driver.waitForText(COORD, /Кому отправить slides\.pdf\?/, since2);
    expect(who.buttons.map((b) => b.label)).toEqual(['Тем, кто пришёл (2)', 'Приглашённым, кто не пришёл (3)', 'Не отправлять']);
    await coord({ press: 'Тем, кто пришёл (2)' }, /Отправляю материалы: 2 получателям/);
    for (const teacher of [T1, T2]) {
      await run.driver.waitForText(teacher, /Спасибо, что были на семинаре «Проектная деятельность»! Вот материалы/);
      expect(run.driver.lastDocumentName(teacher)).toMatch(/slides/);
    }

    await openCard('Проектная деятельность');
    await coord({ press: 'Разослать материалы' }, /Пришлите файл/);
    await coord({ say: 'не ссылка' }, /Нужен файл или ссылка/);
    await coord({ say: 'https://example.org/slides' }, /Кому отправить https:\/\/example\.org\/slides\?/);
    await coord({ press: 'Приглашённым, кто не пришёл (3)' }, /Отправляю материалы: 3 получателям/);
    for (const teacher of [T3, T4, T5]) await run.driver.waitForText(teacher, /Материалы семинара «Проектная деятельность»[^]*https:\/\/example\.org\/slides/);
    await pause();
    const got = (i: number, teacher: number, pattern: RegExp) => run.driver.messages(teacher).slice(since[i]).filter((m) => pattern.test(m.text)).length;
    expect([T1, T2, T3, T4, T5].map((teacher, i) => got(i, teacher, /Вот материалы|Материалы семинара/))).toEqual([1, 1, 1, 1, 1]);
  });
});
