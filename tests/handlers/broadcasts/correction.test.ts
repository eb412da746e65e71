// A correction goes to the people whose row of the original was sent, and to
// nobody else: not to those still waiting, not to the rest of the audience.
// Before anyone has it there is nobody to correct, and another
// municipality's coordinator may not press the button.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
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
      { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: 1 },
      { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа А', user: 2 },
    ],
  });
  seedMunicipality(t.db, { name: 'Соседний', platform: 'telegram', schools: [], people: [{ name: 'Соседова Ольга Ивановна', role: 'coordinator', user: OTHER_COORD }] });
});

async function say(user: number, event: Parameters<typeof from>[1]) {
  const result = await t.core.handle(from(String(user), event));
  return { result, all: result.replies.map((r) => r.text).join('\n') };
}
const rows = (batch: string) => t.db.select().from(outbox).where(eq(outbox.batch, batch)).all();

describe('a correction', () => {
  it('goes only to those whose row was sent', async () => {
    await say(COORD, command('broadcast'));
    const audience = await say(COORD, text('Педсовет в четверг.'));
    const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    const done = await say(COORD, press(buttonData(confirm.result.replies, 'Отправить')));
    const reportButton = buttonData(done.result.replies, 'Отчёт о доставке');

    const before = await say(COORD, press(reportButton));
    expect(before.result.replies.flatMap((r) => r.buttons ?? []).flat().map((b) => b.label)).not.toContain('Отправить поправку');

    const [first] = rows('broadcast:1');
    t.db.update(outbox).set({ state: 'sent', sentAt: t.clock.now() }).where(eq(outbox.id, first!.id)).run();
    const report = await say(COORD, press(reportButton));
    const correct = buttonData(report.result.replies, 'Отправить поправку');
    expect((await say(OTHER_COORD, press(correct))).all).toMatch(/недоступно/);

    expect((await say(COORD, press(correct))).all).toContain('уже пришло: 1 человек.');
    const preview = await say(COORD, text('Не в четверг, а в пятницу.'));
    await say(COORD, press(buttonData(preview.result.replies, 'Отправить')));
    expect(rows('broadcast:2').map((r) => r.accountId)).toEqual([first!.accountId]);
    expect(rows('broadcast:2')[0]?.payload).toMatchObject({ text: 'Поправка к объявлению «Педсовет в четверг.»:\n\nНе в четверг, а в пятницу.' });
  });
});
