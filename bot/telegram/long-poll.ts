// The getUpdates loop. Written here rather than grammY's bot.start(), which
// handles updates strictly one after another: with a few hundred teachers
// answering a survey in the same minute, every update would wait for the
// HTTP round trips of all before it. Here a batch is handled per chat in
// order and across chats at once, and the offset that confirms the batch is
// sent only once all of it was handled: after a crash, updates not yet begun
// are fetched again (one cut off mid-way is not repeated; its reply may be
// lost, its writes are whole or absent).
import { BotError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Log } from '../../handlers/core/log.js';
import { chatQueue } from '../adapter.js';

const WAIT_SECONDS = 25;
const RETRY_MS = 3000;

/** The chat an update belongs to, for ordering; updates without one (or malformed ones) share a queue. */
function chatOf(update: Update): string {
  const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);
  const query = field(update, 'callback_query');
  const chat = field(field(field(update, 'message'), 'chat'), 'id') ?? field(field(field(query, 'message'), 'chat'), 'id') ?? field(field(query, 'from'), 'id');
  return typeof chat === 'number' || typeof chat === 'string' ? String(chat) : '';
}

export class TelegramLongPoll {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private offset = 0;

  constructor(
    private readonly bot: Bot,
    private readonly allowedUpdates: ('message' | 'callback_query')[],
    private readonly log: Log,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
    // Confirm what was handled, so it is not fetched again after a restart (it would be ignored, but costs a round trip).
    if (this.offset > 0) await this.bot.api.getUpdates({ offset: this.offset, limit: 1, timeout: 0 }, AbortSignal.timeout(2000) as never).catch(() => {});
  }

  private async run(): Promise<void> {
    const inOrder = chatQueue();
    while (this.running) {
      try {
        const updates = await this.bot.api.getUpdates(
          { offset: this.offset, timeout: WAIT_SECONDS, allowed_updates: this.allowedUpdates },
          this.abort.signal as never,
        );
        await Promise.all(updates.map((update) => inOrder(chatOf(update), () => this.handle(update))));
        // A batch is confirmed by asking for what follows it.
        const last = updates.at(-1);
        if (last) this.offset = last.update_id + 1;
      } catch (error) {
        if (!this.running) return;
        this.log.warn({ err: error }, 'telegram polling failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async handle(update: Update): Promise<void> {
    try {
      await this.bot.handleUpdate(update);
    } catch (error) {
      this.log.error({ err: error instanceof BotError ? error.error : error, updateId: update.update_id }, 'telegram update failed');
    }
  }
}
