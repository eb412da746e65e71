// The Telegram adapter on grammY: long polling by default (long-poll.ts), a
// webhook behind a setting, the command menu set at start-up. Each update is
// recorded in the inbox and confirmed; replies go out through the outbox.
import type { Server } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Core } from '../../handlers/core/dispatch.js';
import { FileTooLargeError } from '../../handlers/core/errors.js';
import type { Log } from '../../handlers/core/log.js';
import { PollWatch } from '../adapter-kit.js';
import type { Adapter } from '../adapter.js';
import type { RecordUpdate } from '../inbox/record.js';
import type { WebhookConfig } from '../config.js';
import { createDownload, originOf, type DownloadLimits } from '../download.js';
import { RateLimiter } from '../outbox/rate-limit.js';
import type { LoadFile } from '../outbox/sender.js';
import { startWebhookServer } from '../webhook-server.js';
import { telegramLimits, telegramTransport } from './deliver.js';
import { toIncoming } from './incoming.js';
import { TelegramLongPoll } from './long-poll.js';
import { PlatformError } from '../errors.js';

export interface TelegramOptions {
  token: string;
  apiRoot?: string;
  webhook?: WebhookConfig;
  limits?: { perSecond: number; perChatPerSecond?: number };
  loadFile?: LoadFile;
}

const STOP_TIMEOUT_MS = 5000;

/** Methods that deliver something to a chat and count against Telegram's limits. */
const PACED_METHODS = new Set(['sendMessage', 'sendDocument', 'sendPhoto', 'editMessageText', 'editMessageReplyMarkup', 'copyMessage']);

export interface TelegramAdapter extends Adapter {
  readonly username: string;
}

export async function startTelegram(options: TelegramOptions, core: Core, record: RecordUpdate, log: Log): Promise<TelegramAdapter> {
  const apiRoot = options.apiRoot ?? 'https://api.telegram.org';
  const bot = new Bot(options.token, { client: { apiRoot } });
  // Installed first, so it wraps the rest: every retry passes through pacing and the poll watch below.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  // Replies and the outbox share one limiter: Telegram counts them together.
  const limiter = new RateLimiter(options.limits ?? telegramLimits);
  bot.api.config.use(async (prev, method, payload, signal) => {
    const chat = payload && typeof payload === 'object' && 'chat_id' in payload ? String(payload.chat_id) : undefined;
    if (chat !== undefined && PACED_METHODS.has(method)) await limiter.acquire(chat, { perChat: false, priority: 'reply' });
    return prev(method, payload, signal);
  });
  const poll = new PollWatch();
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (method === 'getUpdates' && result.ok) poll.succeeded();
    return result;
  });

  // Telegram serves files only from the Bot API server itself.
  const download = createDownload({ domains: [], origins: [originOf(apiRoot)] }, log);
  const fetchFile = async (fileId: string, limits: DownloadLimits): Promise<Buffer> => {
    const file = await bot.api.getFile(fileId);
    if ((file.file_size ?? 0) > limits.maxBytes) throw new FileTooLargeError(limits.maxBytes);
    if (!file.file_path) throw new PlatformError('telegram', 'getFile', undefined, 'no file path in the answer');
    return download(`${apiRoot}/file/bot${options.token}/${file.file_path}`, limits);
  };

  const recordUpdate = async (update: Update): Promise<void> => {
    const incoming = toIncoming(update, fetchFile);
    if (!incoming) {
      log.debug({ platform: 'telegram', updateId: update.update_id }, 'update of a kind Opora does not handle; ignored');
      return;
    }
    await record(incoming, update.callback_query?.id);
  };

  await bot.init();
  await setCommandMenu(bot, core, log);

  let server: Server | undefined;
  let polling: TelegramLongPoll | undefined;
  if (options.webhook) {
    const { url, secret, host, port } = options.webhook;
    server = await startWebhookServer({
      ...options.webhook,
      secretHeader: 'X-Telegram-Bot-Api-Secret-Token',
      // Checked by the server first: only Telegram's own posts reach grammY.
      onUpdate: (update) => recordUpdate(update as unknown as Update),
      log: log.child({ platform: 'telegram' }),
    });
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ['message', 'callback_query'] });
    log.info({ url, host, port }, 'telegram webhook is listening');
  } else {
    await bot.api.deleteWebhook();
    polling = new TelegramLongPoll(bot, ['message', 'callback_query'], recordUpdate, log);
    polling.start();
    log.info({ bot: bot.botInfo.username }, 'telegram polling started');
  }

  // The outbox uses its own client without auto-retry: its sender handles 429 itself and paces every chat.
  const outboxApi = new Api(options.token, { apiRoot });
  return {
    platform: 'telegram',
    username: bot.botInfo.username,
    transport: telegramTransport(outboxApi, limiter, log, options.loadFile),
    fetchFile,
    lastPollAt: () => (options.webhook ? new Date() : poll.lastAlive()),
    async stop() {
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      // The poll confirms the last updates on stop; if Telegram cannot be reached, do not wait for it.
      else if (polling) await Promise.race([polling.stop(), new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS))]);
    },
  };
}

/** Sets the command menu in Russian (default) and English; a failure is only a warning. */
async function setCommandMenu(bot: Bot, core: Core, log: Log): Promise<void> {
  try {
    await bot.api.setMyCommands(core.menu('ru'));
    await bot.api.setMyCommands(core.menu('en'), { language_code: 'en' });
  } catch (error) {
    log.warn({ err: error }, 'could not set the telegram command menu; the bot works without it');
  }
}
