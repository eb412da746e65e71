// Threats to committed data and to "sent once": a restore that loses the
// commits still in the replaced database's WAL, a restore run while Opora
// has the database open, a restore that brings back people erased after the
// backup was taken, and a database busy with another process's transaction
// just after a message went out (an unhandled rejection, a second copy).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../../bot/outbox/rate-limit.js';
import { OutboxSender, type OutboxTransport, type SendOutcome } from '../../bot/outbox/sender.js';
import { backupDb, restoreDb } from '../../db/backup.js';
import { closeDb, createDb, openDb, type Db } from '../../db/client.js';
import { touchAccount } from '../../db/repos/accounts.js';
import { enqueueOutbox, getOutboxRow } from '../../db/repos/outbox.js';
import { erasePerson } from '../../db/repos/people.js';
import { accounts, auditLog, people, regions } from '../../db/schema.js';
import { systemClock } from '../../handlers/core/clock.js';
import type { Log } from '../../handlers/core/log.js';
import { outboxItem } from '../../handlers/core/outbox.js';
import { runCli } from '../e2e/cli.js';
import { tempDir } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait.js';

/** A second process with the database open the way Opora opens it; prints "ready" once it has. */
const HOLDER = `
import { closeDb, openDb } from './db/client.ts';
import { regions } from './db/schema.ts';
const [path, region] = process.argv.slice(1);
const db = openDb(path);
if (region) {
  db.$client.pragma('wal_autocheckpoint = 0');
  db.insert(regions).values({ name: region }).run();
}
console.log('ready');
process.stdin.resume();
process.stdin.on('end', () => { closeDb(db); process.exit(0); });
`;

interface Holder {
  child: ChildProcess;
  exited: Promise<number | null>;
}

const holders: Holder[] = [];

