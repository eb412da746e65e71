// Mentoring with a plan on every messenger, with a fake clock: the
// coordinator sets a pair's plan of four sessions a month and the tutor sees
// «2 из 4» after logging two; a session planned for tomorrow 15:00 is
// reminded of the day before at 18:00 (the tutor and the teacher), and
// «Состоялась» after it logs exactly one consultation however often it is
// pressed; the teacher rates each consultation she confirms, and the
// coordinator's report says «мало оценок» until three different teachers
// have rated (three ratings from one teacher are still hers).
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../db/repos/assignments.js';
import { updateMunicipalitySettings } from '../../db/repos/org.js';
import { consultations, plannedConsultations } from '../../db/schema.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 7101;
const TUTOR = 7102;
const TEACHER = 7103;
const SECOND_TEACHER = 7104;
const THIRD_TEACHER = 7105;

const pause = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(messengers)('mentoring with a plan on %s', (platform) => {
  const clock = new FakeClock('2026-12-03T07:00:00Z'); // Thursday, 10:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => {
      const seeded = seedMunicipality(db, {
        platform,
        schools: [{ short: 'Школа А', statuses: ['low_results'] }],
        people: [
          { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
          { name: 'Тьюторов Игорь Семёнович', role: 'tutor', subjects: ['math'], user: TUTOR },
          { name: 'Петрова Анна Ивановна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: TEACHER },
          { name: 'Сидорова Светлана Петровна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: SECOND_TEACHER },
          { name: 'Кузнецова Ксения Олеговна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: THIRD_TEACHER },
        ],
      });
      updateMunicipalitySettings(db, seeded.municipalityId, { confirmConsultations: true });
      for (const teacher of ['Петрова Анна Ивановна', 'Сидорова Светлана Петровна', 'Кузнецова Ксения Олеговна']) {
        createAssignment(db, {
          kind: 'tutor_teacher',
          municipalityId: seeded.municipalityId,
          helperId: seeded.personIds.get('Тьюторов Игорь Семёнович')!,
          teacherId: seeded.personIds.get(teacher)!,
          subject: 'math',
          startsOn: '2026-09-01',
        });
      }
    },
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);
  const said = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;

  /** The teacher confirms the newest consultation asked of her and rates it, with or without a comment. */
  async function confirmAndRate(rating: number, comment?: string, teacher = TEACHER) {
    await run.driver.waitForText(teacher, /отметил\(а\) консультацию с вами/, Math.max(0, run.driver.messages(teacher).length - 1));
    await act(teacher, { press: 'Да, встреча была' }, /оцените консультацию от 1 до 5/);
    await act(teacher, { press: String(rating) }, new RegExp(`Ваша оценка: ${rating}\\.`));
    if (comment) await act(teacher, { say: comment }, /Спасибо за оценку и комментарий/);
    else await act(teacher, { press: 'Без комментария' }, /Спасибо за оценку!/);
  }

  it('the coordinator sets a plan of four sessions; two logged show «2 из 4»', async () => {
    await act(COORD, { say: '/consultations' }, /Консультации с 01\.12\.2026 по 03\.12\.2026/);
    await act(COORD, { press: 'План по парам' }, /Пары и их план на этот месяц/);
    await act(COORD, { press: 'Тьюторов И. С. → Петрова А. И.' }, /Плана пока нет/);
    await act(COORD, { press: 'Задать план' }, /Сколько занятий в месяц/);
    await act(COORD, { press: '4' }, /Сколько часов в месяц/);
    await act(COORD, { say: '3' }, /Цели пары/);
    await act(COORD, { say: 'Подготовка 9 класса к ОГЭ' }, /План: 4 занятия в месяц, 3 ч в месяц/);
    await act(COORD, { press: 'Сохранить' }, /План сохранён/);
    await run.driver.waitForText(TUTOR, /Координатор задал план по паре «Петрова А. И. \(математика\)»: 4 занятия в месяц, 3 ч в месяц/);

    await act(TUTOR, { say: '/log Петрова 45 мин онлайн: разбор ВПР' }, /Сохранить\?/);
    await act(TUTOR, { press: 'Сохранить' }, /Записал/);
    await confirmAndRate(5, 'Очень помогло с трудными заданиями');
    await act(TUTOR, { say: '/log Петрова 45 мин очно: пробный ОГЭ' }, /Сохранить\?/);
    await act(TUTOR, { press: 'Сохранить' }, /Записал/);
    await confirmAndRate(4);

    const mine = await act(TUTOR, { say: '/mylog' }, /Консультации в этом месяце: 2/);
    expect(mine.text).toContain('Петрова А. И. (математика): 2 из 4 занятий, 1 ч 30 мин из 3 ч');
    expect(mine.text).toContain('Подготовка 9 класса к ОГЭ');
    expect(mine.text).not.toContain('средняя оценка');

    const report = await act(COORD, { say: '/consultations' }, /Оценки педагогов/);
    expect(report.text).toContain('Тьюторов И. С. → Петрова А. И. (математика): 2 из 4 занятий, 1 ч 30 мин из 3 ч');
    expect(report.text).toContain('Тьюторов И. С.: мало оценок');
    expect(report.text).not.toContain('Очень помогло');
  });

  it('a session planned for tomorrow 15:00 is reminded of the day before at 18:00', async () => {
    await act(TUTOR, { say: '/mylog' }, /Консультации в этом месяце/);
    await act(TUTOR, { press: 'Запланировать' }, /С кем будет занятие/);
    await act(TUTOR, { press: 'Петрова Анна Ивановна (Школа А)' }, /Когда\?/);
    await act(TUTOR, { press: 'Завтра' }, /Во сколько/);
    await act(TUTOR, { say: '15:00' }, /Сколько продлится/);
    await act(TUTOR, { press: '60 мин' }, /Как пройдёт/);
    await act(TUTOR, { press: 'онлайн' }, /Тема\?/);
    const summary = await act(TUTOR, { say: 'Разбор пробного ОГЭ' }, /Запланировать\?/);
    expect(summary.text).toContain('Когда: 04.12.2026 15:00');
    await act(TUTOR, { press: 'Запланировать' }, /Запланировал: 04\.12 в 15:00, занятие с Петровой А\. И\./);

    clock.set('2026-12-03T14:59:00Z'); // 17:59 in Moscow
    await run.app.scheduler.tick();
    await pause();
    expect(said(TUTOR, /Напоминаю/)).toBe(0);

    clock.set('2026-12-03T15:00:00Z'); // 18:00
    await run.app.scheduler.tick();
    await run.driver.waitForText(TUTOR, /Напоминаю: 04\.12 в 15:00 — занятие с Петровой А\. И\. \(онлайн, 60 мин\)\. Тема: Разбор пробного ОГЭ/);
    await run.driver.waitForText(TEACHER, /Напоминаю: 04\.12 в 15:00 — занятие с тьютором Тьюторов И\. С\./);
    clock.set('2026-12-03T15:05:00Z');
    await run.app.scheduler.tick();
    await pause();
    expect(said(TUTOR, /Напоминаю/)).toBe(1);
    expect(said(TEACHER, /Напоминаю/)).toBe(1);
  });

  it('«Состоялась» after it logs exactly one consultation, however often it is pressed', async () => {
    clock.set('2026-12-04T12:30:00Z'); // 15:30, still going
    await run.app.scheduler.tick();
    await pause();
    expect(said(TUTOR, /состоялось\?/)).toBe(0);

    clock.set('2026-12-04T13:01:00Z'); // 16:01, over
    await run.app.scheduler.tick();
    const asked = await run.driver.waitForText(TUTOR, /Занятие с Петровой А\. И\. 04\.12 в 15:00 состоялось\?/);
    expect(asked.buttons.map((b) => b.label)).toEqual(['Состоялась', 'Не состоялась', 'Перенести']);
    const done = asked.buttons.find((b) => b.label === 'Состоялась')!.data;
    await act(TUTOR, { press: 'Состоялась' }, /Записал: 04\.12 в 15:00, занятие с Петровой А\. И\., 60 мин/);
    // A second tap on the same message (a double tap, another device) logs nothing more.
    run.driver.pressRaw(TUTOR, asked.id, done);
    await run.driver.waitForText(TUTOR, /Это занятие уже записано/, Math.max(0, run.driver.messages(TUTOR).length - 1));
    // Nor is the question asked again.
    const before = run.driver.messages(TUTOR).length;
    await run.app.scheduler.tick();
    await pause();
    expect(run.driver.messages(TUTOR).slice(before).filter((m) => /состоялось\?/.test(m.text))).toEqual([]);

    const logged = run.app.db.select().from(consultations).all().filter((c) => c.plannedId !== null);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ date: '2026-12-04', minutes: 60, format: 'online', topic: 'Разбор пробного ОГЭ' });
    expect(run.app.db.select().from(plannedConsultations).all()).toEqual([expect.objectContaining({ state: 'done', consultationId: logged[0]!.id })]);
    const mine = await act(TUTOR, { say: '/mylog' }, /Консультации в этом месяце: 3/);
    expect(mine.text).toContain('Петрова А. И. (математика): 3 из 4 занятий, 2 ч 30 мин из 3 ч');
  });

  it('three different teachers lift «мало оценок»: the average and the comment, without a teacher\'s name', async () => {
    await confirmAndRate(3);
    // Three ratings, all from one teacher: still hers alone.
    let report = await act(COORD, { say: '/consultations' }, /Оценки педагогов/);
    expect(report.text).toContain('Тьюторов И. С.: мало оценок');
    await act(TUTOR, { say: '/log Сидорова 30 мин онлайн: пробник' }, /Сохранить\?/);
    await act(TUTOR, { press: 'Сохранить' }, /Записал/);
    await confirmAndRate(4, undefined, SECOND_TEACHER);
    await act(TUTOR, { say: '/log Кузнецова 30 мин онлайн: пробник' }, /Сохранить\?/);
    await act(TUTOR, { press: 'Сохранить' }, /Записал/);
    await confirmAndRate(4, undefined, THIRD_TEACHER);
    report = await act(COORD, { say: '/consultations' }, /Оценки педагогов/);
    const ratings = report.text.slice(report.text.indexOf('Оценки педагогов'));
    expect(ratings, ratings).toContain('Тьюторов И. С.: 4 из 5 (5 оценок)');
    expect(ratings).toContain('«Очень помогло с трудными заданиями»');
    expect(ratings.slice(0, ratings.indexOf('\n\n'))).not.toMatch(/Петрова|Анна|Сидорова|Кузнецова/);
    const mine = await act(TUTOR, { say: '/mylog' }, /Консультации в этом месяце: 5/);
    expect(mine.text).toContain('Ваша средняя оценка от педагогов за учебный год: 4 (5 оценок).');
  });
});
