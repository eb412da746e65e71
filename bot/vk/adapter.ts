// The VK adapter on vk-io: Bots Long Poll in, API calls out, callback
// buttons answered with sendMessageEventAnswer, each update handed to the core.
import { Agent as HttpAgent } from 'node:http';
import { VK } from 'vk-io';
import type { Db } from '../../db/client.js';
import type { Core } from '../../handlers/core/dispatch.js';
import type { Log } from '../../handlers/core/log.js';
import { InFlight, type Adapter } from '../adapter.js';
import { createDownload, originOf, vkFileDomains } from '../download.js';
import { RateLimiter } from '../outbox/rate-limit.js';
import type { LoadFile } from '../outbox/sender.js';
import { deliverReplies, vkLimits, vkTransport } from './deliver.js';
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

/** A button press must be answered within about a minute; answer early if handling takes longer than this. */
const EVENT_ANSWER_DEADLINE_MS = 2000;

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

export async function startVk(options: VkOptions, core: Core, db: Db, log: Log): Promise<Adapter> {
  const vk = createVk(options);
  // Replies and the outbox share one limiter: VK counts every API call of the community together.
  const limiter = new RateLimiter(options.limits ?? vkLimits);
  const pace = (peer: string) => limiter.acquire(peer, { perChat: false });
  const inFlight = new InFlight();
  /** Whether each peer's app shows callback buttons, learnt from their messages. */
  const callbackSupport = new Map<string, boolean>();

  const fetchFile = createDownload({ domains: vkFileDomains, origins: [originOf(options.apiBaseUrl ?? DEFAULT_API_BASE_URL)] }, log);

  const handleUpdate = async (raw: unknown): Promise<void> => {
    const parsed = toIncoming(raw, fetchFile);
    if (!parsed) {
      log.debug({ type: typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type) : typeof raw }, 'vk update ignored');
      return;
    }
    const { incoming, event } = parsed;
    const updateLog = log.child({ platform: 'vk', updateId: incoming.updateId });
    if (parsed.callbackButtons !== undefined) callbackSupport.set(incoming.chatId, parsed.callbackButtons);
    const work = core.handle(incoming);
    let answered = false;
    const answer = async (text?: string) => {
      if (!event || answered) return;
      answered = true;
      await pace(incoming.chatId);
      await vk.api.messages
        .sendMessageEventAnswer({
          event_id: event.eventId,
          user_id: event.userId,
          peer_id: event.peerId,
          event_data: text ? JSON.stringify({ type: 'show_snackbar', text: text.slice(0, 90) }) : undefined,
        })
        .catch((err: unknown) => updateLog.warn({ err }, 'could not answer the button press'));
    };
    const deadline = setTimeout(() => void answer(), EVENT_ANSWER_DEADLINE_MS);
    try {
      const result = await inFlight.track(work);
      clearTimeout(deadline);
      await answer(result.notice);
      if (result.duplicate) return;
      await deliverReplies(
        vk,
        incoming.chatId,
        result.replies,
        { messageId: incoming.messageId, updateId: incoming.updateId, callbackButtons: callbackSupport.get(incoming.chatId), pace },
        updateLog,
      );
    } catch (error) {
      clearTimeout(deadline);
      updateLog.error({ err: error }, 'vk update failed');
    }
  };

  const poll = new VkLongPoll(vk, options.groupId, db, handleUpdate, log);
  await poll.start();
  log.info({ groupId: options.groupId }, 'vk long poll started');

  return {
    platform: 'vk',
    transport: vkTransport(vk, limiter, (peer) => callbackSupport.get(peer) ?? true, options.loadFile),
    lastPollAt: () => poll.watch.lastAlive(),
    async stop() {
      await poll.stop();
      await inFlight.settle();
    },
  };
}
