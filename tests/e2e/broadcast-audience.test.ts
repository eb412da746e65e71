// Choosing whom a broadcast goes to, as a coordinator does it in the chat:
// two schools ticked and only their teachers; those who have not answered an
// open survey; those who checked in at a seminar; a typed list of names,
// with the names that matched nobody (or several people) listed plainly.
import { describe, expect, it } from 'vitest';
import { createSeminar, markAttended } from '../../db/repos/seminars.js';
import { addRecipients, createRound, createSurvey, markAnswered } from '../../db/repos/surveys.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { templateByKey } from '../../handlers/surveys/templates.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 6801;
const ANNA = 6811; // teacher, Школа А
const BELLA = 6812; // teacher, Школа Б
const VERA = 6813; // teacher, Школа В
const DINA = 6814; // administration, Школа А
const ALLA = 6815; // teacher, Школа В, Петрова
const NINA = 6816; // teacher, Школа В, Петрова
const EVERYONE = [ANNA, BELLA, VERA, DINA, ALLA, NINA];

describe.each(messengers)('broadcast audiences on %s', (platform) => {
  const clock = new FakeClock('2026-11-24T09:00:00Z'); // 12:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => {
      const seeded = seedMunicipality(db, {
        platform,
        schools: ['Школа А', 'Школа Б', 'Школа В'].map((short) => ({ short, statuses: ['low_results' as const] })),
        people: [
          { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
          { name: 'Аннова Анна Ивановна', role: 'teacher', school: 'Школа А', user: ANNA },
          { name: 'Борисова Бэлла Ивановна', role: 'teacher', school: 'Школа Б', user: BELLA },
          { name: 'Вернова Вера Ивановна', role: 'teacher', school: 'Школа В', user: VERA },
          { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'Школа А', user: DINA },
          { name: 'Петрова Алла Ивановна', role: 'teacher', school: 'Школа В', user: ALLA },
          { name: 'Петрова Нина Ивановна', role: 'teacher', school: 'Школа В', user: NINA },
        ],
      });
      const id = (name: string) => seeded.personIds.get(name)!;
      const survey = createSurvey(db, { municipalityId: seeded.municipalityId, key: 'term-report', title: 'Итоги четверти', definition: { ...templateByKey('term-report')! } });
      const round = createRound(db, { surveyId: survey.id, municipalityId: seeded.municipalityId, audience: { roles: ['teacher'] }, opensAt: new Date('2026-11-20T00:00:00Z'), closesAt: new Date('2026-12-31T00:00:00Z') });
      addRecipients(db, ['Аннова Анна Ивановна', 'Борисова Бэлла Ивановна'].map((name) => ({ roundId: round.id, personId: id(name) })));
      markAnswered(db, round.id, { personId: id('Аннова Анна Ивановна') }, new Date('2026-11-21T10:00:00Z'));
      const seminar = createSeminar(db, {
        municipalityId: seeded.municipalityId,
        title: 'Разбор ВПР',
        startsAt: new Date('2026-11-20T10:00:00Z'),
        format: 'online',
        place: 'https://example.org',
        audience: { roles: ['teacher'] },
        attendanceCode: 'ABCDEF',
      });
      markAttended(db, seminar.id, id('Вернова Вера Ивановна'), 'code', new Date('2026-11-20T10:05:00Z'));
    },
  });

  const { say, press } = chatOf(() => run.driver, COORD);
  /** Waits for the text to reach exactly these people, and a moment more to see it reached nobody else. */
  const reachedOnly = async (text: string, users: number[]) => {
    for (const user of users) await run.driver.waitForText(user, new RegExp(text));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(EVERYONE.filter((user) => run.driver.messages(user).some((m) => m.text.includes(text)))).toEqual(users);
  };
  const start = async (text: string) => {
    await say('/broadcast', /Напишите текст объявления/);
    await say(text, /Кому отправить/);
  };
  const ticked = (label: string) => waitFor(() => run.driver.messages(COORD).some((m) => m.buttons.some((b) => b.label === label)));

  it('goes to the teachers of two ticked schools', async () => {
    await start('Методобъединение в школе А');
    await press('Несколько школ или одна роль в них', /Отметьте школы/);
    run.driver.press(COORD, 'Школа А');
    await ticked('✓ Школа А');
    run.driver.press(COORD, 'Школа Б');
    await ticked('✓ Школа Б');
    await press('Готово, дальше', /Кому в этих школах\?/);
    const preview = await press('Педагоги', /Так будет выглядеть объявление/);
    expect(preview.text).toContain('Получат: 2');
    await press('Отправить', /Отправляю 2 получателям/);
    await reachedOnly('Методобъединение в школе А', [ANNA, BELLA]);
  });

  it('goes to those who have not answered an open survey', async () => {
    await start('Напоминаю про опрос об итогах');
    await press('Кто не ответил на опрос', /Какой опрос\?/);
    const preview = await press(/^Итоги четверти/, /Так будет выглядеть объявление/);
    expect(preview.text).toContain('Получат: 1');
    await press('Отправить', /Отправляю 1 получателю/);
    await reachedOnly('Напоминаю про опрос об итогах', [BELLA]);
  });

  it('goes to those who checked in at a seminar', async () => {
    await start('Материалы семинара по ВПР');
    await press('Кто был на семинаре', /Какой семинар\?/);
    await press(/^Разбор ВПР, 20\.11\.2026$/, /Получат: 1/);
    await press('Отправить', /Отправляю 1 получателю/);
    await reachedOnly('Материалы семинара по ВПР', [VERA]);
  });

  it('goes to a typed list, and says whom it did not find', async () => {
    await start('Жду вас в пятницу на совещании');
    await press('Список по фамилиям', /Напишите фамилии или ФИО/);
    await say('Сидоров Пётр', /Никого из списка не нашлось/);
    const preview = await say('Аннова, Директорова Д.\nПетрова\nСидоров Пётр', /Так будет выглядеть объявление/);
    expect(preview.text).toContain('Получат: 2');
    expect(preview.text).toContain('Не нашлись: Сидоров Пётр. Им объявление не придёт.');
    expect(preview.text).toContain('Подходят несколько человек: Петрова.');
    await press('Отправить', /Отправляю 2 получателям/);
    await reachedOnly('Жду вас в пятницу на совещании', [ANNA, DINA]);
  });
});
