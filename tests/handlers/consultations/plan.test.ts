// Mentoring with a plan, as a tutor and her coordinator meet it: a plan per
// pair (a new one ends the old), done against plan in /mylog and the report,
// a session planned ahead with its reminder the day before and one tap to
// log it, the teacher's rating kept anonymous below the minimum group size,
// and /forget reaching what is new.
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssignment, type Assignment } from '../../../db/repos/assignments.js';
import { addConsultation, addPlanned, currentPlan, getConsultation, getPlanned, historyOf, plansOf } from '../../../db/repos/consultations.js';
import { erasePerson } from '../../../db/repos/erasures.js';
import { updateMunicipalitySettings } from '../../../db/repos/org.js';
import { accounts, consultations, outbox, plannedConsultations, type MessagePayload } from '../../../db/schema.js';
import { plannedReminderAt, remindPlanned } from '../../../handlers/consultations/reminders.js';
import { readDay, readTime } from '../../../handlers/consultations/planned.js';
import { withName } from '../../../handlers/consultations/pairs.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = '20';
const TUTOR = '21';
const TEACHER = '22';
const OTHER_TUTOR = '23';
const SECOND_TEACHER = '24';
const THIRD_TEACHER = '25';

let t: TestCore;
let ids: { municipality: number; tutor: number; teacher: number; otherTutor: number; school: number; pair: Assignment };

beforeEach(() => {
  t = makeCore(); // Monday 23.11.2026, 09:00 in Moscow
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: Number(COORD) },
      { name: 'Тьюторова Татьяна Ильинична', role: 'tutor', user: Number(TUTOR) },
      { name: 'Петрова Анна Ивановна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: Number(TEACHER) },
      { name: 'Другов Денис Олегович', role: 'tutor', user: Number(OTHER_TUTOR) },
      { name: 'Сидорова Светлана Петровна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: Number(SECOND_TEACHER) },
      { name: 'Кузнецова Ксения Олеговна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: Number(THIRD_TEACHER) },
    ],
  });
  const p = (name: string) => seeded.personIds.get(name) ?? 0;
  ids = {
    municipality: seeded.municipalityId,
    tutor: p('Тьюторова Татьяна Ильинична'),
    teacher: p('Петрова Анна Ивановна'),
    otherTutor: p('Другов Денис Олегович'),
    school: seeded.schoolIds.get('Школа А') ?? 0,
    pair: createAssignment(t.db, { kind: 'tutor_teacher', municipalityId: seeded.municipalityId, helperId: p('Тьюторова Татьяна Ильинична'), teacherId: p('Петрова Анна Ивановна'), subject: 'math', startsOn: '2026-09-01' }),
  };
});

const as = (user: string) => async (event: Parameters<typeof from>[1]) => (await t.core.handle(from(user, event))).replies;
const words = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');
const log = (minutes: number, date = '2026-11-20', rating?: number, counterpartId = ids.teacher) =>
  addConsultation(t.db, { municipalityId: ids.municipality, authorId: ids.tutor, counterpartId, schoolId: ids.school, date, minutes, format: 'online', topic: 'ВПР', rating }, t.clock.now());
const queuedTo = (user: string) =>
  t.db
    .select()
    .from(outbox)
    .all()
    .filter((r) => r.chatId === user)
    .map((r) => ({ payload: r.payload as MessagePayload }));

async function setPlan(user: string, sessions: string, hours: string, goals: string) {
  const say = as(user);
  const card = await say(press(`cnpa:${ids.pair.id}`));
  const asked = await say(press(buttonData(card, /план/)));
  expect(words(asked)).toContain('Сколько занятий в месяц?');
  const hoursAsked = await say(text(sessions));
  expect(words(hoursAsked)).toContain('Сколько часов в месяц?');
  await say(text(hours));
  const summary = await say(text(goals));
  expect(words(summary)).toContain('Сохранить?');
  return say(press(buttonData(summary, 'Сохранить')));
}

