// Turns a VK Bots Long Poll update into the core's Incoming. Updates are
// validated first: anything malformed is ignored with a log line.
import { z } from 'zod';
import type { Incoming, IncomingEvent } from '../../handlers/core/contract.js';
import type { Download } from '../download.js';

/** VK peer ids at or above this are group chats; the bot talks to people one to one. */
const CHAT_PEER_START = 2_000_000_000;

const buttonPayload = z.object({ a: z.string().max(64) });
const startPayload = z.object({ command: z.literal('start') });

const doc = z.object({
  type: z.literal('doc'),
  doc: z.object({ title: z.string(), size: z.number().optional(), ext: z.string().optional(), url: z.string() }),
});

const messageNew = z.object({
  type: z.literal('message_new'),
  event_id: z.string().optional(),
  object: z.object({
    message: z.object({
      from_id: z.number().int(),
      peer_id: z.number().int(),
      text: z.string().default(''),
      conversation_message_id: z.number().int().optional(),
      payload: z.string().optional(),
      ref: z.string().optional(),
      attachments: z.array(z.unknown()).default([]),
    }),
    client_info: z.object({ button_actions: z.array(z.string()).default([]) }).optional(),
  }),
});

const messageEvent = z.object({
  type: z.literal('message_event'),
  event_id: z.string().optional(),
  object: z.object({
    user_id: z.number().int(),
    peer_id: z.number().int(),
    event_id: z.string(),
    payload: z.unknown(),
    conversation_message_id: z.number().int().optional(),
  }),
});

export type VkFetchFile = Download;

export interface VkIncoming {
  incoming: Incoming;
  /** For a pressed callback button: what sendMessageEventAnswer needs. */
  event?: { eventId: string; userId: number; peerId: number };
  /** Whether the sender's app shows callback buttons. */
  callbackButtons?: boolean;
}

export function toIncoming(raw: unknown, fetchFile: VkFetchFile): VkIncoming | undefined {
  const pressed = messageEvent.safeParse(raw);
  if (pressed.success) {
    const o = pressed.data.object;
    const parsed = buttonPayload.safeParse(typeof o.payload === 'string' ? safeJson(o.payload) : o.payload);
    return {
      incoming: {
        platform: 'vk',
        updateId: pressed.data.event_id ?? `event:${o.event_id}`,
        chatId: String(o.peer_id),
        sender: { id: String(o.user_id) },
        messageId: o.conversation_message_id === undefined ? undefined : String(o.conversation_message_id),
        event: { kind: 'action', data: parsed.success ? parsed.data.a : '' },
      },
      event: { eventId: o.event_id, userId: o.user_id, peerId: o.peer_id },
    };
  }
  const message = messageNew.safeParse(raw);
  if (!message.success) return undefined;
  const m = message.data.object.message;
  if (m.peer_id >= CHAT_PEER_START || m.from_id <= 0) return undefined;
  const actions = message.data.object.client_info?.button_actions;
  return {
    incoming: {
      platform: 'vk',
      updateId: message.data.event_id ?? `message:${m.peer_id}:${m.conversation_message_id ?? m.text}`,
      chatId: String(m.peer_id),
      sender: { id: String(m.from_id) },
      event: eventOf(m, fetchFile),
    },
    callbackButtons: actions === undefined ? undefined : actions.includes('callback'),
  };
}

function eventOf(m: z.output<typeof messageNew>['object']['message'], fetchFile: VkFetchFile): IncomingEvent {
  if (m.ref) return { kind: 'command', name: 'start', args: m.ref };
  const payload = m.payload === undefined ? undefined : safeJson(m.payload);
  const button = buttonPayload.safeParse(payload);
  if (button.success) return { kind: 'action', data: button.data.a };
  if (startPayload.safeParse(payload).success) return { kind: 'command', name: 'start', args: '' };
  const text = m.text.trim();
  const command = /^\/([a-zA-Z_]{1,32})(?:\s+([\s\S]*))?$/.exec(text);
  if (command) return { kind: 'command', name: command[1] ?? '', args: (command[2] ?? '').trim() };
  const attachment = m.attachments.map((a) => doc.safeParse(a)).find((a) => a.success)?.data;
  if (attachment) {
    const d = attachment.doc;
    const name = d.ext && !d.title.toLowerCase().endsWith(`.${d.ext.toLowerCase()}`) ? `${d.title}.${d.ext}` : d.title;
    return { kind: 'file', file: { name, size: d.size, ref: d.url, fetch: (limits) => fetchFile(d.url, limits) }, caption: m.text || undefined };
  }
  return { kind: 'text', text: m.text };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
