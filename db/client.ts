// Opens the SQLite database the whole service shares and brings its schema up
// to date. The only place that touches better-sqlite3 directly.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a synchronous drizzle transaction callback receives; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (creating if needed) the database at `path`, or in memory for ':memory:'. */
export function createDb(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return drizzle(sqlite, { schema }) as Db;
}

/** Applies every committed migration not yet applied. */
export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}

export function openDb(path: string): Db {
  const db = createDb(path);
  migrateDb(db);
  return db;
}

export function closeDb(db: Db): void {
  if (db.$client.open) db.$client.close();
}
