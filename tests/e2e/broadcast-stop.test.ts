// A coordinator stops a broadcast while it drains: forty teachers, a sender
// held to a few messages a second, «Остановить рассылку» pressed once some
// have it. The reply says how many got it and how many were cancelled, the
// rows in flight still arrive, nobody else gets it afterwards, and a second
// press says there is nothing left to stop.
import { describe, expect, it } from 'vitest';
import { countOutbox } from '../../db/repos/outbox.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 7001;
const TEACHERS = Array.from({ length: 40 }, (_, i) => 7100 + i);
const TEXT = 'Собрание перенесено на пятницу';
/** Slow enough that the broadcast is still draining when the button is pressed. */
const RATE = 5;

describe.each(messengers)('stopping a broadcast on %s', (platform) => {
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
    app: { limits: { telegram: { perSecond: RATE, perChatPerSecond: 1 }, vk: { perSecond: RATE }, max: { perSecond: RATE } } },
  });

  const { say, press } = chatOf(() => run.driver, COORD);
  const received = () => TEACHERS.filter((user) => run.driver.messages(user).some((m) => m.text.includes(TEXT)));

  it('cancels what has not gone, says how much, and nothing goes after', async () => {
    await say('/broadcast', /Напишите текст объявления/);
    await say(TEXT, /Кому отправить/);
    await press('Педагоги', /Получат: 40/);
    await press('Отправить', /Отправляю 40 получателям/);
    await waitFor(() => received().length >= 5, 10_000);

    const stopped = await press('Остановить рассылку', /Рассылка остановлена/);
    const [, delivered, inFlight, cancelled] = /Успели получить: (\d+), ещё в пути: (\d+), отменено: (\d+)\./.exec(stopped.text)!.map(Number);
    expect(delivered).toBeGreaterThanOrEqual(5);
    expect(cancelled).toBeGreaterThan(0);
    expect(delivered! + inFlight! + cancelled!).toBe(40);

    // What was in flight finishes; nothing else follows.
    await waitFor(() => countOutbox(run.app.db).pending + countOutbox(run.app.db).sending === 0, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received()).toHaveLength(delivered! + inFlight!);
    expect(countOutbox(run.app.db, { batch: 'broadcast:1' }).sent).toBe(delivered! + inFlight!);

    await press('Остановить рассылку', /Останавливать уже нечего/);
    // The report edits the stop reply it was pressed under.
    run.driver.press(COORD, 'Отчёт о доставке');
    await run.driver.waitForText(COORD, new RegExp(`Получателей: 40\\. Доставлено: ${delivered! + inFlight!}, .*ошибки: 0, в очереди: 0\\. Остановлено: ${cancelled}\\.`));
  });
});
