// Drains the outbox for one platform: takes due rows, sends them within the
// platform's limits, and records the outcome of each. One sender per platform.
import { markAccountBlocked } from '../../db/repos/accounts.js';
import {
  claimDueOutbox,
  markOutboxBlocked,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  postponeOutbox,
  recoverInterruptedOutbox,
  type OutboxRow,
} from '../../db/repos/outbox.js';
import type { Db } from '../../db/client.js';
import type { PlatformName } from '../../db/schema.js';
import type { Clock } from '../../handlers/core/clock.js';
import type { OutgoingFile } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import { chatQueue } from '../adapter.js';
import type { RateLimiter } from './rate-limit.js';

export type SendOutcome =
  | { kind: 'sent' }
  /** The platform said "too many requests": wait, then try again without counting an attempt. */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** A temporary failure (network, server error): try again later. */
  | { kind: 'retry'; reason: string }
  /** The person blocked the bot or deleted their account. */
  | { kind: 'blocked'; reason: string }
  /** The message itself is unacceptable; retrying will not help. */
  | { kind: 'failed'; reason: string };

/** Reads a stored attachment (a broadcast's file) by id, for transports. */
export type LoadFile = (fileId: number) => OutgoingFile | undefined;

/** Waits for the next permitted send to a chat. Transports call it before every request. */
export type Pace = (chatId: string) => Promise<void>;

export interface OutboxTransport {
  readonly platform: PlatformName;
  /** Shared with the adapter's direct replies where the platform counts both together. */
  readonly limiter: RateLimiter;
  send(row: OutboxRow, pace: Pace): Promise<SendOutcome>;
}

/** Thrown by pacing when the chat turned out blocked while this send waited; transports report it as blocked. */
export class RecipientBlocked extends Error {}

export interface SenderOptions {
  batchSize?: number;
  /** Sends in flight at once; enough to reach the rate limit despite network latency. */
  concurrency?: number;
  idleMs?: number;
  maxAttempts?: number;
}

export class OutboxSender {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly inOrder = chatQueue();
  private readonly limiter: RateLimiter;
  private readonly options: Required<SenderOptions>;
  /** Sends by outcome, for metrics and benchmarks. */
  readonly counts: Record<SendOutcome['kind'], number> = { sent: 0, 'rate-limited': 0, retry: 0, blocked: 0, failed: 0 };

  constructor(
    private readonly deps: { db: Db; clock: Clock; log: Log },
    private readonly transport: OutboxTransport,
    options: SenderOptions = {},
  ) {
    this.limiter = transport.limiter;
    this.options = { batchSize: 100, concurrency: 16, idleMs: 500, maxAttempts: 8, ...options };
  }

  get platform(): PlatformName {
    return this.transport.platform;
  }

  start(): void {
    if (this.running) return;
    const recovered = recoverInterruptedOutbox(this.deps.db, this.platform);
    if (recovered > 0) this.deps.log.warn({ platform: this.platform, recovered }, 'outbox rows interrupted by a stop are sent again');
    this.running = true;
    this.loop = this.run();
  }

  /** Nudges the sender after new rows were committed. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.all(this.inFlight);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let rows: OutboxRow[] = [];
      try {
        rows = claimDueOutbox(this.deps.db, this.platform, this.deps.clock.now(), this.options.batchSize);
      } catch (error) {
        this.deps.log.error({ err: error, platform: this.platform }, 'outbox claim failed');
      }
      if (rows.length === 0) {
        await new Promise<void>((resolve) => {
          this.wakeUp = resolve;
          setTimeout(resolve, this.options.idleMs);
        });
        this.wakeUp = undefined;
        continue;
      }
      for (const [i, row] of rows.entries()) {
        if (!this.running) {
          // Hand the rest back untouched: they were claimed but not sent.
          for (const left of rows.slice(i)) postponeOutbox(this.deps.db, left.id, left.nextAttemptAt);
          break;
        }
        while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
        // Rows to one chat go one after another, so a person reads them in the order they were written.
        const job = this.inOrder(row.chatId, () => this.sendOne(row)).finally(() => this.inFlight.delete(job));
        this.inFlight.add(job);
      }
      // Claim the next batch only once this one is under way, so a row is never claimed twice.
      while (this.inFlight.size > this.options.concurrency / 2) await Promise.race(this.inFlight);
    }
  }

  /** Chats that turned out blocked during this run: rows already in flight to them stop before sending. */
  private readonly blockedChats = new Set<string>();

  private readonly pace: Pace = async (chatId) => {
    await this.limiter.acquire(chatId);
    if (this.blockedChats.has(chatId)) throw new RecipientBlocked();
  };

  private async sendOne(row: OutboxRow): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.transport.send(row, this.pace);
    } catch (error) {
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === 'blocked') this.blockedChats.add(row.chatId);
    this.counts[outcome.kind] += 1;
    this.record(row, outcome);
  }

  private record(row: OutboxRow, outcome: SendOutcome): void {
    const { db, clock, log } = this.deps;
    const now = clock.now();
    const rowLog = log.child({ platform: this.platform, outbox: row.id });
    switch (outcome.kind) {
      case 'sent':
        markOutboxSent(db, row.id, now);
        return;
      case 'rate-limited':
        this.limiter.pause(outcome.retryAfterMs);
        postponeOutbox(db, row.id, now);
        rowLog.warn({ retryAfterMs: outcome.retryAfterMs }, 'platform asked to slow down');
        return;
      case 'retry': {
        if (row.attempts >= this.options.maxAttempts) {
          markOutboxFailed(db, row.id, outcome.reason);
          rowLog.error({ reason: outcome.reason }, 'outbox row failed after retries');
          return;
        }
        const backoff = Math.min(2 ** row.attempts * 5_000, 3_600_000);
        markOutboxRetry(db, row.id, new Date(now.getTime() + backoff), outcome.reason);
        rowLog.warn({ reason: outcome.reason, backoff }, 'send failed; will retry');
        return;
      }
      case 'blocked':
        db.transaction((tx) => {
          markOutboxBlocked(tx, row.accountId, outcome.reason);
          markAccountBlocked(tx, row.accountId, now);
        });
        rowLog.info({ reason: outcome.reason }, 'recipient blocked the bot');
        return;
      case 'failed':
        markOutboxFailed(db, row.id, outcome.reason);
        rowLog.error({ reason: outcome.reason }, 'outbox row failed');
        return;
    }
  }
}
