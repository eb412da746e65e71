// Comparing Russian words as people type them: case does not matter, and «ё»
// is often written «е», so both are read as «е». One function, so that every
// feature matches a typed word the same way.

/** Lower case, with «ё» read as «е». */
export function normalizeRu(text: string): string {
  return text.toLocaleLowerCase('ru').replaceAll('ё', 'е');
}
