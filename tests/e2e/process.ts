// Starts Opora as a real child process (bot/main.ts, as `npm start` does) so
// tests can stop it with a signal, or kill it, and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface OporaProcess {
  readonly child: ChildProcess;
  /** Parsed JSON log lines printed so far. */
  readonly logs: Record<string, unknown>[];
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `compiled` runs dist/bot/main.js as the container does (after `npm run build`) instead of the sources under tsx. */
export async function startOpora(env: Record<string, string>, readyLog: RegExp, options: { compiled?: boolean } = {}): Promise<OporaProcess> {
  const args = options.compiled ? ['--enable-source-maps', 'dist/bot/main.js'] : ['--import', 'tsx', 'bot/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
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

  const waitForLog = async (pattern: RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = logs.find((l) => pattern.test(String(l.msg)));
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`opora exited with ${child.exitCode}: ${stderr.join('\n')}`);
      if (Date.now() > deadline) throw new Error(`no log ${pattern}; got ${JSON.stringify(logs.slice(-10))} ${stderr.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  await waitForLog(readyLog);
  return {
    child,
    logs,
    waitForLog,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
