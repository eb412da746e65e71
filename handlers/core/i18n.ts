// The translator the core sees: a key and arguments in, text out. The Fluent
// implementation lives in locales/.
import type { Language } from './contract.js';

export type { Language };
export type MessageArgs = Record<string, string | number | Date>;

export interface I18n {
  t(lang: Language, key: string, args?: MessageArgs): string;
  has(key: string): boolean;
}

export type Translate = (key: string, args?: MessageArgs) => string;
