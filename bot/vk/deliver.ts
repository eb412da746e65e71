// Sends outbox rows through the VK API (notices, broadcasts and the replies
// to updates), every message with a random_id, long text split at VK's limit.
import { APIError, type VK } from 'vk-io';
import { z } from 'zod';
import type { Reply } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import type { MessagePayload, RepliesPayload } from '../../db/schema.js';
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

export async function sendReply(vk: VK, peerId: string, reply: Reply | MessagePayload, options: VkSendOptions): Promise<void> {
  const pace = options.pace ?? noPace;
  const pages = keyboardPages(reply.buttons);
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
  const pieces = splitText(reply.text || ('file' in reply && reply.file ? reply.file.name : ''), VK_TEXT_LIMIT);
  const messages = pieces.map((text, i) => ({
    text,
    keyboard: i === pieces.length - 1 && pages[0] ? vkKeyboard(pages[0], options.callbackButtons) : undefined,
    attachment: i === 0 ? attachment : undefined,
  }));
  for (const page of pages.slice(1)) messages.push({ text: MORE_BUTTONS, keyboard: vkKeyboard(page, options.callbackButtons), attachment: undefined });
  for (const [i, message] of messages.entries()) {
    await pace(peerId);
    await vk.api.messages.send({
      peer_id: Number(peerId),
      random_id: randomIdFor(`${options.key}:${i}`),
      message: message.text,
      keyboard: message.keyboard,
      attachment: message.attachment,
      dont_parse_links: 1,
    });
  }
}

/** The handle of a pressed callback button, as the adapter kept it. */
const eventRef = z.object({ eventId: z.string(), userId: z.number(), peerId: z.number() });

/**
 * Answers an update from its outbox row: the press first (its snackbar, or
 * just the end of the button's spinner), then the replies, editing the
 * pressed message where asked and sending the rest. random_ids come from the
 * row's dedupe key, so a resent row is dropped by VK.
 */
async function deliverRepliesRow(vk: VK, peerId: string, row: OutboxRow, payload: RepliesPayload, context: { pace: Pace; callbackButtons: boolean; loadFile: LoadFile; log: Log }): Promise<void> {
  const { pace, log } = context;
  const event = payload.callback ? eventRef.safeParse(safeJson(payload.callback)) : undefined;
  if (event?.success) {
    await pace(peerId);
    await vk.api.messages
      .sendMessageEventAnswer({
        event_id: event.data.eventId,
        user_id: event.data.userId,
        peer_id: event.data.peerId,
        event_data: payload.notice ? JSON.stringify({ type: 'show_snackbar', text: payload.notice.slice(0, 90) }) : undefined,
      })
      .catch((err: unknown) => log.warn({ err }, 'could not answer the button press'));
  }
  for (const [i, reply] of payload.replies.entries()) {
    const pages = keyboardPages(reply.buttons);
    if (reply.edit && payload.messageId && reply.fileId === undefined && reply.text.length <= VK_TEXT_LIMIT && pages.length <= 1) {
      try {
        await pace(peerId);
        await vk.api.messages.edit({
          peer_id: Number(peerId),
          conversation_message_id: Number(payload.messageId),
          message: reply.text,
          keyboard: pages[0] ? vkKeyboard(pages[0], context.callbackButtons) : undefined,
        });
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
  return {
    platform: 'vk',
    limiter,
    async send(row: OutboxRow, pace: Pace): Promise<SendOutcome> {
      const payload = row.payload;
      if (payload.kind === 'replies') {
        try {
          const context = { pace, callbackButtons: callbackButtons(row.chatId), loadFile, log: log.child({ platform: 'vk', outbox: row.id }) };
          await deliverRepliesRow(vk, row.chatId, row, payload, context);
          return { kind: 'sent' };
        } catch (error) {
          return classifyVkError(error);
        }
      }
      const file = payload.fileId !== undefined ? loadFile(payload.fileId) : undefined;
      if (payload.fileId !== undefined && !file) return { kind: 'failed', reason: `file ${payload.fileId} is missing` };
      try {
        await sendReply(vk, row.chatId, file ? { text: payload.text, buttons: payload.buttons, file } : payload, {
          key: row.dedupeKey,
          pace,
          callbackButtons: callbackButtons(row.chatId),
        });
        return { kind: 'sent' };
      } catch (error) {
        return classifyVkError(error);
      }
    },
  };
}
