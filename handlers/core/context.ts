// What every handler receives: the update, the sender's account and person,
// their language, and the service's dependencies.
import type { Db } from '../../db/client.js';
import type { Account } from '../../db/repos/accounts.js';
import type { Person } from '../../db/repos/people.js';
import type { Clock } from './clock.js';
import type { Incoming, Language } from './contract.js';
import type { I18n, Translate } from './i18n.js';
import type { LinkNames } from './invite-links.js';
import type { Log } from './log.js';

export interface Settings {
  defaultTimezone: string;
  /** Local hours when no push is sent, e.g. 21:00 to 08:00. */
  quietHours: { start: string; end: string };
  /** How long an untouched dialog stays open. */
  dialogTtlMinutes: number;
  /** Public names used to build invite links. */
  links: LinkNames;
  /** Where and when the nightly backup goes; absent where nobody backs up (tests, the CLI). */
  backup?: { dir: string; keep: number; at: string };
  /** Days after which closed survey rounds are anonymised and inactive people erased; absent: never. */
  retention?: { surveyDays: number; inactiveDays: number };
  /** Days a sent outbox row is kept for delivery reports before it is deleted; 30 when absent. */
  outboxKeepDays?: number;
}

export interface CoreDeps {
  db: Db;
  clock: Clock;
  i18n: I18n;
  log: Log;
  settings: Settings;
  /** Wakes the outbox senders after a transaction added rows. */
  wakeOutbox: () => void;
  /** Told of every update handled and every unexpected handler failure (metrics). */
  observe?: { updateHandled(platform: string): void; handlerError(platform: string): void };
}

export interface Ctx {
  incoming: Incoming;
  deps: CoreDeps;
  account: Account;
  person: Person | undefined;
  lang: Language;
  t: Translate;
  log: Log;
}

export function pickLanguage(account: Account, person: Person | undefined, languageCode?: string): Language {
  if (person) return person.language;
  if (account.language) return account.language;
  return languageCode?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
