// Paces sends to stay under a platform's limits: a global rate for the bot
// and a per-chat rate, with replies to people served before broadcast rows.
//
// Every request waits in one of two queues, replies and bulk, and a single
// scheduler grants them in order: a waiting reply always goes before any
// waiting bulk request. The total never exceeds the platform's limit: a
// sliding log of the moments requests left caps any second (and a fiftieth)
// at the limit, so a stalled event loop cannot burst. Bulk requests are also
// spread evenly at 98 % of the limit, on a cadence kept from when each slot
// was due (a timer firing late does not push every later send back). While
// replies are waiting or have been granted lately, bulk leaves the reserve
// (20 % of the limit unless set) free on top of what replies used in the last
// second, so a person pressing a button during a large broadcast finds a free
// slot at once; with nobody talking, bulk uses the whole limit. Replies are
// spaced too, four times closer than bulk, so a burst of them does not queue
// up in the HTTP client and reach the platform closer together than it left.
// A request granted just before the event loop stalled (garbage collection, a
// busy CPU) only leaves when the stall ends: the limiter notices its own
// timers running late and counts such requests from then, so they cannot end
// up closer to the ones after them than the platform allows.
// Written by hand because it must pace per chat without blocking other chats
// and serve two priorities, which general-purpose limiters do not offer.
export interface RateLimits {
  /** Sends per second for the whole bot. */
  perSecond: number;
  /** Sends per second to one chat, if the platform limits it. */
  perChatPerSecond?: number;
  /** The share of the limit bulk leaves free while replies are around (0.2 unless set). */
  replyReserve?: number;
}

/** 'reply': a person is waiting for this request; 'bulk': an outbox row, such as one of a broadcast. */
export type Priority = 'reply' | 'bulk';

export interface AcquireOptions {
  /** Also wait for the chat's own limit (true unless set). */
  perChat?: boolean;
  /** 'bulk' unless set. */
  priority?: Priority;
}

/** The limiter's time: the real clock by default, a simulated one in tests. */
export interface LimiterClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls back after `ms`; the function returned cancels the call. */
  later(callback: () => void, ms: number): () => void;
}

export const realClock: LimiterClock = {
  now: () => performance.now(),
  later: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    return () => clearTimeout(timer);
  },
};

const WINDOW_MS = 1000;
/** The share of the limit bulk is spread at: the rest absorbs clock jitter between us and the platform. */
const PACE = 0.98;
/** The cap holds over a slightly longer window than the platform's second, so requests that reach it a little closer together than they left still fit. */
const CAP_WINDOW_MS = WINDOW_MS / PACE;
/**
 * Bulk keeps the reserve free this long after the last reply: a person reads
 * a question for 5 to 15 seconds before pressing the next button, and their
 * answer should find the room still there.
 */
export const REPLY_RECENT_MS = 15_000;
const DEFAULT_RESERVE = 0.2;
/** However many replies there are, bulk keeps at least this share of the limit while none is waiting. */
const BULK_FLOOR = 0.1;
/**
 * A millisecond after granting, the scheduler looks in again: requests leave
 * within that, so a stall noticed then held the ones just granted.
 */
const WATCH_MS = 1;
/** A timer this late means the event loop stalled. */
const STALL_MS = 4;
/** Slots missed by less than this (or one gap, if longer) are caught up: timers fire a millisecond or two late. */
const CATCH_UP_MS = 5;
/** Replies are spaced this many times closer than bulk. */
const REPLY_SPREAD = 4;

interface Waiter {
  chatId: string;
  perChat: boolean;
  grant: () => void;
}

/** What the scheduler found: a waiter to grant now, or the earliest time to look again. */
type Pick = { now: true; index: number } | { now: false; at: number };

