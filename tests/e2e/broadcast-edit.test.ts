// Pinning and editing a sent broadcast: an announcement sent with «Закрепить
// в чате» is pinned in each teacher's chat; «Исправить текст» changes it in
// place for exactly those who got it (the pin follows, no new message); where
// the message cannot be edited (its id unknown, the platform refuses) the
// coordinator is told so and one tap sends those people a correction.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { countOutbox } from '../../db/repos/outbox.js';
import { accounts, broadcasts, outbox } from '../../db/schema.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';
import type { FakeMax } from './fake-max.js';
import type { FakeTelegram } from './fake-telegram.js';
import type { FakeVk } from './fake-vk.js';

const COORD = 7101;
const TEACHERS = [7111, 7112, 7113];
const BLOCKED = 7114;
const MENTOR = 7121;

type Server = FakeTelegram | FakeVk | FakeMax;

/** The text of the bot message pinned in a user's chat, as each fake keeps it. */
function pinnedText(server: Server, user: number): string | undefined {
  const pinned = server.pinnedMessage(user);
  if (!pinned) return undefined;
  return 'caption' in pinned ? (pinned.text ?? pinned.caption) : pinned.text;
}

describe.each(messengers)('pinning and editing a broadcast on %s', (platform) => {
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
  const drained = () => waitFor(() => countOutbox(run.app.db).pending + countOutbox(run.app.db).sending === 0);

  /** Sends an announcement to the teachers with «Закрепить в чате» on (and «Ознакомлен(а)» if asked), and opens its delivery report. */
  async function announce(text: string, askAck = false): Promise<void> {
    await say('/broadcast', /Напишите текст объявления/);
    await say(text, /Кому отправить/);
    // The teacher who blocked the bot is left out once the bot knows.
    await press('Педагоги', /Получат: [34]/);
    await press('Закрепить в чате', /Закреплю объявление в чате/);
    if (askAck) await press('Попросить подтвердить прочтение', /Попрошу подтвердить прочтение/);
    await press('Отправить', /Отправляю [34] получателям/);
    await drained();
    const report = await press('Отчёт о доставке', /Доставлено: 3/);
    expect(report.text).toContain('Закреплено в чатах: 3 из 3.');
  }

  it('pins the announcement, then edits it in place for exactly those who got it', async () => {
    const original = 'Педсовет в четверг в 14:00, актовый зал';
    const fixed = 'Педсовет в четверг в 15:00, актовый зал';
    await announce(original, true);
    for (const user of TEACHERS) {
      expect(run.driver.messages(user).map((m) => m.text)).toEqual([original]);
      expect(pinnedText(run.driver.server, user)).toBe(original);
    }
    const [confirmed, ...others] = TEACHERS as [number, ...number[]];
    run.driver.press(confirmed, 'Ознакомлен(а)');
    await waitFor(() => run.driver.messages(confirmed)[0]?.buttons[0]?.label.startsWith('✓') === true);

    await press('Исправить текст', /Напишите новый текст объявления\. Сейчас оно такое:\n\nПедсовет в четверг в 14:00/);
    await say(original, /тот же текст, что и сейчас/);
    await say('x', /слишком короткий/);
    const preview = await say(fixed, /Так объявление будет выглядеть после исправления/);
    expect(preview.text).toContain('Исправлю на месте у 3 человек.');
    await press('Исправить', /Исправлено: 0\. Ещё исправляется: 3\. Не удалось исправить: 0\./);
    await drained();

    for (const user of TEACHERS) {
      const got = await run.driver.waitForText(user, /15:00/);
      // Confirming «Ознакомлен(а)» edited the first teacher's message once already.
      expect(got.edits).toBe(user === confirmed ? 2 : 1);
      expect(run.driver.messages(user)).toHaveLength(1);
      expect(pinnedText(run.driver.server, user)).toBe(fixed);
    }
    // The edit keeps each keyboard as it was: a confirmation stays confirmed.
    expect(run.driver.messages(confirmed)[0]?.buttons.map((b) => b.label)).toEqual([expect.stringMatching(/^✓ Ознакомлен\(а\)/)]);
    for (const user of others) expect(run.driver.messages(user)[0]?.buttons.map((b) => b.label)).toEqual(['Ознакомлен(а)']);
    expect(run.driver.messages(BLOCKED)).toEqual([]);
    expect(run.driver.messages(MENTOR)).toEqual([]);
    const edited = run.app.db.select({ text: broadcasts.text, editedAt: broadcasts.editedAt }).from(broadcasts).all().at(-1);
    expect(edited?.text).toBe(fixed);
    expect(edited?.editedAt).toEqual(clock.now());
  });

  it('tells how many could not be edited and sends exactly those a correction', async () => {
    const original = 'Сдать отчёты до пятницы';
    const fixed = 'Сдать отчёты до понедельника';
    await announce(original);
    // One message was sent before ids were kept; another one the platform no longer finds.
    const rowOf = (user: number) =>
      run.app.db
        .select({ id: outbox.id })
        .from(outbox)
        .innerJoin(accounts, eq(accounts.id, outbox.accountId))
        .where(sql`${accounts.chatId} = ${String(user)} and ${outbox.payload} ->> '$.text' = ${original}`)
        .get()!.id;
    const [edited, unknown, refused] = TEACHERS as [number, number, number];
    run.app.db.update(outbox).set({ platformMessageId: null }).where(eq(outbox.id, rowOf(unknown))).run();
    run.app.db.update(outbox).set({ platformMessageId: platform === 'max' ? 'mid.gone' : '999999' }).where(eq(outbox.id, rowOf(refused))).run();

    await press('Исправить текст', /Исправить на месте получится у 2 человек/);
    const preview = await say(fixed, /Так объявление будет выглядеть после исправления/);
    expect(preview.text).toContain('У 1 человека сообщение уже не исправить');
    await press('Исправить', /Исправлено: 0\. Ещё исправляется: 2\. Не удалось исправить: 1\./);
    await drained();
    await press('Обновить', /Исправлено: 1\. Ещё исправляется: 0\. Не удалось исправить: 2\./);

    await run.driver.waitForText(edited, new RegExp(fixed));
    await press('Отправить поправку им (2)', /Отправляю 2 получателям/);
    for (const user of [unknown, refused]) {
      const got = await run.driver.waitForText(user, /Поправка к объявлению/);
      expect(got.text).toBe(`Поправка к объявлению «${original}»:\n\n${fixed}`);
    }
    // A second press of the same button says it was done and sends nothing more.
    run.driver.press(COORD, 'Отправить поправку им (2)');
    await run.driver.waitForText(COORD, /отправлена поправка/);
    await drained();
    for (const user of [unknown, refused]) expect(run.driver.messages(user).filter((m) => /Поправка/.test(m.text))).toHaveLength(1);
    expect(run.driver.messages(edited).filter((m) => /Поправка/.test(m.text))).toEqual([]);
    expect(run.driver.messages(MENTOR)).toEqual([]);
  });

  it('a day later VK no longer offers to edit in place; Telegram and MAX still do', async () => {
    clock.advance(25 * 60 * 60 * 1000);
    // The newest report is the second announcement's: of its three messages, two had an id kept.
    const prompt = await press('Исправить текст', /Исправить на месте получится у \d человек/);
    expect(prompt.text).toContain(platform === 'vk' ? 'получится у 0 человек' : 'получится у 2 человек');
    await say('/cancel', /.+/);
  });
});
