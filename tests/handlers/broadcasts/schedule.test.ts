// A scheduled broadcast set inside quiet hours goes when they end, and says
// so; an urgent one goes at the set time itself. Stopping it before then
// cancels every row.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
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
      { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: 1 },
    ],
  });
});

async function say(event: Parameters<typeof from>[1]) {
  const result = await t.core.handle(from(String(COORD), event));
  return { result, all: result.replies.map((r) => r.text).join('\n') };
}

async function schedule(when: string, confirm: string) {
  await say(command('broadcast'));
  const audience = await say(text('Завтра методический день.'));
  const preview = await say(press(buttonData(audience.result.replies, 'Педагоги')));
  await say(press(buttonData(preview.result.replies, 'Запланировать')));
  const scheduled = await say(text(when));
  return say(press(buttonData(scheduled.result.replies, confirm)));
}

const rows = () => t.db.select().from(outbox).where(eq(outbox.batch, 'broadcast:1')).all();

describe('scheduled broadcasts', () => {
  it('wait for the end of quiet hours after the set time', async () => {
    const done = await schedule('завтра 7:00', 'Запланировать на это время');
    expect(done.all).toContain('разошлю 24 ноября 2026, 08:00 по местному времени');
    expect(done.all).toContain('тихие часы');
    expect(rows().map((r) => r.nextAttemptAt)).toEqual([new Date('2026-11-23T23:00:00Z')]);
  });

  it('an urgent one goes at the set time even in quiet hours', async () => {
    const done = await schedule('завтра 7:00', 'Срочно — отправить даже в тихие часы');
    expect(done.all).toContain('разошлю 24 ноября 2026, 07:00');
    expect(rows().map((r) => r.nextAttemptAt)).toEqual([new Date('2026-11-23T22:00:00Z')]);
  });

  it('stopped before its time, nothing goes', async () => {
    const done = await schedule('25.11 10:00', 'Запланировать на это время');
    const stopped = await say(press(buttonData(done.result.replies, 'Остановить рассылку')));
    expect(stopped.all).toBe('Рассылка остановлена. Успели получить: 0, ещё в пути: 0, отменено: 1.');
    expect(rows().map((r) => r.state)).toEqual(['failed']);
  });
});
