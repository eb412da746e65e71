// Sends the core's replies through the VK API: direct answers and outbox
// rows, every message with a random_id, long text split at VK's limit.
import { APIError, type VK } from 'vk-io';
import type { Reply } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import type { OutboxPayload } from '../../handlers/core/outbox.js';
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

export async function sendReply(vk: VK, peerId: string, reply: Reply | OutboxPayload, options: VkSendOptions): Promise<void> {
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

export async function deliverReplies(
  vk: VK,
  peerId: string,
  replies: Reply[],
  context: { messageId?: string; updateId: string; callbackButtons?: boolean; pace?: Pace },
  log: Log,
): Promise<void> {
  const pace = context.pace ?? noPace;
  for (const [i, reply] of replies.entries()) {
    if (reply.edit && context.messageId && !reply.file && reply.text.length <= VK_TEXT_LIMIT && keyboardPages(reply.buttons).length <= 1) {
      try {
        const page = keyboardPages(reply.buttons)[0];
        await pace(peerId);
        await vk.api.messages.edit({
          peer_id: Number(peerId),
          conversation_message_id: Number(context.messageId),
          message: reply.text,
          keyboard: page ? vkKeyboard(page, context.callbackButtons) : undefined,
        });
        continue;
      } catch (error) {
        log.warn({ err: error }, 'could not edit the message; sending a new one');
      }
    }
    await sendReply(vk, peerId, reply, { key: `reply:${context.updateId}:${i}`, callbackButtons: context.callbackButtons, pace });
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
  callbackButtons: (peerId: string) => boolean = () => true,
  loadFile: LoadFile = () => undefined,
): OutboxTransport {
  return {
    platform: 'vk',
    limiter,
    async send(row: OutboxRow, pace: Pace): Promise<SendOutcome> {
      const payload = row.payload as unknown as OutboxPayload;
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
