// Reads an old typed order that has no table at all: numbered points, each
// with its deadline and responsible written out after it ("1. Провести
// приёмку школ. Срок: до 15.08.2025. Ответственный: Управление
// образования."), on the point's line or on the lines under it. Each point
// becomes a row of a table with a header of our own, put just above the
// first point, so the rest of the importer reads it like any other table.
import { cleanCell, sectionHeading } from './cells.js';

/** "1. Провести …", "2.3) Обеспечить …". */
const POINT = /^\s*(\d{1,3}(?:\.\d{1,3})*)[.)]\s+(\S.*)$/;
const DEADLINE = /(?:^|[\s.;,])(?:срок[а-яё]*(?:\s+(?:исполнения|выполнения|проведения|реализации))?|когда)\s*[:–—-]\s*/i;
const RESPONSIBLE = /(?:^|[\s.;,])(?:ответственн[а-яё]*(?:\s+исполнител[а-яё]*)?|исполнител[а-яё]*|отв\.)\s*[:–—-]?\s*(?=\S)/i;

export const POINTS_HEADER = ['№', 'Мероприятие', 'Срок', 'Ответственный'];

/** Text up to the next marker, without the dot that ends its sentence ("до 15.08.2025." → "до 15.08.2025"; "2025 г.", "Иванова Т.П." kept). */
function field(text: string): string {
  return text.trim().replace(/[;,]$/, '').replace(/(?<!(?:^|[\s.])[А-ЯЁA-Zг])\.$/, '').trim();
}

function splitPoint(text: string): { title: string; deadline: string; responsible: string } {
  const deadline = text.match(DEADLINE);
  const responsible = text.match(RESPONSIBLE);
  const marks = [deadline, responsible].filter((m): m is RegExpMatchArray => m !== null).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const [first] = marks;
  const title = field(first ? text.slice(0, first.index) : text);
  const after = (m: RegExpMatchArray | null) => {
    if (!m) return '';
    const start = (m.index ?? 0) + m[0].length;
    const next = marks.find((other) => (other.index ?? 0) > (m.index ?? 0));
    return field(text.slice(start, next?.index ?? text.length));
  };
  return { title, deadline: after(deadline), responsible: after(responsible) };
}

/**
 * The rows of a text of numbered points, one row per line but for the
 * header inserted above the first point (and the section heading over it); undefined when the text is not
 * such a list (fewer than two points, or fewer than half of them with a
 * deadline).
 */
export function rowsFromPoints(lines: string[]): string[][] | undefined {
  const starts = lines.flatMap((line, i) => (POINT.test(line) ? [i] : []));
  if (starts.length < 2) return undefined;
  const rows: string[][] = lines.map((line) => [line]);
  let dated = 0;
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    // The point runs on until a blank line or the next point.
    let last = start;
    while (last + 1 < end && (lines[last + 1] ?? '').trim() !== '') last++;
    const match = (lines[start] ?? '').match(POINT);
    const text = lines
      .slice(start, last + 1)
      .map((l) => l.trim())
      .join(' ')
      .replace(POINT, '$2');
    const point = splitPoint(text);
    if (point.deadline !== '') dated++;
    rows[start] = [match?.[1] ?? '', point.title, point.deadline, point.responsible];
    for (let i = start + 1; i <= last; i++) rows[i] = [''];
  });
  if (dated * 2 < starts.length) return undefined;
  // A section heading just above the first point ("I. Кадровое обеспечение") belongs under the header.
  let first = starts[0] ?? 0;
  while (first > 0 && sectionHeading(cleanCell(lines[first - 1] ?? '')) !== undefined) first--;
  return [...rows.slice(0, first), POINTS_HEADER, ...rows.slice(first)];
}
