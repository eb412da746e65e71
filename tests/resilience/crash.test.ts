// Crash safety of the real service (bot/main.ts as a child process on the
// loopback Telegram emulator): SIGKILL in the middle of survey answers, a
// road-map import and a survey reminder run, then a restart on the same
// database. No confirmed answer is lost or stored twice, the road map is
// saved whole or not at all, and every reminder goes out once. (The
// broadcast case is tests/e2e/broadcast-crash.test.ts.)
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { countInbox } from '../../db/repos/inbox.js';
import { countOutbox } from '../../db/repos/outbox.js';
import { addRecipients, createRound, createSurvey } from '../../db/repos/surveys.js';
import { outbox, responses, roadmapItems, roundRecipients } from '../../db/schema.js';
import { drivers } from '../e2e/drivers.js';
import { startOpora, type OporaProcess } from '../e2e/process.js';
import { tempDir } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait.js';
import {
  DAY, OPTIONS, afternoonZone, drained, freePort, jobRuns, repliesWaiting, roadmapCounts, roadmapWorkbook, seedSurveyRound, settledAll, sleep, surveyDefinition, teachers, type TelegramDriver,
} from './crash-helpers.js';

describe('crash safety on Telegram: SIGKILL, then a restart on the same database', () => {
  let driver: TelegramDriver | undefined;
  let opora: OporaProcess | undefined;
  let dir = '';
  let cleanup = () => {};
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('opora-crash-'));
  });
  afterEach(async () => {
    await opora?.stop('SIGKILL');
    opora = undefined;
    await driver?.stop();
    driver = undefined;
    cleanup();
  });

  it('keeps every confirmed survey answer exactly once when killed while 150 teachers answer', { timeout: 120_000 }, async () => {
    const TEACHERS = 150;
    const FIRST_USER = 200_000;
    const tg = (driver = await drivers.telegram());
    const path = join(dir, 'opora.db');
    const { seeded, roundId } = seedSurveyRound(path, 'telegram', TEACHERS, FIRST_USER);
    const round = { id: roundId };

    // Replies are not what is measured here: the emulator sets no limits and Opora paces at its maximum.
    const env = { ...tg.env(1000), DATABASE_PATH: path, LOG_LEVEL: 'info' };
    const users = Array.from({ length: TEACHERS }, (_, i) => FIRST_USER + i);
    opora = await startOpora(env, tg.ready);
    await waitFor(() => users.every((u) => tg.messages(u).some((m) => /^Новый опрос: «Открытый урок»/.test(m.text))), 30_000, 'every invitation');

    // Each teacher answers the way a person does: «Начать» on the invitation,
    // an option, «Отправить», each press as soon as the bot's answer to the
    // previous one is there.
    const QUESTION = /^Вопрос 1 из 1/;
    const SUMMARY = /^Проверьте ответы/;
    const SAVED = /^Спасибо! Ответы сохранены\./;
    const CONFIRMED = /^Спасибо! Ответы (сохранены|обновлены)\./;
    type Phase = 'start' | 'starting' | 'answering' | 'submitting' | 'done';
    const people = users.map((user, i) => ({
      user,
      personId: seeded.personIds.get(`Педагог Номер ${i}`)!,
      option: OPTIONS[i % OPTIONS.length]!,
      phase: 'start' as Phase,
      since: 0,
      presses: { start: 0, submit: 0 },
    }));
    type Person = (typeof people)[number];
    const count = (p: Person, pattern: RegExp, from = 0) => tg.messages(p.user).slice(from).filter((m) => pattern.test(m.text)).length;
    const next = (p: Person): { press: string; then: Phase } | 'done' | undefined => {
      switch (p.phase) {
        case 'start':
          return { press: 'Начать', then: 'starting' };
        case 'starting':
          if (count(p, SUMMARY, p.since) > 0) return { press: 'Отправить', then: 'submitting' };
          return count(p, QUESTION, p.since) > 0 ? { press: p.option.label, then: 'answering' } : undefined;
        case 'answering':
          return count(p, SUMMARY, p.since) > 0 ? { press: 'Отправить', then: 'submitting' } : undefined;
        case 'submitting':
          return count(p, CONFIRMED, p.since) > 0 ? 'done' : undefined;
        case 'done':
          return undefined;
      }
    };
    const drive = async (until: () => boolean, timeoutMs: number, what: string) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const p of people) {
          const move = next(p);
          if (move === 'done') p.phase = 'done';
          else if (move) {
            p.since = tg.messages(p.user).length;
            if (move.press === 'Начать') p.presses.start++;
            if (move.press === 'Отправить') p.presses.submit++;
            tg.press(p.user, move.press);
            p.phase = move.then;
          }
        }
        if (until()) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; phases ${JSON.stringify(people.map((p) => p.phase))}`);
        await sleep(20);
      }
    };
    const confirmed = () => people.filter((p) => count(p, CONFIRMED) > 0);

    await drive(() => confirmed().length >= TEACHERS / 3, 60_000, 'a third of the answers to be confirmed');
    await opora.stop('SIGKILL');

    // The kill hit answering in progress: some teachers are confirmed, others
    // not, and presses were at the platform, recorded but not handled, or
    // handled with their reply not yet sent.
    const confirmedAtKill = confirmed();
    expect(confirmedAtKill.length).toBeGreaterThanOrEqual(TEACHERS / 3);
    expect(confirmedAtKill.length).toBeLessThan(TEACHERS);
    const afterKill = openDb(path);
    const inFlight = tg.server.pendingUpdates() + countInbox(afterKill, 'pending') + repliesWaiting(afterKill);
    expect(inFlight).toBeGreaterThan(0);
    // Reply rows a sender had claimed: their send may have reached Telegram, and the restart sends them again.
    const inDoubt = new Set(
      afterKill.select({ chat: outbox.chatId }).from(outbox).where(and(eq(outbox.priority, 1), eq(outbox.state, 'sending'))).all().map((r) => Number(r.chat)),
    );

    // No lost answer: whoever was told "saved" before the kill has their answer in the database the kill left behind.
    const storedAtKill = afterKill.select().from(responses).where(eq(responses.roundId, round.id)).all();
    closeDb(afterKill);
    for (const p of confirmedAtKill) {
      expect(storedAtKill.filter((r) => r.personId === p.personId).map((r) => r.answers)).toEqual([{ lesson: p.option.value }]);
    }

    opora = await startOpora(env, tg.ready);
    await drained(tg, users, path);
    // Every update recorded before the kill is handled after it (or was), and
    // its reply is an outbox row sent now: nobody waits for an answer that
    // will not come, so nobody has to start over.
    expect(people.filter((p) => p.phase !== 'done' && next(p) === undefined).map((p) => p.user)).toEqual([]);
    await drive(() => people.every((p) => p.phase === 'done'), 60_000, 'every teacher to finish');
    await settledAll(tg, users);

    const check = openDb(path);
    const stored = check.select().from(responses).where(eq(responses.roundId, round.id)).all();
    const unanswered = check.select().from(roundRecipients).where(and(eq(roundRecipients.roundId, round.id), isNull(roundRecipients.answeredAt))).all();
    closeDb(check);
    expect(stored).toHaveLength(TEACHERS);
    expect(new Set(stored.map((r) => r.personId)).size).toBe(TEACHERS);
    for (const p of people) expect(stored.find((r) => r.personId === p.personId)?.answers).toEqual({ lesson: p.option.value });
    expect(unanswered).toHaveLength(0);

    // Each press was answered once, but for the one window of doubt: replies
    // are outbox rows, and a row whose send was cut off by the kill (still
    // 'sending') is sent again; Telegram has no idempotency key, so that
    // reply may arrive twice. Only the chats with such a row may show a
    // second "saved", a second confirmation for one submit, a second question
    // for one «Начать»; everyone else's answers came exactly once (a second
    // submit would say "updated", and nobody submitted twice).
    const twice = people.filter(
      (p) => count(p, SAVED) > 1 || count(p, CONFIRMED) > p.presses.submit || count(p, QUESTION) > p.presses.start,
    );
    expect(twice.filter((p) => !inDoubt.has(p.user)).map((p) => p.user)).toEqual([]);
    for (const p of people) {
      expect(count(p, CONFIRMED)).toBeGreaterThanOrEqual(1);
      expect(p.presses).toEqual({ start: 1, submit: 1 });
    }
    for (const p of confirmedAtKill.filter((c) => !inDoubt.has(c.user))) expect(count(p, CONFIRMED)).toBe(1);
    // A press handled a second time would meet a dialog that has moved on and
    // answer "this button is outdated"; every press here was answered silently
    // (a resent row repeats its own empty answer to the press).
    expect(tg.notices().filter((n) => n !== '')).toEqual([]);
  });

  it('saves a 1,200-item road map whole or not at all when killed during the import', { timeout: 120_000 }, async () => {
    const COORD = 300_001;
    const ITEMS = 1200;
    const year = new Date().getUTCFullYear() + 2; // every deadline far ahead: no road-map reminders get in the way
    const tg = (driver = await drivers.telegram());
    const path = join(dir, 'opora.db');
    const db = openDb(path);
    seedMunicipality(db, { platform: 'telegram', timezone: afternoonZone(), schools: [], people: [{ name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD }] });
    closeDb(db);
    const workbook = await roadmapWorkbook(ITEMS, year);

    const env = { ...tg.env(1000), DATABASE_PATH: path, LOG_LEVEL: 'info' };
    opora = await startOpora(env, tg.ready);
    const ask = async (how: { say?: string; press?: string; file?: Buffer }, expected: RegExp) => {
      const since = tg.messages(COORD).length;
      if (how.say) tg.say(COORD, how.say);
      if (how.press) tg.press(COORD, how.press);
      if (how.file) tg.sendFile(COORD, 'дорожная карта.xlsx', how.file);
      await tg.waitForText(COORD, expected, since, 30_000);
      await tg.settled(COORD);
    };
    await ask({ say: '/roadmap' }, /Дорожная карта ещё не загружена/);
    await ask({ press: 'Загрузить дорожную карту' }, /Пришлите приказ с дорожной картой/);
    await ask({ file: workbook }, /пунктов — 1\s?200, разделов — 12/); // "1 200", grouped the Russian way

    // The save is one transaction of a few hundred milliseconds. A second
    // connection that may not wait (busy_timeout 0) sees it as the write lock
    // being held; held for 15 ms on end, it is the import and not one of the
    // short writes around it (claiming the update, the dialog, the audit).
    // Items visible to a reader before that would be an import committing
    // piece by piece: kill then, and the half-saved road map shows below.
    const probe = openDb(path);
    probe.$client.pragma('busy_timeout = 0');
    const writeLockHeld = () => {
      try {
        probe.$client.exec('BEGIN IMMEDIATE');
        probe.$client.exec('ROLLBACK');
        return false;
      } catch (error) {
        if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return true;
        throw error;
      }
    };
    const itemsVisible = () => (probe.select({ n: sql<number>`count(*)` }).from(roadmapItems).get()?.n ?? 0) > 0;
    const DONE = /Кому напоминать о пунктах|Дорожная карта сохранена/;
    const since = tg.messages(COORD).length;
    tg.press(COORD, 'Импортировать');
    const deadline = Date.now() + 30_000;
    for (let heldSince: number | undefined; ; await sleep(1)) {
      const at = performance.now();
      if (!writeLockHeld()) heldSince = undefined;
      else if (at - (heldSince ??= at) >= 15) break;
      if (itemsVisible()) break;
      if (Date.now() > deadline) throw new Error('the import never started writing');
    }
    await opora.stop('SIGKILL');
    closeDb(probe);
    // The kill came while the import was being written, before the coordinator heard back.
    expect(tg.messages(COORD).slice(since).filter((m) => DONE.test(m.text))).toEqual([]);

    const nothing = { roadmaps: 0, items: 0, numbers: 0, milestones: 0, history: 0 };
    const whole = { roadmaps: 1, items: ITEMS, numbers: ITEMS, milestones: ITEMS, history: ITEMS };
    const afterKill = roadmapCounts(path);
    expect([nothing, whole]).toContainEqual(afterKill);

    // The press was recorded in the inbox before the import began. After the
    // restart an import cut off by the kill runs again from there, whole, and
    // one that was committed has its reply (an outbox row) sent: either way
    // the road map is saved once and the coordinator hears back without
    // pressing again. The press was handled once: no "this button is outdated".
    opora = await startOpora(env, tg.ready);
    await drained(tg, [COORD], path);
    expect(roadmapCounts(path)).toEqual(whole);
    expect(tg.messages(COORD).slice(since).filter((m) => DONE.test(m.text)).length).toBeGreaterThanOrEqual(1);
    expect(tg.notices().filter((n) => n !== '')).toEqual([]);
  });

  it('sends each of 1,000 survey reminders once when killed in the middle of the run', { timeout: 120_000 }, async () => {
    const RECIPIENTS = 1000;
    const FIRST_USER = 400_000;
    const limits = { globalPerSecond: 60, perChatPerSecond: 1 };
    const tg = (driver = await drivers.telegram(limits));
    const path = join(dir, 'opora.db');
    const db = openDb(path);
    const seeded = seedMunicipality(db, { platform: 'telegram', timezone: afternoonZone(), schools: [{ short: 'Школа 1', statuses: ['low_results'] }], people: teachers(RECIPIENTS, FIRST_USER) });
    const survey = surveyDefinition();
    const stored = createSurvey(db, { municipalityId: seeded.municipalityId, key: survey.key, title: survey.title, definition: { ...survey } });
    // Opened two days ago, so today is its first reminder day (days 2 and 4, at 10:00 local); nobody has answered.
    const now = Date.now();
    const round = createRound(db, {
      surveyId: stored.id,
      municipalityId: seeded.municipalityId,
      audience: { roles: ['teacher'] },
      opensAt: new Date(now - 2 * DAY),
      closesAt: new Date(now + 5 * DAY),
      reminderDays: [2, 4],
    });
    addRecipients(db, [...seeded.personIds.values()].map((personId) => ({ roundId: round.id, personId, schoolId: seeded.schoolIds.get('Школа 1')! })));
    closeDb(db);

    // Opora is set a quarter under the emulator's limit, as in broadcast-crash; /metrics tells when the job has run.
    const port = await freePort();
    const env = { ...tg.env(Math.floor(limits.globalPerSecond * 0.75)), DATABASE_PATH: path, LOG_LEVEL: 'info', HEALTH_PORT: String(port) };
    const users = Array.from({ length: RECIPIENTS }, (_, i) => FIRST_USER + i);
    const REMINDER = /^Напоминание: ждём ваших ответов на опрос «Открытый урок»/;
    const copies = () => users.map((u) => tg.messages(u).filter((m) => REMINDER.test(m.text)).length);
    const delivered = () => copies().reduce((a, b) => a + b, 0);
    const reminderRows = (d: Db) =>
      d.select({ n: sql<number>`count(*)` }).from(outbox).where(like(outbox.dedupeKey, `round:${round.id}:remind:%`)).get()?.n ?? 0;

    // The job runs at start-up and queues the reminders; kill the process once a third are out.
    opora = await startOpora(env, tg.ready);
    await waitFor(() => delivered() >= RECIPIENTS / 3, 60_000, 'a third of the reminders');
    await opora.stop('SIGKILL');
    expect(delivered()).toBeLessThan(RECIPIENTS);

    // What the database knew at the kill: one queued reminder per person, some claimed by the sender and not yet recorded.
    const afterKill = openDb(path);
    const inDoubt = countOutbox(afterKill).sending;
    expect(reminderRows(afterKill)).toBe(RECIPIENTS);
    closeDb(afterKill);

    opora = await startOpora(env, tg.ready);
    // The restarted scheduler runs the job again for the same day at start-up (and each minute)…
    await waitFor(async () => (await jobRuns(port, 'survey-rounds')) >= 1, 30_000, 'the survey job to run after the restart');
    await waitFor(() => copies().every((n) => n >= 1), 90_000, 'every reminder');
    const check = openDb(path);
    await waitFor(() => {
      const c = countOutbox(check);
      return c.pending === 0 && c.sending === 0;
    }, 30_000, 'the outbox to drain');
    // …and queues nothing new: the reminders of the day were queued once, before the kill.
    expect(reminderRows(check)).toBe(RECIPIENTS);
    expect(countOutbox(check)).toMatchObject({ sent: RECIPIENTS, failed: 0, blocked: 0 });
    closeDb(check);
    await settledAll(tg, users);

    const got = copies();
    expect(got.filter((n) => n === 0)).toHaveLength(0);
    // Telegram has no idempotency key: only a row caught between its request and its record may arrive twice.
    expect(got.filter((n) => n > 1).length).toBeLessThanOrEqual(inDoubt);
    expect(Math.max(...got)).toBeLessThanOrEqual(2);
  });
});
