// Broadcast throughput: the outbox sending one broadcast to 10,000 teachers
// through the real adapter (grammY, vk-io, the MAX SDK) against the loopback fakes, which
// enforce the platform's limit and answer "too many requests" when it is
// exceeded. Everything runs in this process: the municipality is seeded into
// a SQLite file under `dir`, the app is started in-process, and the broadcast
// is written the way `npm run cli -- broadcast --urgent` writes it (the same
// handler, one transaction), then the sender is woken.
//
// Two runs per platform:
//  - scaled: the limit raised (Telegram and MAX 600/s, VK 400/s) so the whole
//    broadcast finishes in well under a minute;
//  - real limits: Telegram and MAX 30/s, VK 20/s, Opora at its defaults, for
//    20 seconds; the rest stays queued and the app is stopped.
import { join } from 'node:path';
import { startApp, type App } from '../bot/app.js';
import type { Config } from '../bot/config.js';
import { closeDb, openDb } from '../db/client.js';
import { countOutbox } from '../db/repos/outbox.js';
import { broadcastBatch, sendBroadcast } from '../handlers/broadcasts/send.js';
import { silentLog } from '../handlers/core/log.js';
import { createI18n } from '../locales/i18n.js';
import { drivers, type Driver } from '../tests/e2e/drivers.js';
import { seedMunicipality } from '../tests/helpers/seed.js';
import { round, type Figure } from './report.js';

type Platform = 'telegram' | 'vk' | 'max';

const RECIPIENTS = 10_000;
const FIRST_USER = 100_000;
const SCHOOLS = 10;
/** The platforms' documented limits, which are also Opora's defaults (TELEGRAM_RATE_LIMIT, VK_API_LIMIT). */
const REAL_LIMIT: Record<Platform, number> = { telegram: 30, vk: 20, max: 30 };
/** Scaled so that 10,000 messages take 17 s on Telegram and 25 s on VK at the limit. */
const SCALED_LIMIT: Record<Platform, number> = { telegram: 600, vk: 400, max: 600 };
/**
 * Opora's own limit as a share of the fake's in the scaled run: 1.0, no
 * headroom. First measured with Opora exactly AT the fake's limit, as the
 * real configuration runs it (TELEGRAM_RATE_LIMIT=30 against Telegram's 30,
 * VK_API_LIMIT=20 against VK's 20): no "too many requests" came back in any
 * run on this 2-core machine, scaled or real, so nothing justified setting
 * Opora below the limit, and doing so would only have lowered the share.
 * A 429 in any run is reported as a missed target.
 */
const SCALED_HEADROOM = 1.0;
const REAL_WINDOW_MS = 20_000;
/** Give up on a scaled run that has not finished by then (the slowest takes about a third of it). */
const SCALED_TIMEOUT_MS = 120_000;
const TARGET_SHARE = 95;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Records the moment of every message the fake accepts. The fakes count
 * accepted sends with `stats.sendsAccepted += 1`; turning that field into an
 * accessor gives each acceptance its own timestamp, at the instant the fake
 * stored the message, without polling and without changing the fakes.
 */
function acceptanceClock(stats: { sendsAccepted: number }): number[] {
  const times: number[] = [];
  let count = stats.sendsAccepted;
  Object.defineProperty(stats, 'sendsAccepted', {
    configurable: true,
    enumerable: true,
    get: () => count,
    set: (value: number) => {
      const now = performance.now();
      for (; count < value; count += 1) times.push(now);
      count = value;
    },
  });
  return times;
}

/**
 * The steady-state rate: messages over the time from the first accepted to
 * the last accepted one. This leaves out the start (the sender waking, the
 * first claim) and, in the 20-second runs, the tail cut off by the window, so
 * it is the rate the sender holds while it has work, which is what the
 * platform's limit bounds. N acceptances span N − 1 gaps, so the rate is
 * (N − 1) / (last − first): counting N would credit a run with one message
 * more than its duration explains (negligible at 10,000, 0.2 % at 600).
 */
function steadyRate(times: readonly number[]): number {
  const first = times[0];
  const last = times.at(-1);
  if (first === undefined || last === undefined || last <= first) return 0;
  return ((times.length - 1) / (last - first)) * 1000;
}

async function startFake(platform: Platform, fakeLimit: number): Promise<Driver & { server: { stats: { sendsAccepted: number; tooManyRequests: number } } }> {
  // Every recipient is a different chat, so Telegram's 1 a second per chat never binds; it is enforced anyway.
  return platform === 'telegram' ? drivers.telegram({ globalPerSecond: fakeLimit, perChatPerSecond: 1 }) : drivers[platform]({ perSecond: fakeLimit });
}

