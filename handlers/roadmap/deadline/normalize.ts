// Brings a deadline as people type it into one spelling the rules can read:
// lower case, one kind of dash, no "г.", "г.г.", "года" after years, Roman
// and word ordinals as digits, one word per unit (квартал, полугодие,
// четверть), school years and year spans as single tokens. Text in brackets
// is lifted out first, in its original case, to become a milestone's label.
import { normalizeRu } from '../../core/text.js';

export interface NormalizedDeadline {
  /** Normalized text; bracketed text is replaced by ⟦index⟧ placeholders. */
  text: string;
  /** Bracketed text by placeholder index, as written. */
  labels: string[];
}

/** Placeholder for the bracketed label number `index`. */
export const PLACEHOLDER = /⟦(\d+)⟧/g;

/** A school year ("2021-2022 уч. год", "2021/2022") becomes `учгод:2021`; a span of years ("2020-2021 гг.") `годы:2020:2021`. */
export const SCHOOL_YEAR_TOKEN = 'учгод';
export const YEARS_TOKEN = 'годы';

const NOT_LETTER_BEFORE = '(?<![а-яa-z])';
const NOT_LETTER_AFTER = '(?![а-яa-z])';

function stripHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&laquo;|&raquo;|&quot;/gi, '"')
    .replace(/&ndash;|&mdash;/gi, '-')
    .replace(/&amp;/gi, '&');
}

function liftLabels(text: string): NormalizedDeadline {
  const labels: string[] = [];
  const lifted = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    labels.push(inner.replace(/\s+/g, ' ').trim());
    return ` ⟦${labels.length - 1}⟧ `;
  });
  return { text: lifted, labels };
}

function unifyCharacters(text: string): string {
  return normalizeRu(text)
    .replace(/і/g, 'i')
    .replace(/[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iv: '4' };
const ORDINAL_WORDS: Record<string, string> = { перв: '1', втор: '2', трет: '3', четверт: '4' };
const UNIT_AHEAD = '(?=\\s*(?:кв|полугод|четверт))';

function unifyYears(text: string): string {
  return text
    .replace(new RegExp(`${NOT_LETTER_BEFORE}(?:учебн[а-я]*|уч\\.?)\\s*(?:год[а-я]*|г\\.?)${NOT_LETTER_AFTER}`, 'g'), ` ${SCHOOL_YEAR_TOKEN} `)
    .replace(new RegExp(`(\\d{4})\\s*(?:г\\s*\\.?\\s*г\\s*\\.?|гг\\s*\\.?|годах|годов|годы|года|году|годом|год|г\\s*\\.?)${NOT_LETTER_AFTER}`, 'g'), '$1 ')
    .replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, '$3.$2.$1');
}

function fullYear(first: string, second: string): number {
  return second.length === 2 ? Number(first.slice(0, 2) + second) : Number(second);
}

function unifyYearPairs(text: string): string {
  return text
    .replace(new RegExp(`(?<![\\d.])(\\d{4})\\s*[-/]\\s*(\\d{4}|\\d{2})(?![\\d.])\\s*${SCHOOL_YEAR_TOKEN}`, 'g'), `${SCHOOL_YEAR_TOKEN}:$1`)
    .replace(/(?<![\d.:])(\d{4})\s*\/\s*(\d{4}|\d{2})(?![\d.])/g, (all, a: string, b: string) =>
      fullYear(a, b) === Number(a) + 1 ? `${SCHOOL_YEAR_TOKEN}:${a}` : all,
    )
    .replace(/(?<![\d.:])(\d{4})\s*-\s*(\d{4}|\d{2})(?![\d.])/g, (all, a: string, b: string) =>
      fullYear(a, b) > Number(a) ? `${YEARS_TOKEN}:${a}:${fullYear(a, b)}` : all,
    );
}

function unifyOrdinals(text: string): string {
  return text
    .replace(new RegExp(`${NOT_LETTER_BEFORE}(iv|iii|ii|i)${NOT_LETTER_AFTER}`, 'g'), (_, r: string) => ROMAN[r] ?? r)
    .replace(new RegExp(`${NOT_LETTER_BEFORE}(перв|втор|трет|четверт)[а-я]*${UNIT_AHEAD}`, 'g'), (_, w: string) => ORDINAL_WORDS[w] ?? w)
    .replace(/(\d)\s*-?\s*(?:ого|го|ый|ой|ий|ее|ое|ая|е|й|я)(?![а-я])/g, '$1');
}

function unifyUnits(text: string): string {
  return text
    .replace(new RegExp(`${NOT_LETTER_BEFORE}кв(?:артал[а-я]*)?\\.?${NOT_LETTER_AFTER}`, 'g'), ' квартал ')
    .replace(new RegExp(`${NOT_LETTER_BEFORE}полугод[а-я]*`, 'g'), ' полугодие ')
    .replace(new RegExp(`${NOT_LETTER_BEFORE}четверт[а-я]*`, 'g'), ' четверть ')
    .replace(/включительно/g, ' ');
}

function tidy(text: string): string {
  return text
    .replace(/\s+([,;])/g, '$1')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,;:!-]+|[\s.,;:!-]+$/g, '');
}

export function normalizeDeadline(raw: string): NormalizedDeadline {
  const { text, labels } = liftLabels(stripHtml(raw));
  const unified = unifyYearPairs(unifyUnits(unifyOrdinals(unifyYears(unifyCharacters(text)))));
  return { text: tidy(unified), labels };
}

/** The text without its label placeholders. */
export function withoutLabels(text: string): string {
  return tidy(text.replace(PLACEHOLDER, ' '));
}
