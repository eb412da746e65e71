import { dirname, join } from 'node:path';
// One interface over the two fake messenger servers, so a journey is written
// once and run on Telegram and VK alike: a user types, presses a button by its
// label, and reads what the bot sent.
import type { AppOptions } from '../../bot/app.js';
import type { Config } from '../../bot/config.js';
import type { Clock } from '../../handlers/core/clock.js';
import { silentLog } from '../../handlers/core/log.js';
import { FakeTelegram } from './fake-telegram.js';
import { FakeVk } from './fake-vk.js';

export interface BotMessage {
  id: number;
  text: string;
  buttons: { label: string; data: string }[];
  edits: number;
}

export interface Driver {
  readonly platform: 'telegram' | 'vk';
  /** Environment for a child process and the matching Config for an in-process app. */
  env(): Record<string, string>;
  config(databasePath: string): Config;
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
  /** The content of the newest document the bot sent to the user. */
  lastDocument(user: number): Buffer | undefined;
  /** What the bot answered to button presses (toasts and snackbars). */
  notices(): string[];
  stop(): Promise<void>;
}

const baseConfig = (databasePath: string): Omit<Config, 'telegram' | 'vk'> => ({
  databasePath,
  defaultTimezone: 'Europe/Moscow',
  quietHours: { start: '21:00', end: '08:00' },
  dialogTtlMinutes: 60,
  backup: { dir: join(dirname(databasePath), 'backups'), keep: 3, at: '03:00' },
  retention: { surveyDays: 730, inactiveDays: 1095 },
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
    server,
    env: () => ({ TELEGRAM_BOT_TOKEN: server.token, TELEGRAM_API_ROOT: server.apiRoot }),
    config: (databasePath) => ({ ...baseConfig(databasePath), telegram: { token: server.token, apiRoot: server.apiRoot, rateLimit: 30 } }),
    say: (id, text) => void server.userSends(user(id), text),
    sendFile: (id, name, content) => void server.userSendsDocument(user(id), name, content),
    press: (id, label) => {
      const { message, data } = findNewest(messages(id), label);
      server.userPresses(user(id), message.id, data);
    },
    pressRaw: (id, messageId, data) => void server.userPresses(user(id), messageId, data),
    pushRaw: (update) => void server.pushRawUpdate(update),
    messages,
    waitForText: (id, pattern, since = 0, timeoutMs = 8000) =>
      waitUntil(() => messages(id).slice(since).find((m) => pattern.test(m.text)), timeoutMs, () => `${pattern} in ${JSON.stringify(messages(id).map((m) => m.text))}`),
    waitForCount: (id, count, timeoutMs = 8000) =>
      waitUntil(() => (messages(id).length >= count ? messages(id) : undefined), timeoutMs, () => `${count} messages, have ${messages(id).length}`),
    lastDocument: (id) => server.messages(id).findLast((m) => m.document)?.document?.content,
    settled: (id) => settle(() => server.messages(id).reduce((n, m) => n + 1 + m.edits, 0)),
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
    server,
    env: () => ({ VK_GROUP_TOKEN: server.token, VK_GROUP_ID: String(server.groupId), VK_API_BASE_URL: server.apiBaseUrl }),
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
    messages,
    waitForText: (id, pattern, since = 0, timeoutMs = 8000) =>
      waitUntil(() => messages(id).slice(since).find((m) => pattern.test(m.text)), timeoutMs, () => `${pattern} in ${JSON.stringify(messages(id).map((m) => m.text))}`),
    waitForCount: (id, count, timeoutMs = 8000) =>
      waitUntil(() => (messages(id).length >= count ? messages(id) : undefined), timeoutMs, () => `${count} messages, have ${messages(id).length}`),
    settled: (id) => settle(() => server.messages(id).reduce((n, m) => n + 1 + m.edits, 0)),
    lastDocument: (id) => {
      const attachment = server.messages(id).findLast((m) => m.attachment)?.attachment;
      return attachment ? server.documentContent(attachment) : undefined;
    },
    notices: () =>
      server.eventAnswers.map((a) => {
        const data = a.event_data as { text?: string } | undefined;
        return data?.text ?? '';
      }),
    stop: () => server.stop(),
  };
  return driver;
}

export const drivers = { telegram: telegramDriver, vk: vkDriver } as const;

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