/** The driver's Config with Opora's own limit set (TELEGRAM_RATE_LIMIT / VK_API_LIMIT). */
function configWith(driver: Driver, path: string, oporaLimit: number): Config {
  const config = driver.config(path);
  return {
    ...config,
    telegram: config.telegram && { ...config.telegram, rateLimit: oporaLimit },
    vk: config.vk && { ...config.vk, apiLimit: oporaLimit },
    max: config.max && { ...config.max, rateLimit: oporaLimit },
  };
}

interface RunSpec {
  platform: Platform;
  kind: 'scaled' | 'real';
  fakeLimit: number;
  oporaLimit: number;
}

interface RunResult {
  spec: RunSpec;
  /** Acceptance instants (performance.now()) of the broadcast's messages, all or within the window. */
  accepted: number[];
  /** From the broadcast's commit to its last acceptance, for the scaled run. */
  totalMs?: number;
  tooManyRequests: number;
  /** Recipients with exactly one copy, and with more than one (scaled runs only). */
  reached?: number;
  duplicated?: number;
  /** Real-limit runs: how long app.stop() took, and rows it left in 'sending'. */
  stopMs?: number;
  leftSending?: number;
  queuedAfter?: number;
}

async function run(spec: RunSpec, dir: string, log: (line: string) => void): Promise<RunResult> {
  const { platform, kind, fakeLimit, oporaLimit } = spec;
  const label = `${platform} · ${kind}`;
  const driver = await startFake(platform, fakeLimit);
  let app: App | undefined;
  try {
    const path = join(dir, `broadcast-${platform}-${kind}.db`);
    const seedStarted = performance.now();
    const db = openDb(path);
    const users = Array.from({ length: RECIPIENTS }, (_, i) => FIRST_USER + i);
    const seeded = seedMunicipality(db, {
      platform,
      schools: Array.from({ length: SCHOOLS }, (_, s) => ({ short: `Школа ${s + 1}`, statuses: ['low_results' as const] })),
      people: users.map((user, i) => ({ name: `Педагог Номер ${i}`, role: 'teacher' as const, school: `Школа ${(i % SCHOOLS) + 1}`, user })),
    });
    closeDb(db);
    log(`${label}: seeded ${RECIPIENTS} teachers in ${round((performance.now() - seedStarted) / 1000, 1)} s`);

    const config = configWith(driver, path, oporaLimit);
    const limits = platform === 'telegram' ? { telegram: { perSecond: oporaLimit, perChatPerSecond: 1 } } : { [platform]: { perSecond: oporaLimit } };
    // The sender runs with the product's defaults (batches of 100, 16 sends in flight, 500 ms idle poll).
    app = await startApp(config, { log: silentLog, manualScheduler: true, limits, sender: {} });
    const times = acceptanceClock(driver.server.stats);
    const baseline429 = driver.server.stats.tooManyRequests;

    // As `broadcast --role teacher --urgent` does: the same handler in one transaction; urgent, so quiet hours do not hold it.
    const deps = { i18n: createI18n(), settings: { defaultTimezone: config.defaultTimezone, quietHours: config.quietHours, dialogTtlMinutes: config.dialogTtlMinutes, links: {} } };
    const writeStarted = performance.now();
    const broadcast = app.db.transaction((tx) =>
      sendBroadcast(
        tx,
        deps,
        { municipalityId: seeded.municipalityId, text: 'Завтра в 15:00 методический семинар в школе № 1. Приходите!', fileId: null, audience: { roles: ['teacher'] }, urgent: true, createdBy: null },
        new Date(),
      ),
    );
    const written = performance.now();
    app.senders.forEach((s) => s.wake());
    log(`${label}: broadcast ${broadcast.id} queued for ${broadcast.recipients} in ${Math.round(written - writeStarted)} ms`);
    if (broadcast.recipients !== RECIPIENTS) throw new Error(`${label}: the audience reached ${broadcast.recipients}, not ${RECIPIENTS}`);

    if (kind === 'scaled') {
      const deadline = written + SCALED_TIMEOUT_MS;
      let lastCheck = 0;
      while (times.length < RECIPIENTS) {
        if (performance.now() > deadline) throw new Error(`${label}: only ${times.length} of ${RECIPIENTS} accepted after ${SCALED_TIMEOUT_MS / 1000} s`);
        if (performance.now() - lastCheck > 1000) {
          lastCheck = performance.now();
          const c = countOutbox(app.db, { batch: broadcastBatch(broadcast.id) });
          if (c.failed + c.blocked > 0) throw new Error(`${label}: outbox rows failed or blocked: ${JSON.stringify(c)}`);
        }
        await sleep(20);
      }
      const last = times.at(-1) ?? written;
      const copies = users.map((u) => driver.messages(u).length);
      const result: RunResult = {
        spec,
        accepted: [...times],
        totalMs: last - written,
        tooManyRequests: driver.server.stats.tooManyRequests - baseline429,
        reached: copies.filter((n) => n === 1).length,
        duplicated: copies.filter((n) => n > 1).length,
      };
      await app.stop();
      app = undefined;
      return result;
    }

    await sleep(Math.max(0, written + REAL_WINDOW_MS - performance.now()));
    const end = written + REAL_WINDOW_MS;
    const inWindow = times.filter((t) => t <= end);
    const tooManyRequests = driver.server.stats.tooManyRequests - baseline429;
    const stopStarted = performance.now();
    await app.stop();
    app = undefined;
    const stopMs = performance.now() - stopStarted;
    // The stop must leave nothing in doubt: rows claimed but not sent go back to pending.
    const check = openDb(path);
    const counts = countOutbox(check, { batch: broadcastBatch(broadcast.id) });
    closeDb(check);
    if (counts.sent !== times.length) log(`${label}: WARNING ${counts.sent} rows marked sent but the fake accepted ${times.length}`);
    return { spec, accepted: inWindow, tooManyRequests, stopMs, leftSending: counts.sending, queuedAfter: counts.pending };
  } finally {
    await app?.stop();
    await driver.stop();
  }
}

