// Fuzzing both adapters: thousands of random updates (any Unicode, control
// characters, 10,000-character and empty text, forged or stale button data,
// unknown update types, files of every odd kind) through the real grammY and
// vk-io adapters. Nothing may crash and nothing unexpected may be logged; the
// bot must still answer afterwards.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import type { Log } from '../../handlers/core/log.js';
import type { FakeTelegram } from '../e2e/fake-telegram.js';
import type { FakeVk } from '../e2e/fake-vk.js';
import { drivers, type Driver } from '../e2e/drivers.js';
import { tempDir } from '../helpers/core.js';

const UPDATES = 2000;
const SEED = 20261123;

function recordingLog(errors: unknown[]): Log {
  const log: Log = { debug: () => {}, info: () => {}, warn: () => {}, error: (obj) => void errors.push(obj), child: () => log };
  return log;
}

const control = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  control,
  fc.constant(''),
  fc.constant('я'.repeat(10_000)),
  fc.constantFrom('/start', '/help', '/my', '/log', '/survey', '/import', '/forget', '/cancel', '/start AAAAAAAA', '/here ZZZZZZ', 'ABCDEFGH'),
  fc.string({ maxLength: 30 }).map((s) => `/${s}`),
);
const buttonData = fc.oneof(
  fc.string({ maxLength: 64 }),
  fc.constantFrom('d:1:0', 'd:999999:3', 'asg-s:1', 'rsvp:1:yes', 'svs:1', 'rmd:1', 'aux:1', 'x'.repeat(64), 'd:-1:0', 'sfb:1:9', ''),
  fc.tuple(fc.constantFrom('d', 'asg-t', 'sem', 'att', 'cne', 'svg'), fc.array(fc.nat(), { maxLength: 3 })).map(([n, a]) => [n, ...a].join(':')),
);
const fileName = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('../../etc/passwd', 'C:\\Windows\\x.xlsx', 'план.docx', '.xlsx', 'a'.repeat(300)));
const user = fc.integer({ min: 1, max: 25 });

type TelegramMove = { kind: 'text'; user: number; text: string } | { kind: 'press'; user: number; data: string } | { kind: 'file'; user: number; name: string } | { kind: 'raw'; update: Record<string, unknown> };

const telegramMoves = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), user, text: anyText }),
  fc.record({ kind: fc.constant('press' as const), user, data: buttonData }),
  fc.record({ kind: fc.constant('file' as const), user, name: fileName }),
  fc.record({
    kind: fc.constant('raw' as const),
    update: fc.oneof(
      fc.record({ edited_message: fc.record({ text: anyText }) }),
      fc.record({ my_chat_member: fc.object() }),
      fc.record({ message: fc.oneof(fc.object(), fc.constant(null), fc.string()) }),
      fc.record({ callback_query: fc.object() }),
      fc.object(),
    ),
  }),
) as fc.Arbitrary<TelegramMove>;

type VkMove = { kind: 'text'; user: number; text: string; payload?: string } | { kind: 'press'; user: number; payload: unknown } | { kind: 'file'; user: number; name: string } | { kind: 'raw'; update: Record<string, unknown> };

const vkMoves = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), user, text: anyText, payload: fc.option(fc.oneof(fc.string(), buttonData.map((a) => JSON.stringify({ a }))), { nil: undefined }) }),
  fc.record({ kind: fc.constant('press' as const), user, payload: fc.oneof(fc.object(), buttonData.map((a) => ({ a })), fc.string(), fc.integer()) }),
  fc.record({ kind: fc.constant('file' as const), user, name: fileName }),
  fc.record({
    kind: fc.constant('raw' as const),
    update: fc.oneof(
      fc.record({ type: fc.constantFrom('message_new', 'message_event', 'wall_post_new', 'group_join', 'message_reply'), object: fc.oneof(fc.object(), fc.string(), fc.constant(null)) }),
      fc.object(),
    ),
  }),
) as fc.Arbitrary<VkMove>;

describe.each(['telegram', 'vk'] as const)('fuzzing the %s adapter', (platform) => {
  let driver: Driver;
  let app: App;
  const errors: unknown[] = [];
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    driver = await drivers[platform]();
    const config = driver.config(join(dir, 'fuzz.db'));
    // Sending limits raised: this test is about input, not pacing.
    const fast = config.telegram ? { ...config, telegram: { ...config.telegram, rateLimit: 2000 } } : { ...config, vk: config.vk && { ...config.vk, apiLimit: 1000 } };
    app = await startApp(fast, { log: recordingLog(errors), manualScheduler: true, limits: { telegram: { perSecond: 2000 }, vk: { perSecond: 1000 } } });
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  it(`survives ${UPDATES} random updates and still answers`, { timeout: 180_000 }, async () => {
    if (platform === 'telegram') {
      const server = (driver as Driver & { server: FakeTelegram }).server;
      for (const move of fc.sample(telegramMoves, { numRuns: UPDATES, seed: SEED })) {
        const from = { id: move.kind === 'raw' ? 1 : move.user, first_name: 'Fuzz' };
        if (move.kind === 'text') server.userSends(from, move.text === '' ? ' ' : move.text.slice(0, 4096));
        else if (move.kind === 'press') server.userPresses(from, 1, move.data);
        else if (move.kind === 'file') server.userSendsDocument(from, move.name || 'x', Buffer.from('данные'), 'application/x-whatever');
        else server.pushRawUpdate(move.update);
      }
      await server.waitFor(() => server.pendingUpdates() === 0, 120_000);
    } else {
      const server = (driver as Driver & { server: FakeVk }).server;
      for (const move of fc.sample(vkMoves, { numRuns: UPDATES, seed: SEED })) {
        if (move.kind === 'text') server.userSends(move.user, move.text, move.payload);
        else if (move.kind === 'press') server.userPressesCallback(move.user, 1, move.payload);
        else if (move.kind === 'file') server.userSendsDocument(move.user, move.name || 'x', Buffer.from('данные'), 'exe');
        else server.pushRawUpdate(move.update);
      }
    }
    // Updates are handled in order: an answer to this one means every random one before it was handled.
    driver.say(4040, '/help');
    await driver.waitForText(4040, /Вот команды/, 0, 150_000);
    expect(errors).toEqual([]);
    // The random updates were really read and answered, not dropped.
    const answered = Array.from({ length: 25 }, (_, i) => driver.messages(i + 1).length).reduce((a, b) => a + b, 0);
    expect(answered).toBeGreaterThan(UPDATES / 4);
  });
});
