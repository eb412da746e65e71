// Teachers talking to the bot while a broadcast drains, run beside the fake
// (in its process) so that each answer's latency is measured on the fake's
// clock: from the moment the press or command is available to the bot to the
// moment the fake has stored the whole answer. Each teacher opens a survey,
// answers it, submits, then asks for /help, reading for a while between
// steps.
import type { Driver } from '../tests/e2e/drivers.js';
import { wallNow, type TeacherPlan, type TeachersResult } from './fake-protocol.js';

/** Steps of the plan: open the survey, three answers, submit; after that, /help. */
const SURVEY_STEPS = 5;
const ANSWER_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Activity in a chat: messages plus edits, so an answer that edits in place counts. */
export const activity = (driver: Driver, user: number): number => driver.messages(user).reduce((n, m) => n + 1 + m.edits, 0);

/** Presses the step's button or sends /help. */
function act(driver: Driver, user: number, step: number, startData: string): void {
  if (step === 0) return driver.pressRaw(user, 1, startData);
  if (step >= SURVEY_STEPS) return driver.say(user, '/help');
  const message = driver.messages(user).findLast((m) => m.buttons.length > 0);
  if (!message) throw new Error(`${driver.platform}: teacher ${user} has no button to press at step ${step}`);
  const button = message.buttons.find((b) => b.label === 'Отправить') ?? message.buttons[0];
  driver.pressRaw(user, message.id, button?.data ?? '');
}

/** Waits until the chat's activity reaches a count, looking each time the fake stores something and every few ms. */
export class ChatWatch {
  private readonly waiting = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  /** Called by the host whenever the fake counts or stores something. */
  poke(): void {
    if (this.waiting.size > 0) queueMicrotask(() => this.check());
  }

  /** Resolves with the moments the first part and the whole answer arrived, or undefined after the timeout. */
  until(driver: Driver, user: number, before: number, target: number): Promise<{ first: number; whole: number } | undefined> {
    const deadline = wallNow() + ANSWER_TIMEOUT_MS;
    let first: number | undefined;
    return new Promise((resolve) => {
      const probe = () => {
        const now = wallNow();
        const seen = activity(driver, user);
        if (seen > before) first ??= now;
        if (seen < target && now < deadline) return;
        this.waiting.delete(probe);
        resolve(seen >= target ? { first: first ?? now, whole: now } : undefined);
      };
      this.waiting.add(probe);
      this.timer ??= setInterval(() => this.check(), 5);
      probe();
    });
  }

  private check(): void {
    for (const probe of [...this.waiting]) probe();
    if (this.waiting.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}

/** One teacher goes through every step alone, settling after each, to learn the activity each brings. */
export async function probeSteps(driver: Driver, user: number, startData: string): Promise<number[]> {
  const deltas: number[] = [];
  for (let step = 0; step <= SURVEY_STEPS; step++) {
    const before = activity(driver, user);
    act(driver, user, step, startData);
    await driver.waitForCount(user, 1);
    await driver.settled(user);
    deltas.push(activity(driver, user) - before);
  }
  if (deltas.some((d) => d < 1)) throw new Error(`${driver.platform}: a step brought no answer: ${deltas.join(', ')}`);
  return deltas;
}

/** A small seeded generator, so every run draws the same reading times. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export async function runTeachers(driver: Driver, watch: ChatWatch, plan: TeacherPlan): Promise<TeachersResult> {
  const result: TeachersResult = { answered: [], firstPart: [], unanswered: 0 };
  const end = wallNow() + plan.durationMs;
  const draw = random(plan.seed);
  const [min, max] = plan.thinkMs;
  const teacher = async (user: number, firstWait: number) => {
    await sleep(firstWait);
    for (let step = 0; wallNow() < end; step++) {
      const before = activity(driver, user);
      const delta = plan.deltas[Math.min(step, plan.deltas.length - 1)] ?? 1;
      const asked = wallNow();
      act(driver, user, step, plan.startData);
      const answer = await watch.until(driver, user, before, before + delta);
      if (!answer) {
        result.unanswered += 1;
        return;
      }
      result.answered.push(answer.whole - asked);
      result.firstPart.push(answer.first - asked);
      await sleep(Math.min(min + draw() * (max - min), Math.max(0, end - wallNow())));
    }
  };
  await Promise.all(plan.users.map((user) => teacher(user, draw() * Math.min(max, plan.durationMs))));
  return result;
}
