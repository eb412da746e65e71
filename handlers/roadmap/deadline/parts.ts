// Reads a deadline that names dates: one or several parts separated by
// commas, semicolons or "и", each an optional lead-in ("до", "к", "до конца",
// "в течение", "с") and a unit or a range of two units, with an optional
// label in brackets. Parts written without a year borrow it from their
// neighbours ("март, сентябрь 2024"), else from the plan.
import { impliedYear, isoDate, later } from './calendar.js';
import { PLACEHOLDER, withoutLabels, type NormalizedDeadline } from './normalize.js';
import { MONTH, parseUnit, type Anchor, type Unit } from './units.js';
import type { Milestone, PlanPeriod } from './types.js';

export interface Part {
  anchor: Anchor;
  units: [Unit] | [Unit, Unit];
  label?: string;
}

const LEAD_INS: [RegExp, Anchor][] = [
  [/^(?:до|не позднее|не позже|в срок до|срок до|к|ко) (?:конца|концу) /, 'end'],
  [/^(?:по итогам|по окончании|по завершении|в конце|на конец|конец|после окончания) /, 'end'],
  [/^(?:до|к|ко) (?:начала|началу) |^(?:в начале|на начало|начало) /, 'start'],
  [/^(?:до|не позднее|не позже|в срок до|в срок не позднее|срок до|к|ко|по состоянию на) /, 'start'],
  [/^(?:в течение|на протяжении) /, 'within'],
  [/^(?:в|во|на) /, 'period'],
  [/^(?:с|со|начиная с) /, 'from'],
];

/** "1, 3 квартал" → "1 квартал, 3 квартал"; "1-2 квартал" → "1 квартал-2 квартал"; likewise for days before a month. */
function spreadNumbers(text: string): string {
  const spread = (list: string, unit: string) => list.replace(/\d+/g, (n) => `${n} ${unit}`);
  return text
    .replace(/(?<![\d.:])((?:\d\s*(?:,|;|и|-)\s*)+\d)\s+(квартал|полугодие|четверть)/g, (_, list: string, unit: string) => spread(list, unit))
    .replace(new RegExp(`(?<![\\d.])((?:\\d{1,2}\\s*(?:,|и|-)\\s*)+\\d{1,2})\\s+(${MONTH})`, 'g'), (_, list: string, month: string) =>
      spread(list, month),
    );
}

/** "с 1 сентября по 15 октября" → "1 сентября-15 октября"; a bare "с …" stays a start. */
function rangeWords(text: string): string {
  return text.replace(/^(?:с|со|начиная с) (.+?) (?:по|до) (.+)$/, '$1-$2');
}

/** Dates written one after another without a separator ("апрель 2024 сентябрь 2024") are a list too. */
function implicitSeparators(text: string): string {
  return text.replace(/(\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}) (?=[а-я])(?!учгод|год|по |до )/g, '$1; ');
}

