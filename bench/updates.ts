// Update handling: survey answers pressed by many teachers at once, through
// the full stack (adapter, core, SQLite) against each messenger's loopback
// fake, beside a bare bot on the same SDK and the same fake that only
// replies. Both are driven the same way, in waves: every teacher presses the
// newest button in their chat, and the next wave starts when every chat has
// its answer. Opora's own rate limits are lifted here: this measures the cost
// of handling an update, not the platform's sending limit (see broadcast.ts).
import { Agent as HttpAgent } from 'node:http';
import { join } from 'node:path';
import { Bot as MaxBot } from '@maxhub/max-bot-api';
import { Bot as GrammyBot } from 'grammy';
import { VK, Keyboard } from 'vk-io';
import { startApp } from '../bot/app.js';
import { closeDb, openDb } from '../db/client.js';
import { addRecipients, createRound, createSurvey } from '../db/repos/surveys.js';
import { silentLog } from '../handlers/core/log.js';
import { startRoundAction } from '../handlers/surveys/respond.js';
import { drivers, type Driver } from '../tests/e2e/drivers.js';
import type { FakeMax } from '../tests/e2e/fake-max.js';
import type { FakeTelegram } from '../tests/e2e/fake-telegram.js';
import type { FakeVk } from '../tests/e2e/fake-vk.js';
import { seedMunicipality } from '../tests/helpers/seed.js';
import { survey } from './broadcast-seed.js';
import { percentile, round, type Figure } from './report.js';

type Platform = 'telegram' | 'vk' | 'max';
const FIRST_USER = 100_000;
const NO_LIMIT = { perSecond: 1_000_000, perChatPerSecond: 1_000_000 };

/** Activity in a chat: messages plus edits, so an answer that edits in place counts. */
const activity = (driver: Driver, user: number): number => driver.messages(user).reduce((n, m) => n + 1 + m.edits, 0);