export class RateLimiter {
  private readonly sent: number[] = [];
  private readonly bulkSent: number[] = [];
  private readonly replySent: number[] = [];
  private readonly replies: Waiter[] = [];
  private readonly bulk: Waiter[] = [];
  private readonly nextByChat = new Map<string, number>();
  private nextBulk = Number.NEGATIVE_INFINITY;
  private nextReply = Number.NEGATIVE_INFINITY;
  private lastReply = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private lastGrant = Number.NEGATIVE_INFINITY;
  /** The last time the scheduler ran: the event loop was alive then. */
  private lastRun = Number.NEGATIVE_INFINITY;
  private wakeAt = Number.POSITIVE_INFINITY;
  private cancelWake: (() => void) | undefined;
  private readonly capacity: number;
  private readonly reserve: number;
  private readonly gap: number;
  private readonly chatGap: number;

  constructor(
    readonly limits: RateLimits,
    private readonly clock: LimiterClock = realClock,
  ) {
    this.reserve = Math.min(1 - BULK_FLOOR, Math.max(0, limits.replyReserve ?? DEFAULT_RESERVE));
    this.capacity = Math.max(1, Math.floor(limits.perSecond));
    this.gap = WINDOW_MS / (limits.perSecond * PACE);
    // A tenth more than the gap: requests to one chat may reach the platform a little closer than they left.
    this.chatGap = limits.perChatPerSecond ? (WINDOW_MS / limits.perChatPerSecond) * 1.1 : 0;
  }

  /**
   * Waits until a request to this chat may leave, and counts it as leaving
   * then. Replies (`priority: 'reply'`) go before every waiting bulk request.
   * Direct answers skip the per-chat pause (`perChat: false`): the person is
   * waiting for them, and the platform tolerates short bursts in a
   * conversation; a 429 there is retried after retry_after.
   */
  acquire(chatId: string, options: AcquireOptions = {}): Promise<void> {
    const queue = options.priority === 'reply' ? this.replies : this.bulk;
    return new Promise<void>((grant) => {
      queue.push({ chatId, perChat: options.perChat ?? true, grant });
      this.pump();
    });
  }

  /** The platform asked us to slow down: hold every send for that long. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** Requests waiting, by priority: for metrics and tests. */
  get waiting(): { reply: number; bulk: number } {
    return { reply: this.replies.length, bulk: this.bulk.length };
  }

  /** Grants every request that may go now, then sets one timer for the next. */
  private pump(due = this.wakeAt): void {
    const now = this.clock.now();
    this.noticeStall(now, due);
    for (const log of [this.sent, this.bulkSent, this.replySent]) prune(log, now);
    for (;;) {
      const reply = this.pickReply(now);
      if (reply.now) {
        this.grant(this.replies, reply.index, now, 'reply');
        continue;
      }
      const bulk = this.pickBulk(now);
      if (bulk.now) {
        this.grant(this.bulk, bulk.index, now, 'bulk');
        continue;
      }
      this.lastRun = now;
      this.wakeUpAt(Math.min(reply.at, bulk.at), now);
      return;
    }
  }

  /**
   * The timer the scheduler set is late by more than a stall: the event loop
   * was blocked since the scheduler last ran. Requests it granted then were
   * held with it, so they count as leaving now.
   */
  private noticeStall(now: number, due: number): void {
    if (now - due <= STALL_MS || this.lastGrant < this.lastRun) return;
    const since = this.lastRun;
    for (const log of [this.sent, this.bulkSent, this.replySent]) {
      for (let i = log.length - 1; i >= 0 && (log[i] ?? 0) >= since; i--) log[i] = now;
    }
  }

  private pickReply(now: number): Pick {
    if (this.replies.length === 0) return { now: false, at: Number.POSITIVE_INFINITY };
    const chat = this.readyChat(this.replies, now);
    return this.when(Math.max(this.pausedUntil, this.capFree(this.sent, this.capacity, now), this.nextReply, chat.at), chat.index, now);
  }

