// Renders the core's replies for Telegram: inline keyboards, text split at
// Telegram's 4,096-character limit, documents, and pictures as photos.
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Button, OutgoingFile } from '../../handlers/core/contract.js';

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;
/** What sendPhoto accepts: at most 10 MB, width and height together at most 10,000, a side at most 20 times the other. */
export const TELEGRAM_PHOTO_BYTES = 10 * 1024 * 1024;
const PHOTO_SIDES = 10_000;
const PHOTO_RATIO = 20;

/** Width and height of a PNG, from its header; undefined for anything else. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * Whether a file is a picture to show in the chat (a chart): a PNG Telegram
 * takes as a photo. Anything else, or a picture past the photo limits, goes
 * as a document only.
 */
export function showsAsPhoto(file: OutgoingFile): boolean {
  if (file.mime !== 'image/png' || file.data.length > TELEGRAM_PHOTO_BYTES) return false;
  const size = pngSize(file.data);
  if (!size || size.width === 0 || size.height === 0) return false;
  const ratio = Math.max(size.width, size.height) / Math.min(size.width, size.height);
  return size.width + size.height <= PHOTO_SIDES && ratio <= PHOTO_RATIO;
}

export function inlineKeyboard(buttons: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((b) => (b.kind === 'url' ? { text: b.label, url: b.url } : { text: b.label, callback_data: b.data })),
    ),
  };
}
