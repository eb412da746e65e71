// MAX in webhook mode: with MAX_WEBHOOK_URL set, Opora registers the address
// with its secret instead of polling, and answers updates MAX posts to it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { tempDir } from '../helpers/core.js';
import { journeyOptions, maxDriver, type Driver } from './drivers.js';
import type { FakeMax } from './fake-max.js';
import { closeServer, listenOnLoopback } from './fake-http.js';

describe('MAX webhook mode', () => {
  let driver: Driver & { server: FakeMax };
  let app: App;
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    driver = await maxDriver();
    const free = await listenOnLoopback('free port');
    await closeServer(free.server);
    const config = driver.config(join(dir, 'opora.db'));
    const max = config.max && { ...config.max, webhook: { url: `https://127.0.0.1:${free.port}/max/hook`, secret: 'hook-secret-1', host: '127.0.0.1', port: free.port } };
    app = await startApp({ ...config, max }, journeyOptions());
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  it('answers what MAX posts to the registered address', async () => {
    driver.say(6001, '/help');
    const help = await driver.waitForText(6001, /Вот команды/);
    expect(help.text).toContain('/start');
    expect(app.adapters[0]?.lastPollAt()).toBeInstanceOf(Date);
    // Delivered by the webhook: Opora registered it and never polled.
    expect(driver.server.stats.calls['POST /subscriptions']).toBe(1);
    expect(driver.server.stats.calls['GET /updates'] ?? 0).toBe(0);
  });
});