describe('a plan per pair', () => {
  it('the tutor sets one from /mylog and sees done against it', async () => {
    log(90);
    log(45);
    const mylog = await as(TUTOR)(command('mylog'));
    const plans = await as(TUTOR)(press(buttonData(mylog, 'План по парам')));
    expect(words(plans)).toContain('Петрова А. И. (математика): 2 встречи, 2 ч 15 мин');
    const saved = await setPlan(TUTOR, '4', '3', 'Подготовка класса к ВПР');
    expect(words(saved)).toContain('План сохранён: Петрова А. И. (математика) — 4 занятия в месяц, 3 ч в месяц.');
    const after = words(await as(TUTOR)(command('mylog')));
    expect(after).toContain('Петрова А. И. (математика): 2 из 4 занятий, 2 ч 15 мин из 3 ч');
    expect(after).toContain('Подготовка класса к ВПР');
  });

  it('a new plan from the coordinator ends the old one, keeps it, and tells the tutor', async () => {
    await setPlan(TUTOR, '4', '3', 'Первые цели');
    const first = currentPlan(t.db, ids.pair.id)!;
    await setPlan(COORD, '2', '90 мин', 'Новые цели');
    expect(plansOf(t.db, ids.pair.id)).toHaveLength(2);
    expect(plansOf(t.db, ids.pair.id).find((p) => p.id === first.id)?.endedAt).not.toBeNull();
    expect(currentPlan(t.db, ids.pair.id)).toMatchObject({ sessionsPerMonth: 2, minutesPerMonth: 90, goals: 'Новые цели' });
    expect(queuedTo(TUTOR).map((r) => r.payload.text)).toContain('Координатор задал план по паре «Петрова А. И. (математика)»: 2 занятия в месяц, 1 ч 30 мин в месяц. Как идут дела — /mylog.');
    const report = words(await as(COORD)(command('consultations')));
    expect(report).toContain('Тьюторова Т. И. → Петрова А. И. (математика): 0 из 2 занятий, 0 мин из 1 ч 30 мин');
  });

  it('refuses bad numbers politely and changes nothing', async () => {
    const say = as(TUTOR);
    await say(press(`cnps:${ids.pair.id}`));
    expect(words(await say(text('сорок')))).toContain('Напишите число занятий в месяц от 1 до 31.');
    await say(text('не считать занятия'));
    expect(words(await say(text('0')))).toContain('Напишите часы в месяц');
    expect(words(await say(text('Не считать часы')))).toContain('В плане нужно хоть что-то посчитать');
    expect(plansOf(t.db, ids.pair.id)).toHaveLength(0);
  });

  it('is not another tutor\'s to see or set', async () => {
    for (const data of [`cnpa:${ids.pair.id}`, `cnps:${ids.pair.id}`]) expect(words(await as(OTHER_TUTOR)(press(data)))).toMatch(/недоступно/);
  });
});

