// MAX's long poll against the loopback fake: the marker is saved only after
// a batch was handed over, so updates that arrive while the bot is stopped
// (or were cut off by a crash) are fetched on the next start, all of them and
// each once; a stop does not wait for the long poll to time out.
import { join } from 'node:path';
import { Bot, type Api } from '@maxhub/max-bot-api';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../bot/app.js';
import { MaxLongPoll, type MaxLongPollOptions } from '../../../bot/max/long-poll.js';
import { closeDb, openDb, type Db } from '../../../db/client.js';
import { getValue } from '../../../db/repos/kv.js';
import { silentLog, type Log } from '../../../handlers/core/log.js';
import { tempDir } from '../../helpers/core.js';
import { waitFor } from '../../helpers/wait.js';
import { journeyOptions, maxDriver } from '../../e2e/drivers.js';
import { FakeMax } from '../../e2e/fake-max.js';

const BOT_ID = 9000;
const MARKER_KEY = `max:${BOT_ID}:marker`;

/** The message id of a message_created update, or the update type for other kinds. */
function idOf(update: unknown): string {
  const message = (update as { message?: { body?: { mid?: string } } }).message;
  return message?.body?.mid ?? String((update as { update_type?: unknown }).update_type);
}

describe('MAX long poll', () => {
  let fake: FakeMax;
  let db: Db;
  let api: Api;
  const loops: MaxLongPoll[] = [];
  const { dir, cleanup } = tempDir();

  const setUp = async (): Promise<void> => {
    fake = await FakeMax.start();
    db = openDb(join(dir, `opora-${Date.now()}-${Math.random()}.db`));
    api = new Bot(fake.token, { clientOptions: { baseUrl: fake.apiBaseUrl } }).api;
  };

  /** Starts a loop that records the ids of the updates it is handed. */
  const startLoop = async (overrides: Partial<MaxLongPollOptions> = {}): Promise<{ loop: MaxLongPoll; seen: string[] }> => {
    const seen: string[] = [];
    const loop = new MaxLongPoll({
      fetch, apiBaseUrl: fake.apiBaseUrl, token: fake.token, db, botId: BOT_ID, types: ['message_created', 'message_callback', 'bot_started'], log: silentLog, retryMs: 20,
      onBatch: async (updates) => {
        seen.push(...updates.map(idOf));
      },
      ...overrides,
    });
    loops.push(loop);
    await loop.start();
    return { loop, seen };
  };

  /** Resolves once the fake has received `count` polls in all (the last one may be waiting). */
  const pollsArrived = (count: number): Promise<void> => waitFor(() => (fake.stats.calls['GET /updates'] ?? 0) >= count, 5000, `${count} polls`);

  afterEach(async () => {
    await Promise.all(loops.splice(0).map((loop) => loop.stop()));
    await fake.stop();
    closeDb(db);
    cleanup();
  });

  it('follows MAX: a poll without a marker returns only the latest update', async () => {
    await setUp();
    fake.userSends(1, 'first');
    fake.userSends(1, 'second');
    const latest = fake.userSends(1, 'third');
    const answer = await api.getUpdates(['message_created'], { timeout: 1 });
    expect(answer.updates.map(idOf)).toEqual([latest]);
    expect(typeof answer.marker).toBe('number');
  });

  it('hands over every update queued while stopped after a restart, each once', async () => {
    await setUp();
    const first = await startLoop();
    const before = fake.userSends(1, 'before the stop');
    await waitFor(() => first.seen.length === 1, 5000, 'the first update');
    await first.loop.stop();
    expect(first.seen).toEqual([before]);

    const queued = [fake.userSends(1, 'one'), fake.userSends(2, 'two'), fake.userSends(1, 'three')];
    const second = await startLoop();
    await waitFor(() => second.seen.length >= queued.length, 5000, 'the queued updates');
    const after = fake.userSends(3, 'after the restart');
    await waitFor(() => second.seen.includes(after), 5000, 'the update after the restart');
    expect(second.seen).toEqual([...queued, after]);
    // The restarted loop resumed from the saved marker: only the very first poll of all went without one.
    expect(fake.stats.markersSeen.filter((m) => m === null)).toHaveLength(1);
  });

  it('saves the marker after a batch was handed over, not before; a batch cut off is fetched again', async () => {
    await setUp();
    let release: () => void = () => {};
    let holding = false;
    const held: string[] = [];
    const crashing = await startLoop({
      stopWaitMs: 50,
      onBatch: (updates) => {
        held.push(...updates.map(idOf));
        if (!holding) return Promise.resolve();
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    const start = getValue(db, MARKER_KEY);
    expect(start).toBeDefined();
    fake.userSends(1, 'handled');
    await waitFor(() => held.length === 1 && getValue(db, MARKER_KEY) !== start, 5000, 'the marker of the first batch');
    const saved = getValue(db, MARKER_KEY);
    expect(Number(saved)).toBeGreaterThan(Number(start));

    holding = true;
    const cutOff = fake.userSends(1, 'cut off');
    await waitFor(() => held.includes(cutOff), 5000, 'the second batch being handed over');
    expect(getValue(db, MARKER_KEY)).toBe(saved);

    // The process "dies" mid-batch: a new loop on the same database fetches that batch again.
    await crashing.loop.stop();
    const restarted = await startLoop();
    await waitFor(() => restarted.seen.includes(cutOff), 5000, 'the cut-off update again');
    expect(restarted.seen).toEqual([cutOff]);
    await waitFor(() => Number(getValue(db, MARKER_KEY)) > Number(saved), 5000, 'the marker after the batch');
    release();
  });

  it('backs off after failed polls and carries on from the same marker', async () => {
    await setUp();
    const warnings: string[] = [];
    const log: Log = { ...silentLog, warn: (_obj, msg) => void warnings.push(msg ?? ''), child: () => log };
    const { seen, loop } = await startLoop({ log });
    await pollsArrived(2);
    fake.failNext('GET /updates', 2, 503, 'service.unavailable');
    const first = fake.userSends(1, 'answered by the waiting poll');
    await waitFor(() => seen.length === 1, 5000, 'the first update');
    const second = fake.userSends(1, 'after the failures');
    await waitFor(() => seen.length === 2, 5000, 'the update after the failures');
    expect(seen).toEqual([first, second]);
    expect(warnings).toEqual(['max long poll failed; retrying', 'max long poll failed; retrying']);
    expect(loop.watch.lastAlive()).toBeInstanceOf(Date);
  });

  it('stops promptly while a long poll is waiting', async () => {
    await setUp();
    const { loop } = await startLoop();
    expect(loop.watch.lastAlive()).toBeInstanceOf(Date);
    await pollsArrived(2);
    const started = Date.now();
    await loop.stop();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('MAX adapter restart', () => {
  let app: App | undefined;
  const { dir, cleanup } = tempDir();
  afterEach(async () => {
    await app?.stop();
    cleanup();
  });

  it('answers every message sent while Opora was stopped, once', async () => {
    const driver = await maxDriver();
    try {
      const config = driver.config(join(dir, 'opora.db'));
      app = await startApp(config, journeyOptions());
      driver.say(7001, '/help');
      await driver.waitForText(7001, /Вот команды/);
      await app.stop();
      app = undefined;

      for (const user of [7002, 7003, 7004]) driver.say(user, '/help');
      driver.say(7001, '/help');
      app = await startApp(config, journeyOptions());
      for (const user of [7002, 7003, 7004]) await driver.waitForText(user, /Вот команды/);
      await waitFor(() => driver.messages(7001).length === 2, 8000, 'the second answer to 7001');
      // A last message, answered after anything fetched twice would have been.
      driver.say(7005, '/help');
      await driver.waitForText(7005, /Вот команды/);
      expect([7001, 7002, 7003, 7004, 7005].map((user) => driver.messages(user).length)).toEqual([2, 1, 1, 1, 1]);
    } finally {
      await app?.stop();
      app = undefined;
      await driver.stop();
    }
  });
});
