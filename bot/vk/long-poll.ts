// The Bots Long Poll loop. Written here rather than taken from vk-io because
// vk-io hands updates over without their event_id (needed to handle each
// once), moves on before they are handled, and cannot abort a waiting poll
// on shutdown. A batch is handled per peer in order and across peers at
// once. The API calls themselves still go through vk-io.
import type { VK } from 'vk-io';
import { inWriteLane, type Db } from '../../db/client.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import { chatQueue, PollWatch } from '../adapter-kit.js';
import type { Log } from '../../handlers/core/log.js';
import { PlatformError } from '../errors.js';

interface PollServer {
  server: string;
  key: string;
  ts: string;
}

type PollAnswer = { ts?: string | number; updates?: unknown[]; failed?: number };

const WAIT_SECONDS = 25;
const RETRY_MS = 3000;

/** The peer an update belongs to, for ordering; updates without one share a queue. */
function peerOf(update: unknown): string {
  const object = typeof update === 'object' && update !== null && 'object' in update ? (update.object as Record<string, unknown> | null) : null;
  const message = object && typeof object.message === 'object' && object.message !== null ? (object.message as Record<string, unknown>) : undefined;
  return String(message?.peer_id ?? object?.peer_id ?? '');
}

export class VkLongPoll {
  private running = false;
  private loop: Promise<void> | undefined;
  private abort = new AbortController();
  readonly watch = new PollWatch();

  constructor(
    private readonly vk: VK,
    private readonly groupId: number,
    private readonly db: Db,
    private readonly onUpdate: (update: unknown) => Promise<void>,
    private readonly log: Log,
  ) {}

  private get tsKey(): string {
    return `vk:${this.groupId}:ts`;
  }

  async start(): Promise<void> {
    const server = await this.server();
    this.running = true;
    this.loop = this.run(server);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
  }

  private async server(): Promise<PollServer> {
    const answer = (await this.vk.api.groups.getLongPollServer({ group_id: this.groupId })) as PollServer;
    // Resume from where the last run stopped, so updates sent while we were down are not lost.
    const saved = getValue(this.db, this.tsKey);
    // On the very first start the position is saved at once: a stop before the first batch must not skip what came meanwhile.
    if (saved === undefined) await inWriteLane(this.db, () => setValue(this.db, this.tsKey, String(answer.ts)));
    return { ...answer, ts: saved ?? String(answer.ts) };
  }

  private async run(initial: PollServer): Promise<void> {
    let server = initial;
    while (this.running) {
      try {
        const url = `${server.server}?act=a_check&key=${encodeURIComponent(server.key)}&ts=${encodeURIComponent(server.ts)}&wait=${WAIT_SECONDS}`;
        const response = await fetch(url, { signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout((WAIT_SECONDS + 10) * 1000)]) });
        if (!response.ok) throw new PlatformError('vk', 'long poll', response.status, 'unexpected answer');
        const answer = (await response.json()) as PollAnswer;
        this.watch.succeeded();
        if (answer.failed === 1 && answer.ts !== undefined) {
          server = { ...server, ts: String(answer.ts) };
          continue;
        }
        if (answer.failed !== undefined) {
          const fresh = (await this.vk.api.groups.getLongPollServer({ group_id: this.groupId })) as PollServer;
          server = { ...fresh, ts: answer.failed === 2 ? server.ts : String(fresh.ts) };
          continue;
        }
        // One chat's updates in order, different chats' at once; the position is saved once the whole batch is handled.
        const inOrder = chatQueue();
        await Promise.all((answer.updates ?? []).map((update) => inOrder(peerOf(update), () => this.onUpdate(update))));
        if (answer.ts !== undefined) {
          server = { ...server, ts: String(answer.ts) };
          const ts = server.ts;
          await inWriteLane(this.db, () => setValue(this.db, this.tsKey, ts));
        }
      } catch (error) {
        if (!this.running) return;
        this.log.warn({ err: error }, 'vk long poll failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        try {
          const fresh = (await this.vk.api.groups.getLongPollServer({ group_id: this.groupId })) as PollServer;
          server = { ...fresh, ts: server.ts };
        } catch (refreshError) {
          this.log.warn({ err: refreshError }, 'vk long poll server not reachable');
        }
      }
    }
  }
}
