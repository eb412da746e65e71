// Uploaded files are kept in SQLite, never on disk; their names are shown to
// people and sent on as document names. A name is reduced to one harmless
// segment: no path separators, control characters or leading dots, and a
// length the messengers accept.
const UNSAFE = /[\\/\0-\x1f\x7f]/g;
const NAME_LIMIT = 120;

export function storedFileName(name: string): string {
  const safe = name.replace(UNSAFE, '_').replace(/^[.\s]+/, '').trim().slice(0, NAME_LIMIT);
  return safe === '' ? 'file' : safe;
}
