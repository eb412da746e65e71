// The setup every in-process journey shares: a fake messenger, a fresh
// database, the app started on both, and all of it stopped and removed
// after. Kept apart from drivers.ts, which the benchmarks import too and
// which therefore needs nothing of the test runner.
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type App, type AppOptions } from '../../bot/app.js';
import type { Config } from '../../bot/config.js';
import { closeDb, openDb, type Db } from '../../db/client.js';
import type { Clock } from '../../handlers/core/clock.js';
import { tempDir } from '../helpers/core.js';
import { drivers, journeyOptions, type messengers } from './drivers.js';

type Messenger = (typeof messengers)[number];
type DriverOf<P extends Messenger> = Awaited<ReturnType<(typeof drivers)[P]>>;

export interface Journey<P extends Messenger> {
  readonly driver: DriverOf<P>;
  readonly app: App;
  /** The database file, for a CLI run against the same data. */
  readonly path: string;
  /** Stops the app and starts it again on the same database, as a deploy would. */
  restart(): Promise<void>;
}

/**
 * The setup every in-process journey shares, registered as its beforeAll and
 * afterAll: the fake messenger, a fresh database given to `seed`, `before`
 * for what the fake must know first (who blocked the bot), then the app with
 * journeyOptions and any `app` options on top; stopped and removed after.
 * `driver` and `app` are getters, as they exist only once beforeAll has run.
 */
export function journey<P extends Messenger>(
  platform: P,
  options: { seed?: (db: Db) => void; clock?: Clock; before?: (driver: DriverOf<P>) => void; app?: Partial<AppOptions> } = {},
): Journey<P> {
  let driver: DriverOf<P>;
  let app: App;
  let config: Config;
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'opora.db');
  const appOptions = { ...journeyOptions(options.clock), ...options.app };

  beforeAll(async () => {
    driver = (await drivers[platform]()) as DriverOf<P>;
    if (options.seed) {
      const db = openDb(path);
      options.seed(db);
      closeDb(db);
    }
    options.before?.(driver);
    config = driver.config(path);
    app = await startApp(config, appOptions);
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  return {
    get driver() {
      return driver;
    },
    get app() {
      return app;
    },
    path,
    restart: async () => {
      await app.stop();
      app = await startApp(config, appOptions);
    },
  };
}
