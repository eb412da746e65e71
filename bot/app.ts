// Wires the service together from a Config: database, core, adapters, outbox
// senders and scheduler. main.ts calls it with the real environment; tests
// call it with loopback servers and a fake clock.
import { dirname, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { closeDb, openDb, type Db } from '../db/client.js';
import { getFile } from '../db/repos/broadcasts.js';
import { seedDemo } from '../db/seed/demo.js';
import { features as defaultFeatures } from '../handlers/index.js';
import { systemClock, type Clock } from '../handlers/core/clock.js';
import { createCore, type Core, type Feature } from '../handlers/core/dispatch.js';
import type { Log } from '../handlers/core/log.js';
import { coreDeps } from './core-deps.js';
import { jobs as defaultJobs } from '../scheduler/index.js';
import type { Job } from '../scheduler/job.js';
import { localDate } from '../handlers/core/local-time.js';
import { Scheduler } from '../scheduler/scheduler.js';
import type { Server } from 'node:http';
import type { Adapter } from './adapter.js';
import { startHealthServer } from './health.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { Config } from './config.js';
import { startConsole, type ConsoleAdapter } from './console/adapter.js';
import { ShiftedClock } from './console/clock.js';
import { inboxRecorder } from './inbox/record.js';
import { InboxWorker, type FetchByRef, type WorkerOptions } from './inbox/worker.js';
import type { PlatformName } from '../db/schema.js';
import { OutboxSender, type LoadFile, type SenderOptions } from './outbox/sender.js';
import type { RateLimits } from './outbox/rate-limit.js';
import { startTelegram } from './telegram/adapter.js';
import { startVk } from './vk/adapter.js';
import { startMax } from './max/adapter.js';

export interface AppOptions {
  log: Log;
  clock?: Clock;
  features?: readonly Feature[];
  jobs?: readonly Job[];
  /**
   * Terminal streams for the playground; it opens only when no messenger is
   * configured. The files the bot sends are saved in `filesDir`
   * (`playground/` beside the database unless given).
   */
  terminal?: { input: Readable; output: Writable; filesDir?: string };
  sender?: SenderOptions;
  worker?: WorkerOptions;
  limits?: { telegram?: RateLimits; vk?: RateLimits; max?: RateLimits };
  /** Leave the node-cron tick off; tests call scheduler.tick() with their clock. */
  manualScheduler?: boolean;
  /** Staleness limits of the health check, shortened in tests. */
  health?: { pollStaleMs?: number; tickStaleMs?: number };
}

export interface App {
  db: Db;
  metrics: Metrics;
  health?: Server;
  core: Core;
  adapters: Adapter[];
  senders: OutboxSender[];
  /** Handles the updates the adapters record. */
  worker: InboxWorker;
  scheduler: Scheduler;
  playground?: ConsoleAdapter;
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions): Promise<App> {
  const { log } = options;
  const playgroundOnly = !config.telegram && !config.vk && !config.max && options.terminal !== undefined;
  // The playground's clock can be moved forward (`:time`) to see what waits for a later hour.
  const clock = options.clock ?? (playgroundOnly ? new ShiftedClock(systemClock) : systemClock);
  const db = openDb(config.databasePath, { backupDir: config.backup.dir, now: clock.now() });
  const senders: OutboxSender[] = [];
  const deps = coreDeps({
    db,
    clock,
    log,
    settings: {
      defaultTimezone: config.defaultTimezone,
      quietHours: config.quietHours,
      dialogTtlMinutes: config.dialogTtlMinutes,
      backup: config.backup,
      retention: config.retention,
      outboxKeepDays: config.outboxKeepDays,
    },
    wakeOutbox: () => senders.forEach((s) => s.wake()),
  });
  const scheduler = new Scheduler(deps, options.jobs ?? defaultJobs);
  const metrics = createMetrics({ db, senders: () => senders, scheduler: () => scheduler, now: () => clock.now() });
  deps.observe = metrics;
  const core = createCore(deps, options.features ?? defaultFeatures);
  const loadFile: LoadFile = (id) => {
    const file = getFile(db, id);
    return file && { name: file.name, mime: file.mime, data: file.data };
  };
  const adapters: Adapter[] = [];
  let playground: ConsoleAdapter | undefined;
  // Adapters record updates from the moment they start; the worker that handles them starts once all are up.
  const fetchers: Partial<Record<PlatformName, FetchByRef>> = {};
  const worker = new InboxWorker({ db, clock, log, core, fetchers, wakeOutbox: deps.wakeOutbox }, options.worker);
  const record = inboxRecorder({ db, clock }, () => worker.wake());
  try {
    if (config.telegram) {
      const telegram = await startTelegram(
        { ...config.telegram, limits: options.limits?.telegram ?? { perSecond: config.telegram.rateLimit, perChatPerSecond: 1 }, loadFile },
        core,
        record,
        log,
      );
      deps.settings.links.telegramBot = telegram.username;
      adapters.push(telegram);
    }
    if (config.vk) {
      adapters.push(await startVk({ ...config.vk, limits: options.limits?.vk ?? { perSecond: config.vk.apiLimit }, loadFile }, record, db, log));
      deps.settings.links.vkGroupId = config.vk.groupId;
    }
    if (config.max) {
      const max = await startMax({ ...config.max, limits: options.limits?.max ?? { perSecond: config.max.rateLimit }, loadFile }, core, record, log);
      deps.settings.links.maxBot = max.username;
      adapters.push(max);
    }
    if (adapters.length === 0 && options.terminal) {
      if (seedDemo(db, config.defaultTimezone, localDate(clock.now(), config.defaultTimezone))) log.info('demo municipality seeded');
      const { input, output, filesDir } = options.terminal;
      playground = startConsole(
        {
          input,
          output,
          filesDir: filesDir ?? join(dirname(config.databasePath), 'playground'),
          timezone: config.defaultTimezone,
          loadFile,
          tick: () => scheduler.tick(),
        },
        core,
        db,
        deps.i18n,
      );
      adapters.push(playground);
    }
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    closeDb(db);
    throw error;
  }
  for (const adapter of adapters) {
    const sender = new OutboxSender({ db, clock, log }, adapter.transport, options.sender);
    sender.start();
    senders.push(sender);
  }
  for (const adapter of adapters) if (adapter.fetchFile) fetchers[adapter.platform] = adapter.fetchFile;
  // Updates left pending by a stop or a crash are handled now, before new ones of the same chat.
  worker.start();
  if (!options.manualScheduler) scheduler.start();
  const health = config.healthPort !== undefined
    ? await startHealthServer(config.healthPort, { db, adapters, scheduler, metrics, now: () => clock.now(), ...options.health })
    : undefined;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (health) {
        health.closeAllConnections();
        await new Promise<void>((resolve) => health.close(() => resolve()));
      }
      await scheduler.stop();
      await Promise.allSettled(adapters.map((a) => a.stop()));
      // Updates in hand finish (their replies are committed to the outbox); the rest wait in the inbox for the next start.
      await worker.stop();
      await Promise.allSettled(senders.map((s) => s.stop()));
      closeDb(db);
      log.info('stopped');
    })());

  return { db, core, adapters, senders, scheduler, playground, metrics, health, worker, stop };
}
