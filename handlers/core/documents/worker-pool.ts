// The worker threads that parse documents. Loading exceljs alone takes a
// good part of a second, so a worker that answered is kept for the next job
// for a while (without keeping the process alive); one that ran out of time
// or memory is terminated and never reused. At most two run at once, each
// with a capped heap; further jobs wait their turn.
import { Worker } from 'node:worker_threads';
import type { DocumentJob, WorkerFailure, WorkerReply } from './jobs.js';
import { DocumentLimitError, DocumentReadError, documentLimits, type DocumentLimits } from './limits.js';

const PARALLEL = 2;
const IDLE_MS = 30_000;

/** Loads the worker's module; under tsx (npm start, tests) it is TypeScript, so tsx is registered in the thread first. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.loader) (await import(workerData.loader)).register();
  await import(workerData.entry);
})();
`;

const fromSource = import.meta.url.endsWith('.ts');
const entry = new URL(fromSource ? './worker.ts' : './worker.js', import.meta.url).href;

interface Pending {
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
  limits: DocumentLimits;
}

function failure(error: WorkerFailure, limits: DocumentLimits): Error {
  return error.type === 'limit' ? new DocumentLimitError(error.limit, limits) : new DocumentReadError(error.reason);
}

class DocumentWorker {
  claimed = false;
  private readonly worker: Worker;
  private pending: Pending | undefined;
  private stopping: Error | undefined;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly gone: (worker: DocumentWorker) => void) {
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      execArgv: [],
      workerData: { loader: fromSource ? import.meta.resolve('tsx/esm/api') : undefined, entry },
      resourceLimits: { maxOldGenerationSizeMb: documentLimits.memoryMb },
    });
    this.worker.on('message', (reply: WorkerReply) => this.answered(reply));
    this.worker.on('error', (error: Error & { code?: string }) => this.failed(error));
    this.worker.on('exit', (code) => this.exited(code));
  }

  get usable(): boolean {
    return !this.claimed && this.stopping === undefined;
  }

  /** Runs one job; it is rejected only once the thread has stopped when it broke the time or memory limit. */
  run(job: DocumentJob, transfer: ArrayBuffer[], limits: DocumentLimits): Promise<unknown> {
    clearTimeout(this.idleTimer);
    this.worker.ref();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.stop(new DocumentLimitError('time', limits)), limits.timeoutMs);
      this.pending = { resolve, reject, timer, limits };
      this.worker.postMessage({ job, limits }, transfer);
    });
  }

  /** Waits, unreferenced, for the next job; ends after a while without one. */
  rest(): void {
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(new Error('document worker idle')), IDLE_MS);
    this.idleTimer.unref();
  }

  stop(reason: Error): Promise<number> {
    this.stopping ??= reason;
    return this.worker.terminate();
  }

  private answered(reply: WorkerReply): void {
    const pending = this.pending;
    if (!pending || this.stopping) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.output);
    else pending.reject(failure(reply.error, pending.limits));
  }

  private failed(error: Error & { code?: string }): void {
    const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
    this.stopping ??= memory ? new DocumentLimitError('memory', this.pending?.limits ?? documentLimits) : error;
  }

  private exited(code: number): void {
    clearTimeout(this.idleTimer);
    this.gone(this);
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.reject(this.stopping ?? new Error(`document worker exited with code ${code} before answering`));
  }
}

const workers = new Set<DocumentWorker>();
const waiting: (() => void)[] = [];

function gone(worker: DocumentWorker): void {
  workers.delete(worker);
  waiting.shift()?.();
}

/** A worker claimed for one job, when one is idle or another may start. */
function claimFree(): DocumentWorker | undefined {
  const free = [...workers].find((w) => w.usable) ?? (workers.size < PARALLEL ? new DocumentWorker(gone) : undefined);
  if (!free) return undefined;
  workers.add(free);
  free.claimed = true;
  return free;
}

async function acquire(): Promise<DocumentWorker> {
  for (;;) {
    const free = claimFree();
    if (free) return free;
    await new Promise<void>((go) => waiting.push(go));
  }
}

function release(worker: DocumentWorker): void {
  worker.claimed = false;
  if (worker.usable) worker.rest();
  waiting.shift()?.();
}

async function runOn(worker: DocumentWorker, job: DocumentJob, transfer: ArrayBuffer[], limits: DocumentLimits): Promise<unknown> {
  try {
    return await worker.run(job, transfer, limits);
  } finally {
    release(worker);
  }
}

/** Runs a job on a pooled worker, waiting for a free one when all are busy. */
export async function runInWorker(job: DocumentJob, transfer: ArrayBuffer[], limits: DocumentLimits): Promise<unknown> {
  return runOn(await acquire(), job, transfer, limits);
}

/** Runs a job only when a worker is free right now: work done ahead of need never queues in front of a parse someone waits for. */
export function runInWorkerIfFree(job: DocumentJob, transfer: ArrayBuffer[], limits: DocumentLimits): Promise<unknown> | undefined {
  if (waiting.length > 0) return undefined;
  const worker = claimFree();
  return worker && runOn(worker, job, transfer, limits);
}

/** Threads alive, and those running a job: a stopped parse leaves neither behind. */
export function documentWorkers(): { alive: number; busy: number } {
  return { alive: workers.size, busy: [...workers].filter((w) => w.claimed).length };
}

/** Ends the idle workers now, e.g. before a test measures what is left running. */
export async function stopIdleDocumentWorkers(): Promise<void> {
  await Promise.all([...workers].filter((w) => w.usable).map((w) => w.stop(new Error('document workers stopped'))));
}
