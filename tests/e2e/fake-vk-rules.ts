// What the fake VK API refuses, as VK does: its error class with the numeric
// codes, and the keyboard limits from the VK docs.
import { isRecord } from './fake-http.js';

export class VkError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}
export const invalid = (what: string): VkError => new VkError(100, `One of the parameters specified was missing or invalid: ${what}`);

/** Keyboard limits from the VK docs: ≤5 buttons a row; ≤10 rows / 40 buttons (inline: ≤6 rows / 10 buttons); label ≤40, payload ≤255. */
export function parseKeyboard(raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  let keyboard: unknown = raw;
  if (typeof raw === 'string') {
    try { keyboard = JSON.parse(raw); } catch { throw new VkError(911, 'Keyboard format is invalid: malformed JSON'); }
  }
  const fail = (why: string): never => { throw new VkError(911, `Keyboard format is invalid: ${why}`); };
  if (!isRecord(keyboard) || !Array.isArray(keyboard.buttons)) return fail('buttons array is required');
  const rows: unknown[] = keyboard.buttons;
  const [maxRows, maxButtons] = keyboard.inline === true ? [6, 10] : [10, 40];
  if (rows.length > maxRows) fail(`${rows.length} rows, at most ${maxRows} allowed`);
  let total = 0;
  for (const row of rows) {
    const buttons: unknown[] = Array.isArray(row) ? row : fail('every row must be an array');
    if (buttons.length > 5) fail(`${buttons.length} buttons in a row, at most 5 allowed`);
    total += buttons.length;
    for (const button of buttons) {
      const action = isRecord(button) ? button.action : undefined;
      if (!isRecord(action) || typeof action.type !== 'string') return fail('every button needs action.type');
      if (typeof action.label === 'string' && action.label.length > 40) fail(`label "${action.label}" is longer than 40 characters`);
      const payload = action.payload === undefined ? '' : typeof action.payload === 'string' ? action.payload : JSON.stringify(action.payload);
      if (payload.length > 255) fail('payload is longer than 255 characters');
    }
  }
  if (total > maxButtons) fail(`${total} buttons, at most ${maxButtons} allowed`);
  return keyboard;
}
