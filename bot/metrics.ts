// Prometheus metrics: updates handled and handler errors per platform, the
// outbox's depth and sends by result, scheduler job runs and lag.
import { Counter, Gauge, Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { countOutbox } from '../db/repos/outbox.js';
import { outboxStates, platforms } from '../db/schema.js';
import type { OutboxSender } from './outbox/sender.js';
import type { Scheduler } from '../scheduler/scheduler.js';

export interface Metrics {
  registry: Registry;
  updateHandled(platform: string): void;
  handlerError(platform: string): void;
}

export function createMetrics(sources: { db: Db; senders: () => OutboxSender[]; scheduler: () => Scheduler | undefined; now: () => Date }): Metrics {
  const registry = new Registry();
  const updates = new Counter({ name: 'opora_updates_total', help: 'Messenger updates handled', labelNames: ['platform'], registers: [registry] });
  const errors = new Counter({ name: 'opora_handler_errors_total', help: 'Updates whose handler failed unexpectedly', labelNames: ['platform'], registers: [registry] });
  new Gauge({
    name: 'opora_outbox_rows',
    help: 'Outbox rows by platform and state',
    labelNames: ['platform', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const platform of platforms) {
        const counts = countOutbox(sources.db, { platform });
        for (const state of outboxStates) this.set({ platform, state }, counts[state]);
      }
    },
  });
  new Counter({
    name: 'opora_outbox_sends_total',
    help: 'Outbox send attempts by platform and result since start',
    labelNames: ['platform', 'result'],
    registers: [registry],
    collect() {
      this.reset();
      for (const sender of sources.senders()) for (const [result, n] of Object.entries(sender.counts)) this.inc({ platform: sender.platform, result }, n);
    },
  });
  new Counter({
    name: 'opora_job_runs_total',
    help: 'Scheduler job runs since start',
    labelNames: ['job', 'outcome'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [job, c] of Object.entries(sources.scheduler()?.runs ?? {})) {
        this.inc({ job, outcome: 'ok' }, c.ok);
        this.inc({ job, outcome: 'failed' }, c.failed);
      }
    },
  });
  new Gauge({
    name: 'opora_scheduler_lag_seconds',
    help: 'Seconds since the scheduler last finished a tick',
    registers: [registry],
    collect() {
      const last = sources.scheduler()?.lastTickAt;
      this.set(last ? (sources.now().getTime() - last.getTime()) / 1000 : -1);
    },
  });
  return {
    registry,
    updateHandled: (platform) => updates.inc({ platform }),
    handlerError: (platform) => errors.inc({ platform }),
  };
}
