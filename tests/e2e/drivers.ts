// One interface over the three fake messenger servers, so a journey is
// written once and run on Telegram, VK and MAX alike: a user types, presses a
// button by its label, and reads what the bot sent.
import { dirname, join } from 'node:path';
import type { AppOptions } from '../../bot/app.js';
import type { Config } from '../../bot/config.js';
import type { Clock } from '../../handlers/core/clock.js';
import { silentLog } from '../../handlers/core/log.js';
import { FakeTelegram } from './fake-telegram.js';
import { FakeMax } from './fake-max.js';
import { FakeVk } from './fake-vk.js';

export interface BotMessage {
  id: number;
  text: string;
  buttons: { label: string; data: string }[];
  edits: number;
}

export interface Driver {
  readonly platform: 'telegram' | 'vk' | 'max';
  /** How the messenger is named to users, e.g. in a broadcast preview. */
  readonly label: string;
  /** The log line that tells the adapter is receiving updates. */
  readonly ready: RegExp;
  /** Environment for a child process and the matching Config for an in-process app; `rateLimit` sets Opora's own limit. */
  env(rateLimit?: number): Record<string, string>;
  config(databasePath: string): Config;
  /** The invite link Opora should print for a code on this messenger. */
  inviteLink(code: string): string;
  /** The person blocks the bot: sends to them fail as the platform reports it. */
  block(user: number): void;
  say(user: number, text: string): void;
  sendFile(user: number, name: string, content: Buffer): void;
  /** Presses the newest button with this label in the user's chat. */
  press(user: number, label: string | RegExp): void;
  /** Presses raw callback data on a message, as a forged or replayed client would. */
  pressRaw(user: number, messageId: number, data: string): void;
  pushRaw(update: Record<string, unknown>): void;
  messages(user: number): BotMessage[];
  /** Waits until a bot message matching the pattern is present (edits count), among messages from index `since` on. */
  waitForText(user: number, pattern: RegExp, since?: number, timeoutMs?: number): Promise<BotMessage>;
  waitForCount(user: number, count: number, timeoutMs?: number): Promise<BotMessage[]>;
  /** Waits until the bot has sent nothing new to the user for a moment (long keyboards arrive as several messages). */
  settled(user: number): Promise<void>;
  /** The newest document the bot sent to the user. */
  lastDocument(user: number): Buffer | undefined;
  lastDocumentName(user: number): string | undefined;
  /** Requests refused for exceeding the rate limit. */
  tooManyRequests(): number;
  /** What the bot answered to button presses (toasts and snackbars). */
  notices(): string[];
  stop(): Promise<void>;
}

const baseConfig = (databasePath: string): Omit<Config, 'telegram' | 'vk' | 'max'> => ({
  databasePath,
  defaultTimezone: 'Europe/Moscow',
  quietHours: { start: '21:00', end: '08:00' },
  dialogTtlMinutes: 60,
  backup: { dir: join(dirname(databasePath), 'backups'), keep: 3, at: '03:00' },
  retention: { surveyDays: 730, inactiveDays: 1095 },
  outboxKeepDays: 30,
  logLevel: 'silent',
});

function findNewest(messages: BotMessage[], label: string | RegExp): { message: BotMessage; data: string } {
  for (const message of [...messages].reverse()) {
    const button = message.buttons.find((b) => (typeof label === 'string' ? b.label === label : label.test(b.label)));
    if (button) return { message, data: button.data };
  }
  throw new Error(`no button ${String(label)} among ${JSON.stringify(messages.map((m) => m.buttons.map((b) => b.label)))}`);
}

