// The MAX adapter on the official SDK: long polling by default (our own
// loop, which saves MAX's marker), a webhook behind a setting, the command
// menu set at start-up. Each update is recorded in the inbox before it is
// confirmed; replies go out through the outbox.
import type { Server } from 'node:http';
import { Bot, Webhook, type Api } from '@maxhub/max-bot-api';
import type { Core } from '../../handlers/core/dispatch.js';
import type { Log } from '../../handlers/core/log.js';
import type { Adapter } from '../adapter.js';
import type { RecordUpdate } from '../inbox/record.js';
import type { WebhookConfig } from '../config.js';
import { createDownload, maxFileDomains, originOf } from '../download.js';
import { RateLimiter, type RateLimits } from '../outbox/rate-limit.js';
import type { LoadFile } from '../outbox/sender.js';
import { startWebhookServer } from '../webhook-server.js';
import { maxLimits, maxTransport } from './deliver.js';
import { toIncoming } from './incoming.js';
import { MaxLongPoll } from './long-poll.js';

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

export async function startMax(options: MaxOptions, core: Core, record: RecordUpdate, log: Log): Promise<MaxAdapter> {
  // Replies and the outbox share one limiter: MAX counts every request of the bot together.
  const limiter = new RateLimiter(options.limits ?? maxLimits);
  const pacedFetch: typeof fetch = async (input, init) => {
    const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
    // The long poll waits on the server, it is not paced.
    if (!path.endsWith('/updates')) await limiter.acquire('api', { perChat: false });
    return fetch(input, init);
  };
  const bot = new Bot(options.token, { clientOptions: { baseUrl: options.apiBaseUrl, fetch: pacedFetch } });
  // The outbox has its own client: its sender paces each request itself.
  const outboxApi: Api = new Bot(options.token, { clientOptions: { baseUrl: options.apiBaseUrl } }).api;

  const fetchFile = createDownload({ domains: maxFileDomains, origins: [originOf(options.apiBaseUrl ?? DEFAULT_API_BASE_URL)] }, log);

  // A failure to record propagates: the poll then keeps its marker, the webhook answers 500, and MAX sends it again.
  const handleUpdate = async (raw: unknown): Promise<void> => {
    const parsed = toIncoming(raw, fetchFile);
    if (!parsed) {
      log.debug({ type: typeof raw === 'object' && raw !== null && 'update_type' in raw ? String(raw.update_type) : typeof raw }, 'max update ignored');
      return;
    }
    await record(parsed.incoming, parsed.callbackId);
  };

  // Checks the token before anything else, as the other adapters do.
  bot.botInfo = await bot.api.getMyInfo();
  await setCommandMenu(bot, core, log);

  let server: Server | undefined;
  let longPoll: MaxLongPoll | undefined;
  if (options.webhook) {
    const { url, secret, host, port } = options.webhook;
    // The server checks path, secret and size first: only MAX's own posts reach the handler.
    server = await startWebhookServer({ ...options.webhook, secretHeader: SECRET_HEADER, onUpdate: handleUpdate, log: log.child({ platform: 'max' }) });
    await Webhook.clearSubscriptions(bot.api, url);
    await bot.api.subscribe(url, secret, [...UPDATE_TYPES]);
    log.info({ url, host, port }, 'max webhook is listening');
  } else {
    await Webhook.clearSubscriptions(bot.api);
    longPoll = new MaxLongPoll({
      fetch: pacedFetch,
      apiBaseUrl: options.apiBaseUrl ?? DEFAULT_API_BASE_URL,
      token: options.token,
      db: core.deps.db,
      botId: bot.botInfo.user_id,
      types: UPDATE_TYPES,
      onBatch: async (updates) => {
        // Recorded one after another, in the order MAX sent them.
        for (const update of updates) await handleUpdate(update);
      },
      log: log.child({ platform: 'max' }),
    });
    await longPoll.start();
    log.info({ bot: bot.botInfo.username }, 'max polling started');
  }

  return {
    platform: 'max',
    username: bot.botInfo.username ?? undefined,
    transport: maxTransport(outboxApi, limiter, log, options.loadFile),
    fetchFile,
    lastPollAt: () => (options.webhook ? new Date() : longPoll?.watch.lastAlive()),
    async stop() {
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      await longPoll?.stop();
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
