// Turns a Telegram update into the core's Incoming. The fields read are
// validated first: anything malformed is ignored with a log line. Private
// chats only: the bot talks to people one to one.
import { z } from 'zod';
import type { Incoming, IncomingEvent } from '../../handlers/core/contract.js';
import type { DownloadLimits } from '../download.js';

export type FetchTelegramFile = (fileId: string, limits: DownloadLimits) => Promise<Buffer>;

const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().default(''),
  last_name: z.string().optional(),
  language_code: z.string().optional(),
});

const message = z.object({
  message_id: z.number().int(),
  chat: z.object({ id: z.number().int(), type: z.string() }),
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(z.object({ type: z.string(), offset: z.number(), length: z.number() })).optional(),
  document: z
    .object({ file_id: z.string(), file_name: z.string().optional(), mime_type: z.string().optional(), file_size: z.number().optional() })
    .optional(),
});

const update = z.object({
  update_id: z.number().int(),
  message: message.optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: user,
      data: z.string().optional(),
      message: z.object({ message_id: z.number().int(), chat: z.object({ id: z.number().int() }) }).optional(),
    })
    .optional(),
});

type TelegramMessage = z.output<typeof message>;
type TelegramUser = z.output<typeof user>;

export function toIncoming(raw: unknown, fetchFile: FetchTelegramFile): Incoming | undefined {
  const parsed = update.safeParse(raw);
  if (!parsed.success) return undefined;
  const { update_id, callback_query: query, message: msg } = parsed.data;
  const updateId = String(update_id);
  if (query) {
    return {
      platform: 'telegram',
      updateId,
      chatId: String(query.message?.chat.id ?? query.from.id),
      sender: senderOf(query.from),
      messageId: query.message ? String(query.message.message_id) : undefined,
      event: { kind: 'action', data: query.data ?? '' },
    };
  }
  if (!msg || msg.chat.type !== 'private' || !msg.from || msg.from.is_bot) return undefined;
  return {
    platform: 'telegram',
    updateId,
    chatId: String(msg.chat.id),
    sender: senderOf(msg.from),
    event: eventOf(msg, fetchFile),
  };
}

function senderOf(from: TelegramUser) {
  return {
    id: String(from.id),
    name: [from.first_name, from.last_name].filter(Boolean).join(' '),
    languageCode: from.language_code,
  };
}

function eventOf(msg: TelegramMessage, fetchFile: FetchTelegramFile): IncomingEvent {
  const text = msg.text ?? '';
  const command = msg.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (command) {
    const name = text.slice(1, command.length).split('@')[0] ?? '';
    return { kind: 'command', name, args: text.slice(command.length).trim() };
  }
  const document = msg.document;
  if (document) {
    return {
      kind: 'file',
      file: {
        name: document.file_name ?? 'file',
        mime: document.mime_type,
        size: document.file_size,
        ref: document.file_id,
        fetch: (limits) => fetchFile(document.file_id, limits),
      },
      caption: msg.caption,
    };
  }
  // Stickers, photos, voice and the like are read as empty text: the core answers politely.
  return { kind: 'text', text };
}
