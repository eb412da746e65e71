// Sends outbox rows through the VK API (notices, broadcasts and the replies
// to updates), every message with a random_id, long text split at VK's limit.
import { APIError, type ExecuteError, type VK } from 'vk-io';
import { z } from 'zod';
import type { Reply } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import type { EditPayload, MessagePayload, RepliesPayload } from '../../db/schema.js';
import type { OutboxRow } from '../../db/repos/outbox.js';
import type { RateLimiter } from '../outbox/rate-limit.js';
import { RecipientBlocked, type LoadFile, type OutboxTransport, type Pace, type SendOutcome } from '../outbox/sender.js';
import { splitText } from '../split-text.js';
import { keyboardPages, randomIdFor, VK_TEXT_LIMIT, vkKeyboard } from './render.js';

const noPace: Pace = async () => {};
/** VK needs some text with a keyboard; used for the extra keyboards of a long button list. */
const MORE_BUTTONS = '⋯';

export interface VkSendOptions {
  /** Seed of the random_ids; the same seed never delivers twice. */
  key: string;
  callbackButtons?: boolean;
  pace?: Pace;
}

type SendParams = { peer_id: number; random_id: number; message: string; keyboard: string | undefined; attachment: string | undefined; dont_parse_links: 1 };

/** The messages.send calls a reply makes: its text split at VK's limit, the keyboard on the last piece, extra keyboards after. */
function sendCalls(peerId: string, reply: Reply | MessagePayload, key: string, callbackButtons: boolean | undefined, attachment?: string): SendParams[] {
  const pages = keyboardPages(reply.buttons);
  const pieces = splitText(reply.text || ('file' in reply && reply.file ? reply.file.name : ''), VK_TEXT_LIMIT);
  const messages = pieces.map((text, i) => ({
    text,
    keyboard: i === pieces.length - 1 && pages[0] ? vkKeyboard(pages[0], callbackButtons) : undefined,
    attachment: i === 0 ? attachment : undefined,
  }));
  for (const page of pages.slice(1)) messages.push({ text: MORE_BUTTONS, keyboard: vkKeyboard(page, callbackButtons), attachment: undefined });
  return messages.map((message, i) => ({
    peer_id: Number(peerId),
    random_id: randomIdFor(`${key}:${i}`),
    message: message.text,
    keyboard: message.keyboard,
    attachment: message.attachment,
    dont_parse_links: 1,
  }));
}

/**
 * The message id messages.send answers. For one peer_id VK documents a plain
 * number; vk-io types the answer as the peer_ids list, so both are read.
 */
function sentMessageId(answer: unknown): number | undefined {
  if (typeof answer === 'number') return answer > 0 ? answer : undefined;
  const [first] = Array.isArray(answer) ? (answer as { message_id?: unknown }[]) : [];
  return typeof first?.message_id === 'number' && first.message_id > 0 ? first.message_id : undefined;
}

/** Sends a reply; returns the message id of its first message (a text split into several is edited or pinned by where it starts). */
export async function sendReply(vk: VK, peerId: string, reply: Reply | MessagePayload, options: VkSendOptions): Promise<number | undefined> {
  const pace = options.pace ?? noPace;
  let attachment: string | undefined;
  if ('file' in reply && reply.file) {
    await pace(peerId);
    const doc = await vk.upload.messageDocument({
      peer_id: Number(peerId),
      source: { value: reply.file.data, filename: reply.file.name, contentType: reply.file.mime },
      title: reply.file.name,
    });
    attachment = doc.toString();
  }
  let first: number | undefined;
  for (const params of sendCalls(peerId, reply, options.key, options.callbackButtons, attachment)) {
    await pace(peerId);
    const answer: unknown = await vk.api.messages.send(params);
    first ??= sentMessageId(answer);
  }
  return first;
}

/**
 * Pins a sent message in the person's dialog. A community may lack the right
 * there, and VK then refuses: the message stays sent, unpinned, and the
 * refusal is only logged.
 */
