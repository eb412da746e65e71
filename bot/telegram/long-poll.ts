// The getUpdates loop. Each update of a batch is recorded in the durable
// inbox, in the order Telegram sent it, and the offset that confirms it is
// advanced only past updates safely recorded: after a crash nothing is lost,
// and nothing waits here for handlers (they run from the inbox). An update
// that could not be recorded is fetched again after a pause.
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Log } from '../../handlers/core/log.js';

const WAIT_SECONDS = 25;
const RETRY_MS = 3000;

export class TelegramLongPoll {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private offset = 0;

  constructor(
    private readonly bot: Bot,
    private readonly allowedUpdates: ('message' | 'callback_query')[],
    private readonly record: (update: Update) => Promise<void>,
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
    // Confirm what was recorded, so it is not fetched again after a restart (it would be dropped, but costs a round trip).
    if (this.offset > 0) await this.bot.api.getUpdates({ offset: this.offset, limit: 1, timeout: 0 }, AbortSignal.timeout(2000) as never).catch(() => {});
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const updates = await this.bot.api.getUpdates(
          { offset: this.offset, timeout: WAIT_SECONDS, allowed_updates: this.allowedUpdates },
          this.abort.signal as never,
        );
        // Handed over together (recorded in one transaction, in this order); confirmed by asking for what follows, at the next poll.
        const recorded = await Promise.allSettled(updates.map((update) => this.record(update)));
        for (const [i, outcome] of recorded.entries()) {
          if (outcome.status === 'rejected') throw outcome.reason;
          this.offset = (updates[i]?.update_id ?? this.offset - 1) + 1;
        }
      } catch (error) {
        if (!this.running) return;
        this.log.warn({ err: error, offset: this.offset }, 'telegram polling or recording failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
