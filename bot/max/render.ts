// Renders the core's buttons as a MAX inline keyboard: callback buttons carry
// the action data as their payload, link buttons open a URL. MAX allows 7
// buttons a row, 30 rows and 210 buttons, and button labels of 128 characters.
import type { Button } from '../../handlers/core/contract.js';

export const MAX_TEXT_LIMIT = 4000;
const MAX_IN_ROW = 7;
const MAX_ROWS = 30;
const MAX_LABEL = 128;

export type MaxButton = { type: 'callback'; text: string; payload: string } | { type: 'link'; text: string; url: string };
export interface InlineKeyboard {
  type: 'inline_keyboard';
  payload: { buttons: MaxButton[][] };
}

function label(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

/** The keyboard for a reply, or undefined when it has no buttons. Rows longer than MAX allows are wrapped; beyond 30 rows the rest is dropped (the core never offers that many). */
export function inlineKeyboard(buttons: Button[][] | undefined): InlineKeyboard | undefined {
  const rows: MaxButton[][] = [];
  for (const row of buttons ?? []) {
    for (let i = 0; i < row.length; i += MAX_IN_ROW) {
      rows.push(
        row.slice(i, i + MAX_IN_ROW).map((b) =>
          b.kind === 'url' ? { type: 'link', text: label(b.label), url: b.url } : { type: 'callback', text: label(b.label), payload: b.data },
        ),
      );
    }
  }
  if (rows.length === 0) return undefined;
  return { type: 'inline_keyboard', payload: { buttons: rows.slice(0, MAX_ROWS) } };
}
