// A correction after a broadcast: «Отправить поправку» under the delivery
// report goes to exactly those the announcement reached, headed with what it
// corrects; the teacher who blocked the bot and the mentor outside the
// audience get nothing.
import { describe, expect, it } from 'vitest';
import { countOutbox } from '../../db/repos/outbox.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 6901;
const TEACHERS = [6911, 6912];
const BLOCKED = 6913;
const MENTOR = 6921;
const FIX = 'Педсовет не в 14:00, а в 15:00';

describe.each(messengers)('a correction on %s', (platform) => {
  const clock = new FakeClock('2026-11-24T09:00:00Z'); // 12:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: [{ short: 'Школа А', statuses: ['low_results'] }],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        ...[...TEACHERS, BLOCKED].map((user, i) => ({ name: `Учителева ${i} Ивановна`, role: 'teacher' as const, school: 'Школа А', user })),
        { name: 'Наставникова Ольга Ивановна', role: 'mentor', user: MENTOR },
      ],
    }),
    before: (driver) => driver.block(BLOCKED),
  });

  const { say, press } = chatOf(() => run.driver, COORD);

  it('reaches exactly those who got the original', async () => {
    await say('/broadcast', /Напишите текст объявления/);
    await say('Педсовет в четверг в 14:00', /Кому отправить/);
    await press('Педагоги', /Получат: 3/);
    await press('Отправить', /Отправляю 3 получателям/);
    await waitFor(() => countOutbox(run.app.db).pending + countOutbox(run.app.db).sending === 0);
    await press('Отчёт о доставке', /Доставлено: 2, заблокировали бота: 1/);

    await press('Отправить поправку', /Напишите поправку\. Её получат только те, кому объявление уже пришло: 2 человека\./);
    const preview = await say(FIX, /Так будет выглядеть объявление/);
    expect(preview.text).toContain('Получат те, кому пришло объявление: 2.');
    await press('Отправить', /Отправляю 2 получателям/);
    for (const user of TEACHERS) {
      const got = await run.driver.waitForText(user, new RegExp(FIX));
      expect(got.text).toBe(`Поправка к объявлению «Педсовет в четверг в 14:00»:\n\n${FIX}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.driver.messages(BLOCKED)).toEqual([]);
    expect(run.driver.messages(MENTOR)).toEqual([]);
  });
});
