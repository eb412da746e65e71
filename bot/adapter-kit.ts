// The small pieces the adapters and the outbox sender share: per-chat order
// and the liveness of a long poll.

/**
 * When a long-poll loop last got an answer. An idle long poll still answers
 * every 25–30 seconds, so an old answer means polling has stopped.
 */
export class PollWatch {
  private completedAt: Date | undefined;
  succeeded(): void {
    this.completedAt = new Date();
  }
  lastAlive(): Date | undefined {
    return this.completedAt;
  }
}

/**
 * Runs work for one chat after that chat's previous work, so a person's
 * updates are handled in the order sent while different people's run at once.
 */
export function chatQueue(): (chatId: string, work: () => Promise<void>) => Promise<void> {
  const tails = new Map<string, Promise<void>>();
  return (chatId, work) => {
    const next = (tails.get(chatId) ?? Promise.resolve()).then(work);
    const tail = next.catch(() => {});
    tails.set(chatId, tail);
    void tail.then(() => tails.get(chatId) === tail && tails.delete(chatId));
    return next;
  };
}
