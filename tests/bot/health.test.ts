// The operators' port: /healthz turns unhealthy when polling stops or the
// database cannot be written, and /metrics counts what the test sent.
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { silentLog } from '../../handlers/core/log.js';
import { telegramDriver, type Driver } from '../e2e/drivers.js';
import { tempDir } from '../helpers/core.js';
import { waitFor } from '../helpers/wait.js';

describe('health and metrics', () => {
  let app: App | undefined;
  let driver: Driver | undefined;
  const { dir, cleanup } = tempDir();
  afterEach(async () => {
    await app?.stop();
    await driver?.stop();
    cleanup();
  });

  it('reports health and counts updates; turns unhealthy when the database is read-only or polling stops', async () => {
    driver = await telegramDriver();
    app = await startApp({ ...driver.config(join(dir, 'o.db')), healthPort: 0 }, {
      log: silentLog,
      manualScheduler: true,
      health: { pollStaleMs: 4000, tickStaleMs: 60_000 },
    });
    await app.scheduler.tick();
    const base = `http://127.0.0.1:${(app.health!.address() as AddressInfo).port}`;
    const healthz = async () => {
      const response = await fetch(`${base}/healthz`);
      return { status: response.status, body: (await response.json()) as { checks: Record<string, { ok: boolean }> } };
    };

    for (const text of ['/help', '/start', 'привет']) driver.say(4242, text);
    // /help, the language question, and for "привет" a re-ask and the question again.
    await driver.waitForCount(4242, 4);
    // An answered long poll is a live one.
    expect((await healthz()).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/opora_updates_total\{platform="telegram"\} 3/);
    expect(metrics).toContain("# TYPE opora_handler_errors_total counter");
    expect(metrics).not.toMatch(/opora_handler_errors_total\{/);
    expect(metrics).toMatch(/opora_job_runs_total\{job="housekeeping",outcome="ok"\} 1/);
    expect(metrics).toMatch(/opora_outbox_rows\{platform="telegram",state="pending"\} 0/);

    app.db.$client.pragma('query_only = ON');
    const readOnly = await healthz();
    expect(readOnly.status).toBe(503);
    expect(readOnly.body.checks.database?.ok).toBe(false);
    app.db.$client.pragma('query_only = OFF');
    expect((await healthz()).status).toBe(200);

    await driver.stop();
    driver = undefined;
    await waitFor(async () => (await healthz()).status === 503, 10_000, 'healthz to notice polling stopped').catch(async (e: unknown) => {
      throw new Error(`${String(e)}: ${JSON.stringify((await healthz()).body)}`);
    });
    expect((await healthz()).body.checks.telegram?.ok).toBe(false);
  });
});
