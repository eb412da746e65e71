// Walks every message of both locales through the project's real i18n and
// keeps the grammar honest: a number next to a noun goes through a plural
// selector, every message formats without a Fluent error, and no stray
// English reaches a Russian reader.
//
// The heuristic for "a number next to a noun", documented here because the
// test decides by it:
//   - a variable is numeric when its name is one of `numericNames` (count, n,
//     total, days, …) or when it is a plural selector ([one]/[few]/[other])
//     anywhere in either locale;
//   - a numeric placeholder followed by a word ("{ $count } получателей",
//     "{ $days } days") must sit inside a selector on that same variable, or
//     be followed by one; a short unit ("мин", "МБ", "дн.") or "из"/"of" may
//     follow a bare number;
//   - a noun before a number is fine as a label ("Ответов: { $count }"), so
//     only the word after a number is checked;
//   - pseudo-plurals such as «школ(ы)», «опрос(ов)» or "use(s)" are never
//     allowed;
//   - a Russian plural selector has [one] and [few] and a default; an English
//     one has [one] and a default.
import { FluentBundle } from '@fluent/bundle';
import type { Expression, Pattern } from '@fluent/bundle/esm/ast.js';
import { describe, expect, it } from 'vitest';
import type { Language, MessageArgs } from '../../handlers/core/i18n.js';
import { createI18n, languages, loadResource, messageIds } from '../../locales/i18n.js';

const numericNames = new Set([
  'count', 'n', 'total', 'max', 'min', 'minutes', 'hours', 'hour', 'days', 'seconds', 'created', 'updated', 'unchanged',
  'removed', 'unknown', 'understood', 'rows', 'rounds', 'answers', 'people', 'items', 'sections', 'done', 'overdue',
  'mb', 'chars', 'cells', 'entries', 'ratio', 'line', 'left', 'length', 'uses', 'shown', 'going', 'maybe', 'no',
  'waitlisted', 'present', 'feedback', 'delivered', 'blocked', 'failed', 'pending', 'unreachable', 'answered',
  'percent', 'capacity', 'mentors', 'tutors', 'pairs', 'schools', 'recipients', 'questions', 'invited', 'sum',
  'mean', 'median', 'average',
]);

/** Words that may follow a bare number: units, "из 5", "of 5". */
const afterNumber: Record<Language, RegExp> = {
  ru: /^(мин|ч|дн\.|МБ|КБ|чел\.|руб\.|шт\.|обуч\.|из|до|по)(?![а-яё])/i,
  // English words after a number that do not change with it: "and 3 more", "3 new, 2 updated".
  en: /^(min|h|MB|KB|of|to|and|more|still|at|allowed|new|updated|unchanged|removed|earlier)(?![a-z])/i,
};

const pseudoPlural = /[а-яёa-z]\((ы|ов|ей|и|s|es)\)/i;

/** Latin words a Russian message may hold: brands, formats and command-line words shown as they are typed. */
const allowedLatin = new Set(['Telegram', 'VK', 'MAX', 'Excel', 'Word', 'XLSX', 'CSV', 'TSV', 'DOCX', 'JSON', 'YAML', 'ID', 'URL', 'English', 'FILE', 'next']);
/** Messages written in two languages on purpose: the language choice itself. */
const bilingual = new Set(['choose-language']);

type Element = string | Expression;
interface Placement {
  message: string;
  name: string;
  /** Variables of the selectors this placeholder sits in. */
  inside: string[];
  next: Element | undefined;
}
interface Walk {
  vars: Set<string>;
  placements: Placement[];
  selects: { message: string; selector: string; keys: string[]; hasDefault: boolean }[];
}

function walk(message: string, pattern: Pattern, into: Walk, inside: string[] = []): void {
  if (typeof pattern === 'string') return;
  pattern.forEach((element, i) => {
    if (typeof element === 'string') return;
    expression(message, element, into, inside, pattern[i + 1]);
  });
}

function expression(message: string, e: Expression, into: Walk, inside: string[], next: Element | undefined): void {
  if (e.type === 'var') {
    into.vars.add(e.name);
    into.placements.push({ message, name: e.name, inside, next });
  } else if (e.type === 'select') {
    const selector = e.selector.type === 'var' ? e.selector.name : '';
    if (e.selector.type === 'var') into.vars.add(selector);
    into.selects.push({ message, selector, keys: e.variants.map((v) => String(v.key.value)), hasDefault: e.variants[e.star] !== undefined });
    for (const v of e.variants) walk(message, v.value, into, [...inside, selector]);
  } else if (e.type === 'func' || e.type === 'term') {
    for (const arg of e.args) if (arg.type !== 'narg') expression(message, arg, into, inside, undefined);
  }
}

function walkLocale(lang: Language): Map<string, Walk> {
  const result = new Map<string, Walk>();
  for (const entry of loadResource(lang).body) {
    const w: Walk = { vars: new Set(), placements: [], selects: [] };
    if (entry.value) walk(entry.id, entry.value, w);
    for (const attr of Object.values(entry.attributes)) walk(entry.id, attr, w);
    result.set(entry.id, w);
  }
  return result;
}

const walks = new Map(languages.map((lang) => [lang, walkLocale(lang)] as const));
// [other] alone is any selector's default; [one] or [few] is what makes it a plural.
const isPlural = (keys: string[]) => keys.includes('one') || keys.includes('few');
const pluralSelectors = new Set(
  [...walks.values()].flatMap((m) => [...m.values()].flatMap((w) => w.selects.filter((s) => isPlural(s.keys)).map((s) => s.selector))),
);
const isNumeric = (name: string) => numericNames.has(name) || pluralSelectors.has(name);

