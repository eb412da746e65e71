// A press on VK costs one call of the community's limit: the answer to the
// press, the edit of the pressed message and the next message go in one
// `execute`. Where a VK-compatible server has no `execute`, the same press
// still gets all three, made one by one.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../bot/app.js';
import { tempDir } from '../../helpers/core.js';
import { waitFor } from '../../helpers/wait.js';
import { journeyOptions, vkDriver } from '../../e2e/drivers.js';

describe('VK replies to a press', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  async function start(execute: boolean) {
    const driver = await vkDriver({ execute });
    const { dir, cleanup } = tempDir();
    const app: App = await startApp(driver.config(join(dir, 'opora.db')), journeyOptions());
    stop = async () => {
      await app.stop();
      await driver.stop();
      cleanup();
    };
    return driver;
  }

  /** Presses «Русский» at /start and returns how many API requests the press cost. */
  async function pressLanguage(driver: Awaited<ReturnType<typeof vkDriver>>, user = 4001): Promise<number> {
    driver.say(user, '/start');
    await driver.waitForText(user, /Выберите язык/);
    await driver.settled(user);
    const before = driver.server.stats.requests;
    const answered = driver.server.eventAnswers.length;
    driver.press(user, 'Русский');
    await driver.waitForText(user, /Что я умею/);
    await waitFor(() => driver.server.eventAnswers.length > answered);
    await driver.settled(user);
    return driver.server.stats.requests - before;
  }

  it('answers the press, edits and sends in one execute', async () => {
    const driver = await start(true);
    expect(await pressLanguage(driver)).toBe(1);
    expect(driver.server.stats.calls.execute).toBeGreaterThanOrEqual(1);
  });

  it('sends the edited text as a new message when VK refuses the edit inside execute', async () => {
    const driver = await start(true);
    await pressLanguage(driver, 4001);
    const usual = driver.messages(4001).length;
    driver.server.failNext('messages.edit', 1, 909, "Can't edit this message, because it's too old");
    await pressLanguage(driver, 4002);
    expect(driver.messages(4002).length).toBe(usual + 1);
    expect(driver.messages(4002).filter((m) => m.edits > 0)).toHaveLength(0);
  });

  it('makes the same calls one by one where execute is not offered', async () => {
    const driver = await start(false);
    expect(await pressLanguage(driver)).toBeGreaterThan(1);
    // Turned off after the first "unknown method": the next press does not try execute again.
    const tried = driver.server.stats.calls.execute ?? 0;
    driver.say(4001, '/language');
    await driver.waitForText(4001, /Выберите язык/, driver.messages(4001).length);
    await driver.settled(4001);
    driver.press(4001, 'English');
    await driver.waitForText(4001, /English|language/i, driver.messages(4001).length - 1);
    await driver.settled(4001);
    expect(driver.server.stats.calls.execute ?? 0).toBe(tried);
  });
});
