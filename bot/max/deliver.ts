// Sends outbox rows through the MAX Bot API (notices, broadcasts and the
// replies to updates), with their outcome classified for the sender.
// Documents are uploaded first and attached by token.
import { MaxError, type Api } from '@maxhub/max-bot-api';
import type { OutgoingFile, Reply } from '../../handlers/core/contract.js';
import type { Log } from '../../handlers/core/log.js';
import type { EditPayload, MessagePayload, RepliesPayload } from '../../db/schema.js';
import type { OutboxRow } from '../../db/repos/outbox.js';
import type { RateLimiter, RateLimits } from '../outbox/rate-limit.js';
import { RecipientBlocked, type LoadFile, type OutboxTransport, type Pace, type SendOutcome } from '../outbox/sender.js';
import { splitText } from '../split-text.js';
import { inlineKeyboard, MAX_TEXT_LIMIT } from './render.js';

const noPace: Pace = async () => {};

type FileAttachment = { type: 'file'; payload: { token: string } };

/** Uploads a document: MAX hands out an upload URL, the file goes there as multipart field "data", the answer's token is attached to messages. */
export async function uploadFile(api: Api, file: OutgoingFile): Promise<FileAttachment> {
  const { url, token: preset } = await api.raw.uploads.getUploadUrl({ type: 'file' });
  const form = new FormData();
  form.append('data', new Blob([file.data], { type: file.mime }), file.name);
  const response = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new MaxError(response.status, { code: 'upload.failed', message: `upload answered HTTP ${response.status}` });
  const answer = (await response.json().catch(() => ({}))) as { token?: string };
  const token = answer.token ?? preset;
  if (!token) throw new MaxError(500, { code: 'upload.failed', message: 'the upload returned no token' });
  return { type: 'file', payload: { token } };
}

/** Where a sent message is: its mid, and the dialog's chat id (pinning goes by chat, not by user). */
export interface SentAt {
  mid: string;
  chatId: number | null;
}

/**
 * Sends a reply as one or more messages: a document goes with the first
 * piece of text, buttons under the last. Returns the first message (a text
 * split into several is edited or pinned by where it starts).
 */
export async function sendReply(
  api: Api,
  userId: string,
  reply: Reply | MessagePayload,
  options: { pace?: Pace; file?: FileAttachment } = {},
): Promise<SentAt | undefined> {
  const pace = options.pace ?? noPace;
  const keyboard = inlineKeyboard(reply.buttons);
  const file = options.file ?? ('file' in reply && reply.file ? await uploadFile(api, reply.file) : undefined);
  const pieces = splitText(reply.text || ('file' in reply && reply.file ? reply.file.name : ''), MAX_TEXT_LIMIT);
  let first: SentAt | undefined;
  for (const [i, text] of pieces.entries()) {
    const attachments = [...(i === 0 && file ? [file] : []), ...(i === pieces.length - 1 && keyboard ? [keyboard] : [])];
    await pace(userId);
    const message = await api.sendMessageToUser(Number(userId), text, { attachments: attachments.length > 0 ? attachments : undefined, disable_link_preview: true });
    first ??= message?.body?.mid ? { mid: message.body.mid, chatId: message.recipient?.chat_id ?? null } : undefined;
  }
  return first;
}

/** MAX answers some refusals with 200 and `success: false`; they are thrown as the SDK throws the others. */
function refused(answer: { success: boolean; message?: string }, what: string): void {
  if (!answer.success) throw new MaxError(400, { code: `${what}.refused`, message: answer.message ?? `${what} was refused` });
}

/** Pins a sent message in the person's dialog, silently. A refusal never undoes the send: it is logged, the message stays unpinned. */
async function pinSent(api: Api, userId: string, sent: SentAt, pace: Pace, log: Log): Promise<boolean> {
  if (sent.chatId === null) return false;
  try {
    await pace(userId);
    refused(await api.pinMessage(sent.chatId, sent.mid, { notify: false }), 'pin');
    return true;
  } catch (error) {
    log.warn({ err: error }, 'could not pin the message; it stays sent, unpinned');
    return false;
  }
}

/**
 * Puts a new text into a sent message. Attachments are left out, which MAX
 * reads as "keep them": the document and the keyboard stay as they were.
 */
async function editSent(api: Api, userId: string, payload: EditPayload, pace: Pace): Promise<SendOutcome> {
  try {
    await pace(userId);
    refused(await api.editMessage(payload.messageId, { text: payload.text }), 'edit');
    return { kind: 'sent', messageId: payload.messageId };
  } catch (error) {
    // A message MAX no longer finds is this edit's failure, not a sign the person left.
    if (error instanceof MaxError && error.status === 404) return { kind: 'failed', reason: `${error.status} ${error.code}: ${error.description}` };
    return classifyMaxError(error);
  }
}

/** MAX shows a notification of at most this many characters. */
const NOTIFICATION_LIMIT = 200;

