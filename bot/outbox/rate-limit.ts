// Paces sends to stay under a platform's limits: a global rate for the bot
// and a per-chat rate. Written by hand because it must answer "when may this
// chat be sent to next" without blocking other chats, which general-purpose
// limiters do not offer.
export interface RateLimits {
  /** Sends per second for the whole bot. */
  perSecond: number;
  /** Sends per second to one chat, if the platform limits it. */
  perChatPerSecond?: number;
}

/** Leaves headroom under the published limit, for clock jitter between us and the platform. */
const HEADROOM = 0.97;

export class RateLimiter {
  private nextGlobal = 0;
  private readonly nextByChat = new Map<string, number>();
  private readonly globalGap: number;
  private readonly chatGap: number;

  constructor(limits: RateLimits) {
    this.globalGap = 1000 / (limits.perSecond * HEADROOM);
    this.chatGap = limits.perChatPerSecond ? 1000 / (limits.perChatPerSecond * HEADROOM) : 0;
  }

  /** Milliseconds until this chat may be sent to again (0 when it may now). */
  chatWait(chatId: string, now = performance.now()): number {
    return Math.max(0, (this.nextByChat.get(chatId) ?? 0) - now);
  }

  /** Reserves the next global slot for a chat and returns how long to wait for it. */
  reserve(chatId: string, now = performance.now()): number {
    const at = Math.max(now, this.nextGlobal, this.nextByChat.get(chatId) ?? 0);
    this.nextGlobal = at + this.globalGap;
    if (this.chatGap > 0) this.nextByChat.set(chatId, at + this.chatGap);
    if (this.nextByChat.size > 10_000) this.forgetIdleChats(now);
    return at - now;
  }

  /** The platform asked us to slow down: hold every send for that long. */
  pause(ms: number, now = performance.now()): void {
    this.nextGlobal = Math.max(this.nextGlobal, now + ms);
  }

  private forgetIdleChats(now: number): void {
    for (const [chat, at] of this.nextByChat) if (at < now) this.nextByChat.delete(chat);
  }
}
