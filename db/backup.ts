// Backups of the live database through SQLite's online backup API (never a
// file copy of a database in use), their integrity check, retention, and
// restore into a stopped service's database file.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './client.js';

const PREFIX = 'opora-';

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** PRAGMA integrity_check on a database file, opened read-only. */
export function checkIntegrity(path: string): { ok: boolean; message: string } {
  if (!existsSync(path)) return { ok: false, message: `${path} does not exist` };
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const result = db.pragma('integrity_check', { simple: true });
    const migrated = db.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'").get() as { n: number };
    if (result !== 'ok') return { ok: false, message: String(result) };
    if (migrated.n === 0) return { ok: false, message: 'not an Opora database (no migrations table)' };
    return { ok: true, message: 'ok' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}

/** Takes an online backup into `dir` and checks it; returns the file's path. */
export async function backupDb(db: Db, dir: string, now: Date, label = 'backup'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${PREFIX}${label}-${stamp(now)}.db`);
  await db.$client.backup(path);
  const check = checkIntegrity(path);
  if (!check.ok) throw new Error(`backup ${path} failed its integrity check: ${check.message}`);
  return path;
}

/** A consistent copy taken synchronously (VACUUM INTO), for the moment before an upgrade. */
export function snapshotDb(db: Db, dir: string, now: Date, label: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${PREFIX}${label}-${stamp(now)}.db`);
  db.$client.prepare('VACUUM INTO ?').run(path);
  return path;
}

/** Keeps the newest `keep` scheduled backups in `dir`; returns the names removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const backups = readdirSync(dir)
    .filter((f) => f.startsWith(`${PREFIX}backup-`) && f.endsWith('.db'))
    .sort()
    .reverse();
  const removed = backups.slice(keep);
  for (const name of removed) rmSync(join(dir, name));
  return removed;
}

/**
 * Replaces the database at `target` with the backup `file`, after checking
 * the backup; the previous file is kept beside it. The service must be
 * stopped. Checks the result again.
 */
export function restoreDb(file: string, target: string, now: Date): { previous?: string } {
  const before = checkIntegrity(file);
  if (!before.ok) throw new Error(`the backup ${basename(file)} is not usable: ${before.message}`);
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stamp(now)}`;
    renameSync(target, previous);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  const after = checkIntegrity(target);
  if (!after.ok) throw new Error(`the restored database failed its integrity check: ${after.message}`);
  return { previous };
}
