// Renders the core's buttons as VK keyboards: inline callback buttons, or
// text buttons with payloads for apps without callback support. VK allows an
// inline keyboard of at most 6 rows and 10 buttons, and labels of 40
// characters, so larger sets are spread over several keyboards.
import { createHash } from 'node:crypto';
import { Keyboard } from 'vk-io';
import type { Button } from '../../handlers/core/contract.js';

export const VK_TEXT_LIMIT = 4096;
const MAX_ROWS = 6;
const MAX_BUTTONS = 10;
const MAX_LABEL = 40;

function label(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

/** Splits rows of buttons into groups that each fit one inline keyboard. */
export function keyboardPages(buttons: Button[][] | undefined): Button[][][] {
  const pages: Button[][][] = [];
  let page: Button[][] = [];
  let count = 0;
  for (const row of buttons ?? []) {
    for (let i = 0; i < row.length; i += 5) {
      const part = row.slice(i, i + 5);
      if (page.length >= MAX_ROWS || count + part.length > MAX_BUTTONS) {
        pages.push(page);
        page = [];
        count = 0;
      }
      page.push(part);
      count += part.length;
    }
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

export function vkKeyboard(rows: Button[][], callbackButtons = true): string {
  const builder = Keyboard.builder().inline();
  rows.forEach((row, i) => {
    for (const b of row) {
      if (b.kind === 'url') builder.urlButton({ label: label(b.label), url: b.url });
      else if (callbackButtons) builder.callbackButton({ label: label(b.label), payload: { a: b.data } });
      else builder.textButton({ label: label(b.label), payload: { a: b.data } });
    }
    if (i < rows.length - 1) builder.row();
  });
  return builder.toString();
}

/**
 * A positive int32 random_id derived from a key: VK drops a second message
 * with the same random_id to the same peer, so a resent outbox row is not
 * delivered twice.
 */
export function randomIdFor(key: string): number {
  const n = createHash('sha256').update(key).digest().readUInt32BE(0) & 0x7fffffff;
  return n === 0 ? 1 : n;
}
