// Runs the admin command line as a person would: `npm run cli -- …` is
// `tsx bot/cli.ts …`.
import { execFileSync } from 'node:child_process';

export function runCli(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'bot/cli.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

/** The last line of the output, where creating commands print the code. */
export const lastLine = (output: string): string => output.trim().split('\n').at(-1) ?? '';