describe('a session planned ahead', () => {
  async function planSession() {
    const say = as(TUTOR);
    const mylog = await say(command('mylog'));
    const whom = await say(press(buttonData(mylog, 'Запланировать')));
    const when = await say(press(buttonData(whom, /^Петрова Анна Ивановна/)));
    expect(words(when)).toContain('Когда?');
    await say(text('24.12 15:00'));
    const format = await say(text('45'));
    await say(press(buttonData(format, 'онлайн')));
    const summary = await say(text('Разбор пробной работы'));
    expect(words(summary)).toContain('Когда: 24.12.2026 15:00');
    return say(press(buttonData(summary, 'Запланировать')));
  }

  it('refuses a time already past', async () => {
    const say = as(TUTOR);
    const start = await say(press('cnq'));
    await say(press(buttonData(start, /^Петрова/)));
    expect(words(await say(text('23.11 08:00')))).toContain('Это время уже прошло');
    expect(words(await say(text('31.02')))).toContain('Не понял дату');
  });

  it('is reminded the day before at 18:00, asked afterwards, and logged exactly once', async () => {
    expect(words(await planSession())).toContain('Запланировал: 24.12 в 15:00, занятие с Петровой А. И.');
    const planned = t.db.select().from(plannedConsultations).get()!;
    expect(planned.startsAt.toISOString()).toBe('2026-12-24T12:00:00.000Z');
    remindPlanned(t.db, t.deps, new Date('2026-12-23T14:59:00Z')); // 17:59 Moscow
    expect(queuedTo(TUTOR)).toHaveLength(0);
    remindPlanned(t.db, t.deps, new Date('2026-12-23T15:00:00Z'));
    remindPlanned(t.db, t.deps, new Date('2026-12-23T15:10:00Z'));
    expect(queuedTo(TUTOR).map((r) => r.payload.text)).toEqual(['Напоминаю: 24.12 в 15:00 — занятие с Петровой А. И. (онлайн, 45 мин). Тема: Разбор пробной работы']);
    expect(queuedTo(TEACHER).map((r) => r.payload.text)).toEqual([
      'Напоминаю: 24.12 в 15:00 — занятие с тьютором Тьюторова Т. И. (онлайн, 45 мин). Тема: Разбор пробной работы',
    ]);
    remindPlanned(t.db, t.deps, new Date('2026-12-24T12:46:00Z'));
    remindPlanned(t.db, t.deps, new Date('2026-12-24T12:50:00Z'));
    const asked = queuedTo(TUTOR).filter((r) => r.payload.text.includes('состоялось?'));
    expect(asked.map((r) => r.payload.text)).toEqual(['Занятие с Петровой А. И. 24.12 в 15:00 состоялось?']);
    const done = `cnqd:${planned.id}`;
    expect(asked[0]!.payload.buttons!.flat().map((b) => b.label)).toEqual(['Состоялась', 'Не состоялась', 'Перенести']);
    t.clock.set('2026-12-24T13:00:00Z');
    expect(words(await as(OTHER_TUTOR)(press(done)))).toMatch(/недоступно/);
    expect(words(await as(TUTOR)(press(done)))).toContain('Записал: 24.12 в 15:00, занятие с Петровой А. И., 45 мин.');
    expect(words(await as(TUTOR)(press(done)))).toContain('Это занятие уже записано.');
    const logged = t.db.select().from(consultations).all();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ date: '2026-12-24', minutes: 45, format: 'online', topic: 'Разбор пробной работы', plannedId: planned.id });
    expect(getPlanned(t.db, planned.id)).toMatchObject({ state: 'done', consultationId: logged[0]!.id });
    expect(words(await as(TUTOR)(press(`cnqn:${planned.id}`)))).toContain('Это занятие уже записано.');
  });

  it('moved, it is reminded of again at the new time; not held, it logs nothing', async () => {
    await planSession();
    const planned = t.db.select().from(plannedConsultations).get()!;
    const say = as(TUTOR);
    await say(press(`cnqm:${planned.id}`));
    await say(text('25.12'));
    const confirm = await say(text('16:30'));
    expect(words(confirm)).toContain('Перенести занятие с Петровой А. И. на 25.12.2026 16:30?');
    expect(words(await say(press(buttonData(confirm, 'Перенести'))))).toContain('теперь 25.12 в 16:30');
    remindPlanned(t.db, t.deps, new Date('2026-12-23T15:00:00Z'));
    expect(queuedTo(TUTOR)).toHaveLength(0);
    remindPlanned(t.db, t.deps, new Date('2026-12-24T15:00:00Z'));
    expect(queuedTo(TUTOR).map((r) => r.payload.text)).toEqual([expect.stringContaining('25.12 в 16:30')]);
    expect(words(await say(press(`cnqn:${planned.id}`)))).toContain('не состоялось');
    expect(getPlanned(t.db, planned.id)?.state).toBe('cancelled');
    expect(t.db.select().from(consultations).all()).toHaveLength(0);
  });

  it('tells a teacher already reminded that it moved or is off, and nobody else', async () => {
    await planSession();
    const planned = t.db.select().from(plannedConsultations).get()!;
    const say = as(TUTOR);
    remindPlanned(t.db, t.deps, new Date('2026-12-23T15:00:00Z'));
    t.clock.set('2026-12-23T16:00:00Z');
    const card = await say(press(`cnqo:${planned.id}`));
    await say(press(buttonData(card, 'Перенести')));
    const confirm = await say(text('26.12 11:00'));
    await say(press(buttonData(confirm, 'Перенести')));
    expect(queuedTo(TEACHER).map((r) => r.payload.text)).toContain('Занятие с тьютором Тьюторова Т. И. перенесено: теперь 26.12 в 11:00.');
    const again = await say(press(`cnqo:${planned.id}`));
    expect(words(await say(press(buttonData(again, 'Отменить'))))).toContain('не состоялось');
    expect(queuedTo(TEACHER).map((r) => r.payload.text)).toContain('Занятие с тьютором Тьюторова Т. И. 26.12 в 11:00 не состоится.');
    expect(queuedTo(OTHER_TUTOR)).toHaveLength(0);
  });

  it('puts the reminder a day before the start when 18:00 is within quiet hours, and past quiet hours when that is quiet too', () => {
    const start = new Date('2026-12-24T12:00:00Z');
    expect(plannedReminderAt(start, 'Europe/Moscow', { start: '21:00', end: '08:00' })?.toISOString()).toBe('2026-12-23T15:00:00.000Z');
    expect(plannedReminderAt(start, 'Europe/Moscow', { start: '17:00', end: '08:00' })?.toISOString()).toBe('2026-12-23T12:00:00.000Z');
    // 06:30 after a quiet night: a day before is quiet too, so the reminder comes at its end, 07:00 the day before.
    expect(plannedReminderAt(new Date('2026-12-24T03:30:00Z'), 'Europe/Moscow', { start: '17:00', end: '07:00' })?.toISOString()).toBe('2026-12-23T04:00:00.000Z');
  });

  it('reads days and times as people type them', () => {
    expect([readDay('завтра', '2026-11-23'), readDay('04.12', '2026-11-23'), readDay('05.01', '2026-11-23'), readDay('31.02', '2026-11-23')]).toEqual(['2026-11-24', '2026-12-04', '2027-01-05', undefined]);
    expect([readTime('15:00'), readTime('9.30'), readTime('15'), readTime('25:00')]).toEqual(['15:00', '09:30', '15:00', undefined]);
    expect([withName('Петрова Анна Ивановна'), withName('Иванов Пётр Сергеевич'), withName('Черных Ольга Ивановна')]).toEqual(['Петровой А. И.', 'Ивановым П. С.', 'Черных О. И.']);
  });
});

