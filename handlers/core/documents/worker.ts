// The entry of a document worker thread: it answers each job it is sent
// with the parsed data or the reason it failed. Parsing here keeps the
// service's event loop free, and lets the parent stop a parse that runs too
// long or grows too big by terminating the thread.
import { parentPort } from 'node:worker_threads';
import type { WorkerInput, WorkerReply } from './jobs.js';
import { DocumentLimitError, DocumentReadError } from './limits.js';
import { readJob } from './read-job.js';

async function reply(input: WorkerInput): Promise<WorkerReply> {
  try {
    return { ok: true, output: await readJob(input.job, input.limits) };
  } catch (error) {
    if (error instanceof DocumentLimitError) return { ok: false, error: { type: 'limit', limit: error.limit } };
    if (error instanceof DocumentReadError) return { ok: false, error: { type: 'read', reason: error.reason } };
    return { ok: false, error: { type: 'read', reason: String(error) } };
  }
}

parentPort?.on('message', (input: WorkerInput) => {
  void reply(input).then((answer) => parentPort?.postMessage(answer));
});
