// Uploaded files are kept in SQLite, never on disk; their names are shown to
// people and sent on as document names. A name is reduced to one harmless
// segment: no path separators, control characters or leading dots, no
// invisible formatting (a right-to-left override makes "отчёт\u202Excod.exe"
// read as "отчётexe.docx"), and a length the messengers accept.
import type { IncomingFile } from './contract.js';
import { FileTooLargeError } from './errors.js';

/** Path separators and control characters (C0, DEL, C1) become "_". */
const UNSAFE = /[\\/\p{Cc}]/gu;
/**
 * Invisible characters are dropped: bidi embeddings, overrides, isolates and
 * marks (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), zero-width
 * characters and every other format character (Cf), line and paragraph
 * separators, and halves of broken surrogate pairs.
 */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]|\p{Cs}/gu;
const NAME_LIMIT = 120;

export function storedFileName(name: string): string {
  const visible = name.replace(INVISIBLE, '').replace(UNSAFE, '_').replace(/^[.\s]+/, '').trim();
  // Cut at the limit, never inside a surrogate pair.
  const safe = visible.slice(0, NAME_LIMIT).replace(/\p{Cs}$/u, '');
  return safe === '' ? 'file' : safe;
}

/**
 * Downloads an incoming file unless it is larger than `maxBytes`: the size
 * the messenger announced is checked first, and the download itself stops
 * at the limit when the size was not announced or was wrong. Undefined
 * means "too large"; the caller answers with its own polite message.
 */
export async function downloadWithin(file: IncomingFile, maxBytes: number): Promise<Buffer | undefined> {
  if (file.size !== undefined && file.size > maxBytes) return undefined;
  try {
    const data = await file.fetch({ maxBytes });
    return data.length > maxBytes ? undefined : data;
  } catch (error) {
    if (error instanceof FileTooLargeError) return undefined;
    throw error;
  }
}
