// Renders the core's replies for Telegram: inline keyboards, text split at
// Telegram's 4,096-character limit, documents.
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Button } from '../../handlers/core/contract.js';

export const TELEGRAM_TEXT_LIMIT = 4096;
export const TELEGRAM_CAPTION_LIMIT = 1024;

export function inlineKeyboard(buttons: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  if (!buttons || buttons.length === 0) return undefined;
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((b) => (b.kind === 'url' ? { text: b.label, url: b.url } : { text: b.label, callback_data: b.data })),
    ),
  };
}