async function pinSent(vk: VK, peerId: string, messageId: number, pace: Pace, log: Log): Promise<boolean> {
  try {
    await pace(peerId);
    await vk.api.messages.pin({ peer_id: Number(peerId), message_id: messageId });
    return true;
  } catch (error) {
    log.warn({ err: error }, 'could not pin the message; it stays sent, unpinned');
    return false;
  }
}

/**
 * Puts a new text into a sent message, with the keyboard it had. VK lets a
 * community edit its message for 24 hours (the edit dialog does not offer
 * older ones); a refusal (909 too old, 920 not editable) fails the row.
 */
async function editSent(vk: VK, peerId: string, payload: EditPayload, pace: Pace, callbackButtons: boolean): Promise<SendOutcome> {
  const messageId = Number(payload.messageId);
  if (!Number.isSafeInteger(messageId)) return { kind: 'failed', reason: `not a VK message id: ${payload.messageId}` };
  const pages = keyboardPages(payload.buttons);
  try {
    await pace(peerId);
    await vk.api.messages.edit({
      peer_id: Number(peerId),
      message_id: messageId,
      message: payload.text,
      keyboard: pages[0] ? vkKeyboard(pages[0], callbackButtons) : undefined,
      keep_forward_messages: 1,
      keep_snippets: 1,
      dont_parse_links: 1,
    });
    return { kind: 'sent', messageId: payload.messageId };
  } catch (error) {
    return classifyVkError(error);
  }
}

/** The handle of a pressed callback button, as the adapter kept it. */
const eventRef = z.object({ eventId: z.string(), userId: z.number(), peerId: z.number() });

type DeliverContext = { pace: Pace; callbackButtons: boolean; loadFile: LoadFile; log: Log; bundles: Bundles };

/** A call of the VK API, to make on its own or inside `execute`. */
type Call = { method: 'messages.sendMessageEventAnswer' | 'messages.edit' | 'messages.send'; params: Record<string, unknown>; reply?: number };

/**
 * Answers an update from its outbox row: the press first (its snackbar, or
 * just the end of the button's spinner), then the replies, editing the
 * pressed message where asked and sending the rest. random_ids come from the
 * row's dedupe key, so a resent row is dropped by VK. Where the replies carry
 * no file, all of it goes in one `execute`, which VK counts as one call: a
 * press costs one slot of the community's limit instead of three.
 */
async function deliverRepliesRow(vk: VK, peerId: string, row: OutboxRow, payload: RepliesPayload, context: DeliverContext): Promise<void> {
  const calls = callsOf(peerId, row, payload, context.callbackButtons);
  if (calls && calls.length > 1 && calls.length <= EXECUTE_CALLS && context.bundles.on) {
    const bundled = await executeCalls(vk, peerId, row.dedupeKey, calls, context);
    if (bundled === true) return;
    await deliverOneByOne(vk, peerId, row, payload, context);
    context.bundles.missed(bundled.error);
    return;
  }
  await deliverOneByOne(vk, peerId, row, payload, context);
}

/** The row's calls in order, or undefined when a reply carries a file (an upload cannot go inside `execute`). */
function callsOf(peerId: string, row: OutboxRow, payload: RepliesPayload, callbackButtons: boolean): Call[] | undefined {
  if (payload.replies.some((r) => r.fileId !== undefined)) return undefined;
  const calls: Call[] = [];
  const event = pressOf(payload);
  if (event) calls.push({ method: 'messages.sendMessageEventAnswer', params: answerParams(event, payload) });
  for (const [i, reply] of payload.replies.entries()) {
    const edit = editParams(peerId, reply, payload, callbackButtons);
    if (edit) calls.push({ method: 'messages.edit', params: edit, reply: i });
    else calls.push(...sendCalls(peerId, reply, `${row.dedupeKey}:${i}`, callbackButtons).map((params) => ({ method: 'messages.send' as const, params })));
  }
  return calls;
}

