// Starts a messenger fake in a child process (bench/fake-host.ts) and asks
// it questions over IPC: the configuration Opora needs to reach it, what it
// accepted and when, and teachers to talk to the bot.
import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../bot/config.js';
import type { Op, ReplyMessage, RequestMessage, Requests, StartArgs } from './fake-protocol.js';

const STOP_TIMEOUT_MS = 5000;
/**
 * The fake stands in for the platform's servers, which do not share our CPU:
 * it runs at a higher priority than Opora and the CPU hog, where the system
 * allows, so that a starved fake does not stamp requests late and count a
 * burst that never left Opora.
 */
const FAKE_PRIORITY = -10;

export interface FakeProcess {
  /** Opora's configuration pointing at the fake, with the database path given. */
  readonly config: Config;
  /** Whether the system let the fake run at a higher priority. */
  readonly prioritised: boolean;
  ask<K extends Op>(op: K, args: Requests[K]['args']): Promise<Requests[K]['result']>;
  stop(): Promise<void>;
}

export async function startFakeProcess(args: StartArgs): Promise<FakeProcess> {
  const child = fork(fileURLToPath(new URL('./fake-host.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const prioritised = raisePriority(child);
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  child.on('message', (reply: ReplyMessage) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`fake: ${reply.error}`));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error('the fake process exited'));
    pending.clear();
  });
  const ask = <K extends Op>(op: K, body: Requests[K]['args']): Promise<Requests[K]['result']> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: RequestMessage<K> = { id, op, args: body };
      child.send(message);
    });
  const config = await ask('start', args).catch(async (error: unknown) => {
    await stopChild(child, exited);
    throw error;
  });
  return {
    config,
    prioritised,
    ask,
    async stop() {
      if (child.exitCode === null && child.connected) await ask('stop', null).catch(() => undefined);
      await stopChild(child, exited);
    },
  };
}

function raisePriority(child: ChildProcess): boolean {
  try {
    if (child.pid === undefined) return false;
    setPriority(child.pid, FAKE_PRIORITY);
    return true;
  } catch {
    return false;
  }
}

/** Waits for the child to leave; kills it (by its own handle) if it does not. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  if (child.connected) child.disconnect();
  await exited;
  clearTimeout(timer);
}
