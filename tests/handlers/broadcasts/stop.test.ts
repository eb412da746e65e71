// «Остановить рассылку» at the row level: waiting rows (a retry among them)
// are cancelled in one go, a row a sender has taken finishes, and another
// municipality's coordinator may not stop it.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { markOutboxRetry, postponeOutbox } from '../../../db/repos/outbox.js';
import { outbox } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const OTHER_COORD = 200;
let t: TestCore;

beforeEach(() => {
  t = makeCore();
  t.clock.set('2026-11-23T03:00:00Z'); // 12:00 in Yakutsk
  seedMunicipality(t.db, {
    platform: 'telegram',
    timezone: 'Asia/Yakutsk',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      ...[1, 2, 3, 4].map((user) => ({ name: `Учителева ${user} Ивановна`, role: 'teacher' as const, school: 'Школа А', user })),
    ],
  });
  seedMunicipality(t.db, { name: 'Соседний', platform: 'telegram', schools: [], people: [{ name: 'Соседова Ольга Ивановна', role: 'coordinator', user: OTHER_COORD }] });
});

async function say(user: number, event: Parameters<typeof from>[1]) {
  const result = await t.core.handle(from(String(user), event));
  return { result, all: result.replies.map((r) => r.text).join('\n') };
}
const rows = () => t.db.select().from(outbox).where(eq(outbox.batch, 'broadcast:1')).orderBy(outbox.id).all();

describe('stopping a broadcast', () => {
  it('cancels what waits and leaves what is in flight', async () => {
    await say(COORD, command('broadcast'));
    const audience = await say(COORD, text('Педсовет в четверг.'));
    const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    const done = await say(COORD, press(buttonData(confirm.result.replies, 'Отправить')));
    const stop = buttonData(done.result.replies, 'Остановить рассылку');
    const [sent, sending, retry] = rows();
    t.db.update(outbox).set({ state: 'sent', sentAt: t.clock.now() }).where(eq(outbox.id, sent!.id)).run();
    t.db.update(outbox).set({ state: 'sending', attempts: 1 }).where(eq(outbox.id, sending!.id)).run();
    t.db.update(outbox).set({ attempts: 1, lastError: 'timeout' }).where(eq(outbox.id, retry!.id)).run();

    expect((await say(OTHER_COORD, press(stop))).all).toMatch(/недоступно/);
    expect(rows().filter((r) => r.state === 'pending')).toHaveLength(2);

    expect((await say(COORD, press(stop))).all).toBe('Рассылка остановлена. Успели получить: 1, ещё в пути: 1, отменено: 2.');
    expect(rows().map((r) => r.state)).toEqual(['sent', 'sending', 'failed', 'failed']);
    expect((await say(COORD, press(stop))).all).toBe('Останавливать уже нечего: всё отправлено или рассылка уже остановлена.');

    const report = await say(COORD, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    expect(report.all).toBe('Получателей: 4. Доставлено: 1, заблокировали бота: 0, ошибки: 0, в очереди: 1. Остановлено: 2.');
    // Nothing waits any more, so the report offers no stop; a correction, or an edit in place, for the one who has it.
    expect(report.result.replies.flatMap((r) => r.buttons ?? []).flat().map((b) => b.label)).toEqual(['Обновить', 'Отправить поправку', 'Исправить текст']);
  });

  it('does not send a row that was in flight at the stop when its try fails and would be retried', async () => {
    await say(COORD, command('broadcast'));
    const audience = await say(COORD, text('Педсовет в четверг.'));
    const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    const done = await say(COORD, press(buttonData(confirm.result.replies, 'Отправить')));
    const [first, second] = rows();
    t.db.update(outbox).set({ state: 'sending', attempts: 1 }).where(eq(outbox.id, first!.id)).run();
    t.db.update(outbox).set({ state: 'sending', attempts: 1 }).where(eq(outbox.id, second!.id)).run();
    await say(COORD, press(buttonData(done.result.replies, 'Остановить рассылку')));
    // The sender's try ends: a network error for one, "too many requests" for the other.
    markOutboxRetry(t.db, first!.id, t.clock.now(), 'timeout');
    postponeOutbox(t.db, second!.id, t.clock.now());
    expect(rows().map((r) => r.state)).toEqual(['failed', 'failed', 'failed', 'failed']);
  });
});
