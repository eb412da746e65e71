// Opens the SQLite database the whole service shares and brings its schema up
// to date. The only place that touches better-sqlite3 directly.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { snapshotDb } from './backup.js';
import * as schema from './schema.js';
import type { Db } from './types.js';

export type { Db, DbOrTx, Tx } from './types.js';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (creating if needed) the database at `path`, or in memory for ':memory:'. */
export function createDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Deleted and overwritten content is zeroed, so an erased person's name does not linger in free pages.
  sqlite.pragma('secure_delete = ON');
  reusePreparedStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

const STATEMENT_CACHE = 500;

/**
 * drizzle prepares every query anew, and preparing was the largest single
 * cost of handling an update. Statements are kept by their SQL text (the
 * least recently used dropped past 500) and handed back reset; nothing here
 * iterates a statement, so one is never busy when it is reused.
 */
function reusePreparedStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      cache.delete(source);
      cache.set(source, cached);
      return cached.reader ? cached.raw(false) : cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value ?? '');
    return statement;
  }) as typeof sqlite.prepare;
}

const lanes = new WeakMap<Database.Database, Promise<unknown>>();

/**
 * Runs work that writes, one piece at a time on this connection. An update's
 * handler keeps one transaction open across its awaits (transactionAsync), so
 * everything else that writes on the same connection (the outbox senders, the
 * scheduler, the adapters recording updates) waits its turn here instead of
 * slipping into that transaction. Work must not call this again from inside.
 */
export function inWriteLane<T>(db: Db, work: () => Promise<T> | T): Promise<T> {
  const tail = lanes.get(db.$client) ?? Promise.resolve();
  const run = tail.then(work);
  lanes.set(
    db.$client,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * Async work in one transaction, in the write lane: every write it makes,
 * however many awaits apart, is committed together or not at all.
 */
export function transactionAsync<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return inWriteLane(db, async () => {
    db.$client.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      db.$client.exec('COMMIT');
      if (purgeAfterCommit.delete(db.$client)) purgeErasedPages(db);
      return result;
    } catch (error) {
      if (db.$client.inTransaction) db.$client.exec('ROLLBACK');
      purgeAfterCommit.delete(db.$client);
      throw error;
    }
  });
}

/** How many committed migrations the database has not had yet. */
export function pendingMigrations(db: Db, folder = migrationsFolder): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const table = db.$client.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number };
  const applied = table.n === 0 ? 0 : (db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
  return journal.entries.length - applied;
}

export class UpgradeError extends Error {
  constructor(
    message: string,
    readonly snapshot: string | undefined,
  ) {
    super(message);
    this.name = 'UpgradeError';
  }
}

/**
 * Applies every committed migration not yet applied, all in one transaction.
 * A database that already holds data is first copied beside itself; a failed
 * upgrade rolls back and leaves the database exactly as it was.
 */
export function migrateDb(db: Db, options: { folder?: string; snapshotDir?: string; now?: Date } = {}): { snapshot?: string } {
  const folder = options.folder ?? migrationsFolder;
  const pending = pendingMigrations(db, folder);
  if (pending === 0) return {};
  const hasData = (db.$client.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'people'").get() as { n: number }).n > 0;
  const snapshot = hasData && options.snapshotDir ? snapshotDb(db, options.snapshotDir, options.now ?? new Date(0), 'pre-upgrade') : undefined;
  try {
    migrate(db, { migrationsFolder: folder });
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new UpgradeError(
      `The database upgrade failed and was rolled back: the database is as it was before.${snapshot ? ` A copy from before the upgrade is at ${snapshot}.` : ''} Cause: ${cause}`,
      snapshot,
    );
  }
  return { snapshot };
}

export function openDb(path: string, options: { backupDir?: string; now?: Date } = {}): Db {
  const db = createDb(path);
  try {
    migrateDb(db, { snapshotDir: options.backupDir, now: options.now });
    zeroOldFreePages(db);
  } catch (error) {
    closeDb(db);
    throw error;
  }
  return db;
}

/**
 * After an erasure: copies the WAL into the database file and empties it, so
 * the erased rows survive neither in the WAL's old page images nor (with
 * secure_delete) in the file's free pages. Best effort while another
 * connection reads; the next checkpoint finishes the job.
 */
export function purgeErasedPages(db: Db): void {
  // A checkpoint cannot run inside a transaction: then it runs as soon as the transaction commits.
  if (db.$client.inTransaction) purgeAfterCommit.add(db.$client);
  else db.$client.pragma('wal_checkpoint(TRUNCATE)');
}

const purgeAfterCommit = new WeakSet<Database.Database>();

/**
 * A database written before secure_delete was on may hold old content in its
 * free pages; it is rebuilt once (VACUUM), and never again.
 */
function zeroOldFreePages(db: Db): void {
  const done = db.$client.prepare("select value from kv where key = 'free-pages-zeroed'").get() as { value: string } | undefined;
  if (done) return;
  const free = db.$client.pragma('freelist_count', { simple: true }) as number;
  if (free > 0) db.$client.exec('VACUUM');
  db.$client.prepare("insert into kv (key, value) values ('free-pages-zeroed', '1') on conflict(key) do nothing").run();
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}
