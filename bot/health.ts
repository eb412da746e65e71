// The optional HTTP port for operators: /healthz (database writable, each
// messenger polled recently, scheduler ticking) and /metrics for Prometheus.
import { createServer, type Server } from 'node:http';
import { inWriteLane, type Db } from '../db/client.js';
import { setValue } from '../db/repos/kv.js';
import type { Adapter } from './adapter.js';
import type { Metrics } from './metrics.js';
import type { Scheduler } from '../scheduler/scheduler.js';

export interface HealthSources {
  db: Db;
  adapters: Adapter[];
  scheduler: Scheduler;
  metrics: Metrics;
  now: () => Date;
  /** How old the last successful poll may be (a long poll waits up to 30 s). */
  pollStaleMs?: number;
  /** How long the scheduler may go without finishing a tick. */
  tickStaleMs?: number;
}

export interface Health {
  healthy: boolean;
  checks: Record<string, { ok: boolean; detail: string }>;
}

export async function checkHealth(s: HealthSources): Promise<Health> {
  const now = s.now();
  const checks: Health['checks'] = {};
  try {
    await inWriteLane(s.db, () => setValue(s.db, 'health:last-check', now.toISOString()));
    checks.database = { ok: true, detail: 'writable' };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  for (const adapter of s.adapters) {
    const last = adapter.lastPollAt();
    const age = last ? now.getTime() - last.getTime() : Number.POSITIVE_INFINITY;
    checks[adapter.platform] = { ok: age <= (s.pollStaleMs ?? 90_000), detail: last ? `last poll ${Math.round(age / 1000)} s ago` : 'never polled' };
  }
  const tick = s.scheduler.lastTickAt;
  const lag = tick ? now.getTime() - tick.getTime() : Number.POSITIVE_INFINITY;
  checks.scheduler = { ok: lag <= (s.tickStaleMs ?? 150_000), detail: tick ? `last tick ${Math.round(lag / 1000)} s ago` : 'no tick yet' };
  return { healthy: Object.values(checks).every((c) => c.ok), checks };
}

export async function startHealthServer(port: number, sources: HealthSources): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/healthz') {
        const health = await checkHealth(sources);
        res.writeHead(health.healthy ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(health));
        return;
      }
      if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': sources.metrics.registry.contentType });
        res.end(await sources.metrics.registry.metrics());
        return;
      }
      res.writeHead(404).end();
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  return server;
}
