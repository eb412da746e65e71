// Garbage in, no crash out: malformed updates, unknown commands, forged and
// stale buttons and a 10,000-character message each get a clear answer or are
// ignored, and the bot keeps answering afterwards.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import type { Log } from '../../handlers/core/log.js';
import { tempDir } from '../helpers/core.js';
import { waitFor } from '../helpers/wait.js';
import { drivers, messengers, type Driver } from './drivers.js';

/** Records error-level log lines, so the test can say none were unexpected. */
function recordingLog(errors: unknown[]): Log {
  const log: Log = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (obj) => void errors.push(obj),
    child: () => log,
  };
  return log;
}

describe.each(messengers)('robustness on %s', (platform) => {
  let driver: Driver;
  let app: App;
  const errors: unknown[] = [];
  const { dir, cleanup } = tempDir();
  beforeAll(async () => {
    driver = await drivers[platform]();
    app = await startApp(driver.config(join(dir, 'opora.db')), { log: recordingLog(errors), manualScheduler: true });
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  it('answers an unknown command', async () => {
    driver.say(2001, '/frobnicate');
    await driver.waitForText(2001, /не знаю команды \/frobnicate/);
  });

  it('refuses a 10,000-character message politely', async () => {
    driver.say(2002, 'я'.repeat(10_000));
    await driver.waitForText(2002, /слишком длинное/);
  });

  it('treats forged and stale buttons as no longer valid', async () => {
    driver.say(2003, '/start');
    const question = await driver.waitForText(2003, /Выберите язык/);
    driver.pressRaw(2003, question.id, 'd:999:0');
    driver.pressRaw(2003, question.id, 'nonsense-that-is-not-an-action');
    driver.pressRaw(2003, question.id, 'x'.repeat(64));
    await waitFor(() => driver.notices().filter((n) => /устарела|не действует/.test(n)).length >= 3);
    // The real button still works afterwards, and pressing it again is stale.
    driver.press(2003, 'Русский');
    await driver.waitForText(2003, /Что я умею/);
    driver.pressRaw(2003, question.id, question.buttons[0]?.data ?? '');
    await waitFor(() => driver.notices().filter((n) => /устарела|не действует/.test(n)).length >= 4);
  });

  it('ignores malformed updates and keeps working', async () => {
    const garbage: Record<string, Record<string, unknown>[]> = {
      telegram: [
        { message: { message_id: 1, chat: { id: 2004, type: 'private' } } },
        { message: 'not an object' },
        { edited_message: { text: 'x' } },
        { callback_query: { id: 'q', from: { id: 2004, is_bot: false, first_name: 'A' }, chat_instance: 'c' } },
      ],
      vk: [
        { type: 'message_new', object: 'garbage' },
        { type: 'message_new', object: { message: { from_id: 'abc' } } },
        { type: 'wall_post_new', object: {} },
        { type: 'message_event', object: { user_id: 2004, peer_id: 2004, event_id: 'e', payload: '{not json' } },
        { nonsense: true },
      ],
      max: [
        { update_type: 'message_created', timestamp: 1, message: 'garbage' },
        { update_type: 'message_created', timestamp: 1, message: { recipient: {}, body: { mid: 7 } } },
        { update_type: 'message_callback', timestamp: 1, callback: { callback_id: 'c' } },
        { update_type: 'bot_started', timestamp: 1, user: { user_id: 'x' } },
        { update_type: 'chat_title_changed', timestamp: 1, chat_id: 5, title: 'x' },
        { nonsense: true },
      ],
    };
    for (const update of garbage[platform] ?? []) driver.pushRaw(update);
    driver.say(2004, '/help');
    await driver.waitForText(2004, /Вот команды/);
    expect(errors).toEqual([]);
  });
});

