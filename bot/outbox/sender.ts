// Drains the outbox for one platform: takes due rows, sends them within the
// platform's limits, and records the outcome of each. One sender per platform,
// with two loops: one for replies to people, which claims a reply the moment
// it is committed and sends it ahead of bulk traffic, and one for bulk rows
// (broadcasts, reminders), so a reply never waits for a batch of bulk rows to
// be handed out first.
// A database that refuses the record after a send (busy with another
// process's transaction) never makes it send again: the outcome is kept and
// recorded before anything else, and if the database stays unwritable the
// sender stops cleanly and says which rows were delivered but not recorded.
import { markAccountBlocked } from '../../db/repos/accounts.js';
import {
  claimDueOutbox,
  markOutboxBlocked,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  notePinned,
  postponeOutbox,
  recoverInterruptedOutbox,
  releaseOwnFiles,
  type OutboxRow,
} from '../../db/repos/outbox.js';
import { inWriteLane, type Db } from '../../db/client.js';
import type { PlatformName } from '../../db/schema.js';
import type { Clock } from '../../handlers/core/clock.js';
import type { OutgoingFile } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import { chatQueue } from '../adapter-kit.js';
import type { RateLimiter } from './rate-limit.js';

export type SendOutcome =
  /**
   * Delivered. `messageId` is the platform's id of the message a notice or
   * broadcast became (kept to edit it later); `pinned` says whether the pin
   * it asked for took, when it asked for one.
   */
  | { kind: 'sent'; messageId?: string; pinned?: boolean }
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
  /** Bulk rows claimed at once. */
  batchSize?: number;
  /** Bulk sends in flight at once; enough to reach the rate limit despite network latency. */
  concurrency?: number;
  /** Replies in flight at once (and claimed at once). */
  replyConcurrency?: number;
  idleMs?: number;
  maxAttempts?: number;
  /** Pauses between tries to record outcomes while the database is busy; after the last the sender stops. */
  recordRetryMs?: readonly number[];
  /** Called once when the sender stopped itself because it could not write to the database. */
  onFailure?: (error: unknown) => void;
}

/** A send's outcome with the time it came back, until it is recorded. */
interface Finished {
  row: OutboxRow;
  outcome: SendOutcome;
  at: Date;
}

/** SQLite answered that another connection holds the database: worth trying again shortly. */
function isBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** How long the bulk loop gathers wakes before it claims again. */
const BULK_WAKE_MS = 10;
/** When a reply that could not be sent is tried again the first time. */
const REPLY_FIRST_RETRY_MS = 1_000;

/** One of the sender's loops and the sends it has in flight. */
interface Lane {
  readonly kind: 'replies' | 'bulk';
  readonly batchSize: number;
  readonly concurrency: number;
  readonly inFlight: Set<Promise<void>>;
  wakeUp?: () => void;
  /** Woken while not idle: the next idle returns at once, so no row committed meanwhile waits for the timer. */
  woken?: boolean;
  loop?: Promise<void>;
}

export class OutboxSender {
  private running = false;
  private readonly lanes: readonly Lane[];
  private readonly inOrder = chatQueue();
  private readonly limiter: RateLimiter;
  private readonly options: Required<Omit<SenderOptions, 'onFailure'>>;
  /** Sent (or otherwise finished) but not yet written down; recorded before anything else is sent. */
  private readonly unrecorded: Finished[] = [];
  private stoppedBy: unknown;
  /** Sends by outcome, for metrics and benchmarks. */
  readonly counts: Record<SendOutcome['kind'], number> = { sent: 0, 'rate-limited': 0, retry: 0, blocked: 0, failed: 0 };

  constructor(
    private readonly deps: { db: Db; clock: Clock; log: Log },
    private readonly transport: OutboxTransport,
    private readonly settings: SenderOptions = {},
  ) {
    this.limiter = transport.limiter;
    const { onFailure: _onFailure, ...options } = settings;
    // Replies have a loop of their own; small bulk batches keep few rows 'sending' at a stop.
    this.options = { batchSize: 20, concurrency: 16, replyConcurrency: 32, idleMs: 500, maxAttempts: 8, recordRetryMs: [100, 250, 500, 1000, 2000], ...options };
    this.lanes = [
      { kind: 'replies', batchSize: this.options.replyConcurrency, concurrency: this.options.replyConcurrency, inFlight: new Set() },
      { kind: 'bulk', batchSize: this.options.batchSize, concurrency: this.options.concurrency, inFlight: new Set() },
    ];
  }

  get platform(): PlatformName {
    return this.transport.platform;
  }