async function waitUntil<T>(probe: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Reading a user's chat the same way on every messenger: the messages, waiting for a text or a count, waiting for quiet. */
function reading(messages: (user: number) => BotMessage[]): Pick<Driver, 'messages' | 'waitForText' | 'waitForCount' | 'settled'> {
  return {
    messages,
    waitForText: (id, pattern, since = 0, timeoutMs = 8000) =>
      waitUntil(() => messages(id).slice(since).find((m) => pattern.test(m.text)), timeoutMs, () => `${pattern} in ${JSON.stringify(messages(id).map((m) => m.text))}`),
    waitForCount: (id, count, timeoutMs = 8000) =>
      waitUntil(() => (messages(id).length >= count ? messages(id) : undefined), timeoutMs, () => `${count} messages, have ${messages(id).length}`),
    settled: (id) => settle(() => messages(id).reduce((n, m) => n + 1 + m.edits, 0)),
  };
}

async function settle(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

export async function telegramDriver(options: Parameters<typeof FakeTelegram.start>[0] = {}): Promise<Driver & { server: FakeTelegram }> {
  const server = await FakeTelegram.start(options);
  const user = (id: number) => ({ id, first_name: `User${id}`, language_code: 'ru' });
  const messages = (chat: number): BotMessage[] =>
    server.messages(chat).map((m) => ({
      id: m.message_id,
      text: m.text ?? m.caption ?? '',
      edits: m.edits,
      buttons: inlineButtons(m.reply_markup),
    }));
  const driver: Driver & { server: FakeTelegram } = {
    platform: 'telegram',
    label: 'Telegram',
    ready: /telegram polling started/,
    server,
    env: (rateLimit) => ({ TELEGRAM_BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot, ...(rateLimit ? { TELEGRAM_RATE_LIMIT: String(rateLimit) } : {}) }),
    config: (databasePath) => ({ ...baseConfig(databasePath), telegram: { token: server.token, apiRoot: server.apiRoot, rateLimit: 30 } }),
    inviteLink: (code) => `https://t.me/${server.botUsername}?start=${code}`,
    block: (id) => server.block(id),
    say: (id, text) => void server.userSends(user(id), text),
    sendFile: (id, name, content) => void server.userSendsDocument(user(id), name, content),
    press: (id, label) => {
      const { message, data } = findNewest(messages(id), label);
      server.userPresses(user(id), message.id, data);
    },
    pressRaw: (id, messageId, data) => void server.userPresses(user(id), messageId, data),
    pushRaw: (update) => void server.pushRawUpdate(update),
    ...reading(messages),
    lastDocument: (id) => server.messages(id).findLast((m) => m.document)?.document?.content,
    lastDocumentName: (id) => server.messages(id).findLast((m) => m.document)?.document?.file_name,
    tooManyRequests: () => server.stats.tooManyRequests,
    notices: () => server.callbackAnswers.map((a) => a.text ?? ''),
    stop: () => server.stop(),
  };
  return driver;
}

function inlineButtons(markup: unknown): { label: string; data: string }[] {
  if (typeof markup !== 'object' || markup === null || !('inline_keyboard' in markup) || !Array.isArray(markup.inline_keyboard)) return [];
  return (markup.inline_keyboard as unknown[][]).flat().flatMap((b) => {
    const button = b as { text?: string; callback_data?: string };
    return button.text && button.callback_data ? [{ label: button.text, data: button.callback_data }] : [];
  });
}

function vkButtons(keyboard: unknown): { label: string; data: string }[] {
  const parsed = typeof keyboard === 'string' ? (JSON.parse(keyboard) as unknown) : keyboard;
  if (typeof parsed !== 'object' || parsed === null || !('buttons' in parsed) || !Array.isArray(parsed.buttons)) return [];
  return (parsed.buttons as unknown[][]).flat().flatMap((b) => {
    const action = (b as { action?: { label?: string; payload?: string } }).action;
    if (!action?.label || !action.payload) return [];
    const payload = JSON.parse(action.payload) as { a?: string };
    return payload.a ? [{ label: action.label, data: payload.a }] : [];
  });
}

export async function vkDriver(options: Parameters<typeof FakeVk.start>[0] = {}): Promise<Driver & { server: FakeVk }> {
  const server = await FakeVk.start(options);
  const messages = (peer: number): BotMessage[] =>
    server.messages(peer).map((m) => ({ id: m.conversation_message_id, text: m.text, edits: m.edits, buttons: vkButtons(m.keyboard) }));
  const driver: Driver & { server: FakeVk } = {
    platform: 'vk',
    label: 'VK',
    ready: /vk long poll started/,
    server,
    env: (rateLimit) => ({
      VK_GROUP_TOKEN: server.token,
      VK_GROUP_ID: String(server.groupId),
      VK_API_BASE_URL: server.apiBaseUrl,
      ...(rateLimit ? { VK_API_LIMIT: String(rateLimit) } : {}),
    }),
    inviteLink: (code) => `https://vk.me/club${server.groupId}?ref=${code}`,
    block: (id) => server.block(id),
    config: (databasePath) => ({
      ...baseConfig(databasePath),
      vk: { token: server.token, groupId: server.groupId, apiBaseUrl: server.apiBaseUrl, apiLimit: 20 },
    }),
    say: (id, text) => void server.userSends(id, text),
    sendFile: (id, name, content) => void server.userSendsDocument(id, name, content),
    press: (id, label) => {
      const { message, data } = findNewest(messages(id), label);
      server.userPressesCallback(id, message.id, { a: data });
    },
    pressRaw: (id, messageId, data) => void server.userPressesCallback(id, messageId, { a: data }),
    pushRaw: (update) => server.pushRawUpdate(update),
    ...reading(messages),
    lastDocument: (id) => {
      const attachment = server.messages(id).findLast((m) => m.attachment)?.attachment;
      return attachment ? server.documentContent(attachment) : undefined;
    },
    lastDocumentName: (id) => {
      const attachment = server.messages(id).findLast((m) => m.attachment)?.attachment;
      return attachment ? server.documentTitle(attachment) : undefined;
    },
    tooManyRequests: () => server.stats.tooManyRequests,
    notices: () =>
      server.eventAnswers.map((a) => {
        const data = a.event_data as { text?: string } | undefined;
        return data?.text ?? '';
      }),
    stop: () => server.stop(),
  };
  return driver;
}

function maxButtons(attachments: unknown[]): { label: string; data: string }[] {
  const keyboard = attachments.find((a): a is { type: string; payload: { buttons: unknown[][] } } =>
    typeof a === 'object' && a !== null && 'type' in a && a.type === 'inline_keyboard');
  return (keyboard?.payload.buttons ?? []).flat().flatMap((b) => {
    const button = b as { type?: string; text?: string; payload?: string };
    return button.type === 'callback' && button.text && button.payload ? [{ label: button.text, data: button.payload }] : [];
  });
}

export async function maxDriver(options: Parameters<typeof FakeMax.start>[0] = {}): Promise<Driver & { server: FakeMax }> {
  const server = await FakeMax.start(options);
  // MAX message ids are strings; the driver numbers a user's messages from 1 and maps back.
  const messages = (user: number): BotMessage[] =>
    server.messages(user).map((m, i) => ({ id: i + 1, text: m.text, edits: m.edits, buttons: maxButtons(m.attachments) }));
  const mid = (user: number, id: number): string => server.messages(user)[id - 1]?.mid ?? `mid.unknown${id}`;
  const driver: Driver & { server: FakeMax } = {
    platform: 'max',
    label: 'MAX',
    ready: /max polling started/,
    server,
    env: (rateLimit) => ({ MAX_BOT_TOKEN: server.token, MAX_API_BASE_URL: server.apiBaseUrl, ...(rateLimit ? { MAX_RATE_LIMIT: String(rateLimit) } : {}) }),
    config: (databasePath) => ({ ...baseConfig(databasePath), max: { token: server.token, apiBaseUrl: server.apiBaseUrl, rateLimit: 30 } }),
    inviteLink: (code) => `https://max.ru/${server.botUsername}?start=${code}`,
    block: (id) => server.block(id),
    say: (id, text) => void server.userSends(id, text),
    sendFile: (id, name, content) => void server.userSendsDocument(id, name, content),
    press: (id, label) => {
      const { message, data } = findNewest(messages(id), label);
      server.userPresses(id, mid(id, message.id), data);
    },
    pressRaw: (id, messageId, data) => void server.userPresses(id, mid(id, messageId), data),
    pushRaw: (update) => server.pushRawUpdate(update),
    ...reading(messages),
    lastDocument: (id) => server.messages(id).findLast((m) => m.file)?.file?.content,
    lastDocumentName: (id) => server.messages(id).findLast((m) => m.file)?.file?.name,
    tooManyRequests: () => server.stats.tooManyRequests,
    notices: () => server.callbackAnswers.map((a) => a.notification ?? ''),
    stop: () => server.stop(),
  };
  return driver;
}

export const drivers = { telegram: telegramDriver, vk: vkDriver, max: maxDriver } as const;
/** Every messenger the journeys run on. */
export const messengers = ['telegram', 'vk', 'max'] as const;

/** How the journeys run the app in-process: quiet logs, the scheduler ticked by hand, a sender that checks often. */
export function journeyOptions(clock?: Clock): AppOptions {
  return { log: silentLog, ...(clock ? { clock } : {}), manualScheduler: true, sender: { idleMs: 20 } };
}

export interface Act {
  say?: string;
  press?: string;
  file?: [name: string, content: Buffer];
}

/**
 * One person's side of a chat, for journeys that talk as them: `say` and
 * `press` resolve with the bot message matching `expected` from then on (a
 * pressed message counts, as it may be edited in place). `driver` is a
 * getter, as journeys start theirs in beforeAll.
 */
export function chatOf(driver: () => Driver, user: number) {
  return {
    say: async (text: string, expected: RegExp): Promise<BotMessage> => {
      const since = driver().messages(user).length;
      driver().say(user, text);
      return driver().waitForText(user, expected, since);
    },
    press: async (label: string | RegExp, expected: RegExp): Promise<BotMessage> => {
      const since = driver().messages(user).length;
      driver().press(user, label);
      return driver().waitForText(user, expected, Math.max(0, since - 1));
    },
  };
}

/**
 * A user types, presses or sends a file; resolves with the bot message that
 * matches `expected` among those from then on (a pressed message counts, as
 * it may be edited in place), once the chat has settled.
 */
export async function act(driver: Driver, user: number, how: Act, expected: RegExp): Promise<BotMessage> {
  const since = driver.messages(user).length;
  if (how.say) driver.say(user, how.say);
  if (how.press) driver.press(user, how.press);
  if (how.file) driver.sendFile(user, how.file[0], how.file[1]);
  const message = await driver.waitForText(user, expected, how.press ? Math.max(0, since - 1) : since);
  await driver.settled(user);
  return message;
}
