// Drives the terminal playground as a person at the keyboard would: starts
// `npm start`'s entry point (bot/main.ts) with no messenger credentials,
// types a line, and waits for what the playground prints back. Buttons are
// pressed by their label, as the number printed beside it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** The longest a step may take on a loaded machine; a step normally takes well under a second. */
const STEP_CAP_MS = 60_000;

export class Terminal {
  private out = '';
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(env: Record<string, string>): Terminal {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return new Terminal(child);
  }

  /** Everything printed so far. */
  get output(): string {
    return this.out;
  }

  /** Where the output ends now: what is printed after it is the answer to what comes next. */
  get position(): number {
    return this.out.length;
  }

  /** Waits until the output from `since` on matches, and returns that part of it. */
  async until(pattern: RegExp, since = 0): Promise<string> {
    const deadline = Date.now() + STEP_CAP_MS;
    for (;;) {
      const part = this.out.slice(since);
      if (pattern.test(part)) return part;
      if (this.child.exitCode !== null) throw new Error(`the playground exited (${this.child.exitCode}) waiting for ${pattern}:\n${part}`);
      if (Date.now() > deadline) throw new Error(`the playground did not print ${pattern}:\n${part.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Types a line and waits for an answer matching `expected`; returns what was printed since the line was typed. */
  async type(line: string, expected: RegExp): Promise<string> {
    const since = this.position;
    this.child.stdin.write(`${line}\n`);
    return this.until(expected, since);
  }

  private choicePattern(label: string): RegExp {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\[(\\d+)\\] (?:★ )?${escaped}(?: — .*)?$`, 'gm');
  }

  /** The number printed beside the newest choice with this label. */
  numberOf(label: string): string {
    const found = [...this.out.matchAll(this.choicePattern(label))].at(-1);
    if (!found?.[1]) throw new Error(`no choice «${label}» on the screen:\n${this.out.slice(-2000)}`);
    return found[1];
  }

  /** Presses the newest button with this label by typing its number, once it is printed (a screen may arrive in pieces). */
  async press(label: string, expected: RegExp): Promise<string> {
    await this.until(new RegExp(this.choicePattern(label).source, 'm'));
    return this.type(this.numberOf(label), expected);
  }

  /** Types `:quit` and waits for the playground to exit. */
  async quit(): Promise<number | null> {
    this.child.stdin.write(':quit\n');
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