  /** The database error that made the sender stop itself, if it did. */
  get failure(): unknown {
    return this.stoppedBy;
  }

  start(): void {
    if (this.running) return;
    const recovered = recoverInterruptedOutbox(this.deps.db, this.platform);
    if (recovered > 0) this.deps.log.warn({ platform: this.platform, recovered }, 'outbox rows interrupted by a stop are sent again');
    this.running = true;
    for (const lane of this.lanes) lane.loop = this.run(lane).catch((error: unknown) => this.giveUp(error));
  }

  /** Nudges the sender after new rows were committed. */
  wake(): void {
    for (const lane of this.lanes) {
      lane.woken = true;
      lane.wakeUp?.();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.lanes.map((lane) => lane.loop));
    await Promise.all(this.lanes.flatMap((lane) => [...lane.inFlight]));
    const error = this.flushUnrecorded();
    if (error !== undefined) {
      this.deps.log.error(
        { err: error, platform: this.platform, unrecorded: this.unrecordedSummary() },
        'outcomes of finished sends could not be recorded; the rows among them that were delivered will be sent again at the next start',
      );
    }
  }

  private async run(lane: Lane): Promise<void> {
    while (this.running) {
      if (!(await this.recordPending())) return;
      const free = lane.kind === 'replies' ? lane.concurrency - lane.inFlight.size : lane.batchSize;
      if (free <= 0) {
        await Promise.race(lane.inFlight);
        continue;
      }
      lane.woken = false;
      let rows: OutboxRow[] = [];
      try {
        rows = await inWriteLane(this.deps.db, () => claimDueOutbox(this.deps.db, this.platform, this.deps.clock.now(), free, lane.kind));
      } catch (error) {
        this.deps.log.error({ err: error, platform: this.platform }, 'outbox claim failed');
      }
      if (rows.length === 0) {
        await this.idle(lane);
        continue;
      }
      await this.dispatch(lane, rows);
      // Everything due was taken: wait for the next wake instead of asking again at once.
      if (lane.kind === 'replies' && rows.length < free) await this.idle(lane);
      // Bulk: claim the next batch only once this one is well under way. Replies are claimed as room frees up.
      while (lane.kind === 'bulk' && lane.inFlight.size > lane.concurrency / 2) await Promise.race(lane.inFlight);
    }
  }

