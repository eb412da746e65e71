// A broadcast set for a time: the coordinator chooses «Запланировать», types
// a time that has passed (refused politely), then «завтра 9:30»; the reply
// says when in local time, nobody gets it a minute before, everyone after.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 6501;
const TEACHERS = [6511, 6512, 6513];
const TEXT = 'Напоминаю: в среду методический день';

describe.each(messengers)('a scheduled broadcast on %s', (platform) => {
  const clock = new FakeClock('2026-11-24T09:00:00Z'); // 12:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: [{ short: 'Школа А', statuses: ['low_results'] }],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        ...TEACHERS.map((user, i) => ({ name: `Учителева ${i} Ивановна`, role: 'teacher' as const, school: 'Школа А', user })),
      ],
    }),
  });

  const { say, press } = chatOf(() => run.driver, COORD);
  const got = () => TEACHERS.filter((user) => run.driver.messages(user).some((m) => m.text.includes(TEXT)));
  const pause = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('goes at the time set, not before', async () => {
    await say('/broadcast', /Напишите текст объявления/);
    await say(TEXT, /Кому отправить/);
    await press('Педагоги', /Так будет выглядеть объявление/);
    await press('Запланировать', /Когда отправить\?/);
    await say('24.11 10:00', /Это время уже прошло/);
    const preview = await say('завтра 9:30', /Так будет выглядеть объявление/);
    expect(preview.text).toContain('Разошлю 25 ноября 2026, 09:30 по местному времени.');
    await press('Запланировать на это время', /Запланировано для 3 получателей: разошлю 25 ноября 2026, 09:30 по местному времени\./);

    await pause();
    clock.set('2026-11-25T06:29:00Z'); // 09:29 in Moscow
    await pause();
    expect(got()).toEqual([]);

    clock.set('2026-11-25T06:30:00Z');
    for (const user of TEACHERS) await run.driver.waitForText(user, new RegExp(TEXT));
    expect(got()).toEqual(TEACHERS);
  });
});
