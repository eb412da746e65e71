// What every messenger adapter gives the wiring in main: a transport for the
// outbox sender, a way to download the files people send, and a way to stop
// receiving updates; and the small pieces the adapters share.
import type { PlatformName } from '../db/schema.js';
import type { FetchByRef } from './inbox/worker.js';
import type { OutboxTransport } from './outbox/sender.js';

export interface Adapter {
  readonly platform: PlatformName;
  readonly transport: OutboxTransport;
  /** Downloads a file of an update by the reference kept in the inbox. */
  readonly fetchFile?: FetchByRef;
  /** When updates were last fetched successfully, for health checks. */
  lastPollAt(): Date | undefined;
  /** Stops receiving, finishes updates in flight. */
  stop(): Promise<void>;
}

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
