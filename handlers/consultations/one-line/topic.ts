// The topic and the leftovers. Text after the first ":" or the word "тема"
// is the topic as written; without one, runs of left-over words of two or
// more real words become the topic. Every other left-over run, and every
// fragment read but impossible, is handed back as unread, as the author
// wrote it, for the fallback dialog to show; runs of mere fillers
// ("с", "консультация") are dropped.
import type { Piece, Scan } from './scan.js';
import { normalize, trimPunctuation, wordCount } from './text.js';

/** Words that say nothing alone (every entry is a consultation); a run made only of them is dropped, not reported. */
const FILLERS = new Set(['с', 'со', 'в', 'во', 'на', 'по', 'и', 'у', 'к', 'для', 'о', 'об', 'от', 'консультация', 'консультацию', 'конс']);

interface Fragment {
  start: number;
  text: string;
}

export interface Split {
  head: string;
  topic: string | undefined;
}

/** The first ":" that is not inside a time like 14:30. */
const TOPIC_COLON = /:(?!\d)|(?<!\d):/u;
const TOPIC_WORD_AT_END = /(?:^|[\s,;.])тема\s*$/u;
const TOPIC_WORD = /(?:^|[\s,;.])тема(?=\s|$)/u;

/** Text after the first ":" or after the word "тема" is the topic; the rest is read. */
export function splitTopic(text: string): Split {
  const norm = normalize(text);
  const colon = TOPIC_COLON.exec(norm);
  if (colon) {
    const head = text.slice(0, colon.index);
    const label = TOPIC_WORD_AT_END.exec(normalize(head));
    return { head: label ? head.slice(0, label.index) : head, topic: trimPunctuation(text.slice(colon.index + 1)) || undefined };
  }
  const word = TOPIC_WORD.exec(norm);
  if (!word) return { head: text, topic: undefined };
  return { head: text.slice(0, word.index), topic: trimPunctuation(text.slice(word.index + word[0].length)) || undefined };
}

/** Consecutive left-over words as the author wrote them, each with where it starts. */
function leftoverRuns(head: string, pieces: Piece[]): Fragment[] {
  const runs: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind === 'word') runs[runs.length - 1]?.push(piece);
    else runs.push([]);
  }
  return runs
    .filter((run) => run.length > 0)
    .filter((run) => !run.every((piece) => FILLERS.has(normalize(head.slice(piece.start, piece.end)))))
    .map((run) => ({ start: run[0]?.start ?? 0, text: trimPunctuation(head.slice(run[0]?.start ?? 0, run[run.length - 1]?.end ?? 0)) }))
    .filter((run) => run.text !== '');
}

export function topicAndUnread(head: string, scan: Scan, explicit: string | undefined): { topic: string | undefined; unread: string[] } {
  const runs = leftoverRuns(head, scan.pieces);
  const topical = explicit === undefined ? runs.filter((run) => wordCount(run.text) >= 2) : [];
  const impossible = scan.pieces.filter((p) => p.kind === 'unread').map((p) => ({ start: p.start, text: trimPunctuation(head.slice(p.start, p.end)) }));
  const unread = [...runs.filter((run) => !topical.includes(run)), ...impossible].sort((a, b) => a.start - b.start).map((f) => f.text);
  const topic = explicit ?? (topical.length > 0 ? topical.map((run) => run.text).join(' ') : undefined);
  return { topic, unread };
}
