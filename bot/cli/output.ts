// How the admin command line speaks: lines to standard output, and an error
// type whose message is shown as is (exit code 2). Everything it says goes
// through the locales, in Russian unless OPORA_LANG=en asks for English.
import type { I18n, Language, Translate } from '../../handlers/core/i18n.js';

export class CliError extends Error {}

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** The language of the command line's words; anything but "en" is Russian, the default. */
export function cliLanguage(value: string | undefined): Language {
  return value?.trim().toLowerCase() === 'en' ? 'en' : 'ru';
}

export function cliTranslate(i18n: I18n, lang: Language = 'ru'): Translate {
  return (key, args) => i18n.t(lang, key, args);
}
