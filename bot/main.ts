// The service's entry point and the only place that reads the environment:
// starts every messenger whose credentials are set, or the terminal
// playground when none is, and stops cleanly on SIGTERM or SIGINT.
import { startApp } from './app.js';
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

async function main(): Promise<void> {
  const config = readConfig();
  const playground = !config.telegram && !config.vk && !config.max;
  const log = createLogger(config, playground);
  const app = await startApp(config, {
    log,
    terminal: playground ? { input: process.stdin, output: process.stdout } : undefined,
  });
  let exiting = false;
  const shutdown = async (signal: string) => {
    if (exiting) return;
    exiting = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.stop();
    log.flush();
    // Exit explicitly: a pending HTTP long poll must not keep the process alive.
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (app.playground) void app.playground.closed.then(() => shutdown('playground closed'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Opora failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
