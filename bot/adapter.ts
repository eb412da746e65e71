// What every messenger adapter gives the wiring in main: a transport for the
// outbox sender and a way to stop receiving updates.
import type { PlatformName } from '../db/schema.js';
import type { OutboxTransport } from './outbox/sender.js';

export interface Adapter {
  readonly platform: PlatformName;
  readonly transport: OutboxTransport;
  /** When updates were last fetched successfully, for health checks. */
  lastPollAt(): Date | undefined;
  /** Stops receiving, finishes updates in flight. */
  stop(): Promise<void>;
}

/** Tracks updates being handled so shutdown can wait for them. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => {});
    return work;
  }
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
