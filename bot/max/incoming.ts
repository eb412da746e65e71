// Turns a MAX update into the core's Incoming. Updates are validated first:
// anything malformed or of a kind Opora does not handle is ignored. Dialogs
// only: the bot talks to people one to one, and a person's dialog is
// addressed by their user id.
import { z } from 'zod';
import type { Incoming, IncomingEvent } from '../../handlers/core/contract.js';
import type { Download } from '../download.js';

export type FetchMaxFile = Download;

const user = z.object({
  // MAX user ids are positive; anything else is forged.
  user_id: z.number().int().positive(),
  first_name: z.string().default(''),
  last_name: z.string().nullish(),
  is_bot: z.boolean().default(false),
});

const fileAttachment = z.object({
  type: z.literal('file'),
  payload: z.object({ url: z.string() }),
  filename: z.string().default('file'),
  size: z.number().optional(),
});

const message = z.object({
  sender: user.nullish(),
  recipient: z.object({ chat_type: z.string().optional() }),
  body: z.object({
    mid: z.string(),
    text: z.string().nullish(),
    attachments: z.array(z.unknown()).nullish(),
  }),
});

const locale = z.string().nullish().catch(undefined);

const update = z.discriminatedUnion('update_type', [
  z.object({ update_type: z.literal('message_created'), timestamp: z.number(), message, user_locale: locale }),
  z.object({
    update_type: z.literal('message_callback'),
    timestamp: z.number(),
    callback: z.object({ callback_id: z.string(), payload: z.string().optional(), user }),
    message: message.nullish(),
    user_locale: locale,
  }),
  z.object({ update_type: z.literal('bot_started'), timestamp: z.number(), user, payload: z.string().nullish(), user_locale: locale }),
]);

type MaxUser = z.output<typeof user>;
type MaxMessage = z.output<typeof message>;

export interface MaxIncoming {
  incoming: Incoming;
  /** For a pressed button: the id its answer needs. */
  callbackId?: string;
}

export function toIncoming(raw: unknown, fetchFile: FetchMaxFile): MaxIncoming | undefined {
  const parsed = update.safeParse(raw);
  if (!parsed.success) return undefined;
  const u = parsed.data;
  if (u.update_type === 'message_callback') {
    const { callback } = u;
    return {
      incoming: {
        platform: 'max',
        updateId: `callback:${callback.callback_id}`,
        chatId: String(callback.user.user_id),
        sender: senderOf(callback.user, u.user_locale),
        messageId: u.message?.body.mid,
        event: { kind: 'action', data: callback.payload ?? '' },
      },
      callbackId: callback.callback_id,
    };
  }
  if (u.update_type === 'bot_started') {
    if (u.user.is_bot) return undefined;
    return {
      incoming: {
        platform: 'max',
        updateId: `started:${u.user.user_id}:${u.timestamp}`,
        chatId: String(u.user.user_id),
        sender: senderOf(u.user, u.user_locale),
        event: { kind: 'command', name: 'start', args: (u.payload ?? '').trim() },
      },
    };
  }
  const m = u.message;
  if (!m.sender || m.sender.is_bot || (m.recipient.chat_type !== undefined && m.recipient.chat_type !== 'dialog')) return undefined;
  return {
    incoming: {
      platform: 'max',
      updateId: `message:${m.body.mid}`,
      chatId: String(m.sender.user_id),
      sender: senderOf(m.sender, u.user_locale),
      event: eventOf(m, fetchFile),
    },
  };
}

function senderOf(from: MaxUser, userLocale: string | null | undefined) {
  return {
    id: String(from.user_id),
    name: [from.first_name, from.last_name].filter(Boolean).join(' '),
    languageCode: userLocale ?? undefined,
  };
}

function eventOf(m: MaxMessage, fetchFile: FetchMaxFile): IncomingEvent {
  const text = (m.body.text ?? '').trim();
  const command = /^\/([a-zA-Z_]{1,32})(?:@\S+)?(?:\s+([\s\S]*))?$/.exec(text);
  if (command) return { kind: 'command', name: command[1] ?? '', args: (command[2] ?? '').trim() };
  const file = (m.body.attachments ?? []).map((a) => fileAttachment.safeParse(a)).find((a) => a.success)?.data;
  if (file) {
    return {
      kind: 'file',
      file: { name: file.filename, size: file.size, ref: file.payload.url, fetch: (limits) => fetchFile(file.payload.url, limits) },
      caption: m.body.text || undefined,
    };
  }
  // Stickers, photos, voice and the like are read as empty text: the core answers politely.
  return { kind: 'text', text: m.body.text ?? '' };
}
