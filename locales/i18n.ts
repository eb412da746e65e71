// Loads the Fluent message files and formats messages for a language. Russian
// is the default; a key missing in English falls back to Russian.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import type { I18n, Language, MessageArgs } from '../handlers/core/i18n.js';

export const languages: readonly Language[] = ['ru', 'en'];
const folder = dirname(fileURLToPath(import.meta.url));

export function loadResource(lang: Language): FluentResource {
  return new FluentResource(readFileSync(join(folder, `${lang}.ftl`), 'utf8'));
}

/** Message ids defined in a language's file, for the test that keeps them in step. */
export function messageIds(lang: Language): string[] {
  return loadResource(lang).body.map((entry) => entry.id);
}

export function createI18n(): I18n {
  const bundles = new Map<Language, FluentBundle>();
  for (const lang of languages) {
    const bundle = new FluentBundle(lang, { useIsolating: false });
    const errors = bundle.addResource(loadResource(lang));
    if (errors.length > 0) throw new Error(`locales/${lang}.ftl: ${errors.map(String).join('; ')}`);
    bundles.set(lang, bundle);
  }
  const format = (lang: Language, key: string, args?: MessageArgs): string | undefined => {
    const bundle = bundles.get(lang);
    const message = bundle?.getMessage(key);
    if (!bundle || !message?.value) return undefined;
    // Collecting errors keeps a missing argument from throwing: Fluent prints its name instead.
    const errors: Error[] = [];
    return bundle.formatPattern(message.value, args as Record<string, FluentVariable> | undefined, errors);
  };
  return {
    t: (lang, key, args) => format(lang, key, args) ?? format('ru', key, args) ?? key,
    has: (key) => bundles.get('ru')?.hasMessage(key) ?? false,
  };
}
