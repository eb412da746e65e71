// The one schema for the environment. A bad or missing value stops start-up
// with a single message naming every problem, in Russian unless OPORA_LANG=en
// asks for English (the locales are not loaded yet: the words live here).
import { dirname, join } from 'node:path';
import { IANAZone } from 'luxon';
import { z } from 'zod';

type Lang = 'ru' | 'en';

/** What a good value looks like, for each variable whose rule zod cannot put in words. */
const HINTS = {
  'listen-host': { ru: 'адрес, на котором слушать, например 127.0.0.1', en: 'an address to listen on, such as 127.0.0.1' },
  'telegram-token': { ru: 'должен выглядеть как 123456:ABC-DEF… от @BotFather', en: 'looks like 123456:ABC-DEF… from @BotFather' },
  'telegram-username': { ru: 'имя бота без @', en: 'the bot username without @' },
  'webhook-secret': {
    ru: 'не меньше 16 латинских букв, цифр, _ или - (например, openssl rand -hex 16)',
    en: 'at least 16 letters, digits, _ or - (e.g. openssl rand -hex 16)',
  },
  'vk-group-id': { ru: 'числовой id сообщества', en: 'the numeric id of the community' },
  'max-token': { ru: 'токен из кабинета MAX для партнёров, без пробелов', en: 'the token from MAX for partners, without spaces' },
  'max-username': { ru: 'имя бота из его ссылки max.ru/<имя>', en: 'the bot name from its link max.ru/<name>' },
  timezone: { ru: 'это не часовой пояс IANA вроде Europe/Moscow', en: 'not an IANA time zone such as Europe/Moscow' },
  'quiet-hours': { ru: 'нужно ЧЧ:ММ-ЧЧ:ММ, например 21:00-08:00', en: 'expected HH:MM-HH:MM, e.g. 21:00-08:00' },
  hhmm: { ru: 'нужно ЧЧ:ММ, например 03:00', en: 'expected HH:MM, e.g. 03:00' },
  port: { ru: 'номер порта, например 8080', en: 'a port number such as 8080' },
  required: { ru: 'нужен, когда задан {other}', en: 'required when {other} is set' },
} as const satisfies Record<string, Record<Lang, string>>;

type HintKey = keyof typeof HINTS;
const HINT = 'hint:';
const hint = (key: HintKey) => `${HINT}${key}`;

/** The language of start-up messages: Russian, or English with OPORA_LANG=en. */
export function configLanguage(env: NodeJS.ProcessEnv): Lang {
  return env.OPORA_LANG?.trim().toLowerCase().startsWith('en') ? 'en' : 'ru';
}

function hintText(message: string, lang: Lang): string {
  return message.startsWith(HINT) ? HINTS[message.slice(HINT.length) as HintKey][lang] : message;
}

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
const listenHost = z.string().regex(/^[\w.:-]{1,253}$/, hint('listen-host'));
/** Webhooks listen here unless told otherwise: a reverse proxy on the same machine terminates HTTPS. */
const DEFAULT_WEBHOOK_HOST = '127.0.0.1';

export const configSchema = z
  .object({
    TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]{20,}$/, hint('telegram-token'))),
    TELEGRAM_API_ROOT: optional(z.url()),
    /** Only for links printed by the admin command line; the bot learns its own name at start-up. */
    TELEGRAM_BOT_USERNAME: optional(z.string().regex(/^\w{5,32}$/, hint('telegram-username'))),
    TELEGRAM_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/ })),
    TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[\w-]{16,256}$/, hint('webhook-secret'))),
    TELEGRAM_WEBHOOK_HOST: optional(listenHost),
    TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8443),
    /** Messages a second the outbox sends through Telegram; Telegram allows about 30. */
    TELEGRAM_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(30),
    VK_GROUP_TOKEN: optional(z.string().min(20)),
    VK_GROUP_ID: optional(z.string().regex(/^\d+$/, hint('vk-group-id'))),
    VK_API_BASE_URL: optional(z.url()),
    VK_API_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
    MAX_BOT_TOKEN: optional(z.string().regex(/^\S{20,}$/, hint('max-token'))),
    MAX_API_BASE_URL: optional(z.url()),
    /** Only for links printed by the admin command line; the bot learns its own name at start-up. */
    MAX_BOT_USERNAME: optional(z.string().regex(/^[\w.-]{3,64}$/, hint('max-username'))),
    MAX_WEBHOOK_URL: optional(z.url({ protocol: /^https?$/ })),
    MAX_WEBHOOK_SECRET: optional(z.string().regex(/^[\w-]{16,256}$/, hint('webhook-secret'))),
    MAX_WEBHOOK_HOST: optional(listenHost),
    MAX_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).default(8444),
    /** Requests a second Opora makes to MAX; MAX allows about 30. */
    MAX_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(30),
    DATABASE_PATH: z.string().min(1).default('./data/opora.db'),
    DEFAULT_TIMEZONE: z
      .string()
      .default('Europe/Moscow')
      .refine((zone) => IANAZone.isValidZone(zone), hint('timezone')),
    QUIET_HOURS: z
      .string()
      .default('21:00-08:00')
      .refine((v) => {
        const [a, b] = v.split('-');
        return a !== undefined && b !== undefined && hhmm.test(a) && hhmm.test(b);
      }, hint('quiet-hours')),
    DIALOG_TTL_MINUTES: z.coerce.number().int().min(1).default(24 * 60),
    BACKUP_DIR: optional(z.string().min(1)),
    BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
    BACKUP_AT: z
      .string()
      .default('03:00')
      .refine((v) => hhmm.test(v), hint('hhmm')),
    RETENTION_SURVEY_DAYS: z.coerce.number().int().min(30).default(730),
    RETENTION_INACTIVE_DAYS: z.coerce.number().int().min(90).default(1095),
    /** Days a sent message stays in the outbox (for delivery reports) before it is deleted. */
    OUTBOX_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    HEALTH_PORT: optional(z.string().regex(/^\d{2,5}$/, hint('port'))),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  });

