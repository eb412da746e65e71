// Builds a real core on a real SQLite file for tests, and Incoming updates as
// an adapter would produce them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { FakeClock } from '../../handlers/core/clock.js';
import type { CoreDeps } from '../../handlers/core/context.js';
import type { Incoming, IncomingEvent, Platform } from '../../handlers/core/contract.js';
import { createCore, type Core, type Feature } from '../../handlers/core/dispatch.js';
import { silentLog } from '../../handlers/core/log.js';
import { features as allFeatures } from '../../handlers/index.js';
import { coreDeps } from '../../bot/core-deps.js';

/** A fresh folder inside the test run's own (tests/global-setup.ts), so nothing outlives the run even if a worker is stopped. */
export function tempDir(prefix = 'opora-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(process.env.OPORA_TEST_TMP ?? tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const scratch = new Set<string>();

/** A folder removed when the test process exits (a test may close a database and open it again, so not sooner). */
function scratchDir(): string {
  const { dir } = tempDir();
  if (scratch.size === 0) process.once('exit', () => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));
  scratch.add(dir);
  return dir;
}

export interface TestCore {
  core: Core;
  db: Db;
  clock: FakeClock;
  deps: CoreDeps;
  path: string;
  close(): void;
}

export function makeCore(options: { path?: string; clock?: FakeClock; features?: readonly Feature[]; timezone?: string } = {}): TestCore {
  const path = options.path ?? join(scratchDir(), 'opora.db');
  const db = openDb(path);
  const clock = options.clock ?? new FakeClock('2026-11-23T06:00:00Z');
  const deps = coreDeps({
    db,
    clock,
    log: silentLog,
    settings: { defaultTimezone: options.timezone ?? 'Europe/Moscow', links: { telegramBot: 'opora_test_bot', vkGroupId: 777 } },
  });
  const core = createCore(deps, options.features ?? allFeatures);
  return { core, db, clock, deps, path, close: () => closeDb(db) };
}

let counter = 0;

/** An update from a user, as an adapter would hand it to the core. */
export function from(user: string, event: IncomingEvent, platform: Platform = 'telegram', messageId?: string): Incoming {
  counter += 1;
  return { platform, updateId: `u${counter}-${Math.random()}`, chatId: user, sender: { id: user, languageCode: 'ru' }, messageId, event };
}

export const command = (name: string, args = ''): IncomingEvent => ({ kind: 'command', name, args });
export const text = (value: string): IncomingEvent => ({ kind: 'text', text: value });
export const press = (data: string): IncomingEvent => ({ kind: 'action', data });

/** The data of the first button whose label matches. */
export function buttonData(replies: { buttons?: { label: string; kind: string; data?: string }[][] }[], label: string | RegExp): string {
  for (const reply of replies) {
    for (const b of (reply.buttons ?? []).flat()) {
      if (b.kind === 'action' && b.data && (typeof label === 'string' ? b.label === label : label.test(b.label))) return b.data;
    }
  }
  throw new Error(`no button ${String(label)} in ${JSON.stringify(replies)}`);
}
