// A seminar series from the chat, with the outbox read back: one
// announcement naming the series and its dates with the nearest session's
// card; the next card by itself when the previous session is over; reminders
// at the leads the coordinator chose and none at the others; the one nudge to
// those who have not answered; a person's own switch for reminders.
import { beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../../db/schema.js';
import { getPerson } from '../../../db/repos/people.js';
import { sessionsOf } from '../../../db/repos/seminars.js';
import { seminarReminders } from '../../../scheduler/jobs/seminars.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const [T1, T2, T3] = [1, 2, 3];

let t: TestCore;
let ids: Map<string, number>;

beforeEach(() => {
  t = makeCore(); // 23.11.2026 09:00 in Moscow
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: T1 },
      { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа А', user: T2 },
      { name: 'Третьякова Вера Олеговна', role: 'teacher', school: 'Школа А', user: T3 },
    ],
  });
  ids = seeded.personIds;
});

type Replies = { text: string; buttons?: { label: string; kind: string; data?: string }[][] }[];
const say = async (user: number, event: Parameters<typeof from>[1]): Promise<Replies> => (await t.core.handle(from(String(user), event))).replies;
const all = (replies: Replies) => replies.map((r) => r.text).join('\n');
const sent = (user: number) =>
  t.db
    .select()
    .from(outbox)
    .all()
    .filter((row) => row.chatId === String(user))
    .map((row) => ({ key: row.dedupeKey ?? '', text: (row.payload as { text: string }).text, buttons: (row.payload as { buttons?: { label: string; data: string }[][] }).buttons ?? [], notBefore: row.nextAttemptAt }));
const tick = (iso: string) => {
  t.clock.set(iso);
  return seminarReminders.run(t.deps, t.clock.now());
};

/** A weekly series of three online sessions on Tuesdays at 15:00 Moscow time, reminded 3 hours before only. */
async function announceSeries(): Promise<void> {
  await say(COORD, command('seminar'));
  await say(COORD, text('Функциональная грамотность'));
  const format = await say(COORD, text('08.12.2026 15:00'));
  const place = await say(COORD, press(buttonData(format, 'Онлайн')));
  expect(all(place)).toMatch(/ссылку/);
  const description = await say(COORD, text('https://meet.example.org/fg'));
  const audience = await say(COORD, press(buttonData(description, 'Пропустить')));
  const capacity = await say(COORD, press(buttonData(audience, 'Педагоги')));
  const repeat = await say(COORD, press(buttonData(capacity, 'Без ограничения')));
  expect(repeat.flatMap((r) => r.buttons ?? []).flat().map((b) => b.label)).toEqual([
    'Нет, отдельное событие',
    'Каждый вторник',
    'Раз в две недели, по вторникам',
    'Каждый месяц, 8-го числа',
    'Каждый второй вторник месяца',
  ]);
  const sessions = await say(COORD, press(buttonData(repeat, 'Каждый вторник')));
  expect(all(sessions)).toMatch(/Сколько будет занятий/);
  expect(all(await say(COORD, text('1')))).toMatch(/от 2 до 20/);
  expect(all(await say(COORD, text('09.12.2026')))).toMatch(/меньше двух занятий/);
  const confirm = await say(COORD, text('3'));
  expect(all(confirm)).toContain('Цикл: каждый вторник, 3 занятия:\n• 8 декабря 2026, 15:00\n• 15 декабря 2026, 15:00\n• 22 декабря 2026, 15:00');
  expect(all(confirm)).toContain('Напоминания пришедшим и «возможно»: за день, за час');
  let leads = await say(COORD, press(buttonData(confirm, '🔔 Настроить напоминания')));
  leads = await say(COORD, press(buttonData(leads, '✓ за день')));
  leads = await say(COORD, press(buttonData(leads, '✓ за час')));
  leads = await say(COORD, press(buttonData(leads, 'за 3 часа')));
  expect(all(leads)).toContain('Сейчас: за 3 часа.');
  const back = await say(COORD, press(buttonData(leads, 'Готово')));
  expect(all(back)).toContain('Напоминания пришедшим и «возможно»: за 3 часа');
  const done = await say(COORD, press(buttonData(back, 'Объявить')));
  expect(all(done)).toMatch(/Отправляю объявление 3 получателям[^]*Это цикл: 3 занятия/);
}

