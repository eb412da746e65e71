// Starts Opora as a real child process (bot/main.ts, as `npm start` does) so
// tests can stop it with a signal, or kill it, and start it again.
//
// Ready means the health endpoint answers: startApp opens it only after every
// messenger adapter has started receiving and the inbox worker runs. The wait
// polls it under one generous cap (a loaded machine starts slowly; nothing is
// timed), and stops at once if the process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

export interface OporaProcess {
  readonly child: ChildProcess;
  /** Parsed JSON log lines printed so far. */
  readonly logs: Record<string, unknown>[];
  /** The port of its /healthz and /metrics. */
  readonly healthPort: number;
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** How long a start may take at most, however loaded the machine. */
export const START_CAP_MS = 180_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether the health endpoint answers at all (200 when healthy, 503 while a messenger has not polled yet). */
async function healthAnswers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5000) });
    await response.body?.cancel();
    return response.status === 200 || response.status === 503;
  } catch {
    return false;
  }
}

/**
 * `readyLog`, when given, must have been logged by the time Opora is ready
 * (e.g. «telegram polling started»): a check that the messenger one expects
 * is the one running. `compiled` runs dist/bot/main.js as the container does
 * (after `npm run build`) instead of the sources under tsx.
 */
export async function startOpora(env: Record<string, string>, readyLog?: RegExp, options: { compiled?: boolean } = {}): Promise<OporaProcess> {
  const healthPort = env.HEALTH_PORT !== undefined ? Number(env.HEALTH_PORT) : await freePort();
  const args = options.compiled ? ['--enable-source-maps', 'dist/bot/main.js'] : ['--import', 'tsx', 'bot/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, HEALTH_PORT: String(healthPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
  });
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const exitedError = () => new Error(`opora exited with ${child.exitCode}: ${stderr.join('\n')}`);

  const waitForLog = async (pattern: RegExp, timeoutMs = START_CAP_MS) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = logs.find((l) => pattern.test(String(l.msg)));
      if (found) return found;
      if (child.exitCode !== null) throw exitedError();
      if (Date.now() > deadline) throw new Error(`no log ${pattern}; got ${JSON.stringify(logs.slice(-10))} ${stderr.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const deadline = Date.now() + START_CAP_MS;
  while (!(await healthAnswers(healthPort))) {
    if (child.exitCode !== null) throw exitedError();
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`opora was not ready within ${START_CAP_MS / 1000} s; last logs ${JSON.stringify(logs.slice(-10))} ${stderr.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (readyLog) await waitForLog(readyLog, Math.max(0, deadline - Date.now()));
  return {
    child,
    logs,
    healthPort,
    waitForLog,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
