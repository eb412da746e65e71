// The durable inbox promises (README, "Delivery guarantees") that every
// update's effect happens exactly once and every reply arrives at least once,
// exactly once on VK, whenever the process dies. This proves it from outside:
// the real service as a child process on the loopback Telegram and VK fakes,
// 40 teachers answering a survey, killed with SIGKILL three times at seeded
// random moments and restarted on the same database each time.
//
// Why it can fail. Had the replies been sent straight after the handler
// instead of as an outbox row committed with the update, a kill between the
// commit and the send (the three kills here find dozens of replies committed
// and not yet sent) loses that reply for good: the update is done and never handled
// again, so its teacher hears nothing, presses «Начать» again 15 s after the
// restart drained, and "nobody had to start over" fails, as does "every
// recorded update has a sent reply row". Sent before the commit instead, a
// reply is sent again when the rolled-back update is handled again: a second
// copy on VK unless its random_id were stable, and on Telegram a duplicate in
// a chat that had no reply row in flight at any kill. An update handled twice
// meets a dialog that has moved on and says "this button is outdated"; one
// never recorded (the offset or the VK position confirmed too early) leaves
// its teacher waiting. Each of these is asserted below.
import { join } from 'node:path';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { inbox, outbox, responses, roundRecipients, type OutboxPayload } from '../../db/schema.js';
import { drivers, type Driver } from '../e2e/drivers.js';
import { startOpora, type OporaProcess } from '../e2e/process.js';
import { tempDir } from '../helpers/core.js';
import { waitFor } from '../helpers/wait.js';
import { OPTIONS, seedSurveyRound, settledAll, sleep } from './crash-helpers.js';

const TEACHERS = 40;
const FIRST_USER = 500_000;
const STEPS = ['start', 'option', 'submit'] as const;
type Step = (typeof STEPS)[number];
const PRESSES = TEACHERS * STEPS.length;
const KILLS = 3;
/** Every API call of the fakes takes this long, so that a kill finds sends in flight. */
const LATENCY_MS = 25;
/** A teacher who has heard nothing this long after the restart drained starts over; there must be none. */
const GIVE_UP_MS = 15_000;

const INVITE = /^Новый опрос: «Открытый урок»/;
const INTRO = /^Открытый урок$/;
const QUESTION = /^Вопрос 1 из 1/;
const SUMMARY = /^Проверьте ответы/;
const SAVED = /^Спасибо! Ответы сохранены\./;
const EDITED = /^Спасибо! Ответы обновлены\./;
/** The bot's answer to each press, by which the teacher knows to go on. */
const ANSWER: Record<Step, RegExp> = { start: QUESTION, option: SUMMARY, submit: SAVED };
const AFTER: Record<Step, Step | 'done'> = { start: 'option', option: 'submit', submit: 'done' };

/**
 * Where the kills fall, drawn from the seed: after so many answered presses
 * (the first between 5 and 30, each next 4 to 30 later, so one may land on the
 * backlog just after a restart) and a further 0–150 ms; and how long each
 * teacher thinks before each press.
 */
function plan(seed: number) {
  const arbitrary = fc.record({
    first: fc.integer({ min: 5, max: 30 }),
    gaps: fc.array(fc.integer({ min: 4, max: 30 }), { minLength: KILLS - 1, maxLength: KILLS - 1 }),
    delays: fc.array(fc.integer({ min: 0, max: 150 }), { minLength: KILLS, maxLength: KILLS }),
    think: fc.array(fc.integer({ min: 20, max: 600 }), { minLength: PRESSES, maxLength: PRESSES }),
  });
  const [drawn] = fc.sample(arbitrary, { seed, numRuns: 1 });
  if (!drawn) throw new Error('no plan drawn');
  const thresholds = drawn.gaps.reduce((list, gap) => [...list, list.at(-1)! + gap], [drawn.first]);
  return { thresholds, delays: drawn.delays, think: drawn.think };
}

/** Which press a reply row answers, told by its texts (a submit's row also echoes the summary, an option's the question). */
function replyStep(payload: OutboxPayload): Step | undefined {
  if (payload.kind !== 'replies') return undefined;
  const texts = payload.replies.map((r) => r.text);
  if (texts.some((t) => SAVED.test(t) || EDITED.test(t))) return 'submit';
  if (texts.some((t) => SUMMARY.test(t))) return 'option';
  if (texts.some((t) => QUESTION.test(t))) return 'start';
  return undefined;
}

const count = (db: Db, table: typeof inbox | typeof outbox, where?: SQL) =>
  db.select({ n: sql<number>`count(*)` }).from(table).where(where).get()?.n ?? 0;

