// pino, configured once: JSON lines to stdout, or to a file while the
// terminal playground owns the screen.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export function createLogger(config: Config, toFile: boolean): Logger {
  if (!toFile) return pino({ level: config.logLevel });
  const dir = config.databasePath === ':memory:' ? '.' : dirname(config.databasePath);
  mkdirSync(dir, { recursive: true });
  return pino({ level: config.logLevel }, pino.destination({ dest: join(dir, 'opora.log'), sync: false }));
}
