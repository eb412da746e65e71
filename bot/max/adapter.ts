// The MAX adapter on the official SDK: long polling by default, a webhook
// behind a setting, the command menu set at start-up, each update handed to
// the core. Updates of one chat are handled in order, different chats' at
// once.
import type { Server } from 'node:http';
import { Bot, Webhook, type Api } from '@maxhub/max-bot-api';
import type { Core } from '../../handlers/core/dispatch.js';
import type { Log } from '../../handlers/core/log.js';
import { chatQueue, InFlight, PollWatch, type Adapter } from '../adapter.js';
import type { WebhookConfig } from '../config.js';
import { createDownload, maxFileDomains, originOf } from '../download.js';
import { RateLimiter, type RateLimits } from '../outbox/rate-limit.js';
import type { LoadFile } from '../outbox/sender.js';
import { startWebhookServer } from '../webhook-server.js';
import { deliverReplies, maxLimits, maxTransport } from './deliver.js';
import { toIncoming } from './incoming.js';

export interface MaxOptions {
  token: string;
  apiBaseUrl?: string;
  webhook?: WebhookConfig;
  limits?: RateLimits;
  loadFile?: LoadFile;
}

export interface MaxAdapter extends Adapter {
  readonly username: string | undefined;
}

const UPDATE_TYPES = ['message_created', 'message_callback', 'bot_started'] as const;
const DEFAULT_API_BASE_URL = 'https://platform-api2.max.ru';
/** The header MAX sends the subscription's secret in (the SDK's own webhook reads the same). */
const SECRET_HEADER = 'X-Max-Bot-Api-Secret';
/** MAX shows a notification of at most this many characters. */
const NOTIFICATION_LIMIT = 200;

export async function startMax(options: MaxOptions, core: Core, log: Log): Promise<MaxAdapter> {
  // Replies and the outbox share one limiter: MAX counts every request of the bot together.
  const limiter = new RateLimiter(options.limits ?? maxLimits);
  const poll = new PollWatch();
  const pacedFetch: typeof fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    const polling = path.endsWith('/updates');
    if (!polling) await limiter.acquire('api', { perChat: false });
    const response = await fetch(input, init);
    if (polling && response.ok) poll.succeeded();
    return response;
  };
  const bot = new Bot(options.token, { clientOptions: { baseUrl: options.apiBaseUrl, fetch: pacedFetch } });
  // The outbox has its own client: its sender paces each request itself.
  const outboxApi: Api = new Bot(options.token, { clientOptions: { baseUrl: options.apiBaseUrl } }).api;
  const inFlight = new InFlight();
  const inOrder = chatQueue();

  const fetchFile = createDownload({ domains: maxFileDomains, origins: [originOf(options.apiBaseUrl ?? DEFAULT_API_BASE_URL)] }, log);

  const handleUpdate = async (raw: unknown): Promise<void> => {
    const parsed = toIncoming(raw, fetchFile);
    if (!parsed) {
      log.debug({ type: typeof raw === 'object' && raw !== null && 'update_type' in raw ? String(raw.update_type) : typeof raw }, 'max update ignored');
      return;
    }
    const { incoming, callbackId } = parsed;
    const updateLog = log.child({ platform: 'max', updateId: incoming.updateId });
    await inOrder(incoming.chatId, () =>
      inFlight.track(
        (async () => {
          const result = await core.handle(incoming);
          if (callbackId && result.notice) {
            await bot.api
              .answerOnCallback(callbackId, { notification: result.notice.slice(0, NOTIFICATION_LIMIT) } as never)
              .catch((err: unknown) => updateLog.warn({ err }, 'could not answer the button press'));
          }
          if (result.duplicate) return;
          await deliverReplies(bot.api, incoming.chatId, result.replies, incoming.messageId, updateLog);
        })(),
      ),
    ).catch((error: unknown) => updateLog.error({ err: error }, 'max update failed'));
  };
  bot.use((ctx) => handleUpdate(ctx.update));
  bot.catch((error) => log.error({ err: error }, 'max update failed'));

  // Checks the token before anything else, as the other adapters do.
  bot.botInfo = await bot.api.getMyInfo();
  await setCommandMenu(bot, core, log);

  let server: Server | undefined;
  if (options.webhook) {
    const { url, secret, host, port } = options.webhook;
    // The server checks path, secret and size first: only MAX's own posts reach the handler.
    server = await startWebhookServer({ ...options.webhook, secretHeader: SECRET_HEADER, onUpdate: handleUpdate, log: log.child({ platform: 'max' }) });
    await Webhook.clearSubscriptions(bot.api, url);
    await bot.api.subscribe(url, secret, [...UPDATE_TYPES]);
    log.info({ url, host, port }, 'max webhook is listening');
  } else {
    await Webhook.clearSubscriptions(bot.api);
    void bot.startPolling({ allowedUpdates: [...UPDATE_TYPES] });
    log.info({ bot: bot.botInfo.username }, 'max polling started');
  }

  return {
    platform: 'max',
    username: bot.botInfo.username ?? undefined,
    transport: maxTransport(outboxApi, limiter, options.loadFile),
    lastPollAt: () => (options.webhook ? new Date() : poll.lastAlive()),
    async stop() {
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      else bot.stopPolling();
      await inFlight.settle();
    },
  };
}

/** Sets the command menu (MAX keeps one, in Russian); a failure is only a warning. */
async function setCommandMenu(bot: Bot, core: Core, log: Log): Promise<void> {
  try {
    await bot.api.setMyCommands(core.menu('ru').map((c) => ({ name: c.command, description: c.description })));
  } catch (error) {
    log.warn({ err: error }, 'could not set the max command menu; the bot works without it');
  }
}
