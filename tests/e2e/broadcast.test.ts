// A broadcast from the chat on both messengers: a file with a caption, a
// preview with the count per messenger, a confirm step, quiet hours held back
// until morning unless urgent, and the delivery report.
import { describe, expect, it } from 'vitest';
import { countOutbox } from '../../db/repos/outbox.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 6001;
const TEACHERS = [6011, 6012, 6013];
const BLOCKED = 6013;
const MENTOR = 6021;

describe.each(messengers)('broadcasts on %s', (platform) => {
  const clock = new FakeClock('2026-11-23T19:30:00Z'); // 22:30 in Moscow: quiet hours
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
      platform,
      schools: [{ short: 'Школа А', statuses: ['low_results'] }],
      people: [
        { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
        ...TEACHERS.map((user, i) => ({ name: `Учителева ${i} Ивановна`, role: 'teacher' as const, school: 'Школа А', user })),
        { name: 'Без Мессенджера Иван', role: 'teacher', school: 'Школа А' },
        { name: 'Наставникова Ольга Ивановна', role: 'mentor', user: MENTOR },
      ],
    }),
    before: (driver) => driver.block(BLOCKED),
  });

  const { say, press } = chatOf(() => run.driver, COORD);

  it('holds a non-urgent broadcast until the end of quiet hours', async () => {
    await say('/broadcast', /Напишите текст объявления/);
    await say('Педсовет переносится на четверг', /Кому отправить/);
    const preview = await press('Педагоги', /Так будет выглядеть объявление/);
    expect(preview.text).toContain(`Получат: 3 (${run.driver.label}: 3). Ещё не подключились: 1.`);
    await press('Отправить', /Отправляю 3 получателям/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(run.driver.messages(TEACHERS[0]!)).toEqual([]);
    clock.set('2026-11-24T05:00:00Z'); // 08:00
    await run.driver.waitForText(TEACHERS[0]!, /Педсовет переносится на четверг/);
    await run.driver.waitForText(TEACHERS[1]!, /Педсовет переносится на четверг/);
    await waitFor(() => countOutbox(run.app.db).pending + countOutbox(run.app.db).sending === 0);
    await press('Отчёт о доставке', /Получателей: 3. Доставлено: 2, заблокировали бота: 1, ошибки: 0, в очереди: 0\./);
    expect(run.driver.messages(MENTOR)).toEqual([]);
  });

  it('sends a file with a caption at once when marked urgent', async () => {
    clock.set('2026-11-24T20:00:00Z'); // 23:00 again
    await say('/broadcast', /Напишите текст объявления/);
    const since = run.driver.messages(COORD).length;
    run.driver.sendFile(COORD, 'график.pdf', Buffer.from('%PDF-1.4 расписание'));
    await run.driver.waitForText(COORD, /Файл «график.pdf» получил/, since);
    await say('Срочно: новый график консультаций', /Кому отправить/);
    await press('Наставники и тьюторы', /📎 график.pdf/);
    await press('Срочно — отправить даже в тихие часы', /Отправляю 1 получателю/);
    const got = await run.driver.waitForText(MENTOR, /Срочно: новый график консультаций/);
    expect(got).toBeDefined();
    expect(run.driver.lastDocumentName(MENTOR)).toBe('график.pdf');
    expect(run.driver.lastDocument(MENTOR)?.toString()).toBe('%PDF-1.4 расписание');
  });
});

