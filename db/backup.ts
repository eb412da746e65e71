// Backups of the live database through SQLite's online backup API (never a
// file copy of a database in use), their integrity check, retention, and
// restore: it refuses while another process has the database open, keeps
// every commit of the replaced file (its WAL included) in the copy it keeps,
// and carries out again the erasures recorded since the backup was taken.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from './types.js';
import { audit } from './repos/audit.js';
import { erasePerson, erasureLog, type Erasure } from './repos/erasures.js';
import { people } from './schema.js';

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
 * Deletes the copies Opora made for safety rather than by schedule, once
 * they are older than `keepDays`: snapshots before an upgrade in `dir`, and
 * the database kept beside itself by a restore. Like nightly backups, they
 * would otherwise keep erased people for ever.
 */
export function pruneKeptCopies(dir: string, databasePath: string, keepDays: number, now: Date): string[] {
  const cut = now.getTime() - keepDays * 86_400_000;
  const candidates = [
    ...(existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(`${PREFIX}pre-upgrade-`)).map((f) => join(dir, f)) : []),
    ...(existsSync(dirname(databasePath))
      ? readdirSync(dirname(databasePath))
          .filter((f) => f.startsWith(`${basename(databasePath)}.before-restore-`) || f.startsWith(`${basename(databasePath)}.orphan-`))
          .map((f) => join(dirname(databasePath), f))
      : []),
  ];
  const removed = candidates.filter((path) => statSync(path).mtimeMs < cut);
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

export type RestoreProblem = 'unusable' | 'in-use' | 'failed-check';

/** Why a restore did not happen (or did not finish); `code` picks the message shown. */
export class RestoreError extends Error {
  constructor(
    readonly code: RestoreProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface Restored {
  /** Where the replaced database was kept, with its -wal and -shm beside it. */
  previous?: string;
  /** The erasure log of the replaced database; undefined when it could not be read (see `unreadable`). */
  erasures?: Erasure[];
  unreadable?: string;
}

/**
 * Replaces the database at `target` with the backup `file`, after checking
 * the backup. Refuses while another process has `target` open. The previous
 * file is kept beside it holding every commit (its WAL is checkpointed into
 * it, and any -wal or -shm left moves with it), and its erasure log is
 * returned for `completeRestore`. Checks the result again.
 */
export function restoreDb(file: string, target: string, now: Date, options: { lockWaitMs?: number } = {}): Restored {
  const before = checkIntegrity(file);
  if (!before.ok) throw new RestoreError('unusable', `the backup ${basename(file)} is not usable: ${before.message}`);
  const live = existsSync(target) ? quiesce(target, options.lockWaitMs ?? 1000) : { erasures: [] };
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  let previous: string | undefined;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${stamp(now)}`;
    renameSync(target, previous);
  }
  // Never deleted: a -wal may hold commits. It goes with the file it belongs to, or aside if that file is gone.
  const aside = previous ?? `${target}.orphan-${stamp(now)}`;
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${target}${suffix}`)) renameSync(`${target}${suffix}`, `${aside}${suffix}`);
  }
  renameSync(staging, target);
  const after = checkIntegrity(target);
  if (!after.ok) throw new RestoreError('failed-check', `${after.message}${previous ? `; the previous database is kept as ${previous}` : ''}`);
  return { previous, ...live };
}

/**
 * Takes the live database for itself (an exclusive lock, which a process
 * that has it open prevents: in WAL mode every open connection holds a
 * shared lock on the file until it closes), reads its erasure log and
 * checkpoints its WAL into the file. A file SQLite cannot read is left as it
 * is, and said so.
 */
function quiesce(target: string, lockWaitMs: number): Omit<Restored, 'previous'> {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(target, { fileMustExist: true });
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(lockWaitMs))}`);
    sqlite.pragma('locking_mode = EXCLUSIVE');
    // The first read takes the lock (and reads the WAL into memory).
    const hasLog = sqlite.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'erasures'").get() as { n: number };
    const erasures = hasLog.n > 0 ? erasureLog(drizzle(sqlite)) : [];
    const [checkpoint] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint && checkpoint.busy !== 0) throw new RestoreError('in-use', `${basename(target)} is in use: its WAL could not be checkpointed`);
    return { erasures };
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new RestoreError('in-use', `another process has ${basename(target)} open (is Opora running?); stop it first`);
    }
    return { unreadable: error instanceof Error ? error.message : String(error) };
  } finally {
    sqlite?.close();
  }
}

/**
 * After a restore: erases again everyone the replaced database's log says
 * was erased and the restored one still holds, and records the restore in
 * the audit log, in one transaction. Returns how many were erased again.
 */
export function completeRestore(db: Db, restored: Restored & { file: string }, now: Date): number {
  return db.transaction((tx) => {
    let replayed = 0;
    for (const { personId, at } of restored.erasures ?? []) {
      const person = tx.select({ erasedAt: people.erasedAt }).from(people).where(eq(people.id, personId)).get();
      if (!person || person.erasedAt) continue;
      erasePerson(tx, personId, at);
      replayed += 1;
    }
    const details = { file: basename(restored.file), erasuresReplayed: replayed, erasureLog: restored.erasures ? 'read' : 'unreadable' };
    audit(tx, { at: now, actorId: null, municipalityId: null, action: 'backup.restored', details });
    return replayed;
  });
}