describe('the teacher\'s rating', () => {
  beforeEach(() => updateMunicipalitySettings(t.db, ids.municipality, { confirmConsultations: true }));

  async function confirmAndRate(rating: number, comment?: string, user = TEACHER) {
    const entry = log(45, '2026-11-20', undefined, user === TEACHER ? ids.teacher : t.db.select().from(accounts).all().find((a) => a.externalId === user)!.personId!);
    const teacher = as(user);
    const confirmed = await teacher(press(`cnf:${entry.id}`));
    expect(words(confirmed)).toContain('оцените консультацию от 1 до 5');
    const ask = await teacher(press(buttonData(confirmed, String(rating))));
    expect(words(ask)).toContain(`Ваша оценка: ${rating}.`);
    await teacher(comment ? text(comment) : press(buttonData(ask, 'Без комментария')));
    return entry;
  }

  it('is optional, kept with its history, and only the teacher it was for may give it', async () => {
    const entry = log(30);
    expect(words(await as(OTHER_TUTOR)(press(`cnrt:${entry.id}:5`)))).toMatch(/недоступно/);
    expect(words(await as(TUTOR)(press(`cnrt:${entry.id}:5`)))).toMatch(/недоступно/);
    const confirmed = await as(TEACHER)(press(`cnf:${entry.id}`));
    expect(words(await as(TEACHER)(press(buttonData(confirmed, 'Не оценивать'))))).toContain('без оценки');
    expect(getConsultation(t.db, entry.id)?.rating).toBeNull();
    const rated = await confirmAndRate(5, 'Очень помогло с заданиями');
    expect(getConsultation(t.db, rated.id)).toMatchObject({ rating: 5, ratingComment: 'Очень помогло с заданиями' });
    expect(historyOf(t.db, rated.id).map((h) => h.action)).toEqual(['created', 'confirmed', 'rated', 'rated']);
  });

  it('rolls up per tutor without names: «мало оценок» until the minimum, then the average and the comments', async () => {
    await confirmAndRate(5, 'Очень помогло с заданиями');
    await confirmAndRate(4);
    let report = words(await as(COORD)(command('consultations')));
    expect(report).toContain('Тьюторова Т. И.: мало оценок');
    expect(report).not.toContain('Очень помогло');
    expect(words(await as(TUTOR)(command('mylog')))).not.toContain('средняя оценка');
    // A third rating from the same teacher is still hers alone.
    await confirmAndRate(3);
    report = words(await as(COORD)(command('consultations')));
    expect(report).toContain('Тьюторова Т. И.: мало оценок');
    expect(words(await as(TUTOR)(command('mylog')))).not.toContain('средняя оценка');
    await confirmAndRate(4, undefined, SECOND_TEACHER);
    await confirmAndRate(4, undefined, THIRD_TEACHER);
    report = words(await as(COORD)(command('consultations')));
    expect(report).toContain('Тьюторова Т. И.: 4 из 5 (5 оценок)');
    expect(report).toContain('«Очень помогло с заданиями»');
    const ratings = report.slice(report.indexOf('Оценки педагогов'));
    expect(ratings.slice(0, ratings.indexOf('\n\n'))).not.toMatch(/Петрова|Анна|Сидорова|Кузнецова/);
    expect(words(await as(TUTOR)(command('mylog')))).toContain('Ваша средняя оценка от педагогов за учебный год: 4 (5 оценок).');
  });

  it('refuses a comment too long and keeps asking', async () => {
    const entry = log(45);
    const confirmed = await as(TEACHER)(press(`cnf:${entry.id}`));
    await as(TEACHER)(press(buttonData(confirmed, '4')));
    expect(words(await as(TEACHER)(text('я'.repeat(501))))).toContain('Комментарий — от 2 до 500 символов (сейчас 501).');
    expect(getConsultation(t.db, entry.id)?.ratingComment).toBeNull();
  });
});

