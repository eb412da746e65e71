// The first journey on every messenger: /start, choose a language with a
// button, get the greeting with the commands, and /help, with the process
// restarted in the middle of the dialog.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.js';
import { drivers, messengers, type Driver } from './drivers.js';
import { startOpora, type OporaProcess } from './process.js';

describe.each(messengers)('first journey on %s', (platform) => {
  let driver: Driver | undefined;
  let opora: OporaProcess | undefined;
  const { dir, cleanup } = tempDir();
  afterEach(async () => {
    await opora?.stop('SIGKILL');
    await driver?.stop();
    cleanup();
  });

  it('/start → language → greeting, surviving a restart in the middle', async () => {
    driver = await drivers[platform]();
    const env = { ...driver.env(), DATABASE_PATH: join(dir, 'opora.db') };
    opora = await startOpora(env, driver.ready);

    driver.say(1001, '/start');
    await driver.waitForText(1001, /Выберите язык/);

    // Restart the process while the dialog waits for an answer.
    expect(await opora.stop('SIGTERM')).toBe(0);
    opora = await startOpora(env, driver.ready);

    driver.press(1001, 'English');
    const greeting = await driver.waitForText(1001, /Hello! I am Opora/);
    expect(greeting.text).toContain('/help — list of commands');
    expect(greeting.text).toContain('/cancel — stop the current dialog');
    // The pressed question was edited to show the answer and lost its buttons.
    const question = driver.messages(1001).find((m) => /Выберите язык/.test(m.text));
    expect(question?.text).toContain('✓ English');
    expect(question?.buttons).toEqual([]);

    driver.say(1001, '/help');
    const help = await driver.waitForText(1001, /Here are the commands/);
    expect(help.text).toContain('/language — change the language');
  });
});
