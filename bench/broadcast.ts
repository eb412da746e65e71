// Broadcast throughput, and replies during a broadcast: the outbox sending one
// broadcast to 10,000 teachers through the real adapter (grammY, vk-io, the
// MAX SDK) against the loopback fakes, which enforce the platform's limit and
// answer "too many requests" when it is exceeded. Each fake runs in a child
// process of its own (bench/fake-host.ts), so the clock that decides what is
// over the limit is not stalled by Opora's work. The municipality is seeded
// into a SQLite file under `dir`, the app is started in this process, and the
// broadcast is written the way `npm run cli -- broadcast --urgent` writes it
// (the same handler, one transaction), then the sender is woken.
//
// Two runs per platform:
//  - scaled: the limit raised (Telegram and MAX 600/s, VK 400/s) so the whole
//    broadcast finishes in well under a minute;
//  - real limits: Telegram and MAX 30/s, VK 20/s, Opora at its defaults: the
//    broadcast alone for 20 seconds, then 40 teachers answer a survey and ask
//    for /help for 30 seconds more while it drains, and each answer's latency
//    is measured at the fake; the rest stays queued and the app is stopped.
import { join } from 'node:path';
import { startApp, type App } from '../bot/app.js';
import type { Config } from '../bot/config.js';
import { closeDb, openDb } from '../db/client.js';
import { countOutbox } from '../db/repos/outbox.js';
import { broadcastBatch, sendBroadcast } from '../handlers/broadcasts/send.js';
import { REPLY_RECENT_MS, type Priority, type RateLimiter } from '../bot/outbox/rate-limit.js';
import { silentLog } from '../handlers/core/log.js';
import { createI18n } from '../locales/i18n.js';
import { seedBroadcast } from './broadcast-seed.js';
import { wallNow, type Platform, type TeachersResult } from './fake-protocol.js';
import { startFakeProcess, type FakeProcess } from './fake-process.js';
import { percentile, round, type Figure } from './report.js';

const RECIPIENTS = 10_000;
const FIRST_USER = 100_000;
/** The teachers who talk to the bot during the broadcast, and one more who goes first to learn the survey's steps. */
const TALKERS = 40;
const FIRST_TALKER = 900_000;
/** The platforms' documented limits, which are also Opora's defaults (TELEGRAM_RATE_LIMIT, VK_API_LIMIT, MAX_RATE_LIMIT). */
const REAL_LIMIT: Record<Platform, number> = { telegram: 30, vk: 20, max: 30 };
/** Scaled so that 10,000 messages take 17 s on Telegram and 25 s on VK at the limit. */
const SCALED_LIMIT: Record<Platform, number> = { telegram: 600, vk: 400, max: 600 };
/** The broadcast alone at the real limit, then with teachers talking. */
const REAL_WINDOW_MS = 20_000;
const TALK_MS = 30_000;
/** A teacher reads a question for 5 to 15 seconds before pressing: 40 of them make about 4 presses a second. */
const THINK_MS: [number, number] = [5_000, 15_000];
/** Give up on a scaled run that has not finished by then (the slowest takes about a third of it). */
const SCALED_TIMEOUT_MS = 120_000;
const TARGET_SHARE = 95;
const TARGET_REPLY_P95_MS = 300;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