describe('a seminar series', () => {
  it('is announced once, with the dates and the nearest card; the calendar holds every session', async () => {
    await announceSeries();
    const [session1, session2, session3] = sessionsOf(t.db, 1);
    expect([session1, session2, session3].map((s) => s!.reminderLeads)).toEqual([[180], [180], [180]]);
    const messages = sent(T1);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.text).toMatch(/Приглашаем на цикл семинаров![^]*Цикл: каждый вторник, 3 занятия:[^]*22 декабря 2026, 15:00[^]*Ближайшее занятие:\n📅 Функциональная грамотность\n🕒 8 декабря 2026, 15:00/);
    expect(messages[0]!.buttons.flat().map((b) => b.data)).toEqual([`rsvp:${session1!.id}:yes`, `rsvp:${session1!.id}:maybe`, `rsvp:${session1!.id}:no`]);
    expect(messages[1]!.text).toMatch(/Все занятия цикла «Функциональная грамотность» для календаря[^]*3 занятия появятся/);
  });

  it('sends the next card after the previous session, reminds at 3 hours only, nudges the silent once', async () => {
    await announceSeries();
    const [s1, s2] = sessionsOf(t.db, 1);
    await say(T1, press(`rsvp:${s1!.id}:yes`));
    await say(T2, press(`rsvp:${s1!.id}:maybe`));
    await tick('2026-12-06T12:00:00Z'); // two days before: the silent one is nudged
    expect(sent(T3).filter((m) => /ещё не ответили/.test(m.text))).toHaveLength(1);
    expect(sent(T1).filter((m) => /ещё не ответили/.test(m.text))).toHaveLength(0);
    await tick('2026-12-07T12:00:00Z'); // a day before: no reminder at a lead not chosen
    await tick('2026-12-08T08:00:00Z'); // 11:00
    expect(sent(T1).filter((m) => /Напоминание|начинается/.test(m.text))).toHaveLength(0);
    await tick('2026-12-08T09:00:00Z'); // 12:00, three hours before
    await tick('2026-12-08T09:01:00Z');
    for (const user of [T1, T2]) expect(sent(user).filter((m) => /Через 3 часа начинается семинар «Функциональная грамотность»/.test(m.text))).toHaveLength(1);
    expect(sent(T3).filter((m) => /Через 3 часа/.test(m.text))).toHaveLength(0);
    expect(sent(T3).filter((m) => /ещё не ответили/.test(m.text))).toHaveLength(1);
    // The second session's card waits for the first to end.
    expect(sent(T1).filter((m) => /Следующее занятие/.test(m.text))).toHaveLength(0);
    await tick('2026-12-08T13:30:00Z'); // 16:30, the first session is over
    const card = sent(T1).filter((m) => /Следующее занятие цикла «Функциональная грамотность» \(2 из 3\)/.test(m.text));
    expect(card).toHaveLength(1);
    expect(card[0]!.text).toContain('15 декабря 2026, 15:00');
    expect(card[0]!.buttons.flat()[0]!.data).toBe(`rsvp:${s2!.id}:yes`);
    await tick('2026-12-08T13:31:00Z');
    expect(sent(T1).filter((m) => /Следующее занятие/.test(m.text))).toHaveLength(1);
  });

  it('lets a person switch reminders off by the button under one, and back on from /seminars', async () => {
    await announceSeries();
    const [s1] = sessionsOf(t.db, 1);
    await say(T1, press(`rsvp:${s1!.id}:yes`));
    await tick('2026-12-08T09:00:00Z');
    const reminder = sent(T1).find((m) => /Через 3 часа/.test(m.text))!;
    const off = reminder.buttons.flat().find((b) => b.label === 'Не напоминать о семинарах')!;
    // Someone else's button changes nothing of theirs.
    expect(all(await say(T2, press(off.data)))).toMatch(/недоступно/);
    expect(getPerson(t.db, ids.get('Первова Анна Ивановна')!)!.seminarReminders).toBe(true);
    const answer = await say(T1, press(off.data));
    expect(all(answer)).toMatch(/больше не напоминаю о семинарах. Об изменениях и отменах всё равно сообщу/);
    expect(getPerson(t.db, ids.get('Первова Анна Ивановна')!)!.seminarReminders).toBe(false);
    const list = await say(T1, command('seminars'));
    // A series shows its nearest session only, with its rhythm.
    expect(all(list)).toContain('Впереди 1 семинар, куда вас пригласили:');
    expect(all(list)).toContain('🔁 Функциональная грамотность: каждый вторник\n📅 Функциональная грамотность\n🕒 8 декабря 2026, 15:00');
    const on = buttonData(list, 'Напоминания: выкл. → включить');
    expect(all(await say(T1, press(on)))).toMatch(/снова включены/);
    expect(getPerson(t.db, ids.get('Первова Анна Ивановна')!)!.seminarReminders).toBe(true);
  });
});

