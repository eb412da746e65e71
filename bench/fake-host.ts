// The child process that hosts one messenger fake for the benchmark
// (started by bench/fake-process.ts). Run apart from Opora, the fake stamps
// each request on a clock that Opora's work and garbage collection do not
// stall; in one process, a pause there made the fake count requests that had
// left Opora evenly as one burst. It also runs the teachers who talk to the
// bot (bench/teachers.ts), so their latency is measured on the same clock.
import { drivers, type Driver } from '../tests/e2e/drivers.js';
import { wallNow, type Op, type ReplyMessage, type RequestMessage, type Requests, type StartArgs } from './fake-protocol.js';
import { ChatWatch, probeSteps, runTeachers } from './teachers.js';

interface Stats {
  sendsAccepted: number;
  tooManyRequests: number;
}

let driver: (Driver & { server: { stats: Stats } }) | undefined;
const accepted: number[] = [];
const calls: number[] = [];
const watch = new ChatWatch();

/**
 * Turns a counter of the fake's stats into an accessor that stamps every
 * assignment: the fakes write `sendsAccepted` once per stored message, and
 * their busiest-second figure once per request they count against the limit.
 */
function stampWrites(stats: object, field: string, times: number[]): void {
  let value = (stats as Record<string, unknown>)[field];
  Object.defineProperty(stats, field, {
    configurable: true,
    enumerable: true,
    get: () => value,
    set: (next: unknown) => {
      times.push(wallNow());
      value = next;
      watch.poke();
    },
  });
}

async function start({ platform, perSecond, perChatPerSecond, databasePath }: StartArgs): Promise<Requests['start']['result']> {
  const started = platform === 'telegram' ? await drivers.telegram({ globalPerSecond: perSecond, perChatPerSecond }) : await drivers[platform]({ perSecond });
  driver = started;
  stampWrites(started.server.stats, 'sendsAccepted', accepted);
  stampWrites(started.server.stats, platform === 'telegram' ? 'maxGlobalPerSecondSeen' : 'maxPerSecondSeen', calls);
  return started.config(databasePath);
}

function running(): Driver & { server: { stats: Stats } } {
  if (!driver) throw new Error('the fake has not been started');
  return driver;
}

async function handle(message: RequestMessage): Promise<unknown> {
  const handlers: { [K in Op]: (args: Requests[K]['args']) => Promise<Requests[K]['result']> | Requests[K]['result'] } = {
    start,
    counts: () => ({ accepted: accepted.length, tooMany: running().server.stats.tooManyRequests }),
    accepted: () => accepted,
    calls: () => calls,
    copies: ({ users }) => users.map((user) => running().messages(user).length),
    probe: ({ user, startData }) => probeSteps(running(), user, startData),
    teachers: (plan) => runTeachers(running(), watch, plan),
    stop: async () => {
      await driver?.stop();
      driver = undefined;
      return null;
    },
  };
  const run = handlers[message.op] as (args: unknown) => unknown;
  return run(message.args);
}

process.on('message', (message: RequestMessage) => {
  void (async () => {
    let reply: ReplyMessage;
    try {
      reply = { id: message.id, ok: true, result: await handle(message) };
    } catch (error) {
      reply = { id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send?.(reply);
    if (message.op === 'stop') process.disconnect();
  })();
});
// The benchmark went away: nothing is left to serve.
process.on('disconnect', () => {
  void driver?.stop().finally(() => process.exit(0));
  if (!driver) process.exit(0);
});