/**
 * Makes the calls in one `execute`. True when that delivered the row (a
 * failed edit is sent as a new message, with the random_id sending one by
 * one would give it); the error when `execute` itself failed, so the caller
 * sends one by one. Errors a row should be retried
 * or given up for are thrown, as a single call would throw them.
 */
async function executeCalls(vk: VK, peerId: string, key: string, calls: Call[], context: DeliverContext): Promise<true | { error: unknown }> {
  const code = `return [${calls.map((c) => `API.${c.method}(${executeParams(c.params)})`).join(',\n')}];`;
  let result: { response: unknown; errors: ExecuteError[] };
  try {
    await context.pace(peerId);
    result = await vk.api.execute({ code });
  } catch (error) {
    if (classifyVkError(error).kind === 'rate-limited') throw error;
    return { error };
  }
  context.bundles.worked();
  const answers = Array.isArray(result.response) ? result.response : [];
  const errors = [...result.errors];
  for (const [i, call] of calls.entries()) {
    if (answers[i] !== false) continue;
    const error = errors.shift();
    const failure = error ? new APIError({ error_code: Number(error.code), error_msg: error.message, request_params: [] }) : new Error(`${call.method} failed inside execute`);
    if (call.method === 'messages.sendMessageEventAnswer') context.log.warn({ err: failure }, 'could not answer the button press');
    else if (call.method === 'messages.edit' && classifyVkError(failure).kind !== 'rate-limited') {
      context.log.warn({ err: failure }, 'could not edit the message; sending a new one');
      const params = call.params as { message: string; keyboard?: string };
      await context.pace(peerId);
      await vk.api.messages.send({ peer_id: Number(peerId), random_id: randomIdFor(`${key}:${call.reply ?? 0}:0`), message: params.message, keyboard: params.keyboard, dont_parse_links: 1 });
    } else throw failure;
  }
  return true;
}

/** The same calls one at a time, for a row with a file or where `execute` is not offered. */
async function deliverOneByOne(vk: VK, peerId: string, row: OutboxRow, payload: RepliesPayload, context: DeliverContext): Promise<void> {
  const { pace, log } = context;
  const event = pressOf(payload);
  if (event) {
    await pace(peerId);
    await vk.api.messages.sendMessageEventAnswer(answerParams(event, payload)).catch((err: unknown) => log.warn({ err }, 'could not answer the button press'));
  }
  for (const [i, reply] of payload.replies.entries()) {
    const edit = editParams(peerId, reply, payload, context.callbackButtons);
    if (edit) {
      try {
        await pace(peerId);
        await vk.api.messages.edit(edit);
        continue;
      } catch (error) {
        if (classifyVkError(error).kind === 'rate-limited') throw error;
        log.warn({ err: error }, 'could not edit the message; sending a new one');
      }
    }
    const file = reply.fileId !== undefined ? context.loadFile(reply.fileId) : undefined;
    await sendReply(vk, peerId, file ? { text: reply.text, buttons: reply.buttons, file } : { text: reply.text, buttons: reply.buttons }, {
      key: `${row.dedupeKey}:${i}`,
      callbackButtons: context.callbackButtons,
      pace,
    });
  }
}

type Press = z.infer<typeof eventRef>;

function pressOf(payload: RepliesPayload): Press | undefined {
  const event = payload.callback ? eventRef.safeParse(safeJson(payload.callback)) : undefined;
  return event?.success ? event.data : undefined;
}

function answerParams(event: Press, payload: RepliesPayload) {
  return {
    event_id: event.eventId,
    user_id: event.userId,
    peer_id: event.peerId,
    event_data: payload.notice ? JSON.stringify({ type: 'show_snackbar', text: payload.notice.slice(0, 90) }) : undefined,
  };
}