/** What a bare number is followed by that makes it a noun phrase needing plural forms; undefined when fine. */
export function numberWithoutPlural(lang: Language, p: Placement): string | undefined {
  if (!isNumeric(p.name) || p.inside.includes(p.name)) return undefined;
  const next = p.next;
  // The end of the text, or a placeable: «{ $count } { $count -> [one] минуту … }» picks its noun by the selector.
  if (next === undefined || typeof next !== 'string') return undefined;
  const following = next.replace(/^[ \u00a0]+/, '');
  if (following.length === next.length && next !== '') return undefined; // "{ $n }%", "{ $hour }:00": not a word
  const word = /^[a-zа-яё]+/i.exec(following)?.[0];
  if (!word || afterNumber[lang].test(following)) return undefined;
  return word;
}

function sampleArgs(vars: Set<string>, number: number): MessageArgs {
  return Object.fromEntries([...vars].map((name) => [name, isNumeric(name) ? number : 'Образец']));
}

describe('plural forms and wording in every message', () => {
  it('Russian and English define the same keys', () => {
    const ru = new Set(messageIds('ru'));
    const en = new Set(messageIds('en'));
    expect([...en].filter((k) => !ru.has(k))).toEqual([]);
    expect([...ru].filter((k) => !en.has(k))).toEqual([]);
  });

  it('prints no number next to a noun without a plural selector', () => {
    const problems: string[] = [];
    for (const [lang, messages] of walks) {
      for (const w of messages.values()) {
        for (const p of w.placements) {
          const word = numberWithoutPlural(lang, p);
          if (word) problems.push(`${lang} ${p.message}: { $${p.name} } ${word}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes no pseudo-plurals such as «школ(ы)» or "use(s)"', () => {
    const problems = languages.flatMap((lang) => loadResource(lang).body.filter((e) => e.value && pseudoPlural.test(JSON.stringify(e.value))).map((e) => `${lang} ${e.id}`));
    expect(problems).toEqual([]);
  });

  it('gives every plural selector the forms its language needs', () => {
    const needed: Record<Language, string[]> = { ru: ['one', 'few'], en: ['one'] };
    const problems: string[] = [];
    for (const [lang, messages] of walks) {
      for (const w of messages.values()) {
        for (const s of w.selects.filter((x) => isPlural(x.keys) && isNumeric(x.selector))) {
          const missing = needed[lang].filter((k) => !s.keys.includes(k));
          if (missing.length || !s.hasDefault) problems.push(`${lang} ${s.message} ($${s.selector}): no [${missing.join('], [')}]`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('formats every message with 1, 2, 5 and 21 without a Fluent error', () => {
    const i18n = createI18n();
    const problems: string[] = [];
    for (const lang of languages) {
      // The same bundle the project builds, kept here to read the errors i18n.t collects and drops.
      const bundle = new FluentBundle(lang, { useIsolating: false });
      bundle.addResource(loadResource(lang));
      for (const [id, w] of walks.get(lang) ?? []) {
        const message = bundle.getMessage(id);
        for (const number of [1, 2, 5, 21]) {
          const args = sampleArgs(w.vars, number);
          const errors: Error[] = [];
          if (message?.value) bundle.formatPattern(message.value, args, errors);
          for (const attr of Object.values(message?.attributes ?? {})) bundle.formatPattern(attr, args, errors);
          for (const e of errors) problems.push(`${lang} ${id} (${number}): ${e.message}`);
          const text = i18n.t(lang, id, args);
          if (/\{\$?[\w-]+\}/.test(text)) problems.push(`${lang} ${id} (${number}): ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses in English only the variables Russian is given', () => {
    const ru = walks.get('ru')!;
    const problems = [...walks.get('en')!].flatMap(([id, w]) => [...w.vars].filter((v) => !ru.get(id)?.vars.has(v)).map((v) => `${id}: $${v}`));
    expect(problems).toEqual([]);
  });

  it('shows a Russian reader no English words', () => {
    const i18n = createI18n();
    const problems: string[] = [];
    for (const [id, w] of walks.get('ru') ?? []) {
      if (bilingual.has(id)) continue;
      const text = i18n
        .t('ru', id, sampleArgs(w.vars, 5))
        .replace(/https?:\/\/\S*/g, ' ')
        .replace(/npm run cli -- .*/g, ' ') // a command line, typed as is
        .replace(/[\w.-]+\/[\w./-]+/g, ' ') // demo/schools.csv
        .replace(/(^|[\s«(])[/:][\w-]+/g, ' ') // /help, :time
        .replace(/--[\w-]+/g, ' ') // --apply
        .replace(/\.[a-z]{2,5}\b/g, ' '); // .json, .yaml
      for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) if (!allowedLatin.has(word)) problems.push(`${id}: ${word}`);
    }
    expect(problems).toEqual([]);
  });

  it('would catch a number printed next to a noun', () => {
    const broken = { message: 'x', name: 'count', inside: [], next: ' получателей.' };
    expect(numberWithoutPlural('ru', broken)).toBe('получателей');
    expect(numberWithoutPlural('ru', { ...broken, inside: ['count'] })).toBeUndefined();
    expect(numberWithoutPlural('ru', { ...broken, next: ' мин' })).toBeUndefined();
    expect(numberWithoutPlural('ru', { ...broken, next: '.' })).toBeUndefined();
  });
});