/**
 * What holds a run below 95 % of the allowed rate. Opora spreads sends at 98 %
 * of its limit (bot/outbox/rate-limit.ts), one limiter for replies and the
 * outbox per messenger, with vk-io's own queue only a backstop at twice the
 * limit. Below that, the cause is the event loop: every send waits on a
 * timer of at least 1 ms, which matters at the scaled rates (600/s is 1.7 ms
 * apart) and not at the real ones.
 */
function bottleneck(limit: number, share: number): string {
  if (share >= TARGET_SHARE) return "the platform's rate limit (Opora paces at 98 %)";
  return limit >= 100 ? "the limiter's timers (≥ 1 ms per send)" : 'event-loop delays on a busy machine';
}

function figures(result: RunResult): Figure[] {
  const { platform, kind, fakeLimit, oporaLimit } = result.spec;
  const scale = fakeLimit / REAL_LIMIT[platform];
  const group = kind === 'scaled' ? `broadcast · ${platform} · scaled ×${scale}` : `broadcast · ${platform} · real limits, ${REAL_WINDOW_MS / 1000} s`;
  const rate = steadyRate(result.accepted);
  const share = (rate / fakeLimit) * 100;
  const out: Figure[] = [
    { group, name: 'achieved rate', value: round(rate, 1), unit: 'messages/s', limitedBy: bottleneck(oporaLimit, share) },
    {
      group,
      name: 'share of the allowed rate',
      value: round(share, 1),
      unit: '%',
      target: `≥ ${TARGET_SHARE} %`,
      met: share >= TARGET_SHARE,
      limitedBy: bottleneck(oporaLimit, share),
    },
    {
      group,
      name: '429 answers',
      value: result.tooManyRequests,
      unit: 'requests',
      target: '0',
      met: result.tooManyRequests === 0,
      limitedBy: oporaLimit === fakeLimit ? "Opora's pacing, set at the platform's limit" : `Opora's pacing, set at ${oporaLimit}/s`,
    },
  ];
  if (kind === 'scaled') {
    out.push(
      { group, name: 'time for 10,000', value: round((result.totalMs ?? 0) / 1000, 1), unit: 's', limitedBy: "the platform's rate limit" },
      {
        group,
        name: 'recipients with exactly one copy',
        value: result.reached ?? 0,
        unit: 'people',
        target: String(RECIPIENTS),
        met: result.reached === RECIPIENTS && result.duplicated === 0,
      },
    );
  } else {
    out.push(
      { group, name: `accepted in ${REAL_WINDOW_MS / 1000} s`, value: result.accepted.length, unit: 'messages', limitedBy: "the platform's rate limit" },
      { group, name: 'stop time', value: Math.round(result.stopMs ?? 0), unit: 'ms', limitedBy: 'sends in flight finishing' },
      { group, name: "rows left 'sending' after stop", value: result.leftSending ?? 0, unit: 'rows', target: '0', met: result.leftSending === 0 },
    );
  }
  return out;
}

export async function runBroadcast(options: { dir: string; log: (line: string) => void; platforms?: Platform[] }): Promise<Figure[]> {
  const { dir, log } = options;
  const out: Figure[] = [];
  for (const platform of options.platforms ?? (['telegram', 'vk', 'max'] as const)) {
    const specs: RunSpec[] = [
      { platform, kind: 'scaled', fakeLimit: SCALED_LIMIT[platform], oporaLimit: Math.floor(SCALED_LIMIT[platform] * SCALED_HEADROOM) },
      { platform, kind: 'real', fakeLimit: REAL_LIMIT[platform], oporaLimit: REAL_LIMIT[platform] },
    ];
    for (const spec of specs) {
      const result = await run(spec, dir, log);
      const figs = figures(result);
      for (const f of figs) log(`${f.group}: ${f.name} ${f.value} ${f.unit}${f.target ? ` (target ${f.target}: ${f.met ? 'met' : 'NOT met'})` : ''}`);
      out.push(...figs);
    }
  }
  return out;
}