/** The first `n` updates the inbox recorded, each with the state of its reply row (undefined when there is none). */
function firstUpdates(db: Db, platform: string, n: number): { state: string; reply: string | undefined }[] {
  return db
    .select({ state: inbox.state, reply: outbox.state })
    .from(inbox)
    .leftJoin(outbox, eq(outbox.dedupeKey, sql`'reply:' || ${platform} || ':' || ${inbox.updateKey}`))
    .orderBy(inbox.id)
    .limit(n)
    .all()
    .map((r) => ({ state: r.state, reply: r.reply ?? undefined }));
}

interface KillRecord {
  answered: number;
  pressed: number;
  /** Presses the platform still held, not recorded in the inbox. */
  notRecorded: number;
  inboxPending: number;
  repliesPending: number;
  /** Reply rows whose send may or may not have reached the platform: the only ones a restart may deliver twice. */
  repliesSending: { chat: string; step: Step | undefined }[];
}

const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

describe.each(['telegram', 'vk'] as const)('durable inbox on %s: three SIGKILLs while 40 teachers answer a survey', (platform) => {
  let driver: Driver | undefined;
  let opora: OporaProcess | undefined;
  let watch: Db | undefined;
  let dir = '';
  let cleanup = () => {};
  beforeEach(() => {
    ({ dir, cleanup } = tempDir('opora-inbox-crash-'));
  });
  afterEach(async () => {
    await opora?.stop('SIGKILL');
    opora = undefined;
    if (watch) closeDb(watch);
    watch = undefined;
    await driver?.stop();
    driver = undefined;
    cleanup();
  });

  it('gives every press its effect once and its reply after each restart', { timeout: 180_000 }, async () => {
    const seed = SEED + (platform === 'vk' ? 1 : 0);
    const { thresholds, delays, think } = plan(seed);
    const why = `seed ${seed} (CRASH_SEED=${SEED} draws the same plan), kills after ${thresholds.join(', ')} answered presses + ${delays.join(', ')} ms`;
    console.info(`inbox-crash on ${platform}: ${why}`);

    const fake = platform === 'telegram' ? await drivers.telegram({ latencyMs: LATENCY_MS }) : await drivers.vk({ latencyMs: LATENCY_MS });
    driver = fake;
    const path = join(dir, 'opora.db');
    const { seeded, roundId } = seedSurveyRound(path, platform, TEACHERS, FIRST_USER);
    const round = { id: roundId };
    const db = (watch = openDb(path));

    // The emulators set no limits and Opora paces at its maximum: what is measured is what a kill leaves behind.
    const env = { ...fake.env(1000), DATABASE_PATH: path, LOG_LEVEL: 'info' };
    const users = Array.from({ length: TEACHERS }, (_, i) => FIRST_USER + i);
    opora = await startOpora(env, fake.ready);
    await waitFor(() => users.every((u) => fake.messages(u).some((m) => INVITE.test(m.text))), 30_000, 'every invitation');

    // Each teacher answers as a person does: «Начать» on the invitation, their
    // option, «Отправить», each after a moment's thought once the bot's answer
    // to the previous press is there. They go on while the bot is down (a
    // press then waits at the platform). One who has heard nothing for
    // GIVE_UP_MS after a restart drained presses «Начать» again, which resumes
    // where the bot has them; that is counted, and must never happen.
    const people = users.map((user, i) => ({
      user,
      index: i,
      personId: seeded.personIds.get(`Педагог Номер ${i}`)!,
      option: OPTIONS[i % OPTIONS.length]!,
      next: 'start' as Step | 'done',
      waiting: undefined as { step: Step; since: number; at: number } | undefined,
      readyAt: Date.now() + think[i * STEPS.length]!,
      startedOver: 0,
    }));
    type Person = (typeof people)[number];
    let pressed = 0;
    let answered = 0;
    /** When the backlog of the latest restart was handled and answered; undefined while it is not. */
    let drainedAt: number | undefined;
    let driving = true;
    const label = (p: Person, step: Step) => (step === 'start' ? 'Начать' : step === 'option' ? p.option.label : 'Отправить');
    const press = (p: Person, step: Step) => {
      p.waiting = { step, since: fake.messages(p.user).length, at: Date.now() };
      fake.press(p.user, label(p, step));
      pressed++;
    };
    const tick = () => {
      for (const p of people) {
        if (p.waiting) {
          const fresh = fake.messages(p.user).slice(p.waiting.since);
          // Resuming («Начать» again) may bring the summary instead of the question.
          const reached: Step | 'done' | undefined = fresh.some((m) => ANSWER[p.waiting!.step].test(m.text))
            ? AFTER[p.waiting.step]
            : p.waiting.step === 'start' && fresh.some((m) => SUMMARY.test(m.text)) ? 'submit' : undefined;
          if (reached) {
            answered++;
            p.next = reached;
            p.waiting = undefined;
            p.readyAt = Date.now() + (reached === 'done' ? 0 : think[p.index * STEPS.length + STEPS.indexOf(reached)]!);
          } else if (drainedAt !== undefined && Date.now() - Math.max(drainedAt, p.waiting.at) > GIVE_UP_MS) {
            p.startedOver++;
            press(p, 'start');
          }
        } else if (p.next !== 'done' && Date.now() >= p.readyAt) {
          press(p, p.next);
        }
      }
    };
    const driven = (async () => {
      while (driving) {
        tick();
        await sleep(20);
      }
    })();
    const progress = () => `${answered}/${PRESSES} presses answered, ${pressed} made; ${why}`;

    /**
     * The first `before` presses are all recorded and handled, and none of
     * their replies waits to be sent. (That each has a sent reply row at all
     * is asserted at the end; waiting on it here would leave a lost reply to
     * the timeout instead of to the teacher who starts over.)
     */
    const handled = (before: number) => {
      const rows = firstUpdates(db, platform, before);
      return rows.length === before && rows.every((r) => r.state === 'done' && r.reply !== 'pending' && r.reply !== 'sending');
    };
    // Each start notes when the presses made before it are handled and
    // answered, from when the teachers' patience runs; the next kill does not
    // wait for that, so it may land on the backlog being worked through.
    let starts = 0;
    const noteDrained = (before: number) => {
      const start = ++starts;
      void (async () => {
        while (driving && start === starts && opora) {
          if (handled(before)) {
            drainedAt = Date.now();
            return;
          }
          await sleep(50);
        }
      })();
    };

    const kills: KillRecord[] = [];
    noteDrained(0);
    try {
      for (let k = 0; k < KILLS; k++) {
        await waitFor(() => answered >= thresholds[k]!, 60_000, `${thresholds[k]} answered presses before kill ${k + 1} (${progress()})`);
        await sleep(delays[k]!); // where exactly the kill lands, not a wait for anything
        await opora.stop('SIGKILL');
        opora = undefined;
        drainedAt = undefined;

        // What the kill left behind, read before anything runs again.
        const sending = db
          .select({ chat: outbox.chatId, payload: outbox.payload })
          .from(outbox)
          .where(and(eq(outbox.priority, 1), eq(outbox.state, 'sending')))
          .all();
        const record: KillRecord = {
          answered,
          pressed,
          notRecorded: pressed - count(db, inbox),
          inboxPending: count(db, inbox, eq(inbox.state, 'pending')),
          repliesPending: count(db, outbox, and(eq(outbox.priority, 1), eq(outbox.state, 'pending'))),
          repliesSending: sending.map((r) => ({ chat: r.chat, step: replyStep(r.payload) })),
        };
        kills.push(record);
        console.info(`kill ${k + 1} on ${platform}: ${JSON.stringify({ ...record, repliesSending: record.repliesSending.length })}`);
        // The kill came while the teachers were answering.
        expect(record.answered, why).toBeLessThan(PRESSES);

        const before = pressed;
        opora = await startOpora(env, fake.ready);
        noteDrained(before);
      }
      await waitFor(() => people.every((p) => p.next === 'done'), 90_000, `every teacher to finish (${progress()})`);
    } finally {
      driving = false;
      await driven;
    }
    await waitFor(() => handled(pressed), 60_000, `every press to be handled and answered (${progress()})`);
    await waitFor(() => count(db, outbox, sql`${outbox.state} in ('pending', 'sending')`) === 0, 30_000, 'the outbox to drain');
    await settledAll(fake, users);
    const inDoubt = kills.flatMap((k) => k.repliesSending);
    const copies = (user: number, pattern: RegExp) => fake.messages(user).filter((m) => pattern.test(m.text)).length;
    const extra = (user: number, pattern: RegExp) => copies(user, pattern) - 1;
    /** Replies that arrived twice: a press's reply counts once however many of its messages repeated. */
    const duplicated = people.reduce((n, p) => n + Math.max(extra(p.user, QUESTION), extra(p.user, INTRO), 0) + Math.max(extra(p.user, SUMMARY), 0) + Math.max(extra(p.user, SAVED), 0), 0);
    console.info(`inbox-crash on ${platform}: ${pressed} presses, ${inDoubt.length} reply rows in flight at the kills, ${duplicated} replies arrived twice` +
      ('duplicatesSuppressed' in fake.server.stats ? `, ${fake.server.stats.duplicatesSuppressed} resends dropped by VK` : ''));

    // The kills caught work in flight: presses not yet recorded, recorded but not handled, or replies not yet sent.
    expect(kills.reduce((n, k) => n + k.notRecorded + k.inboxPending + k.repliesPending + k.repliesSending.length, 0), why).toBeGreaterThan(0);

    // Every press had its effect once: one response per teacher with their answer, every recipient answered.
    const stored = db.select().from(responses).where(eq(responses.roundId, round.id)).all();
    const unanswered = db.select().from(roundRecipients).where(and(eq(roundRecipients.roundId, round.id), isNull(roundRecipients.answeredAt))).all();
    expect(stored, why).toHaveLength(TEACHERS);
    expect(new Set(stored.map((r) => r.personId)).size, why).toBe(TEACHERS);
    for (const p of people) expect(stored.find((r) => r.personId === p.personId)?.answers, why).toEqual({ lesson: p.option.value });
    expect(unanswered, why).toHaveLength(0);

    // Every press got its answer: nobody had to start over, and each recorded
    // update (one per press, a redelivery recorded no second row) has its reply row sent.
    expect(people.filter((p) => p.startedOver > 0).map((p) => p.user), why).toEqual([]);
    expect(pressed, why).toBe(PRESSES);
    expect(count(db, inbox), why).toBe(PRESSES);
    expect(firstUpdates(db, platform, PRESSES).filter((r) => r.state !== 'done' || r.reply !== 'sent'), why).toEqual([]);
    expect(count(db, inbox, eq(inbox.state, 'pending')), why).toBe(0);
    expect(count(db, inbox, eq(inbox.state, 'parked')), why).toBe(0);
    expect(count(db, outbox, sql`${outbox.state} <> 'sent'`), why).toBe(0);

    // What each teacher read. Only the five expected messages ever appear (no
    // apology, no "updated"), and each press's answer arrived: the question,
    // the summary, «сохранены» at least once.
    for (const p of people) {
      const texts = fake.messages(p.user).map((m) => m.text);
      expect(texts.filter((t) => ![INVITE, INTRO, QUESTION, SUMMARY, SAVED].some((known) => known.test(t))), why).toEqual([]);
      expect(copies(p.user, INVITE), why).toBe(1);
      for (const pattern of [INTRO, QUESTION, SUMMARY, SAVED]) expect(copies(p.user, pattern), `${pattern} to ${p.user}; ${why}`).toBeGreaterThanOrEqual(1);
      expect(copies(p.user, EDITED), why).toBe(0);
    }
    // Each press's button was answered (its spinner ended); a resent row answers it once more.
    expect(fake.notices().length, why).toBeGreaterThanOrEqual(PRESSES);
    expect(fake.notices().length, why).toBeLessThanOrEqual(PRESSES + inDoubt.length);
    // A press handled a second time meets a dialog that has moved on and says
    // "this button is outdated" (stale-button, dialog-stale-button); a resent
    // row repeats its own (empty) notice. So no notice has any text, in or out of the window.
    expect(fake.notices().filter((n) => n !== ''), why).toEqual([]);

    if (platform === 'vk') {
      // VK drops a resent message by its random_id: every message exactly once, whatever was in flight.
      for (const p of people) {
        expect(fake.messages(p.user).map((m) => m.text.split('\n')[0]), `${p.user}; ${why}`).toEqual([
          expect.stringMatching(INVITE),
          'Открытый урок',
          'Вопрос 1 из 1',
          'Проверьте ответы:',
          'Спасибо! Ответы сохранены.',
        ]);
      }
    } else {
      // Telegram has no idempotency key: a reply row that was 'sending' at a
      // kill is sent again, and only such a row may arrive twice, in its chat,
      // for its press. (Its edit of the pressed message repeats as "not modified".)
      const allowed = (user: number, step: Step) => inDoubt.filter((r) => r.chat === String(user) && r.step === step).length;
      for (const p of people) {
        const seen = `${p.user}, rows in flight ${JSON.stringify(inDoubt.filter((r) => r.chat === String(p.user)))}; ${why}`;
        expect(extra(p.user, INTRO), seen).toBeLessThanOrEqual(allowed(p.user, 'start'));
        expect(extra(p.user, QUESTION), seen).toBeLessThanOrEqual(allowed(p.user, 'start'));
        expect(extra(p.user, SUMMARY), seen).toBeLessThanOrEqual(allowed(p.user, 'option'));
        expect(extra(p.user, SAVED), seen).toBeLessThanOrEqual(allowed(p.user, 'submit'));
      }
      expect(duplicated, why).toBeLessThanOrEqual(inDoubt.length);
    }
  });
});
