// Reads the one line a tutor or mentor types right after a consultation,
// "/log Иванова 45 мин онлайн: разбор ВПР", into with whom, when, how long,
// how and about what. Written by hand: no library reads Russian durations,
// relative dates and declined surnames together, and the line is short
// enough for a small scanner; the calendar itself is luxon's. Whatever it
// cannot place is handed back as unread for the fallback dialog to show,
// never guessed, and it never throws.
//
// The scanner walks the line before the topic from left to right and, at
// each word, tries in turn: a duration, a date, a counterpart (school or
// person), a format. A word nothing claims is left over; runs of left-over
// words become the topic when there is no explicit one, else are unread.
// The parts live in ./one-line/: text (tokenising), durations, dates,
// formats, names (Russian word forms), schools, people, counterpart, scan,
// topic (topic and leftovers).
import { lineOf, scanLine, type Scan } from './one-line/scan.js';
import { splitTopic, topicAndUnread } from './one-line/topic.js';
import type { OneLineContext, OneLineResult } from './one-line/types.js';

export type { ConsultationFormat, Counterpart, OneLineContext, OneLineResult } from './one-line/types.js';

function resultOf(scan: Scan, topic: string | undefined, unread: string[]): OneLineResult {
  const result: OneLineResult = { unread, complete: false };
  const [only, ...others] = scan.ids ?? [];
  if (only !== undefined && others.length === 0) result.counterpartId = only;
  if (others.length > 0) result.ambiguous = scan.ids;
  if (scan.date !== undefined) result.date = scan.date;
  if (scan.minutes !== undefined) result.minutes = scan.minutes;
  const format = scan.format ?? scan.implied;
  if (format !== undefined) result.format = format;
  if (topic !== undefined) result.topic = topic;
  result.complete = Boolean(result.counterpartId !== undefined && result.minutes && result.format && result.topic && unread.length === 0);
  return result;
}

/**
 * Reads a consultation logged in one line (the command word already
 * stripped): "Иванова 45 мин онлайн: разбор ВПР по математике",
 * "вчера школа 3 выезд 2 ч", "12.03 Сидоров 30 минут по телефону".
 */
export function parseOneLine(text: string, context: OneLineContext): OneLineResult {
  const { head, topic: explicit } = splitTopic(typeof text === 'string' ? text : '');
  const scan = scanLine(lineOf(head, context));
  const { topic, unread } = topicAndUnread(head, scan, explicit);
  return resultOf(scan, topic, unread);
}
