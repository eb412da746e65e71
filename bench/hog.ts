// A CPU hog for `npm run bench -- --hog`: a child process that spins one core
// for as long as the benchmark runs, so the figures show how Opora holds up
// with other work on the machine. It stops itself after a bounded time even
// if the benchmark never stops it.
import { spawn } from 'node:child_process';

export interface Hog {
  stop(): Promise<void>;
}

export function startHog(maxMs: number): Hog {
  const spin = `const end = Date.now() + ${Math.round(maxMs)}; let x = 0; while (Date.now() < end) x = (x + 1) % 1e9;`;
  const child = spawn(process.execPath, ['-e', spin], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
