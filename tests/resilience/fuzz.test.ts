// Fuzzing every adapter: thousands of random updates (any Unicode, control
// characters, 10,000-character and empty text, forged or stale button data,
// unknown update types, files of every odd kind) through the real grammY,
// vk-io and MAX SDK adapters. Nothing may crash and nothing unexpected may be logged; the
// bot must still answer afterwards.
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { definedActionNames } from '../../handlers/core/actions.js';
import type { Log } from '../../handlers/core/log.js';
import type { FakeTelegram } from '../e2e/fake-telegram.js';
import type { FakeVk } from '../e2e/fake-vk.js';
import type { FakeMax } from '../e2e/fake-max.js';
import { drivers, messengers, type Driver } from '../e2e/drivers.js';
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
  // Every action the handlers define, with made-up ids: a new button is forged the day it is added.
  fc.tuple(fc.constantFrom(...definedActionNames()), fc.array(fc.oneof(fc.nat(), fc.constantFrom('yes', 'all', '-1', 'x')), { maxLength: 3 })).map(([n, a]) => [n, ...a].join(':')),
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

type MaxMove = VkMove | { kind: 'start'; user: number; payload: string };

const maxMoves = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), user, text: anyText }),
  fc.record({ kind: fc.constant('press' as const), user, payload: buttonData }),
  fc.record({ kind: fc.constant('file' as const), user, name: fileName }),
  fc.record({ kind: fc.constant('start' as const), user, payload: anyText }),
  fc.record({
    kind: fc.constant('raw' as const),
    update: fc.oneof(
      fc.record({
        update_type: fc.constantFrom('message_created', 'message_callback', 'bot_started', 'message_edited', 'user_added', 'dialog_cleared', 'bot_stopped'),
        timestamp: fc.oneof(fc.nat(), fc.string()),
        message: fc.oneof(fc.object(), fc.string(), fc.constant(null)),
        callback: fc.oneof(fc.object(), fc.constant(undefined)),
        user: fc.oneof(fc.object(), fc.record({ user_id: fc.integer(), first_name: fc.string() })),
      }),
      fc.object(),
    ),
  }),
) as fc.Arbitrary<MaxMove>;

describe.each(messengers)('fuzzing the %s adapter', (platform) => {
  let driver: Driver;
  let app: App;
  const errors: unknown[] = [];
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    driver = await drivers[platform]();
    const config = driver.config(join(dir, 'fuzz.db'));
    // Sending limits raised: this test is about input, not pacing.
    const limits = { telegram: { perSecond: 2000 }, vk: { perSecond: 1000 }, max: { perSecond: 1000 } };
    app = await startApp(config, { log: recordingLog(errors), manualScheduler: true, limits });
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
    } else if (platform === 'max') {
      const server = (driver as Driver & { server: FakeMax }).server;
      for (const move of fc.sample(maxMoves, { numRuns: UPDATES, seed: SEED })) {
        if (move.kind === 'text') server.userSends(move.user, move.text.slice(0, 4000));
        else if (move.kind === 'press') server.userPresses(move.user, 'mid.stale', String(move.payload));
        else if (move.kind === 'file') server.userSendsDocument(move.user, move.name || 'x', Buffer.from('данные'));
        else if (move.kind === 'start') server.userStarts(move.user, move.payload);
        else server.pushRawUpdate(move.update);
      }
    } else {
      const server = (driver as Driver & { server: FakeVk }).server;
      for (const move of fc.sample(vkMoves, { numRuns: UPDATES, seed: SEED })) {
        if (move.kind === 'text') server.userSends(move.user, move.text, move.payload);
        else if (move.kind === 'press') server.userPressesCallback(move.user, 1, move.payload);
        else if (move.kind === 'file') server.userSendsDocument(move.user, move.name || 'x', Buffer.from('данные'), 'exe');
        else server.pushRawUpdate(move.update);
      }
    }
    // Updates are handled in order (on MAX, in order within a chat): an answer to this one means the random ones were read.
    driver.say(4040, '/help');
    await driver.waitForText(4040, /Вот команды/, 0, 150_000);
    // The random updates were really read and answered, not dropped.
    const answeredNow = () => Array.from({ length: 25 }, (_, i) => driver.messages(i + 1).length).reduce((a, b) => a + b, 0);
    for (let last = -1; answeredNow() !== last; ) {
      last = answeredNow();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(errors).toEqual([]);
    const answered = answeredNow();
    expect(answered).toBeGreaterThan(UPDATES / 4);
  });
});
