// Turns a Telegram update into the core's Incoming. Private chats only: the
// bot talks to people one to one.
import type { Update } from 'grammy/types';
import type { Incoming, IncomingEvent } from '../../handlers/core/contract.js';

export type FetchTelegramFile = (fileId: string) => Promise<Buffer>;

export function toIncoming(update: Update, fetchFile: FetchTelegramFile): Incoming | undefined {
  const updateId = String(update.update_id);
  const query = update.callback_query;
  if (query) {
    const chatId = query.message?.chat.id ?? query.from.id;
    return {
      platform: 'telegram',
      updateId,
      chatId: String(chatId),
      sender: senderOf(query.from),
      messageId: query.message ? String(query.message.message_id) : undefined,
      event: { kind: 'action', data: query.data ?? '' },
    };
  }
  const message = update.message;
  if (!message || message.chat.type !== 'private' || !message.from || message.from.is_bot) return undefined;
  return {
    platform: 'telegram',
    updateId,
    chatId: String(message.chat.id),
    sender: senderOf(message.from),
    event: eventOf(message, fetchFile),
  };
}

function senderOf(from: { id: number; first_name: string; last_name?: string; language_code?: string }) {
  return {
    id: String(from.id),
    name: [from.first_name, from.last_name].filter(Boolean).join(' '),
    languageCode: from.language_code,
  };
}

type TelegramMessage = NonNullable<Update['message']>;

function eventOf(message: TelegramMessage, fetchFile: FetchTelegramFile): IncomingEvent {
  const text = message.text ?? '';
  const command = message.entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (command) {
    const name = text.slice(1, command.length).split('@')[0] ?? '';
    return { kind: 'command', name, args: text.slice(command.length).trim() };
  }
  const document = message.document;
  if (document) {
    return {
      kind: 'file',
      file: {
        name: document.file_name ?? 'file',
        mime: document.mime_type,
        size: document.file_size,
        fetch: () => fetchFile(document.file_id),
      },
      caption: message.caption,
    };
  }
  // Stickers, photos, voice and the like are read as empty text: the core answers politely.
  return { kind: 'text', text };
}