describe('the XLSX', () => {
  it('has plan against done per pair and the ratings per tutor, formula-safe and without teachers\' names', async () => {
    await setPlan(COORD, '4', '3', '=HYPERLINK("http://x") цели');
    log(90, '2026-11-20', 5);
    log(45, '2026-11-21', 4);
    const result = await t.core.handle(from(COORD, press(`cnx:month:${ids.municipality}`)));
    const file = result.replies.find((r) => r.file)?.file;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file!.data as unknown as ArrayBuffer);
    const rowsOf = (name: string) => {
      const rows: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows;
    };
    expect(rowsOf('План и факт')).toEqual([
      ['Кто провёл', 'С кем', 'План занятий в месяц', 'Проведено занятий', 'План часов в месяц', 'Проведено часов', 'Цели'],
      ['Тьюторова Т. И.', 'Петрова А. И. (математика)', 4, 2, 3, 2.3, '\'=HYPERLINK("http://x") цели'],
    ]);
    expect(rowsOf('Оценки')).toEqual([
      ['Кто провёл', 'Оценок', 'Средняя оценка', 'Комментарии'],
      ['Тьюторова Т. И.', 'мало оценок'],
    ]);
  });
});

describe('/forget', () => {
  it('takes the teacher\'s rating comment and the topics of sessions with her, and calls off those ahead', async () => {
    const entry = log(45, '2026-11-20', 5);
    t.db.update(consultations).set({ ratingComment: 'Спасибо за разбор' }).where(eq(consultations.id, entry.id)).run();
    addConsultation(t.db, { municipalityId: ids.municipality, authorId: ids.tutor, counterpartId: ids.teacher, schoolId: ids.school, date: '2026-11-21', minutes: 30, format: 'online', topic: 'x' }, t.clock.now());
    const planned = addPlanned(t.db, { municipalityId: ids.municipality, authorId: ids.tutor, counterpartId: ids.teacher, schoolId: ids.school, startsAt: new Date('2026-12-01T12:00:00Z'), topic: 'Личная тема' });
    erasePerson(t.db, ids.teacher, t.clock.now());
    expect(getConsultation(t.db, entry.id)).toMatchObject({ rating: 5, ratingComment: null });
    expect(JSON.stringify(historyOf(t.db, entry.id))).not.toContain('Спасибо за разбор');
    expect(getPlanned(t.db, planned.id)).toMatchObject({ topic: '', state: 'cancelled' });
  });
});
