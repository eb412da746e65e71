// The VK adapter on vk-io: Bots Long Poll in (each update recorded in the
// inbox), API calls out through the outbox, callback buttons answered with
// sendMessageEventAnswer.
import { Agent as HttpAgent } from 'node:http';
import { VK } from 'vk-io';
import type { Db } from '../../db/client.js';
import type { Log } from '../../handlers/core/log.js';
import type { Adapter } from '../adapter.js';
import type { RecordUpdate } from '../inbox/record.js';
import { createDownload, originOf, vkFileDomains } from '../download.js';
import { RateLimiter } from '../outbox/rate-limit.js';
import type { LoadFile } from '../outbox/sender.js';
import { vkLimits, vkTransport } from './deliver.js';
import { toIncoming } from './incoming.js';
import { VkLongPoll } from './long-poll.js';

export interface VkOptions {
  token: string;
  groupId: number;
  apiBaseUrl?: string;
  apiLimit: number;
  limits?: { perSecond: number };
  loadFile?: LoadFile;
}

const DEFAULT_API_BASE_URL = 'https://api.vk.ru/method';

export function createVk(options: VkOptions): VK {
  const apiBaseUrl = options.apiBaseUrl ?? DEFAULT_API_BASE_URL;
  return new VK({
    token: options.token,
    apiBaseUrl,
    // Opora paces every call itself (one limiter for replies and the outbox). vk-io's own queue spaces calls
    // 13% wider than asked, and after a delay it would release the waiting ones closer together than Opora
    // sent them; set this high, it passes each call on within a millisecond.
    apiLimit: 2000,
    apiMode: 'sequential',
    // vk-io's default agent speaks HTTPS only; a local proxy or test server may be plain HTTP.
    ...(apiBaseUrl.startsWith('http:') ? { agent: new HttpAgent({ keepAlive: true }) as never } : {}),
  });
}

export async function startVk(options: VkOptions, record: RecordUpdate, db: Db, log: Log): Promise<Adapter> {
  const vk = createVk(options);
  // Replies and the outbox share one limiter: VK counts every API call of the community together.
  const limiter = new RateLimiter(options.limits ?? vkLimits);
  /** Whether each peer's app shows callback buttons, learnt from their messages. */
  const callbackSupport = new Map<string, boolean>();

  const fetchFile = createDownload({ domains: vkFileDomains, origins: [originOf(options.apiBaseUrl ?? DEFAULT_API_BASE_URL)] }, log);

  // A failure to record propagates: the long poll then keeps its position and fetches the batch again.
  const handleUpdate = async (raw: unknown): Promise<void> => {
    const parsed = toIncoming(raw, fetchFile);
    if (!parsed) {
      log.debug({ type: typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : typeof raw }, 'vk update ignored');
      return;
    }
    const { incoming, event } = parsed;
    if (parsed.callbackButtons !== undefined) callbackSupport.set(incoming.chatId, parsed.callbackButtons);
    await record(incoming, event ? JSON.stringify(event) : undefined);
  };

  const poll = new VkLongPoll(vk, options.groupId, db, handleUpdate, log);
  await poll.start();
  log.info({ groupId: options.groupId }, 'vk long poll started');

  return {
    platform: 'vk',
    transport: vkTransport(vk, limiter, (peer) => callbackSupport.get(peer) ?? true, log, options.loadFile),
    fetchFile,
    lastPollAt: () => poll.watch.lastAlive(),
    async stop() {
      await poll.stop();
    },
  };
}