export function splitParts(text: string): string[] {
  return implicitSeparators(spreadNumbers(rangeWords(text)))
    .split(/\s*[,;]\s*|\s+и\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

function labelOf(text: string, labels: string[]): string | undefined {
  const found = [...text.matchAll(PLACEHOLDER)].map((m) => labels[Number(m[1])] ?? '').filter((l) => l !== '');
  return found.length > 0 ? found.join(', ') : undefined;
}

function leadIn(text: string): { anchor: Anchor; rest: string } {
  for (const [pattern, anchor] of LEAD_INS) {
    if (pattern.test(text)) return { anchor, rest: text.replace(pattern, '') };
  }
  return { anchor: 'period', rest: text };
}

/** A year, a span of years or a school year: a deadline only with a lead-in ("до конца 2024"); alone it reads as ongoing work. */
function spansWholeYear(unit: Unit): boolean {
  return unit.endYears > 0 || (unit.start.month === 1 && unit.start.day === 1 && unit.end.month === 12 && unit.end.day === 31);
}

export function parsePart(raw: string, labels: string[], plan: PlanPeriod): Part | undefined {
  const label = labelOf(raw, labels);
  const { anchor, rest } = leadIn(rangeWords(withoutLabels(raw)));
  const pieces = rest.split('-');
  const units = pieces.map((piece) => parseUnit(piece.trim(), { plan, anchor }));
  const [first, second] = units;
  if (!first || units.some((u) => !u) || pieces.length > 2) return undefined;
  if (second && (anchor === 'start' || anchor === 'end' || anchor === 'from')) return undefined;
  if (anchor === 'period' && units.some((u) => u && spansWholeYear(u))) return undefined;
  const part: Part = { anchor, units: second ? [first, second] : [first] };
  return label === undefined ? part : { ...part, label };
}

export function parseParts(deadline: NormalizedDeadline, plan: PlanPeriod): Part[] | undefined {
  const parts = splitParts(deadline.text).map((p) => parsePart(p, deadline.labels, plan));
  return parts.length > 0 && parts.every((p) => p !== undefined) ? (parts as Part[]) : undefined;
}

/** Years of a part's units, as far as the part itself tells. */
type Years = [number | undefined, number | undefined];

function completeRange(part: Part, years: Years): Years {
  const [first, last] = part.units;
  let [a, b] = years;
  if (!last) return [a, a];
  if (a !== undefined && b === undefined) b = a + (later(first.start, last.start) ? 1 : 0);
  if (b !== undefined && a === undefined) a = b - (later(first.start, last.start) ? 1 : 0);
  return [a, b];
}

function borrowYear(part: Part, from: Part, year: number, direction: 'before' | 'after'): number {
  const own = part.units[0].start;
  const other = (direction === 'before' ? from.units[0] : (from.units[1] ?? from.units[0])).start;
  if (direction === 'before') return year - (later(own, other) ? 1 : 0);
  return year + (later(other, own) ? 1 : 0);
}

/** Settles every unit's year: written, then borrowed from the nearest part that has one, then implied by the plan. */
export function resolveYears(parts: Part[], plan: PlanPeriod): Years[] {
  const years = parts.map((p) => completeRange(p, [p.units[0].year, p.units[1]?.year]));
  for (let i = parts.length - 2; i >= 0; i--) {
    const next = years[i + 1]?.[0];
    if (years[i]?.[0] === undefined && next !== undefined) years[i] = completeRange(parts[i]!, [borrowYear(parts[i]!, parts[i + 1]!, next, 'before'), undefined]);
  }
  for (let i = 1; i < parts.length; i++) {
    const previous = years[i - 1]?.[1];
    if (years[i]?.[0] === undefined && previous !== undefined) years[i] = completeRange(parts[i]!, [borrowYear(parts[i]!, parts[i - 1]!, previous, 'after'), undefined]);
  }
  return parts.map((p, i) => {
    const known = years[i] ?? [undefined, undefined];
    if (known[0] !== undefined) return known;
    // A range within one calendar year ("август-сентябрь") is placed by all of it, so that it overlaps the plan.
    const [first, last] = p.units;
    const end = last && !later(first.start, last.start) ? last.end : first.end;
    return completeRange(p, [impliedYear(plan, first.start, end), undefined]);
  });
}

export function startOf(unit: Unit, year: number): string {
  return isoDate(year, unit.start.month, unit.start.day);
}

export function endOf(unit: Unit, year: number): string {
  return isoDate(year + unit.endYears, unit.end.month, unit.end.day);
}

export function milestoneOf(part: Part, [a, b]: Years): Milestone {
  const [first, last] = part.units;
  const y1 = a ?? 0;
  const y2 = b ?? y1;
  const withLabel = (m: Milestone): Milestone => (part.label === undefined ? m : { ...m, label: part.label });
  if (part.anchor === 'start' || part.anchor === 'from') return withLabel({ due: startOf(first, y1) });
  if (part.anchor === 'end') return withLabel({ due: endOf(first, y1) });
  if (last) return withLabel({ from: startOf(first, y1), due: endOf(last, y2) });
  if (part.anchor === 'within') return withLabel({ from: startOf(first, y1), due: endOf(first, y1) });
  return withLabel({ due: endOf(first, y1) });
}
