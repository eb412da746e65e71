// Runs the registered jobs: once at start-up (catching up on anything missed
// while the process was down) and then every minute from a node-cron tick.
import cron, { type ScheduledTask } from 'node-cron';
import type { Job, JobDeps } from './job.js';
import { inWriteLane } from '../db/client.js';

export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<void> = Promise.resolve();
  /** When the last tick finished, for health checks. */
  lastTickAt: Date | undefined;
  /** Runs per job since start, for metrics. */
  readonly runs: Record<string, { ok: number; failed: number }> = {};

  constructor(
    private readonly deps: JobDeps,
    private readonly jobs: readonly Job[],
  ) {}

  /** Runs every job for `now`; one failing job does not stop the others. */
  async tick(now: Date = this.deps.clock.now()): Promise<void> {
    for (const job of this.jobs) {
      const runs = (this.runs[job.name] ??= { ok: 0, failed: 0 });
      try {
        // In the write lane: a job's writes never slip into an update's open transaction.
        await inWriteLane(this.deps.db, () => job.run(this.deps, now));
        runs.ok++;
      } catch (error) {
        runs.failed++;
        this.deps.log.error({ err: error, job: job.name }, 'job failed');
      }
    }
    this.lastTickAt = now;
  }

  start(): void {
    this.running = this.tick();
    this.task = cron.schedule('* * * * *', () => {
      // Ticks never overlap: a slow one delays the next.
      this.running = this.running.then(() => this.tick());
    });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.running;
  }
}
