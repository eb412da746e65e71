// The rate limiter on simulated time: replies go before waiting broadcast
// rows, the total never exceeds the limit in any sliding second, and bulk
// alone keeps close to the limit. Time is injected, so nothing here depends
// on how busy the machine is; speed on real timers is the benchmark's job.
import { describe, expect, it } from 'vitest';
import { RateLimiter, type LimiterClock, type RateLimits } from '../../../bot/outbox/rate-limit.js';

interface Timer {
  at: number;
  seq: number;
  callback: () => void;
}

/** Simulated milliseconds: timers fire exactly when due, in order, with promise callbacks run in between. */
class SimClock implements LimiterClock {
  private time = 0;
  private seq = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  later(callback: () => void, ms: number): () => void {
    const timer = { at: this.time + ms, seq: this.seq++, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Runs every timer due up to `ms` from now. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await flush();
      const next = this.timers.reduce<Timer | undefined>((a, t) => (!a || t.at < a.at || (t.at === a.at && t.seq < a.seq) ? t : a), undefined);
      if (!next || next.at > until) break;
      this.timers = this.timers.filter((t) => t !== next);
      // A timer overdue after a stall fires late, as real ones do.
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
    this.time = until;
    await flush();
  }

  /** The event loop is blocked: time passes and no timer fires. */
  stall(ms: number): void {
    this.time += ms;
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts acquires and records, for each, the simulated moment it was granted. */
function recorder(limiter: RateLimiter, clock: SimClock) {
  const bulk: number[] = [];
  const replies: number[] = [];
  const all: number[] = [];
  return {
    bulk,
    replies,
    all,
    queueBulk(count: number, firstChat = 0): void {
      for (let i = 0; i < count; i++) {
        void limiter.acquire(String(firstChat + i)).then(() => {
          bulk.push(clock.now());
          all.push(clock.now());
        });
      }
    },
    reply(chatId: string): Promise<number> {
      const asked = clock.now();
      return limiter.acquire(chatId, { perChat: false, priority: 'reply' }).then(() => {
        replies.push(clock.now());
        all.push(clock.now());
        return clock.now() - asked;
      });
    },
  };
}

/** The most grants within any window of `windowMs` ending at a grant (the platform counts (t − window, t]). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (const [i, t] of sorted.entries()) {
    while ((sorted[first] ?? t) <= t - windowMs) first++;
    most = Math.max(most, i - first + 1);
  }
  return most;
}

const steadyRate = (times: readonly number[]): number => (((times.length - 1) / ((times.at(-1) ?? 0) - (times[0] ?? 0))) * 1000);

const setup = (limits: RateLimits = { perSecond: 30 }) => {
  const clock = new SimClock();
  const limiter = new RateLimiter(limits, clock);
  return { clock, limiter, record: recorder(limiter, clock) };
};

/** The spacing of bulk sends at 98 % of the limit. */
const gapOf = (perSecond: number) => 1000 / (perSecond * 0.98);

describe('rate limiter', () => {
  it('grants a reply within one gap while 1,000 bulk requests wait', async () => {
    const { clock, limiter, record } = setup({ perSecond: 30 });
    record.queueBulk(1000);
    await clock.advance(5000);
    expect(limiter.waiting.bulk).toBeGreaterThan(800);
    // Replies at different phases of the bulk cadence, some after a quiet spell, some in a conversation.
    const latencies: number[] = [];
    for (const offset of [0.3, 11.7, 23.1, 2500, 3, 7.9, 4200.5, 33.9, 16_000.2]) {
      await clock.advance(offset);
      const granted = record.reply('42');
      await clock.advance(200);
      latencies.push(await granted);
    }
    // One gap, plus the millisecond the scheduler rounds its timers up to; the bulk was still waiting at the end.
    for (const latency of latencies) expect(latency).toBeLessThanOrEqual(gapOf(30) + 1);
    expect(limiter.waiting.bulk).toBeGreaterThan(0);
    expect(busiestWindow(record.all, 1000)).toBeLessThanOrEqual(30);
  });

  it('serves waiting replies before waiting bulk, in the order they came', async () => {
    const { clock, limiter, record } = setup({ perSecond: 20 });
    record.queueBulk(100);
    await clock.advance(3000);
    const order: string[] = [];
    const replies = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => record.reply(id).then(() => order.push(id)));
    const bulkBefore = record.bulk.length;
    await clock.advance(2000);
    await Promise.all(replies);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    // Spread four times closer than bulk, not all at once.
    const span = (record.replies.at(-1) ?? 0) - (record.replies[0] ?? 0);
    expect(span).toBeGreaterThanOrEqual((6 * gapOf(20)) / 4);
    expect(span).toBeLessThanOrEqual(8 * gapOf(20));
    const lastReply = record.replies.at(-1) ?? Number.POSITIVE_INFINITY;
    expect(record.bulk.filter((t) => t <= lastReply).length).toBe(bulkBefore);
    expect(limiter.waiting.reply).toBe(0);
  });

  it('never lets replies and bulk together exceed the limit in any sliding second', async () => {
    for (const perSecond of [20, 30]) {
      const { clock, record } = setup({ perSecond, perChatPerSecond: 1 });
      record.queueBulk(1000);
      let next = 0;
      for (let step = 0; step < 120; step++) {
        // Teachers in bursts: a press brings two or three calls back to back, sometimes forty at once.
        const burst = step % 40 === 10 ? 40 : step % 3 === 0 ? 3 : 0;
        for (let i = 0; i < burst; i++) void record.reply(String(next++ % 50));
        await clock.advance(97 + (step % 7) * 13);
      }
      await clock.advance(60_000);
      expect(record.bulk.length).toBe(1000);
      expect(busiestWindow(record.all, 1000)).toBeLessThanOrEqual(perSecond);
      expect(busiestWindow(record.all, 1000 / 0.98)).toBeLessThanOrEqual(perSecond);
    }
  });

  it('lets bulk alone reach at least 95 % of the limit, and no more than it', async () => {
    for (const perSecond of [20, 30, 600]) {
      const { clock, record } = setup({ perSecond });
      record.queueBulk(1000);
      await clock.advance(120_000);
      expect(record.bulk.length).toBe(1000);
      const rate = steadyRate(record.bulk);
      expect(rate).toBeGreaterThanOrEqual(perSecond * 0.95);
      expect(busiestWindow(record.bulk, 1000)).toBeLessThanOrEqual(perSecond);
    }
  });

  it('leaves the reserve free on top of recent replies, and gives bulk the whole limit again once they stop', async () => {
    const { clock, record } = setup({ perSecond: 30 });
    record.queueBulk(1000);
    await clock.advance(2000);
    // A conversation: three calls every half second for ten seconds, six replies a second.
    for (let i = 0; i < 20; i++) {
      for (let call = 0; call < 3; call++) void record.reply('7');
      await clock.advance(500);
    }
    const during = record.bulk.filter((t) => t > 4000 && t <= 12_000);
    // 30 less the reserve of 6 less the 6 to 9 replies a window holds: 15 to 18 a second.
    expect(steadyRate(during)).toBeLessThanOrEqual(30 * 0.8 - 6);
    expect(steadyRate(during)).toBeGreaterThanOrEqual(14);
    const window = (t: number) => record.all.filter((s) => s > t - 1000 && s <= t).length;
    for (const t of record.replies.filter((r) => r > 4000)) expect(window(t)).toBeLessThanOrEqual(30 - 6 + 3);
    // A person may still press the next button a few seconds later: the room stays for a while, then bulk has it all.
    await clock.advance(30_000);
    const after = record.bulk.filter((t) => t > 30_000 && t <= 40_000);
    expect(steadyRate(after)).toBeGreaterThanOrEqual(30 * 0.95);
  });

  it('honours the reserve it is given', async () => {
    const { clock, record } = setup({ perSecond: 30, replyReserve: 0.5 });
    record.queueBulk(1000);
    for (let i = 0; i < 20; i++) {
      void record.reply('7');
      await clock.advance(500);
    }
    const during = record.bulk.filter((t) => t > 2000 && t <= 10_000);
    expect(steadyRate(during)).toBeLessThanOrEqual(30 * 0.5);
  });

  it('counts a request granted just before a stall as leaving when the stall ends', async () => {
    const { clock, record } = setup({ perSecond: 20 });
    record.queueBulk(200);
    await clock.advance(3000);
    // The event loop blocks right after a grant (garbage collection, a busy CPU): that request leaves 300 ms late.
    const before = record.bulk.length;
    while (record.bulk.length === before) await clock.advance(0.1);
    const heldAt = record.bulk.at(-1) ?? 0;
    clock.stall(300);
    const resumed = clock.now();
    await clock.advance(5000);
    expect(record.bulk.length).toBeGreaterThan(before + 50);
    // Counted from the end of the stall, the held request and the ones after it fit the platform's second.
    const leftAt = record.bulk.map((t) => (t === heldAt ? resumed : t));
    expect(busiestWindow(leftAt, 1000)).toBeLessThanOrEqual(20);
  });

  it('holds every request while paused, replies included', async () => {
    const { clock, limiter, record } = setup({ perSecond: 30 });
    record.queueBulk(10);
    await clock.advance(100);
    limiter.pause(1000);
    const sentBefore = record.all.length;
    const reply = record.reply('1');
    await clock.advance(999);
    expect(record.all.length).toBe(sentBefore);
    await clock.advance(2);
    expect(await reply).toBeGreaterThanOrEqual(999);
  });

  it('paces bulk to one chat at its own limit while other chats go on', async () => {
    const { clock, limiter, record } = setup({ perSecond: 30, perChatPerSecond: 1 });
    const toOne: number[] = [];
    for (let i = 0; i < 3; i++) void limiter.acquire('same').then(() => toOne.push(clock.now()));
    record.queueBulk(20, 1000);
    await clock.advance(5000);
    expect(toOne).toHaveLength(3);
    expect((toOne[1] ?? 0) - (toOne[0] ?? 0)).toBeGreaterThanOrEqual(1100);
    expect((toOne[2] ?? 0) - (toOne[1] ?? 0)).toBeGreaterThanOrEqual(1100);
    // The other chats did not wait for that one.
    expect(record.bulk).toHaveLength(20);
    expect(record.bulk.at(-1) ?? Number.POSITIVE_INFINITY).toBeLessThan(1000);
  });
});