/** A single seminar straight from the dialog, with the default leads. */
async function announceSingle(title: string, when: string): Promise<void> {
  await say(COORD, command('seminar'));
  await say(COORD, text(title));
  const format = await say(COORD, text(when));
  await say(COORD, press(buttonData(format, 'Онлайн')));
  const description = await say(COORD, text('https://meet.example.org/one'));
  const audience = await say(COORD, press(buttonData(description, 'Пропустить')));
  const capacity = await say(COORD, press(buttonData(audience, 'Педагоги')));
  const repeat = await say(COORD, press(buttonData(capacity, 'Без ограничения')));
  const confirm = await say(COORD, press(buttonData(repeat, 'Нет, отдельное событие')));
  await say(COORD, press(buttonData(confirm, 'Объявить')));
}

/** «Изменить» → the date and time → a new one → (the scope, for a series) → those who answered. */
async function move(seminarId: number, when: string, scope?: string): Promise<string> {
  const field = await say(COORD, press(`seme:${seminarId}`));
  const value = await say(COORD, press(buttonData(field, 'Дату и время')));
  expect(all(value)).toMatch(/Сейчас:/);
  let next = await say(COORD, text(when));
  if (scope) next = await say(COORD, press(buttonData(next, scope)));
  return all(await say(COORD, press(buttonData(next, /Ответившим/))));
}

describe('reminder moments', () => {
  it('skips a lead that had passed when the seminar was moved, instead of sending it late', async () => {
    await announceSingle('Наставничество', '30.11 15:00');
    await say(T1, press('rsvp:1:yes'));
    t.clock.set('2026-11-23T07:00:00Z'); // 10:00
    expect(await move(1, 'завтра 09:30')).toMatch(/Сообщу 1/);
    await tick('2026-11-23T07:01:00Z'); // the day-before moment (yesterday 09:30) is already behind
    await tick('2026-11-23T12:00:00Z');
    expect(sent(T1).filter((m) => /Напоминание: завтра/.test(m.text))).toHaveLength(0);
    await tick('2026-11-24T05:30:00Z'); // 08:30, an hour before
    expect(sent(T1).filter((m) => /Через час начинается семинар «Наставничество» — 24 ноября 2026, 09:30/.test(m.text))).toHaveLength(1);
  });

  it('drops a reminder that quiet hours would push past the start', async () => {
    await announceSingle('Ранний семинар', '25.11 08:00');
    await say(T1, press('rsvp:1:yes'));
    const field = await say(COORD, press('seme:1'));
    let leads = await say(COORD, press(buttonData(field, /^Напоминания/)));
    leads = await say(COORD, press(buttonData(leads, 'за 15 минут')));
    leads = await say(COORD, press(buttonData(leads, '✓ за час')));
    expect(all(await say(COORD, press(buttonData(leads, 'Готово'))))).toContain('за день, за 15 минут');
    await tick('2026-11-25T04:45:00Z'); // 07:45: quiet until 08:00, when it has begun
    await tick('2026-11-25T04:50:00Z');
    expect(sent(T1).filter((m) => /Через 15 минут/.test(m.text))).toHaveLength(0);
  });
});

describe('changing a series', () => {
  it('moves this and all the next sessions like the one edited, and tells each person once', async () => {
    await announceSeries();
    const [s1, s2] = sessionsOf(t.db, 1);
    await say(T1, press(`rsvp:${s1!.id}:yes`));
    await say(T1, press(`rsvp:${s2!.id}:yes`));
    await say(T2, press(`rsvp:${s2!.id}:maybe`));
    const done = await move(s1!.id, '09.12.2026 16:30', 'Это и все следующие (3)');
    expect(done).toMatch(/Сообщу 2 людям/);
    expect(sessionsOf(t.db, 1).map((s) => s.startsAt.toISOString())).toEqual(['2026-12-09T13:30:00.000Z', '2026-12-16T13:30:00.000Z', '2026-12-23T13:30:00.000Z']);
    for (const user of [T1, T2]) {
      const notices = sent(user).filter((m) => /перенесён/.test(m.text));
      expect(notices).toHaveLength(1);
      expect(notices[0]!.text).toContain('Это касается 3 занятий цикла:\n• 9 декабря 2026, 16:30\n• 16 декабря 2026, 16:30\n• 23 декабря 2026, 16:30');
    }
    expect(sent(T3).filter((m) => /перенесён/.test(m.text))).toHaveLength(0);
  });

  it('changes only this session when asked so', async () => {
    await announceSeries();
    const [s1, s2] = sessionsOf(t.db, 1);
    await say(T1, press(`rsvp:${s2!.id}:yes`));
    expect(await move(s2!.id, '16.12.2026 15:00', 'Только это занятие')).toMatch(/Сообщу 1/);
    expect(sessionsOf(t.db, 1).map((s) => s.startsAt.toISOString())).toEqual(['2026-12-08T12:00:00.000Z', '2026-12-16T12:00:00.000Z', '2026-12-22T12:00:00.000Z']);
    expect(s1!.startsAt.toISOString()).toBe('2026-12-08T12:00:00.000Z');
  });
});
