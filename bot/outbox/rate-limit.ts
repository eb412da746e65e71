// Paces sends to stay under a platform's limits: a global rate for the bot
// and a per-chat rate. Sends are spread evenly at 98% of the limit, on a
// cadence kept from when each slot was due (a timer firing late does not push
// every later send back), and a sliding one-second log of the moments
// requests actually left caps any second (and a fiftieth) at the limit, so a
// stalled event loop firing several timers late cannot burst.
// Written by hand because it must pace per chat without blocking other
// chats, which general-purpose limiters do not offer.
export interface RateLimits {
  /** Sends per second for the whole bot. */
  perSecond: number;
  /** Sends per second to one chat, if the platform limits it. */
  perChatPerSecond?: number;
}

const WINDOW_MS = 1000;
/** The share of the limit sends are spread at: the rest absorbs clock jitter between us and the platform. */
const PACE = 0.98;
/** The cap holds over a slightly longer window than the platform's second, so requests that reach it a little closer together than they left still fit. */
const CAP_WINDOW_MS = WINDOW_MS / PACE;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  private readonly sent: number[] = [];
  private readonly nextByChat = new Map<string, number>();
  private nextEven = 0;
  private pausedUntil = 0;
  private readonly capacity: number;
  private readonly gap: number;
  private readonly chatGap: number;

  constructor(readonly limits: RateLimits) {
    this.capacity = Math.max(1, Math.floor(limits.perSecond));
    this.gap = WINDOW_MS / (limits.perSecond * PACE);
    // A tenth more than the gap: requests to one chat may reach the platform a little closer than they left.
    this.chatGap = limits.perChatPerSecond ? (WINDOW_MS / limits.perChatPerSecond) * 1.1 : 0;
  }

  /**
   * Waits until a request to this chat may leave, and counts it as leaving
   * then. Direct answers skip the per-chat pause (`perChat: false`): the
   * person is waiting for them, and the platform tolerates short bursts in a
   * conversation; a 429 there is retried after retry_after.
   */
  async acquire(chatId: string, options: { perChat?: boolean } = {}): Promise<void> {
    const perChat = options.perChat ?? true;
    for (;;) {
      const now = performance.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - CAP_WINDOW_MS) this.sent.shift();
      const windowFree = this.sent.length < this.capacity ? now : (this.sent[0] ?? now) + CAP_WINDOW_MS;
      const at = Math.max(now, windowFree, this.nextEven, this.pausedUntil, perChat ? (this.nextByChat.get(chatId) ?? 0) : 0);
      if (at <= now) {
        this.sent.push(now);
        // The next slot follows the one just due; after a long idle or a stall of more than a gap, it follows now.
        this.nextEven = Math.max(this.nextEven, now - this.gap) + this.gap;
        if (this.chatGap > 0) this.nextByChat.set(chatId, now + this.chatGap);
        if (this.nextByChat.size > 10_000) this.forgetIdleChats(now);
        return;
      }
      await sleep(Math.max(1, at - now));
    }
  }

  /** The platform asked us to slow down: hold every send for that long. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
  }

  private forgetIdleChats(now: number): void {
    for (const [chat, at] of this.nextByChat) if (at < now) this.nextByChat.delete(chat);
  }
}