/** Presses, for every user, the button chosen from their newest keyboard; resolves when each chat has `delta` more activity. */
async function wave(driver: Driver, users: number[], choose: (user: number) => { messageId: number; data: string }, delta: number): Promise<void> {
  const before = new Map(users.map((u) => [u, activity(driver, u)]));
  for (const user of users) {
    const { messageId, data } = choose(user);
    driver.pressRaw(user, messageId, data);
  }
  const deadline = Date.now() + 120_000;
  while (users.some((u) => activity(driver, u) < (before.get(u) ?? 0) + delta)) {
    if (Date.now() > deadline) throw new Error(`${driver.platform}: a wave did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function newestButtons(driver: Driver, user: number): { messageId: number; data: string } {
  const message = driver.messages(user).findLast((m) => m.buttons.length > 0);
  if (!message) throw new Error(`${driver.platform}: user ${user} has no buttons to press`);
  const submit = message.buttons.find((b) => b.label === 'Отправить');
  return { messageId: message.id, data: (submit ?? message.buttons[0])?.data ?? '' };
}

/** Opora: every teacher starts the survey, answers three questions and submits: five updates each. Then the core alone, one update at a time. */
async function fullStack(platform: Platform, dir: string, teachers: number, coreTeachers: number): Promise<{ updates: number; seconds: number; core: number[] }> {
  const driver = await drivers[platform]();
  const path = join(dir, `updates-${platform}.db`);
  const db = openDb(path);
  const users = Array.from({ length: teachers + coreTeachers }, (_, i) => FIRST_USER + i);
  const seeded = seedMunicipality(db, {
    platform,
    schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
    people: users.map((user, i) => ({ name: `Педагог ${i}`, role: 'teacher' as const, school: 'Школа 1', user })),
  });
  if (!survey.ok) throw new Error(survey.problems.join('; '));
  const row = createSurvey(db, { municipalityId: seeded.municipalityId, key: 'bench', title: survey.survey.title, definition: survey.survey as never });
  const now = Date.now();
  const r = createRound(db, { surveyId: row.id, municipalityId: seeded.municipalityId, audience: { roles: ['teacher'] }, opensAt: new Date(now - 3600_000), closesAt: new Date(now + 7 * 86_400_000) });
  addRecipients(db, [...seeded.personIds.values()].map((personId) => ({ roundId: r.id, personId, schoolId: seeded.schoolIds.get('Школа 1') ?? null })));
  closeDb(db);

  const app = await startApp(driver.config(path), { log: silentLog, manualScheduler: true, limits: { telegram: NO_LIMIT, vk: NO_LIMIT, max: NO_LIMIT } });
  try {
    // One teacher goes first to learn how much each step changes a chat; the rest follow the same path.
    const [probe, ...rest] = users.slice(0, teachers) as [number, ...number[]];
    const deltas: number[] = [];
    let choose = (_user: number) => ({ messageId: 1, data: startRoundAction.encode(r.id) });
    for (let step = 0; step < 5; step++) {
      const before = activity(driver, probe);
      driver.pressRaw(probe, choose(probe).messageId, choose(probe).data);
      await driver.waitForCount(probe, 1);
      await driver.settled(probe);
      deltas.push(activity(driver, probe) - before);
      choose = (user) => newestButtons(driver, user);
    }
    const started = performance.now();
    for (const [step, delta] of deltas.entries()) {
      await wave(driver, rest, step === 0 ? () => ({ messageId: 1, data: startRoundAction.encode(r.id) }) : (u) => newestButtons(driver, u), delta);
    }
    const seconds = (performance.now() - started) / 1000;

    // The core alone: the same five presses for more teachers, handed to the core one at a time, without a messenger.
    const core: number[] = [];
    for (const user of users.slice(teachers)) {
      let data = startRoundAction.encode(r.id);
      for (let step = 0; step < deltas.length; step++) {
        const t0 = performance.now();
        const result = await app.core.handle({ platform, updateId: `core:${user}:${step}`, chatId: String(user), sender: { id: String(user) }, event: { kind: 'action', data } });
        core.push(performance.now() - t0);
        const buttons = result.replies.findLast((reply) => reply.buttons?.length)?.buttons?.flat() ?? [];
        const next = buttons.find((b) => b.label === 'Отправить') ?? buttons[0];
        data = next?.kind === 'action' ? next.data : '';
      }
    }
    const answered = app.db.$client.prepare('SELECT count(*) AS n FROM responses WHERE round_id = ?').get(r.id) as { n: number };
    if (answered.n !== users.length) throw new Error(`${platform}: ${answered.n} of ${users.length} responses saved`);
    return { updates: rest.length * deltas.length, seconds, core };
  } finally {
    await app.stop();
    await driver.stop();
  }
}

/** The reference: the same SDK on the same fake, answering each press with one message and a button, and nothing else. */
async function bare(platform: Platform, teachers: number, steps: number): Promise<{ updates: number; seconds: number }> {
  const driver = await drivers[platform]();
  const stop = await startBare(platform, driver);
  try {
    // One press first, answered before the clock starts: MAX, polled without a marker, returns only the latest
    // update, so the SDK must have had an answer (and its marker) before the teachers press at once.
    await wave(driver, [FIRST_USER - 1], () => ({ messageId: 1, data: 'next' }), 1);
    const users = Array.from({ length: teachers }, (_, i) => FIRST_USER + i);
    const started = performance.now();
    for (let step = 0; step < steps; step++) {
      await wave(driver, users, step === 0 ? () => ({ messageId: 1, data: 'next' }) : (u) => newestButtons(driver, u), 1);
    }
    return { updates: teachers * steps, seconds: (performance.now() - started) / 1000 };
  } finally {
    await stop();
    await driver.stop();
  }
}

async function startBare(platform: Platform, driver: Driver): Promise<() => Promise<void>> {
  if (platform === 'telegram') {
    const server = (driver as Driver & { server: FakeTelegram }).server;
    const bot = new GrammyBot(server.token, { client: { apiRoot: server.apiRoot } });
    bot.on('callback_query:data', async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.reply('Принято', { reply_markup: { inline_keyboard: [[{ text: 'Дальше', callback_data: 'next' }]] } });
    });
    await bot.init();
    void bot.start();
    return async () => void (await bot.stop());
  }
  if (platform === 'vk') {
    const server = (driver as Driver & { server: FakeVk }).server;
    const vk = new VK({
      token: server.token,
      apiBaseUrl: server.apiBaseUrl,
      pollingGroupId: server.groupId,
      apiLimit: NO_LIMIT.perSecond,
      agent: new HttpAgent({ keepAlive: true }) as never,
    });
    let randomId = 1;
    vk.updates.on('message_event', async (ctx) => {
      await vk.api.messages.sendMessageEventAnswer({ event_id: ctx.eventId, user_id: ctx.userId, peer_id: ctx.peerId });
      const keyboard = Keyboard.builder().inline().callbackButton({ label: 'Дальше', payload: { a: 'next' } });
      await vk.api.messages.send({ peer_id: ctx.peerId, random_id: randomId++, message: 'Принято', keyboard });
    });
    await vk.updates.start();
    return async () => vk.updates.stop();
  }
  const server = (driver as Driver & { server: FakeMax }).server;
  const bot = new MaxBot(server.token, { clientOptions: { baseUrl: server.apiBaseUrl } });
  bot.on('message_callback', async (ctx) => {
    await ctx.answerOnCallback({ notification: 'Принято' } as never);
    const keyboard = { type: 'inline_keyboard' as const, payload: { buttons: [[{ type: 'callback' as const, text: 'Дальше', payload: 'next' }]] } };
    await bot.api.sendMessageToUser(ctx.user?.user_id ?? 0, 'Принято', { attachments: [keyboard] });
  });
  void bot.start();
  return async () => bot.stopPolling();
}

export async function runUpdates(options: { dir: string; log: (line: string) => void; teachers?: number; platforms?: Platform[] }): Promise<Figure[]> {
  const teachers = options.teachers ?? 300;
  const figures: Figure[] = [];
  for (const platform of options.platforms ?? (['telegram', 'vk', 'max'] as const)) {
    const reference = await bare(platform, teachers, 5);
    const full = await fullStack(platform, options.dir, teachers + 1, 200);
    const bareRate = reference.updates / reference.seconds;
    const fullRate = full.updates / full.seconds;
    const sorted = [...full.core].sort((a, b) => a - b);
    const group = `updates · ${platform}`;
    options.log(`${group}: ${full.updates} updates in ${full.seconds.toFixed(1)} s, bare ${reference.updates} in ${reference.seconds.toFixed(1)} s`);
    const ratio = fullRate / bareRate;
    const p99 = percentile(sorted, 99);
    figures.push(
      { group, name: 'full stack (survey answers)', value: round(fullRate, 0), unit: 'updates/s', limitedBy: 'the CPU: one Node thread runs the SDK, the core and SQLite' },
      { group, name: 'bare bot (reply only)', value: round(bareRate, 0), unit: 'updates/s', limitedBy: 'loopback HTTP round trips of the SDK' },
      { group, name: 'full stack ÷ bare bot', value: round(ratio, 2), unit: '×', target: '≥ 0.67', met: ratio >= 2 / 3 },
      { group, name: 'core p50 (one update at a time)', value: round(percentile(sorted, 50), 2), unit: 'ms' },
      { group, name: 'core p99', value: round(p99, 2), unit: 'ms', target: '< 5 ms', met: p99 < 5, limitedBy: 'SQLite writes (one transaction per update)' },
    );
  }
  return figures;
}
