// Text helpers for tokenising the line: one spelling to match against that
// keeps every index of the author's text (so fragments can be handed back as
// written), patterns anchored at a position and ending at a word's end, and
// trimming and counting of words.
import { normalizeRu } from '../../core/text.js';

/** Lower case, ё as е and odd spaces as plain ones, keeping every index of the original text. */
export function normalize(text: string): string {
  let out = '';
  // Character by character, so that a letter whose lower case is longer stays as written and no index moves.
  for (const ch of text) {
    const lower = normalizeRu(ch);
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(/[\u00a0\u2007\u2009\u202f\t\r\n]/gu, ' ');
}

/** A regular expression matched exactly at a position and ending at a word's end. */
export function sticky(source: string): RegExp {
  return new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, 'uy');
}

export function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export function trimPunctuation(text: string): string {
  return text.replace(/^[\s.,;:!?\-–—]+|[\s.,;:!?\-–—]+$/gu, '');
}

/** Words of at least two letters: "разбор ВПР" has two, "с Ивановой" one. */
export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) >= 2).length;
}

export function skipSpaces(text: string, at: number): number {
  let next = at;
  while (text.charAt(next) === ' ') next++;
  return next;
}