async function holdDatabase(path: string, region = ''): Promise<Holder> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', HOLDER, path, region], {
    cwd: process.cwd(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const holder = { child, exited };
  holders.push(holder);
  const errors: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
    void exited.then((code) => reject(new Error(`the holder exited with ${code}: ${errors.join('')}`)));
  });
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the holder never got ready: ${errors.join('')}`)), 25_000).unref());
  await Promise.race([ready, timeout]);
  return holder;
}

afterEach(async () => {
  for (const holder of holders.splice(0)) {
    if (holder.child.exitCode === null && holder.child.signalCode === null) holder.child.kill('SIGKILL');
    await holder.exited;
  }
});

function regionNames(path: string): string[] {
  const db = createDb(path);
  try {
    return db.select({ name: regions.name }).from(regions).all().map((r) => r.name);
  } finally {
    closeDb(db);
  }
}

async function liveWithBackup(dir: string): Promise<{ live: string; backup: string }> {
  const live = join(dir, 'opora.db');
  const db = openDb(live);
  seedMunicipality(db, { platform: 'telegram', schools: [], people: [{ name: 'Архивова Нина Петровна', role: 'coordinator', user: 1 }] });
  const backup = await backupDb(db, join(dir, 'backups'), new Date('2026-11-20T03:00:00Z'));
  closeDb(db);
  return { live, backup };
}

describe('restore', () => {
  it('keeps a commit that lived only in the WAL of the replaced database in the copy it keeps', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { live, backup } = await liveWithBackup(dir);
      // The service commits, then dies before any checkpoint: the commit is only in the WAL.
      const service = await holdDatabase(live, 'Область после копии');
      service.child.kill('SIGKILL');
      await service.exited;
      expect(statSync(`${live}-wal`).size).toBeGreaterThan(32);
      copyFileSync(live, join(dir, 'main-file-only.db'));
      expect(regionNames(join(dir, 'main-file-only.db'))).not.toContain('Область после копии');

      const { previous } = restoreDb(backup, live, new Date('2026-11-23T10:00:00Z'));

      expect(previous).toBeDefined();
      expect(regionNames(previous!)).toContain('Область после копии');
      expect(regionNames(live)).not.toContain('Область после копии');
    } finally {
      cleanup();
    }
  });

  it('refuses while another process has the database open, and changes nothing', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { live, backup } = await liveWithBackup(dir);
      const service = await holdDatabase(live);

      expect(() => restoreDb(backup, live, new Date('2026-11-23T10:00:00Z'))).toThrow(/another process has opora\.db open/);
      const cli = spawnSync(process.execPath, ['--import', 'tsx', 'bot/cli.ts', 'restore', backup], { env: { PATH: process.env.PATH ?? '', DATABASE_PATH: live }, encoding: 'utf8' });
      expect(cli.status).toBe(2);
      expect(cli.stderr).toMatch(/держит открытой другой процесс/);
      expect(readdirSync(dir).filter((f) => f.includes('before-restore'))).toEqual([]);

      service.child.stdin!.end();
      expect(await service.exited).toBe(0);
      expect(restoreDb(backup, live, new Date('2026-11-23T10:00:00Z')).previous).toBeDefined();
    } finally {
      cleanup();
    }
  });

  it('erases again a person erased after the backup was taken', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const live = join(dir, 'opora.db');
      const db = openDb(live);
      const seeded = seedMunicipality(db, {
        platform: 'telegram',
        schools: [],
        people: [
          { name: 'Забытова Ольга Ивановна', role: 'teacher', user: 1 },
          { name: 'Оставшаяся Вера Павловна', role: 'teacher', user: 2 },
        ],
      });
      const forgotten = seeded.personIds.get('Забытова Ольга Ивановна')!;
      const backup = await backupDb(db, join(dir, 'backups'), new Date('2026-11-20T03:00:00Z'));
      db.transaction((tx) => erasePerson(tx, forgotten, new Date('2026-11-21T12:00:00Z')));
      closeDb(db);

      const output = runCli(['restore', backup], { DATABASE_PATH: live });

      const restored = openDb(live);
      try {
        const person = restored.select().from(people).where(eq(people.id, forgotten)).get();
        expect(person?.fullName).toBeNull();
        expect(person?.erasedAt).not.toBeNull();
        expect(restored.select().from(accounts).where(eq(accounts.externalId, '1')).all()).toEqual([]);
        expect(restored.select().from(people).all().map((p) => p.fullName)).toContain('Оставшаяся Вера Павловна');
        const entry = restored.select().from(auditLog).where(eq(auditLog.action, 'backup.restored')).get();
        expect(entry?.details).toMatchObject({ erasuresReplayed: 1 });
      } finally {
        closeDb(restored);
      }
      expect(output).toMatch(/повторённых сейчас: 1/);
    } finally {
      cleanup();
    }
  });
});

describe('the outbox sender and a busy database', () => {
  function recordingLog(): { log: Log; warnings: string[] } {
    const warnings: string[] = [];
    const log: Log = {
      debug: () => {},
      info: () => {},
      warn: (obj, msg) => void warnings.push(msg ?? String(obj)),
      error: (obj, msg) => void warnings.push(msg ?? String(obj)),
      child: () => log,
    };
    return { log, warnings };
  }

  /** Sends when the test says so, counting calls per row. */
  function gatedTransport(): { transport: OutboxTransport; calls: number[]; started: Promise<void>; release: () => void } {
    const calls: number[] = [];
    let markStarted = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transport: OutboxTransport = {
      platform: 'telegram',
      limiter: new RateLimiter({ perSecond: 100 }),
      async send(row): Promise<SendOutcome> {
        calls.push(row.id);
        markStarted();
        await gate;
        return { kind: 'sent' };
      },
    };
    return { transport, calls, started, release };
  }

  it('survives a write lock held past the busy timeout after a send: no crash, recorded once the lock goes, sent once', async () => {
    const { dir, cleanup } = tempDir();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    let db: Db | undefined;
    let sender: OutboxSender | undefined;
    const locker = { db: undefined as Database.Database | undefined };
    try {
      const path = join(dir, 'opora.db');
      db = openDb(path);
      // The service waits 5 s; a shorter wait here keeps the test quick, and the lock outlasts it all the same.
      db.$client.pragma('busy_timeout = 50');
      const account = touchAccount(db, 'telegram', '1', '1', new Date());
      enqueueOutbox(db, [outboxItem(account, { text: 'Семинар завтра в 15:00' }, { dedupeKey: 'busy-1', notBefore: new Date(0) })]);
      const rowId = getOutboxRow(db, 1)!.id;
      const { log, warnings } = recordingLog();
      const fake = gatedTransport();
      sender = new OutboxSender({ db, clock: systemClock, log }, fake.transport, { idleMs: 20 });
      sender.start();
      await fake.started;

      // Another process's long transaction (a CLI import, say) takes the write lock while the message is on its way.
      locker.db = new Database(path);
      locker.db.exec('BEGIN IMMEDIATE');
      fake.release();
      await waitFor(() => warnings.includes('outcome not recorded yet; kept to record again') || rejections.length > 0, 15_000, 'the failed record');
      expect(rejections).toEqual([]);
      locker.db.exec('COMMIT');
      locker.db.close();

      await waitFor(() => getOutboxRow(db!, rowId)?.state === 'sent', 15_000, 'the row to be recorded as sent');
      await sender.stop();
      expect(fake.calls).toEqual([rowId]);
      expect(rejections).toEqual([]);
      expect(sender.failure).toBeUndefined();
    } finally {
      process.off('unhandledRejection', onRejection);
      if (locker.db?.open) locker.db.close();
      await sender?.stop();
      if (db) closeDb(db);
      cleanup();
    }
  });
});

