// One person, three messengers: the service runs Telegram, VK and MAX at
// once; a teacher who joined on Telegram links MAX with a one-time code, then
// links VK from MAX, and a broadcast reaches them once, in the messenger they
// used last.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { closeDb, openDb } from '../../db/client.js';
import { tempDir } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';
import { lastLine, runCli } from './cli.js';
import { drivers, journeyOptions, type Driver } from './drivers.js';

const TEACHER = 5001;

describe('linking Telegram, VK and MAX accounts', () => {
  let telegram: Driver;
  let vk: Driver;
  let max: Driver;
  let app: App;
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'opora.db');

  beforeAll(async () => {
    [telegram, vk, max] = await Promise.all([drivers.telegram(), drivers.vk(), drivers.max()]);
    const db = openDb(path);
    seedMunicipality(db, {
      platform: 'telegram',
      schools: [{ short: 'Школа 5', statuses: ['low_results'] }],
      people: [{ name: 'Связкина Мария Петровна', role: 'teacher', school: 'Школа 5', user: TEACHER }],
    });
    closeDb(db);
    const config = { ...telegram.config(path), vk: vk.config(path).vk, max: max.config(path).max };
    app = await startApp(config, journeyOptions());
  });
  afterAll(async () => {
    await app.stop();
    await Promise.all([telegram.stop(), vk.stop(), max.stop()]);
    cleanup();
  });

  const codeFrom = async (driver: Driver): Promise<string> => {
    const since = driver.messages(TEACHER).length;
    driver.say(TEACHER, '/link');
    const answer = await driver.waitForText(TEACHER, /отправьте там: \/link/, since);
    const code = /\/link (\S+)/.exec(answer.text)?.[1];
    expect(code).toBeDefined();
    return code ?? '';
  };

  it('refuses /link without a code from someone not yet in Opora', async () => {
    max.say(TEACHER, '/link');
    await max.waitForText(TEACHER, /Сначала присоединитесь по коду приглашения/);
  });

  it('links MAX from Telegram, and VK from MAX', async () => {
    const fromTelegram = await codeFrom(telegram);
    let since = max.messages(TEACHER).length;
    max.say(TEACHER, `/link ${fromTelegram}`);
    await max.waitForText(TEACHER, /Готово! Этот аккаунт связан с профилем Связкина Мария Петровна/, since);

    // A code works once.
    since = vk.messages(TEACHER).length;
    vk.say(TEACHER, `/link ${fromTelegram}`);
    await vk.waitForText(TEACHER, /Код не подошёл/, since);

    const fromMax = await codeFrom(max);
    since = vk.messages(TEACHER).length;
    vk.say(TEACHER, `/link ${fromMax}`);
    await vk.waitForText(TEACHER, /Готово! Этот аккаунт связан с профилем Связкина Мария Петровна/, since);

    since = max.messages(TEACHER).length;
    max.say(TEACHER, `/link ${fromMax}`);
    await max.waitForText(TEACHER, /уже связан с профилем Связкина Мария Петровна/, since);
  });

  it('delivers a broadcast once, to the messenger used last', async () => {
    vk.say(TEACHER, '/my');
    await vk.waitForText(TEACHER, /назначений/);
    const before = { telegram: telegram.messages(TEACHER).length, max: max.messages(TEACHER).length };
    const id = lastLine(runCli(['broadcast', '--municipality', 'Тестовый район', '--text', 'Методический день в пятницу', '--urgent'], { DATABASE_PATH: path }));
    expect(id).toMatch(/^\d+$/);
    await vk.waitForText(TEACHER, /Методический день в пятницу/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(telegram.messages(TEACHER).length).toBe(before.telegram);
    expect(max.messages(TEACHER).length).toBe(before.max);
  });
});