/** Variables that only make sense together; checked on the raw values so that every problem is named at once. */
function missingCompanions(env: NodeJS.ProcessEnv, lang: Lang): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const pairs: [needed: string, because: string][] = [
    ['VK_GROUP_ID', 'VK_GROUP_TOKEN'],
    ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_URL'],
    ['MAX_BOT_TOKEN', 'MAX_WEBHOOK_URL'],
    // Without a secret anyone who finds the port could post updates in any person's name.
    ['TELEGRAM_WEBHOOK_SECRET', 'TELEGRAM_WEBHOOK_URL'],
    ['MAX_WEBHOOK_SECRET', 'MAX_WEBHOOK_URL'],
  ];
  return pairs
    .filter(([needed, because]) => set(because) && !set(needed))
    .map(([needed, because]) => `${needed}: ${HINTS.required[lang].replace('{other}', because)}`);
}

export type Env = z.output<typeof configSchema>;

/** Where a webhook listens and what it requires: only POSTs to the path of `url` carrying `secret`. */
export interface WebhookConfig {
  url: string;
  secret: string;
  host: string;
  port: number;
}

export interface Config {
  telegram?: { token: string; apiRoot?: string; webhook?: WebhookConfig; rateLimit: number };
  vk?: { token: string; groupId: number; apiBaseUrl?: string; apiLimit: number };
  max?: { token: string; apiBaseUrl?: string; webhook?: WebhookConfig; rateLimit: number };
  telegramBotUsername?: string;
  maxBotUsername?: string;
  databasePath: string;
  defaultTimezone: string;
  quietHours: { start: string; end: string };
  dialogTtlMinutes: number;
  backup: { dir: string; keep: number; at: string };
  retention: { surveyDays: number; inactiveDays: number };
  outboxKeepDays: number;
  healthPort?: number;
  logLevel: Env['LOG_LEVEL'];
}

function problemsHeading(count: number, lang: Lang): string {
  if (lang === 'en') return `Opora cannot start: the configuration has ${count} ${count === 1 ? 'problem' : 'problems'}:`;
  const form = new Intl.PluralRules('ru').select(count);
  return `Opora не может запуститься: в настройках ${count} ${form === 'one' ? 'ошибка' : form === 'few' ? 'ошибки' : 'ошибок'}:`;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    lang: Lang = 'ru',
  ) {
    super(`${problemsHeading(problems.length, lang)}\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const lang = configLanguage(env);
  // zod words its own rules (a number too small, an unknown level) in the same language.
  const parsed = configSchema.safeParse(env, { error: (lang === 'en' ? z.locales.en() : z.locales.ru()).localeError });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${hintText(i.message, lang)}`)),
    ...missingCompanions(env, lang),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems, lang);
  const e = parsed.data;
  const [start = '21:00', end = '08:00'] = e.QUIET_HOURS.split('-');
  return {
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          rateLimit: e.TELEGRAM_RATE_LIMIT,
          webhook: webhookOf(e.TELEGRAM_WEBHOOK_URL, e.TELEGRAM_WEBHOOK_SECRET, e.TELEGRAM_WEBHOOK_HOST, e.TELEGRAM_WEBHOOK_PORT),
        }
      : undefined,
    vk:
      e.VK_GROUP_TOKEN && e.VK_GROUP_ID
        ? { token: e.VK_GROUP_TOKEN, groupId: Number(e.VK_GROUP_ID), apiBaseUrl: e.VK_API_BASE_URL, apiLimit: e.VK_API_LIMIT }
        : undefined,
    max: e.MAX_BOT_TOKEN
      ? {
          token: e.MAX_BOT_TOKEN,
          apiBaseUrl: e.MAX_API_BASE_URL,
          rateLimit: e.MAX_RATE_LIMIT,
          webhook: webhookOf(e.MAX_WEBHOOK_URL, e.MAX_WEBHOOK_SECRET, e.MAX_WEBHOOK_HOST, e.MAX_WEBHOOK_PORT),
        }
      : undefined,
    telegramBotUsername: e.TELEGRAM_BOT_USERNAME,
    maxBotUsername: e.MAX_BOT_USERNAME,
    databasePath: e.DATABASE_PATH,
    defaultTimezone: e.DEFAULT_TIMEZONE,
    quietHours: { start, end },
    dialogTtlMinutes: e.DIALOG_TTL_MINUTES,
    backup: { dir: e.BACKUP_DIR ?? join(dirname(e.DATABASE_PATH), 'backups'), keep: e.BACKUP_KEEP, at: e.BACKUP_AT },
    retention: { surveyDays: e.RETENTION_SURVEY_DAYS, inactiveDays: e.RETENTION_INACTIVE_DAYS },
    outboxKeepDays: e.OUTBOX_KEEP_DAYS,
    healthPort: e.HEALTH_PORT ? Number(e.HEALTH_PORT) : undefined,
    logLevel: e.LOG_LEVEL,
  };
}

/** A webhook only with its address and its secret; missingCompanions has already named a missing secret. */
function webhookOf(url: string | undefined, secret: string | undefined, host: string | undefined, port: number): WebhookConfig | undefined {
  return url && secret ? { url, secret, host: host ?? DEFAULT_WEBHOOK_HOST, port } : undefined;
}
