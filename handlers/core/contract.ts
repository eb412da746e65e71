// The contract between the messenger adapters and the core: a platform update
// becomes an `Incoming`, a handler answers with `Reply[]`. Nothing here knows
// about grammY, vk-io or the terminal.
import type { PlatformName } from '../../db/schema.js';

export type Platform = PlatformName;
export type Language = 'ru' | 'en';

export interface IncomingFile {
  name: string;
  mime?: string;
  /** Size in bytes when the platform tells it, so limits are checked before downloading. */
  size?: number;
  /** What the adapter downloads it by (a Telegram file_id, a URL), kept in the inbox until the update is handled. */
  ref?: string;
  /**
   * Downloads the file. The adapter streams it and stops with a
   * FileTooLargeError past `maxBytes`, whatever size the platform announced.
   */
  fetch: (limits: { maxBytes: number }) => Promise<Buffer>;
}

export type IncomingEvent =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'text'; text: string }
  | { kind: 'action'; data: string }
  | { kind: 'file'; file: IncomingFile; caption?: string };

export interface Incoming {
  platform: Platform;
  /** Platform-unique id of the update, used to handle it once. */
  updateId: string;
  chatId: string;
  sender: { id: string; name?: string; languageCode?: string };
  /** For an action: the message whose button was pressed, so a reply can edit it. */
  messageId?: string;
  event: IncomingEvent;
}

export type Button =
  | { kind: 'action'; label: string; data: string }
  | { kind: 'url'; label: string; url: string };

export interface OutgoingFile {
  name: string;
  mime: string;
  data: Buffer;
}

export interface Reply {
  text: string;
  /** Rows of buttons. */
  buttons?: Button[][];
  file?: OutgoingFile;
  /** Replace the message the pressed button came from instead of sending a new one. */
  edit?: boolean;
}

/** What a handler answers: its replies, in order, and for a pressed button a short notice. */
export interface HandlerResult {
  replies: Reply[];
  /** The toast of a pressed button (Telegram's callback answer, VK's snackbar, MAX's notification); cut to each platform's length. */
  notice?: string;
}