/** The edit of the pressed message a reply asks for, when VK can make it (short text, one keyboard, no file). */
function editParams(peerId: string, reply: RepliesPayload['replies'][number], payload: RepliesPayload, callbackButtons: boolean) {
  const pages = keyboardPages(reply.buttons);
  if (!reply.edit || !payload.messageId || reply.fileId !== undefined || reply.text.length > VK_TEXT_LIMIT || pages.length > 1) return undefined;
  return {
    peer_id: Number(peerId),
    conversation_message_id: Number(payload.messageId),
    message: reply.text,
    keyboard: pages[0] ? vkKeyboard(pages[0], callbackButtons) : undefined,
  };
}

/** VK runs at most 25 API calls in one `execute`. */
const EXECUTE_CALLS = 25;

/**
 * Parameters as a VKScript object literal: JSON, without the ones left
 * undefined, and with the two line separators JSON leaves raw escaped (older
 * JavaScript-like parsers end a string at them).
 */
function executeParams(params: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined))).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Whether rows go out through `execute`. Some VK-compatible servers do not
 * offer it: the first "unknown method", or three failures in a row after
 * which sending one by one got through, turn it off for the run.
 */
export class Bundles {
  on = true;
  private misses = 0;

  constructor(private readonly log: Log) {}

  missed(error: unknown): void {
    const unknownMethod = error instanceof APIError && Number(error.code) === 3;
    this.misses += 1;
    if (unknownMethod || this.misses >= 3) {
      this.on = false;
      this.log.info({ err: error }, 'vk execute is not available here; calls are made one by one');
    }
  }

  worked(): void {
    this.misses = 0;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** VK error codes that mean the person cannot be written to. */
const BLOCKED = new Set([7, 900, 901, 902, 18]);

export function classifyVkError(error: unknown): SendOutcome {
  if (error instanceof RecipientBlocked) return { kind: 'blocked', reason: 'blocked earlier in this run' };
  if (error instanceof APIError) {
    const code = Number(error.code);
    if (code === 6 || code === 9 || code === 29) return { kind: 'rate-limited', retryAfterMs: 1000 };
    if (BLOCKED.has(code)) return { kind: 'blocked', reason: `${code}: ${error.message}` };
    if (code === 1 || code === 10) return { kind: 'retry', reason: `${code}: ${error.message}` };
    return { kind: 'failed', reason: `${code}: ${error.message}` };
  }
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

export const vkLimits = { perSecond: 20 };

export function vkTransport(
  vk: VK,
  limiter: RateLimiter,
  callbackButtons: (peerId: string) => boolean,
  log: Log,
  loadFile: LoadFile = () => undefined,
): OutboxTransport {
  const bundles = new Bundles(log);
  return {
    platform: 'vk',
    limiter,
    async send(row: OutboxRow, pace: Pace): Promise<SendOutcome> {
      const payload = row.payload;
      if (payload.kind === 'replies') {
        try {
          const context = { pace, callbackButtons: callbackButtons(row.chatId), loadFile, log: log.child({ platform: 'vk', outbox: row.id }), bundles };
          await deliverRepliesRow(vk, row.chatId, row, payload, context);
          return { kind: 'sent' };
        } catch (error) {
          return classifyVkError(error);
        }
      }
      if (payload.kind === 'edit') return editSent(vk, row.chatId, payload, pace, callbackButtons(row.chatId));
      const file = payload.fileId !== undefined ? loadFile(payload.fileId) : undefined;
      if (payload.fileId !== undefined && !file) return { kind: 'failed', reason: `file ${payload.fileId} is missing` };
      try {
        const messageId = await sendReply(vk, row.chatId, file ? { text: payload.text, buttons: payload.buttons, file } : payload, {
          key: row.dedupeKey,
          pace,
          callbackButtons: callbackButtons(row.chatId),
        });
        if (messageId === undefined) return { kind: 'sent' };
        const pinned = payload.pin ? await pinSent(vk, row.chatId, messageId, pace, log.child({ platform: 'vk', outbox: row.id })) : undefined;
        return { kind: 'sent', messageId: String(messageId), ...(pinned === undefined ? {} : { pinned }) };
      } catch (error) {
        return classifyVkError(error);
      }
    },
  };
}
