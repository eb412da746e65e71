// What the benchmark and the messenger fake it runs in a child process say to
// each other (bench/fake-process.ts asks, bench/fake-host.ts answers). The
// fake lives in its own process so that its clock, which decides what counts
// as over the limit, is not stalled by Opora's work or garbage collection.
import type { Config } from '../bot/config.js';

export type Platform = 'telegram' | 'vk' | 'max';

/**
 * Milliseconds since the epoch with sub-millisecond precision, comparable
 * between the benchmark and the fake's process (both count from their own
 * start, which each knows on the wall clock).
 */
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface StartArgs {
  platform: Platform;
  /** The limit the fake enforces: requests per sliding second. */
  perSecond: number;
  /** Telegram's fake can also enforce messages per second to one chat. */
  perChatPerSecond?: number;
  databasePath: string;
}

/** Teachers talking to the bot, from the fake's side: who, how to open the survey, for how long, how fast. */
export interface TeacherPlan {
  users: number[];
  /** The callback data of the button that opens the survey round. */
  startData: string;
  /** Activity each step brings to the chat (messages plus edits), learnt by `probe`. */
  deltas: number[];
  durationMs: number;
  /** A teacher reads for a time drawn between these before the next press. */
  thinkMs: [number, number];
  seed: number;
}

export interface TeachersResult {
  /** From the update being available to the fake to the whole answer stored by it, ms. */
  answered: number[];
  /** From the update to the first part of the answer (an edit or a message), ms. */
  firstPart: number[];
  /** Presses or commands not answered within the timeout. */
  unanswered: number;
}

/** Every request with its arguments and answer. */
export interface Requests {
  start: { args: StartArgs; result: Config };
  /** How many of the bot's messages the fake accepted, and how many requests it refused with a 429. */
  counts: { args: null; result: { accepted: number; tooMany: number } };
  /** The moments (wallNow) the fake accepted each message. */
  accepted: { args: null; result: number[] };
  /** The moments the fake counted each request against its limit. */
  calls: { args: null; result: number[] };
  /** For each user, how many messages the bot sent them. */
  copies: { args: { users: number[] }; result: number[] };
  /** One teacher goes through the plan's steps alone, to learn what each brings. */
  probe: { args: { user: number; startData: string }; result: number[] };
  teachers: { args: TeacherPlan; result: TeachersResult };
  stop: { args: null; result: null };
}

export type Op = keyof Requests;

export interface RequestMessage<K extends Op = Op> {
  id: number;
  op: K;
  args: Requests[K]['args'];
}

export type ReplyMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
