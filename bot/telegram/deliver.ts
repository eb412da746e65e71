// Sends outbox rows through the Bot API (notices, broadcasts and the replies
// to updates), with their outcome classified for the sender.
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { OutgoingFile, Reply } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import type { EditPayload, MessagePayload, RepliesPayload } from '../../db/schema.js';
import type { OutboxRow } from '../../db/repos/outbox.js';
import type { RateLimiter, RateLimits } from '../outbox/rate-limit.js';
import { RecipientBlocked, type LoadFile, type OutboxTransport, type Pace, type SendOutcome } from '../outbox/sender.js';
import { splitText } from '../split-text.js';
import { inlineKeyboard, showsAsPhoto, TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from './render.js';

const noPace: Pace = async () => {};

/**
 * Sends a reply as one or more messages; buttons go under the last piece. A
 * picture (a chart) shows in the chat as a photo with the text as its
 * caption, and follows as a PNG document too, silently, for whoever wants
 * the file itself (Telegram recompresses photos). Returns the message_id of
 * the first message: a text split into several is edited or pinned by its
 * first piece, which is where it starts.
 */
export async function sendReply(api: Api, chatId: string, reply: Reply | MessagePayload, pace: Pace = noPace): Promise<number | undefined> {
  const markup = inlineKeyboard(reply.buttons);
  let first: number | undefined;
  if ('file' in reply && reply.file) {
    const fits = reply.text.length <= TELEGRAM_CAPTION_LIMIT;
    const options = { caption: fits && reply.text ? reply.text : undefined, reply_markup: fits ? markup : undefined };
    await pace(chatId);
    if (showsAsPhoto(reply.file)) {
      first = (await api.sendPhoto(chatId, new InputFile(reply.file.data, reply.file.name), options)).message_id;
      await pace(chatId);
      await api.sendDocument(chatId, new InputFile(reply.file.data, reply.file.name), { disable_notification: true });
    } else {
      first = (await api.sendDocument(chatId, new InputFile(reply.file.data, reply.file.name), options)).message_id;
    }
    if (fits) return first;
  }
  const pieces = splitText(reply.text, TELEGRAM_TEXT_LIMIT);
  for (const [i, piece] of pieces.entries()) {
    await pace(chatId);
    const sent = await api.sendMessage(chatId, piece, {
      reply_markup: i === pieces.length - 1 ? markup : undefined,
      link_preview_options: { is_disabled: true },
    });
    first ??= sent.message_id;
  }
  return first;
}

/**
 * Answers an update from its outbox row: the press first (its toast, or just
 * the end of the button's spinner), then the replies, editing the pressed
 * message where asked and sending the rest.
 */
async function deliverRepliesRow(api: Api, chatId: string, payload: RepliesPayload, pace: Pace, loadFile: LoadFile, log: Log): Promise<void> {
  if (payload.callback) {
    await api.answerCallbackQuery(payload.callback, payload.notice ? { text: payload.notice } : undefined).catch((err: unknown) => {
      log.warn({ err }, 'could not answer the button press');
    });
  }
  for (const reply of payload.replies) {
    if (reply.edit && payload.messageId && reply.fileId === undefined && reply.text.length <= TELEGRAM_TEXT_LIMIT) {
      try {
        await pace(chatId);
        await api.editMessageText(chatId, Number(payload.messageId), reply.text, { reply_markup: inlineKeyboard(reply.buttons) });
        continue;
      } catch (error) {
        if (error instanceof GrammyError && error.description.includes('message is not modified')) continue;
        if (error instanceof GrammyError && error.error_code === 429) throw error;
        log.warn({ err: error }, 'could not edit the message; sending a new one');
      }
    }
    const file = reply.fileId !== undefined ? loadFile(reply.fileId) : undefined;
    await sendReply(api, chatId, file ? { text: reply.text, buttons: reply.buttons, file } : { text: reply.text, buttons: reply.buttons }, pace);
  }
}

export function classifyTelegramError(error: unknown): SendOutcome {
  if (error instanceof RecipientBlocked) return { kind: 'blocked', reason: 'blocked earlier in this run' };
  if (error instanceof GrammyError) {
    if (error.error_code === 429) return { kind: 'rate-limited', retryAfterMs: (error.parameters.retry_after ?? 1) * 1000 };
    if (error.error_code === 403) return { kind: 'blocked', reason: error.description };
    if (error.error_code === 400 && /chat not found|user is deactivated/i.test(error.description)) {
      return { kind: 'blocked', reason: error.description };
    }
    if (error.error_code >= 500) return { kind: 'retry', reason: error.description };
    return { kind: 'failed', reason: error.description };
  }
  if (error instanceof HttpError) return { kind: 'retry', reason: error.message };
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

export const telegramLimits: RateLimits = { perSecond: 30, perChatPerSecond: 1 };

/**
 * Sends a stored attachment with the text as caption (or the text after it
 * when too long). Telegram keeps an uploaded file, so the first upload's
 * file_id is reused for every other recipient.
 */
async function sendStoredFile(
  api: Api,
  chatId: string,
  payload: MessagePayload,
  file: OutgoingFile | string,
  pace: Pace,
): Promise<{ fileId: string | undefined; messageId: number }> {
  const fits = payload.text.length <= TELEGRAM_CAPTION_LIMIT;
  await pace(chatId);
  const message = await api.sendDocument(chatId, typeof file === 'string' ? file : new InputFile(file.data, file.name), {
    caption: fits && payload.text ? payload.text : undefined,
    reply_markup: fits ? inlineKeyboard(payload.buttons) : undefined,
  });
  if (!fits) await sendReply(api, chatId, { text: payload.text, buttons: payload.buttons }, pace);
  return { fileId: message.document?.file_id, messageId: message.message_id };
}

/**
 * Pins a sent message without a notification of its own. It counts against
 * the bot's overall limit but does not wait out the chat's second after the
 * send: it is not a message, and a broadcast would otherwise go half as fast.
 * A pin that does not take (no right, a limit) never undoes the send: it is
 * logged and the message stays unpinned.
 */
async function pinSent(api: Api, limiter: RateLimiter, chatId: string, messageId: number, log: Log): Promise<boolean> {
  try {
    await limiter.acquire(chatId, { perChat: false });
    await api.pinChatMessage(chatId, messageId, { disable_notification: true });
    return true;
  } catch (error) {
    log.warn({ err: error }, 'could not pin the message; it stays sent, unpinned');
    return false;
  }
}

/**
 * Puts a new text into a sent message, keeping its buttons (an edit without
 * reply_markup would remove them). "Not modified" means it already reads so:
 * a resent row after a crash, done.
 */
async function editSent(api: Api, chatId: string, payload: EditPayload, pace: Pace): Promise<SendOutcome> {
  const messageId = Number(payload.messageId);
  if (!Number.isSafeInteger(messageId)) return { kind: 'failed', reason: `not a Telegram message id: ${payload.messageId}` };
  const reply_markup = inlineKeyboard(payload.buttons);
  try {
    await pace(chatId);
    if (payload.caption) await api.editMessageCaption(chatId, messageId, { caption: payload.text, reply_markup });
    else await api.editMessageText(chatId, messageId, payload.text, { reply_markup, link_preview_options: { is_disabled: true } });
    return { kind: 'sent', messageId: payload.messageId };
  } catch (error) {
    if (error instanceof GrammyError && error.description.includes('message is not modified')) return { kind: 'sent', messageId: payload.messageId };
    return classifyTelegramError(error);
  }
}

export function telegramTransport(api: Api, limiter: RateLimiter, log: Log, loadFile: LoadFile = () => undefined): OutboxTransport {
  const uploaded = new Map<number, string>();
  return {
    platform: 'telegram',
    limiter,
    async send(row: OutboxRow, pace: Pace): Promise<SendOutcome> {
      const payload = row.payload;
      try {
        if (payload.kind === 'replies') {
          await deliverRepliesRow(api, row.chatId, payload, pace, loadFile, log.child({ platform: 'telegram', outbox: row.id }));
          return { kind: 'sent' };
        }
        if (payload.kind === 'edit') return await editSent(api, row.chatId, payload, pace);
        let messageId: number | undefined;
        if (payload.fileId !== undefined) {
          const file = uploaded.get(payload.fileId) ?? loadFile(payload.fileId);
          if (!file) return { kind: 'failed', reason: `file ${payload.fileId} is missing` };
          const sent = await sendStoredFile(api, row.chatId, payload, file, pace);
          if (sent.fileId) uploaded.set(payload.fileId, sent.fileId);
          messageId = sent.messageId;
        } else {
          messageId = await sendReply(api, row.chatId, payload, pace);
        }
        if (messageId === undefined) return { kind: 'sent' };
        const pinned = payload.pin ? await pinSent(api, limiter, row.chatId, messageId, log.child({ platform: 'telegram', outbox: row.id })) : undefined;
        return { kind: 'sent', messageId: String(messageId), ...(pinned === undefined ? {} : { pinned }) };
      } catch (error) {
        return classifyTelegramError(error);
      }
    },
  };
}
