// The service's entry point and the only place that reads the environment:
// starts every messenger whose credentials are set, or the terminal
// playground when none is, and stops cleanly on SIGTERM or SIGINT. An error
// nothing else caught (an unhandled rejection, an uncaught exception) or an
// outbox sender that cannot write to the database is logged and stops the
// service the same clean way, exiting non-zero so a supervisor restarts it.
import type { Logger } from 'pino';
import { startApp, type App } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** Stops the app once, whatever asks first, then exits with the code of the first reason. */
function shutdownOnce(log: Logger, app: () => App | undefined): (reason: string, code: number) => Promise<void> {
  let exiting = false;
  return async (reason, code) => {
    if (exiting) return;
    exiting = true;
    log.info({ reason }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    let exitCode = code;
    try {
      await app()?.stop();
    } catch (error) {
      log.error({ err: error }, 'stopping failed');
      exitCode = exitCode || 1;
    }
    log.flush();
    // Exit explicitly: a pending HTTP long poll must not keep the process alive.
    process.exit(exitCode);
  };
}

async function main(): Promise<void> {
  const config = readConfig();
  const playground = !config.telegram && !config.vk && !config.max;
  const log = createLogger(config, playground);
  const running: { app?: App } = {};
  const shutdown = shutdownOnce(log, () => running.app);
  const crash = (what: string) => (error: unknown) => {
    log.fatal({ err: error }, `${what}: stopping`);
    void shutdown(what, 1);
  };
  process.on('unhandledRejection', crash('unhandled rejection'));
  process.on('uncaughtException', crash('uncaught exception'));
  const app = await startApp(config, {
    log,
    terminal: playground ? { input: process.stdin, output: process.stdout } : undefined,
    sender: { onFailure: () => void shutdown('an outbox sender stopped: the database does not take its writes', 1) },
  });
  running.app = app;
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  if (app.playground) void app.playground.closed.then(() => shutdown('playground closed', 0));
}

main().catch((error: unknown) => {
  process.stderr.write(`Opora failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
