// Uploaded files are kept in SQLite, never on disk; their names are shown to
// people and sent on as document names. A name is reduced to one harmless
// segment: no path separators, control characters or leading dots, and a
// length the messengers accept.
import type { IncomingFile } from './contract.js';
import { FileTooLargeError } from './errors.js';

const UNSAFE = /[\\/\0-\x1f\x7f]/g;
const NAME_LIMIT = 120;

export function storedFileName(name: string): string {
  const safe = name.replace(UNSAFE, '_').replace(/^[.\s]+/, '').trim().slice(0, NAME_LIMIT);
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
