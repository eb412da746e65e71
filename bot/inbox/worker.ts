// Handles what the adapters recorded in the inbox: the oldest pending update
// of each chat, different chats at once, one chat's updates in the order they
// came. A file is downloaded (and a large document read) before the update's
// transaction begins, so nobody waits behind someone else's upload. An update
// that keeps failing is parked after a few tries, its sender told politely.
import { inWriteLane, type Db } from '../../db/client.js';
import { findAccount } from '../../db/repos/accounts.js';
import { getDialog } from '../../db/repos/dialogs.js';
import { markInboxRetry, nextPending, parkInbox, type InboxRow } from '../../db/repos/inbox.js';
import type { PlatformName, StoredIncoming } from '../../db/schema.js';
import type { Clock } from '../../handlers/core/clock.js';
import type { Incoming, IncomingEvent } from '../../handlers/core/contract.js';
import type { Core, RecordedOutcome } from '../../handlers/core/dispatch.js';
import { FileTooLargeError } from '../../handlers/core/errors.js';
import { warmDocument } from '../../handlers/core/documents/parse-document.js';
import type { Log } from '../../handlers/core/log.js';

/** Downloads a file by the reference the adapter kept, within a size. */
export type FetchByRef = (ref: string, limits: { maxBytes: number }) => Promise<Buffer>;

export interface WorkerOptions {
  /** Chats handled at once. */
  concurrency?: number;
  /** Tries before an update is parked. */
  maxAttempts?: number;
  idleMs?: number;
}

/** The largest file any reader takes; each reader checks its own, smaller limit on what was downloaded. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export class InboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** Woken while not pausing: the next pause returns at once. */
  private woken = false;
  private readonly busy = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly options: Required<WorkerOptions>;

  constructor(
    private readonly deps: { db: Db; clock: Clock; log: Log; core: Core; fetchers: Partial<Record<PlatformName, FetchByRef>>; wakeOutbox: () => void },
    options: WorkerOptions = {},
  ) {
    this.options = { concurrency: 32, maxAttempts: 3, idleMs: 1000, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Stops taking rows and waits for those in hand; what was not finished stays pending for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  /** True when nothing is pending or in hand (tests and benchmarks). */
  get idle(): boolean {
    return this.inFlight.size === 0 && nextPending(this.deps.db, this.busy, 1).length === 0;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const free = this.options.concurrency - this.inFlight.size;
      this.woken = false;
      const rows = free > 0 ? nextPending(this.deps.db, this.busy, free) : [];
      for (const row of rows) this.begin(row);
      // Fewer than asked for: nothing else is waiting until the next wake.
      if (rows.length < free || free <= 0) await this.pause();
    }
  }

  private pause(): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.idleMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    }).finally(() => {
      this.wakeUp = undefined;
    });
  }

  private begin(row: InboxRow): void {
    const chat = `${row.platform}:${row.chatId}`;
    this.busy.add(chat);
    const work = this.handle(row)
      .catch((error: unknown) => this.deps.log.error({ err: error, inbox: row.id }, 'inbox row could not be handled'))
      .finally(() => {
        this.busy.delete(chat);
        this.inFlight.delete(work);
        this.wake();
      });
    this.inFlight.add(work);
  }

  private async handle(row: InboxRow): Promise<void> {
    const stored = row.incoming;
    if (!stored) return;
    const log = this.deps.log.child({ platform: row.platform, inbox: row.id });
    const lastTry = row.attempts + 1 >= this.options.maxAttempts;
    const incoming = await this.revive(stored);
    let outcome: RecordedOutcome;
    try {
      outcome = await this.deps.core.handleRecorded(row.id, incoming, { callback: stored.callback, lastTry });
    } catch (error) {
      // Not even the apology could be committed (the database refused): count the try all the same.
      outcome = { kind: 'failed', error };
    }
    if (outcome.kind === 'failed') {
      const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      await inWriteLane(this.deps.db, () => {
        const attempts = markInboxRetry(this.deps.db, row.id, reason);
        // On the last try the core answered and marked the row done; one still pending then is parked, never retried for ever.
        if (attempts >= this.options.maxAttempts) parkInbox(this.deps.db, row.id, reason, this.deps.clock.now());
      });
      if (lastTry) log.error({ reason }, 'update failed on every try; parked');
    }
    this.deps.wakeOutbox();
  }

  /** Whether the sender has a dialog open, the only thing that reads a file. */
  private awaited(stored: StoredIncoming): boolean {
    const account = findAccount(this.deps.db, stored.platform, stored.sender.id);
    const dialog = account ? getDialog(this.deps.db, account.id) : undefined;
    return dialog !== undefined && dialog.expiresAt.getTime() > this.deps.clock.now().getTime();
  }

  /** The update as the core reads it, its file already downloaded (or known to be too large, or unreachable). */
  private async revive(stored: StoredIncoming): Promise<Incoming> {
    const { callback: _callback, ...rest } = stored;
    const event = stored.event;
    if (event.kind !== 'file') return { ...rest, event };
    const fetchByRef = this.deps.fetchers[stored.platform];
    const download = (maxBytes: number) => (fetchByRef ? fetchByRef(event.file.ref, { maxBytes }) : Promise.reject(new Error('no downloader')));
    // Only a file someone's open dialog waits for is fetched (and a large document read) ahead; any other is answered without it.
    const ahead = this.awaited(stored) && (event.file.size ?? 0) <= MAX_DOWNLOAD_BYTES ? await settle(download(MAX_DOWNLOAD_BYTES)) : undefined;
    if (ahead && 'buffer' in ahead) warmDocument(event.file.name, ahead.buffer);
    const file: Extract<IncomingEvent, { kind: 'file' }>['file'] = {
      ...event.file,
      fetch: async ({ maxBytes }) => {
        if (!ahead) return download(maxBytes);
        if ('error' in ahead) throw ahead.error;
        if (ahead.buffer.length > maxBytes) throw new FileTooLargeError(maxBytes);
        return ahead.buffer;
      },
    };
    return { ...rest, event: { kind: 'file', file, caption: event.caption } };
  }
}

function settle(download: Promise<Buffer>): Promise<{ buffer: Buffer } | { error: unknown }> {
  return download.then(
    (buffer) => ({ buffer }),
    (error: unknown) => ({ error }),
  );
}