/** The driver's Config with Opora's own limit set (TELEGRAM_RATE_LIMIT / VK_API_LIMIT / MAX_RATE_LIMIT). */
function configWith(config: Config, oporaLimit: number): Config {
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

interface Talk {
  result: TeachersResult;
  /** How long the replies' requests waited in Opora's limiter, ms: the limiter's part of the latency. */
  limiterWaits: number[];
  /** 429 answers while the teachers talked. */
  tooManyRequests: number;
  /** Requests the fake counted against the limit while they talked, and the broadcast's messages among them. */
  calls: number;
  broadcast: number;
  seconds: number;
}

interface RunResult {
  spec: RunSpec;
  /** Acceptance instants (wallNow) of the broadcast's messages, all or within the window. */
  accepted: number[];
  /** From the broadcast's commit to its last acceptance, for the scaled run. */
  totalMs?: number;
  tooManyRequests: number;
  /** Recipients with exactly one copy, and with more than one (scaled runs only). */
  reached?: number;
  duplicated?: number;
  /** Real-limit runs: how long app.stop() took, rows it left in 'sending', and the teachers' phase. */
  stopMs?: number;
  leftSending?: number;
  talk?: Talk;
}

interface Started {
  app: App;
  fake: FakeProcess;
  path: string;
  users: number[];
  startData: string;
  municipalityId: number;
}

async function prepare(spec: RunSpec, dir: string, log: (line: string) => void): Promise<Started> {
  const { platform, kind, fakeLimit, oporaLimit } = spec;
  const path = join(dir, `broadcast-${platform}-${kind}.db`);
  // Every recipient is a different chat, so Telegram's 1 a second per chat never binds on the broadcast; the scaled run
  // enforces it anyway. The real-limit run does not: the teachers' answers come as an edit and a message at once, a
  // burst in a conversation that Telegram tolerates and the fake's strict second would refuse.
  const perChat = platform === 'telegram' && kind === 'scaled' ? { perChatPerSecond: 1 } : {};
  const fake = await startFakeProcess({ platform, perSecond: fakeLimit, ...perChat, databasePath: path });
  try {
    const seedStarted = performance.now();
    const users = Array.from({ length: RECIPIENTS }, (_, i) => FIRST_USER + i);
    const talkers = kind === 'real' ? Array.from({ length: TALKERS + 1 }, (_, i) => FIRST_TALKER + i) : [];
    const seeded = seedBroadcast(path, platform, users, talkers);
    log(`${platform} · ${kind}: seeded ${RECIPIENTS} teachers in ${round((performance.now() - seedStarted) / 1000, 1)} s; the fake runs ${fake.prioritised ? 'at a raised priority' : 'at normal priority'}`);
    const limits = platform === 'telegram' ? { telegram: { perSecond: oporaLimit, perChatPerSecond: 1 } } : { [platform]: { perSecond: oporaLimit } };
    // The sender runs with the product's defaults (batches of 100, 16 sends in flight, 500 ms idle poll).
    const app = await startApp(configWith(fake.config, oporaLimit), { log: silentLog, manualScheduler: true, limits, sender: {} });
    return { app, fake, path, users, startData: seeded.startData, municipalityId: seeded.municipalityId };
  } catch (error) {
    await fake.stop();
    throw error;
  }
}

/** As `broadcast --role teacher --urgent` does: the same handler in one transaction; urgent, so quiet hours do not hold it. */
function writeBroadcast(started: Started, log: (line: string) => void, label: string): { id: number; written: number } {
  const { app, fake } = started;
  const config = fake.config;
  const deps = { i18n: createI18n(), settings: { defaultTimezone: config.defaultTimezone, quietHours: config.quietHours, dialogTtlMinutes: config.dialogTtlMinutes, links: {} } };
  const writeStarted = performance.now();
  const broadcast = app.db.transaction((tx) =>
    sendBroadcast(
      tx,
      deps,
      { municipalityId: started.municipalityId, text: 'Завтра в 15:00 методический семинар в школе № 1. Приходите!', fileId: null, audience: { roles: ['teacher'] }, urgent: true, createdBy: null },
      new Date(),
    ),
  );
  const written = wallNow();
  app.senders.forEach((s) => s.wake());
  log(`${label}: broadcast ${broadcast.id} queued for ${broadcast.recipients} in ${Math.round(performance.now() - writeStarted)} ms`);
  if (broadcast.recipients !== RECIPIENTS) throw new Error(`${label}: the audience reached ${broadcast.recipients}, not ${RECIPIENTS}`);
  return { id: broadcast.id, written };
}

async function scaledRun(spec: RunSpec, started: Started, broadcast: { id: number; written: number }): Promise<RunResult> {
  const { app, fake, users } = started;
  const label = `${spec.platform} · scaled`;
  const deadline = broadcast.written + SCALED_TIMEOUT_MS;
  for (let check = 0; ; check++) {
    const counts = await fake.ask('counts', null);
    if (counts.accepted >= RECIPIENTS) break;
    if (wallNow() > deadline) throw new Error(`${label}: only ${counts.accepted} of ${RECIPIENTS} accepted after ${SCALED_TIMEOUT_MS / 1000} s`);
    if (check % 10 === 0) {
      const c = countOutbox(app.db, { batch: broadcastBatch(broadcast.id) });
      if (c.failed + c.blocked > 0) throw new Error(`${label}: outbox rows failed or blocked: ${JSON.stringify(c)}`);
    }
    await sleep(100);
  }
  const accepted = await fake.ask('accepted', null);
  const copies = await fake.ask('copies', { users });
  const { tooMany } = await fake.ask('counts', null);
  return {
    spec,
    accepted,
    totalMs: (accepted.at(-1) ?? broadcast.written) - broadcast.written,
    tooManyRequests: tooMany,
    reached: copies.filter((n) => n === 1).length,
    duplicated: copies.filter((n) => n > 1).length,
  };
}

/**
 * Times every request's wait in the app's limiter, by priority, by wrapping
 * the instance for the benchmark (the limiter itself keeps no such record).
 */
function timeWaits(limiter: RateLimiter): { waits: Record<Priority, number[]>; restore(): void } {
  const waits: Record<Priority, number[]> = { reply: [], bulk: [] };
  const acquire = limiter.acquire.bind(limiter);
  limiter.acquire = (chatId, options) => {
    const asked = performance.now();
    return acquire(chatId, options).then(() => void waits[options?.priority ?? 'bulk'].push(performance.now() - asked));
  };
  return { waits, restore: () => void (limiter.acquire = acquire) };
}

/** Broadcast rows marked sent so far. */
const sentRows = (started: Started, id: number): number => countOutbox(started.app.db, { batch: broadcastBatch(id) }).sent;

/** The teachers talk for TALK_MS while the broadcast goes on; what the fake counted meanwhile. */
async function talk(started: Started, broadcastId: number, deltas: number[]): Promise<Talk> {
  const { fake, app } = started;
  const limiter = app.adapters[0]?.transport.limiter;
  if (!limiter) throw new Error('the app started no adapter');
  const timed = timeWaits(limiter);
  const before = { ...(await fake.ask('counts', null)), sent: sentRows(started, broadcastId) };
  const from = wallNow();
  const users = Array.from({ length: TALKERS }, (_, i) => FIRST_TALKER + 1 + i);
  const result = await fake.ask('teachers', { users, startData: started.startData, deltas, durationMs: TALK_MS, thinkMs: THINK_MS, seed: 1 });
  const to = wallNow();
  timed.restore();
  const after = { ...(await fake.ask('counts', null)), sent: sentRows(started, broadcastId) };
  const calls = (await fake.ask('calls', null)).filter((t) => t > from && t <= to).length;
  return {
    result,
    limiterWaits: timed.waits.reply,
    tooManyRequests: after.tooMany - before.tooMany,
    calls,
    broadcast: after.sent - before.sent,
    seconds: (to - from) / 1000,
  };
}

async function realRun(spec: RunSpec, started: Started, broadcast: { id: number; written: number }, deltas: number[], log: (line: string) => void): Promise<RunResult> {
  const { fake, path } = started;
  await sleep(Math.max(0, broadcast.written + REAL_WINDOW_MS - wallNow()));
  const end = broadcast.written + REAL_WINDOW_MS;
  const { tooMany } = await fake.ask('counts', null);
  // Only the broadcast is under way in the window (the teachers' probe came before it).
  const inWindow = (await fake.ask('accepted', null)).filter((t) => t > broadcast.written && t <= end);
  const talked = await talk(started, broadcast.id, deltas);
  const stopStarted = performance.now();
  await started.app.stop();
  const stopMs = performance.now() - stopStarted;
  const delivered = (await fake.ask('copies', { users: started.users })).reduce((a, b) => a + b, 0);
  // The stop must leave nothing in doubt: rows claimed but not sent go back to pending.
  const check = openDb(path);
  const counts = countOutbox(check, { batch: broadcastBatch(broadcast.id) });
  closeDb(check);
  if (counts.sent !== delivered) log(`${spec.platform} · real: WARNING ${counts.sent} rows marked sent but the fake stored ${delivered} broadcast messages`);
  return { spec, accepted: inWindow, tooManyRequests: tooMany, stopMs, leftSending: counts.sending, talk: talked };
}

async function run(spec: RunSpec, dir: string, log: (line: string) => void): Promise<RunResult> {
  const label = `${spec.platform} · ${spec.kind}`;
  const started = await prepare(spec, dir, log);
  try {
    // One teacher goes first, before the broadcast, to learn what each step of the survey brings to a chat; then the
    // limiter stops keeping room for replies, so that the first 20 seconds measure the broadcast alone.
    const deltas = spec.kind === 'real' ? await started.fake.ask('probe', { user: FIRST_TALKER, startData: started.startData }) : [];
    if (spec.kind === 'real') await sleep(REPLY_RECENT_MS + 500);
    const broadcast = writeBroadcast(started, log, label);
    return spec.kind === 'scaled' ? await scaledRun(spec, started, broadcast) : await realRun(spec, started, broadcast, deltas, log);
  } finally {
    await started.app.stop();
    await started.fake.stop();
  }
}

/**
 * What holds a run below 95 % of the allowed rate. Opora spreads bulk sends
 * at 98 % of its limit (bot/outbox/rate-limit.ts), one limiter for replies
 * and the outbox per messenger. Below that, the cause is the event loop:
 * every send waits on a timer of at least 1 ms, which matters at the scaled
 * rates (600/s is 1.7 ms apart), and a 429 costs the second the platform
 * asks Opora to wait.
 */
function bottleneck(limit: number, share: number, tooMany: number): string {
  if (share >= TARGET_SHARE) return "the platform's rate limit (Opora paces at 98 %)";
  if (tooMany > 0) return 'the pause after a 429';
  return limit >= 100 ? "the limiter's timers on a busy event loop (≥ 1 ms per send)" : 'event-loop delays on a busy machine';
}

function groupOf(spec: RunSpec): string {
  const scale = spec.fakeLimit / REAL_LIMIT[spec.platform];
  return spec.kind === 'scaled' ? `broadcast · ${spec.platform} · scaled ×${scale}` : `broadcast · ${spec.platform} · real limits, ${REAL_WINDOW_MS / 1000} s`;
}

function rateFigures(result: RunResult, group: string): Figure[] {
  const { fakeLimit, oporaLimit } = result.spec;
  const rate = steadyRate(result.accepted);
  const share = (rate / fakeLimit) * 100;
  const limitedBy = bottleneck(oporaLimit, share, result.tooManyRequests);
  return [
    { group, name: 'achieved rate', value: round(rate, 1), unit: 'messages/s', limitedBy },
    { group, name: 'share of the allowed rate', value: round(share, 1), unit: '%', target: `≥ ${TARGET_SHARE} %`, met: share >= TARGET_SHARE, limitedBy },
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
}

function scaledFigures(result: RunResult, group: string): Figure[] {
  return [
    { group, name: 'time for 10,000', value: round((result.totalMs ?? 0) / 1000, 1), unit: 's', limitedBy: "the platform's rate limit" },
    { group, name: 'recipients with exactly one copy', value: result.reached ?? 0, unit: 'people', target: String(RECIPIENTS), met: result.reached === RECIPIENTS && result.duplicated === 0 },
  ];
}

function realFigures(result: RunResult, group: string): Figure[] {
  return [
    { group, name: `accepted in ${REAL_WINDOW_MS / 1000} s`, value: result.accepted.length, unit: 'messages', limitedBy: "the platform's rate limit" },
    { group, name: 'stop time', value: Math.round(result.stopMs ?? 0), unit: 'ms', limitedBy: 'sends in flight finishing' },
    { group, name: "rows left 'sending' after stop", value: result.leftSending ?? 0, unit: 'rows', target: '0', met: result.leftSending === 0 },
  ];
}

function talkFigures(talked: Talk, spec: RunSpec): Figure[] {
  const group = `broadcast · ${spec.platform} · ${TALKERS} teachers talking during it, ${TALK_MS / 1000} s`;
  const sorted = [...talked.result.answered].sort((a, b) => a - b);
  const firstSorted = [...talked.result.firstPart].sort((a, b) => a - b);
  const waits = [...talked.limiterWaits].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const limit = spec.fakeLimit;
  const latencyBy = "the way from the update to the answer's requests (BENCHMARKS.md), then the limiter's wait below";
  return [
    { group, name: 'answers measured', value: sorted.length, unit: 'presses or /help' },
    { group, name: 'answers not given within 30 s', value: talked.result.unanswered, unit: 'presses or /help', target: '0', met: talked.result.unanswered === 0 },
    { group, name: 'reply latency p50', value: Math.round(percentile(sorted, 50)), unit: 'ms', limitedBy: latencyBy },
    { group, name: 'reply latency p95', value: Math.round(p95), unit: 'ms', target: `< ${TARGET_REPLY_P95_MS} ms`, met: p95 < TARGET_REPLY_P95_MS, limitedBy: latencyBy },
    { group, name: 'reply latency p99', value: Math.round(percentile(sorted, 99)), unit: 'ms', limitedBy: latencyBy },
    { group, name: 'first part of the reply p95', value: Math.round(percentile(firstSorted, 95)), unit: 'ms' },
    { group, name: "replies' wait in the limiter p50", value: round(percentile(waits, 50), 1), unit: 'ms', limitedBy: 'replies go first; bulk leaves the reserve free' },
    { group, name: "replies' wait in the limiter p95", value: round(percentile(waits, 95), 1), unit: 'ms', limitedBy: "bursts of replies beyond the reserve wait for the platform's second to free a slot" },
    { group, name: '429 answers', value: talked.tooManyRequests, unit: 'requests', target: '0', met: talked.tooManyRequests === 0, limitedBy: 'one limiter for replies and the outbox' },
    { group, name: 'all requests, share of the limit', value: round((talked.calls / talked.seconds / limit) * 100, 1), unit: '%', limitedBy: "the platform's rate limit (Opora paces at 98 %)" },
    { group, name: 'broadcast meanwhile', value: round(talked.broadcast / talked.seconds, 1), unit: 'messages/s', limitedBy: 'replies go first' },
  ];
}

function figures(result: RunResult): Figure[] {
  const group = groupOf(result.spec);
  const out = [...rateFigures(result, group), ...(result.spec.kind === 'scaled' ? scaledFigures(result, group) : realFigures(result, group))];
  if (result.talk) out.push(...talkFigures(result.talk, result.spec));
  return out;
}

export async function runBroadcast(options: { dir: string; log: (line: string) => void; platforms?: Platform[] }): Promise<Figure[]> {
  const { dir, log } = options;
  const out: Figure[] = [];
  for (const platform of options.platforms ?? (['telegram', 'vk', 'max'] as const)) {
    // Opora is configured exactly at the fake's limit, as the real configuration runs it (no headroom).
    const specs: RunSpec[] = [
      { platform, kind: 'scaled', fakeLimit: SCALED_LIMIT[platform], oporaLimit: SCALED_LIMIT[platform] },
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
