// The MAX long-poll loop. Written here rather than taken from the SDK's
// startPolling, which keeps the marker only in memory and moves it on before
// the updates are handled: after a restart MAX, asked without a marker,
// returns only the latest update, and the rest would be lost. Here the
// marker is saved once a batch was handed over, so what was not is fetched
// again; a stop aborts the waiting poll. The request is made here (the
// SDK's client drops a `timeout` of 0) through the adapter's fetch.
import { MaxError } from '@maxhub/max-bot-api';
import { inWriteLane, type Db } from '../../db/client.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import type { Log } from '../../handlers/core/log.js';
import { PollWatch } from '../adapter-kit.js';

export interface MaxLongPollOptions {
  /** The adapter's fetch; it does not pace GET /updates. */
  fetch: typeof fetch;
  apiBaseUrl: string;
  token: string;
  db: Db;
  /** The bot's user id: each bot keeps its own marker. */
  botId: number;
  types: readonly string[];
  /** Receives each batch; the marker moves on only once it resolved. */
  onBatch: (updates: unknown[]) => Promise<void>;
  log: Log;
  /** First pause after a failed poll; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** How long stop() waits for a batch being handed over. */
  stopWaitMs?: number;
}

interface Batch {
  updates: unknown[];
  marker: number | undefined;
}

type PollAnswer = { updates?: unknown; marker?: unknown; code?: string; message?: string };

const WAIT_SECONDS = 25;
const LIMIT = 100;

export class MaxLongPoll {
  readonly watch = new PollWatch();
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private marker: number | undefined;

  constructor(private readonly options: MaxLongPollOptions) {}

  private get markerKey(): string {
    return `max:${this.options.botId}:marker`;
  }

  /** Resumes from the saved marker; without one, a first quick poll fixes the position, so nothing after start-up is missed. */
  async start(): Promise<void> {
    const saved = Number(getValue(this.options.db, this.markerKey) ?? Number.NaN);
    this.marker = Number.isSafeInteger(saved) ? saved : undefined;
    const first = this.marker === undefined ? await this.poll(0) : undefined;
    this.running = true;
    this.loop = this.run(first);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.stopWaitMs ?? 10_000);
    });
    await Promise.race([this.loop, limit]);
    clearTimeout(timer);
  }

  private async run(first: Batch | undefined): Promise<void> {
    let pending = first;
    let retryMs = this.options.retryMs ?? 1000;
    while (this.running) {
      try {
        // A batch whose hand-over failed is offered again, not fetched again: without a marker MAX would return only its latest update.
        pending ??= await this.poll(WAIT_SECONDS);
        await this.handOver(pending);
        pending = undefined;
        retryMs = this.options.retryMs ?? 1000;
      } catch (error) {
        if (!this.running) return;
        this.options.log.warn({ err: error, retryMs }, 'max long poll failed; retrying');
        await this.pause(retryMs);
        retryMs = Math.min(retryMs * 2, this.options.maxRetryMs ?? 30_000);
      }
    }
  }

  private async poll(timeout: number): Promise<Batch> {
    const url = new URL('updates', `${this.options.apiBaseUrl.replace(/\/+$/, '')}/`);
    url.search = new URLSearchParams({ limit: String(LIMIT), timeout: String(timeout) }).toString();
    if (this.options.types.length > 0) url.searchParams.set('types', this.options.types.join(','));
    if (this.marker !== undefined) url.searchParams.set('marker', String(this.marker));
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout((timeout + 10) * 1000)]);
    const response = await this.options.fetch(url, { headers: { Authorization: this.options.token }, signal });
    if (!response.ok) {
      const error = (await response.json().catch(() => ({}))) as PollAnswer;
      throw new MaxError(response.status, { code: error.code ?? 'unexpected.response', message: error.message ?? `GET /updates answered HTTP ${response.status}` });
    }
    const answer = (await response.json()) as PollAnswer;
    this.watch.succeeded();
    return { updates: Array.isArray(answer.updates) ? answer.updates : [], marker: typeof answer.marker === 'number' ? answer.marker : undefined };
  }

  /** The marker is saved only after the callback resolved: a crash before that fetches the batch again. */
  private async handOver(batch: Batch): Promise<void> {
    if (batch.updates.length > 0) await this.options.onBatch(batch.updates);
    if (batch.marker === undefined || batch.marker === this.marker) return;
    this.marker = batch.marker;
    await inWriteLane(this.options.db, () => setValue(this.options.db, this.markerKey, String(batch.marker)));
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener('abort', done, { once: true });
    });
  }
}