  private async idle(lane: Lane): Promise<void> {
    // Bulk rows can wait a moment: many wakes close together (each reply committed) make one claim.
    if (lane.woken) return lane.kind === 'bulk' ? new Promise((resolve) => setTimeout(resolve, BULK_WAKE_MS)) : undefined;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.options.idleMs);
      lane.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    lane.wakeUp = undefined;
  }

  private async dispatch(lane: Lane, rows: OutboxRow[]): Promise<void> {
    for (const [i, row] of rows.entries()) {
      if (!this.running || !(await this.recordPending())) return this.handBack(rows.slice(i));
      while (lane.inFlight.size >= lane.concurrency) await Promise.race(lane.inFlight);
      // Rows to one chat go one after another, so a person reads them in the order they were written.
      const job = this.inOrder(row.chatId, () => this.sendOne(row)).finally(() => lane.inFlight.delete(job));
      lane.inFlight.add(job);
    }
  }

  /** Claimed rows not sent after all go back untouched; if even that fails they stay 'sending' and the next start sends them. */
  private async handBack(rows: OutboxRow[]): Promise<void> {
    try {
      await inWriteLane(this.deps.db, () => {
        for (const left of rows) postponeOutbox(this.deps.db, left.id, left.nextAttemptAt);
      });
    } catch (error) {
      this.deps.log.warn({ err: error, platform: this.platform, rows: rows.map((r) => r.id) }, 'claimed rows could not be handed back; the next start sends them');
    }
  }

  /** Chats that turned out blocked during this run: rows already in flight to them stop before sending. */
  private readonly blockedChats = new Set<string>();

  private readonly pace: Pace = async (chatId) => {
    await this.limiter.acquire(chatId);
    if (this.blockedChats.has(chatId)) throw new RecipientBlocked();
  };

  /** Replies to someone waiting: ahead of bulk rows, and without the per-chat pause (the person is in the conversation). */
  private readonly replyPace: Pace = async (chatId) => {
    await this.limiter.acquire(chatId, { perChat: false, priority: 'reply' });
  };

  private async sendOne(row: OutboxRow): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.transport.send(row, row.priority > 0 ? this.replyPace : this.pace);
    } catch (error) {
      outcome = { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === 'blocked') this.blockedChats.add(row.chatId);
    if (outcome.kind === 'rate-limited') this.limiter.pause(outcome.retryAfterMs);
    this.counts[outcome.kind] += 1;
    await this.settle({ row, outcome, at: this.deps.clock.now() });
  }

  private settling: Promise<void> | undefined;

  /**
   * Keeps an outcome to record. Outcomes that come back while the write lane
   * is busy are recorded together, in one transaction, when it is this
   * sender's turn; when the database refuses, they stay kept for the loop.
   */
  private settle(finished: Finished): Promise<void> {
    this.unrecorded.push(finished);
    this.settling ??= inWriteLane(this.deps.db, () => {
      this.settling = undefined;
      const error = this.flushUnrecorded();
      if (error === undefined) return;
      this.deps.log.warn({ err: error, platform: this.platform, outcomes: this.unrecorded.length }, 'outcome not recorded yet; kept to record again');
      this.wake();
    });
    return this.settling;
  }

  /**
   * Records the outcomes kept back, waiting and trying again while the
   * database is busy. False when it gave up: the sender has stopped.
   */
  private async recordPending(): Promise<boolean> {
    const pauses = this.options.recordRetryMs;
    for (let attempt = 0; this.unrecorded.length > 0; attempt++) {
      const error = await inWriteLane(this.deps.db, () => this.flushUnrecorded());
      if (error === undefined) break;
      if (!isBusy(error) || attempt >= pauses.length) {
        this.giveUp(error);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, pauses[attempt]));
    }
    return this.running;
  }

  /** Records the kept outcomes in order, all in one transaction; returns the error that stopped it, if any (then none is recorded). */
  private flushUnrecorded(): unknown {
    const batch = this.unrecorded.slice();
    if (batch.length === 0) return undefined;
    try {
      this.deps.db.transaction(() => {
        for (const finished of batch) this.record(finished);
      });
    } catch (error) {
      return error;
    }
    this.unrecorded.splice(0, batch.length);
    return undefined;
  }

  private giveUp(error: unknown): void {
    if (this.stoppedBy !== undefined) return;
    this.stoppedBy = error;
    this.running = false;
    this.deps.log.error(
      { err: error, platform: this.platform, unrecorded: this.unrecordedSummary() },
      'the outbox sender stops: the database does not take its writes',
    );
    const onFailure = this.settings.onFailure;
    if (onFailure) queueMicrotask(() => onFailure(error));
  }

  private unrecordedSummary(): { outbox: number; outcome: SendOutcome['kind'] }[] {
    return this.unrecorded.map((f) => ({ outbox: f.row.id, outcome: f.outcome.kind }));
  }

  /** Writes one outcome down; throws what the database threw, having written nothing of it. */
  private record({ row, outcome, at }: Finished): void {
    const { db, log } = this.deps;
    const rowLog = log.child({ platform: this.platform, outbox: row.id });
    switch (outcome.kind) {
      case 'sent':
        markOutboxSent(db, row.id, at, outcome.messageId);
        if (outcome.pinned && row.batch !== null) notePinned(db, row.batch);
        releaseOwnFiles(db, row.payload);
        return;
      case 'rate-limited':
        postponeOutbox(db, row.id, at);
        rowLog.warn({ retryAfterMs: outcome.retryAfterMs }, 'platform asked to slow down');
        return;
      case 'retry': {
        if (row.attempts >= this.options.maxAttempts) {
          markOutboxFailed(db, row.id, outcome.reason);
          releaseOwnFiles(db, row.payload);
          rowLog.error({ reason: outcome.reason }, 'outbox row failed after retries');
          return;
        }
        // A person waits for a reply: its first retry comes after a second (a connection reset, a busy
        // moment), not after the ten seconds a bulk row waits.
        const backoff = row.priority > 0 && row.attempts <= 1 ? REPLY_FIRST_RETRY_MS : Math.min(2 ** row.attempts * 5_000, 3_600_000);
        markOutboxRetry(db, row.id, new Date(at.getTime() + backoff), outcome.reason);
        rowLog.warn({ reason: outcome.reason, backoff }, 'send failed; will retry');
        return;
      }
      case 'blocked':
        db.transaction((tx) => {
          markOutboxBlocked(tx, row.accountId, outcome.reason);
          markAccountBlocked(tx, row.accountId, at);
        });
        rowLog.info({ reason: outcome.reason }, 'recipient blocked the bot');
        return;
      case 'failed':
        markOutboxFailed(db, row.id, outcome.reason);
        releaseOwnFiles(db, row.payload);
        rowLog.error({ reason: outcome.reason }, 'outbox row failed');
        return;
    }
  }
}
