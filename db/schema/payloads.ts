// The shapes of the JSON the inbox and the outbox keep: an update as the core
// reads it, and a message (or the replies to an update) as a transport sends
// it. Plain data, typed at their columns, so nothing that reads them casts.
import type { PlatformName } from './people.js';

export type StoredButton = { kind: 'action'; label: string; data: string } | { kind: 'url'; label: string; url: string };

/** One message: text, buttons, and a stored file (the files table) sent with it. */
export interface StoredMessage {
  text: string;
  buttons?: StoredButton[][];
  fileId?: number;
}

/** A notice or a broadcast: one message. Rows written before replies had a kind have none. */
export interface MessagePayload extends StoredMessage {
  kind?: 'message';
  /** Pin the message in the person's chat once sent, where the platform allows. */
  pin?: boolean;
}

/** The answer to one update: its replies in order, and how to answer the press that caused them. */
export interface RepliesPayload {
  kind: 'replies';
  replies: (StoredMessage & { edit?: boolean })[];
  /** The message whose button was pressed, for replies that edit it. */
  messageId?: string;
  /** The platform's handle for answering the press (a callback query id, a VK event). */
  callback?: string;
  /** A short toast for the press. */
  notice?: string;
  /** Files made for these replies alone (an export, a chart): deleted once sent. */
  ownFiles?: number[];
}

/**
 * A new text for a message already sent (a broadcast corrected in place): the
 * transport edits the message by its platform id instead of sending one.
 */
export interface EditPayload {
  kind: 'edit';
  /** The platform's id of the sent message (the original row's platform_message_id). */
  messageId: string;
  text: string;
  /** The keyboard the message had: an edit without one would take its buttons away. */
  buttons?: StoredButton[][];
  /** The text is the caption of a document (Telegram edits a caption with another method). */
  caption?: boolean;
}

export type OutboxPayload = MessagePayload | RepliesPayload | EditPayload;

/** All the text a payload shows, for reports and tests. */
export function payloadText(payload: OutboxPayload): string {
  return payload.kind === 'replies' ? payload.replies.map((r) => r.text).join('\n') : payload.text;
}

/** A file attached to an update, to be fetched when the update is handled. */
export interface StoredIncomingFile {
  name: string;
  mime?: string;
  size?: number;
  /** What the adapter needs to download it: a Telegram file_id, a URL. */
  ref: string;
}

export type StoredEvent =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'text'; text: string }
  | { kind: 'action'; data: string }
  | { kind: 'file'; file: StoredIncomingFile; caption?: string };

/** An update as an adapter parsed it, kept in the inbox until it is handled. */
export interface StoredIncoming {
  platform: PlatformName;
  updateId: string;
  chatId: string;
  sender: { id: string; name?: string; languageCode?: string };
  messageId?: string;
  callback?: string;
  event: StoredEvent;
}