  private pickBulk(now: number): Pick {
    // A reply that can go the moment the window allows takes that moment, not bulk.
    if (this.bulk.length === 0 || this.readyChat(this.replies, now).index >= 0) return { now: false, at: Number.POSITIVE_INFINITY };
    const chat = this.readyChat(this.bulk, now);
    const shared = Math.max(this.pausedUntil, this.capFree(this.sent, this.capacity, now), chat.at);
    const full = Math.max(shared, this.nextBulk);
    if (!this.repliesAround(now)) return this.when(full, chat.index, now);
    const reserved = Math.max(shared, this.nextBulk, this.capFree(this.bulkSent, Math.floor(this.bulkShare()), now));
    // Look again when the replies are no longer recent: bulk may then use the whole limit.
    const quiet = this.replies.length > 0 ? Number.POSITIVE_INFINITY : Math.max(full, this.lastReply + REPLY_RECENT_MS);
    return this.when(Math.min(reserved, quiet), chat.index, now);
  }

  private when(at: number, index: number, now: number): Pick {
    return at <= now && index >= 0 ? { now: true, index } : { now: false, at };
  }

  /** The first waiter whose chat may receive now, or the earliest moment one may. */
  private readyChat(queue: readonly Waiter[], now: number): { index: number; at: number } {
    let at = Number.POSITIVE_INFINITY;
    for (const [index, waiter] of queue.entries()) {
      const chatFree = waiter.perChat ? (this.nextByChat.get(waiter.chatId) ?? 0) : 0;
      if (chatFree <= now) return { index, at: now };
      at = Math.min(at, chatFree);
    }
    return { index: -1, at };
  }

  /** When the log has room for one more within the cap window. */
  private capFree(log: readonly number[], capacity: number, now: number): number {
    return log.length < capacity ? now : (log[log.length - capacity] ?? now) + CAP_WINDOW_MS;
  }

  private repliesAround(now: number): boolean {
    return this.replies.length > 0 || now - this.lastReply < REPLY_RECENT_MS;
  }

  /** Bulk sends per window while replies are around: the limit less the reserve and what replies used lately. */
  private bulkShare(): number {
    return Math.max(1, this.capacity * BULK_FLOOR, this.capacity * (1 - this.reserve) - this.replySent.length);
  }

  private grant(queue: Waiter[], index: number, now: number, priority: Priority): void {
    const [waiter] = queue.splice(index, 1);
    if (!waiter) return;
    this.sent.push(now);
    this.lastGrant = now;
    if (priority === 'reply') this.countReply(now);
    else this.countBulk(now);
    if (this.chatGap > 0) this.nextByChat.set(waiter.chatId, now + this.chatGap);
    if (this.nextByChat.size > 10_000) this.forgetIdleChats(now);
    waiter.grant();
  }

  private countReply(now: number): void {
    this.lastReply = now;
    this.replySent.push(now);
    const gap = this.gap / REPLY_SPREAD;
    this.nextReply = Math.max(this.nextReply, now - gap) + gap;
  }

  private countBulk(now: number): void {
    this.bulkSent.push(now);
    const gap = this.repliesAround(now) ? WINDOW_MS / (this.bulkShare() * PACE) : this.gap;
    // The next slot follows the one just due; after a long idle or a stall, it follows now.
    this.nextBulk = Math.max(this.nextBulk, now - Math.max(gap, CATCH_UP_MS)) + gap;
  }

  private wakeUpAt(wanted: number, now: number): void {
    // Right after a grant, look in again soon: a stall then would hold the requests just granted.
    const at = this.lastGrant === now ? Math.min(wanted, now + WATCH_MS) : wanted;
    if (at === Number.POSITIVE_INFINITY || at >= this.wakeAt) return;
    this.cancelWake?.();
    this.wakeAt = at;
    this.cancelWake = this.clock.later(() => {
      this.wakeAt = Number.POSITIVE_INFINITY;
      this.cancelWake = undefined;
      this.pump(at);
    }, Math.max(1, Math.ceil(at - now)));
  }

  private forgetIdleChats(now: number): void {
    for (const [chat, at] of this.nextByChat) if (at < now) this.nextByChat.delete(chat);
  }
}

/** Drops the moments that left the cap window. */
function prune(log: number[], now: number): void {
  while (log.length > 0 && (log[0] ?? now) <= now - CAP_WINDOW_MS) log.shift();
}