/** A message's keyboard as attachments: an empty list removes the old keyboard, leaving it out would keep it. */
function keyboardOf(buttons: RepliesPayload['replies'][number]['buttons']) {
  const keyboard = inlineKeyboard(buttons);
  return keyboard ? [keyboard] : [];
}

/** A reply that can replace the pressed message: no file, text within one message. */
const editable = (reply: RepliesPayload['replies'][number], payload: RepliesPayload) =>
  reply.edit === true && payload.messageId !== undefined && reply.fileId === undefined && reply.text.length <= MAX_TEXT_LIMIT;

/**
 * Answers an update from its outbox row. MAX's answer to a press can carry
 * the edited message and the notification together, so a press whose first
 * reply edits the pressed message costs one request; the rest of the replies
 * are sent after it.
 */
async function deliverRepliesRow(api: Api, userId: string, payload: RepliesPayload, pace: Pace, loadFile: LoadFile, log: Log): Promise<void> {
  let replies = payload.replies;
  if (payload.callback) {
    const [first] = replies;
    const message = first && editable(first, payload) ? { text: first.text, attachments: keyboardOf(first.buttons) } : undefined;
    const notification = payload.notice?.slice(0, NOTIFICATION_LIMIT);
    if (message || notification) {
      await pace(userId);
      const answered = await api
        .answerOnCallback(payload.callback, { ...(message ? { message } : {}), ...(notification ? { notification } : {}) } as never)
        .then(() => true)
        .catch((err: unknown) => {
          if (classifyMaxError(err).kind === 'rate-limited') throw err;
          log.warn({ err }, 'could not answer the button press');
          return false;
        });
      if (answered && message) replies = replies.slice(1);
    }
  }
  for (const reply of replies) {
    if (editable(reply, payload) && payload.messageId) {
      try {
        await pace(userId);
        await api.editMessage(payload.messageId, { text: reply.text, attachments: keyboardOf(reply.buttons) });
        continue;
      } catch (error) {
        if (classifyMaxError(error).kind === 'rate-limited') throw error;
        log.warn({ err: error }, 'could not edit the message; sending a new one');
      }
    }
    const stored = reply.fileId !== undefined ? loadFile(reply.fileId) : undefined;
    await sendReply(api, userId, stored ? { text: reply.text, buttons: reply.buttons, file: stored } : { text: reply.text, buttons: reply.buttons }, { pace });
  }
}

/** MAX error codes that mean the person cannot be written to. */
const BLOCKED_CODES = /chat\.denied|chat\.not\.found|user\.blocked|dialog\.(suspended|blocked)|not\.found/i;

export function classifyMaxError(error: unknown): SendOutcome {
  if (error instanceof RecipientBlocked) return { kind: 'blocked', reason: 'blocked earlier in this run' };
  if (error instanceof MaxError) {
    const reason = `${error.status} ${error.code}: ${error.description}`;
    if (error.status === 429 || error.code === 'too.many.requests') return { kind: 'rate-limited', retryAfterMs: 1000 };
    if (error.status === 403 || (error.status === 404 && BLOCKED_CODES.test(error.code ?? ''))) return { kind: 'blocked', reason };
    if (error.status >= 500) return { kind: 'retry', reason };
    return { kind: 'failed', reason };
  }
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
}

/** MAX allows a bot 30 requests a second. */
export const maxLimits: RateLimits = { perSecond: 30 };

/** The outbox transport. A broadcast's document is uploaded once and its token reused for every recipient. */
export function maxTransport(api: Api, limiter: RateLimiter, log: Log, loadFile: LoadFile = () => undefined): OutboxTransport {
  const uploaded = new Map<number, FileAttachment>();
  return {
    platform: 'max',
    limiter,
    async send(row: OutboxRow, pace: Pace): Promise<SendOutcome> {
      const payload = row.payload;
      try {
        if (payload.kind === 'replies') {
          await deliverRepliesRow(api, row.chatId, payload, pace, loadFile, log.child({ platform: 'max', outbox: row.id }));
          return { kind: 'sent' };
        }
        if (payload.kind === 'edit') return await editSent(api, row.chatId, payload, pace);
        let file: FileAttachment | undefined;
        if (payload.fileId !== undefined) {
          file = uploaded.get(payload.fileId);
          if (!file) {
            const stored = loadFile(payload.fileId);
            if (!stored) return { kind: 'failed', reason: `file ${payload.fileId} is missing` };
            file = await uploadFile(api, stored);
            uploaded.set(payload.fileId, file);
          }
        }
        const sent = await sendReply(api, row.chatId, payload, { pace, file });
        if (!sent) return { kind: 'sent' };
        const pinned = payload.pin ? await pinSent(api, row.chatId, sent, pace, log.child({ platform: 'max', outbox: row.id })) : undefined;
        return { kind: 'sent', messageId: sent.mid, ...(pinned === undefined ? {} : { pinned }) };
      } catch (error) {
        return classifyMaxError(error);
      }
    },
  };
}
