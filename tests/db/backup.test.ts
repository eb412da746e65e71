// Backups taken while the service writes, restore with integrity checks (also
// over a file SQLite cannot read), and upgrades: from the first released
// schema to the current one with nothing lost, and a failed migration that
// leaves the database untouched.
import { cpSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDb, checkIntegrity, pruneBackups, pruneKeptCopies, restoreDb } from '../../db/backup.js';
import { closeDb, createDb, migrateDb, migrationsFolder, openDb, pendingMigrations, UpgradeError } from '../../db/client.js';
import { countOutbox, enqueueOutbox } from '../../db/repos/outbox.js';
import { accounts, people, responses, surveyRounds, surveys } from '../../db/schema.js';
import { tempDir } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

describe('backups', () => {
  it('a backup taken while answers and a broadcast are written holds every answer committed before it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDb(join(dir, 'live.db'));
      const seeded = seedMunicipality(db, {
        platform: 'telegram',
        schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
        people: Array.from({ length: 300 }, (_, i) => ({ name: `Педагог Номер ${i}`, role: 'teacher' as const, school: 'Школа 1', user: 1000 + i })),
      });
      const survey = db.insert(surveys).values({ municipalityId: seeded.municipalityId, key: 'k', title: 'Опрос', definition: {} }).returning().get();
      const round = db.insert(surveyRounds).values({ surveyId: survey.id, municipalityId: seeded.municipalityId, audience: {}, opensAt: new Date(0), closesAt: new Date(8.64e15) }).returning().get();
      const all = db.select().from(accounts).all();
      enqueueOutbox(db, all.map((a) => ({ accountId: a.id, platform: 'telegram' as const, chatId: a.chatId, payload: { text: 'x' }, dedupeKey: `b:${a.id}`, notBefore: new Date(0) })));
      let committed = 0;
      const answer = () =>
        db.insert(responses).values({ roundId: round.id, unitKey: `person:${++committed}`, personId: null, schoolId: null, answers: { q: committed }, submittedAt: new Date() }).run();
      for (let i = 0; i < 200; i++) answer();
      const before = committed;
      const writing = (async () => {
        for (let i = 0; i < 200; i++) {
          answer();
          db.update(accounts).set({ lastSeenAt: new Date() }).run();
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const path = await backupDb(db, join(dir, 'backups'), new Date('2026-11-23T03:00:00Z'));
      await writing;
      expect(checkIntegrity(path).ok).toBe(true);
      closeDb(db);

      const target = join(dir, 'restored.db');
      restoreDb(path, target, new Date());
      const restored = openDb(target);
      const count = restored.select().from(responses).all().length;
      expect(count).toBeGreaterThanOrEqual(before);
      expect(count).toBeLessThanOrEqual(committed);
      expect(countOutbox(restored).pending).toBe(300);
      expect(restored.select().from(people).all()).toHaveLength(300);
      closeDb(restored);
    } finally {
      cleanup();
    }
  });

  it('refuses to restore a file that is not a sound Opora database', () => {
    const { dir, cleanup } = tempDir();
    try {
      const bad = join(dir, 'bad.db');
      writeFileSync(bad, 'not a database at all');
      expect(() => restoreDb(bad, join(dir, 'target.db'), new Date())).toThrow(/not usable/);
      expect(existsSync(join(dir, 'target.db'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  it('restores over a database SQLite cannot read, keeping it, and says its erasure log was not read', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDb(join(dir, 'good.db'));
      const backup = await backupDb(db, join(dir, 'backups'), new Date('2026-11-20T03:00:00Z'));
      closeDb(db);
      const target = join(dir, 'opora.db');
      writeFileSync(target, 'the disk ate this file');
      const restored = restoreDb(backup, target, new Date('2026-11-23T10:00:00Z'));
      expect(restored.erasures).toBeUndefined();
      expect(restored.unreadable).toMatch(/not a database/);
      expect(readFileSync(restored.previous!, 'utf8')).toBe('the disk ate this file');
      expect(checkIntegrity(target).ok).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('keeps only the newest backups', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDb(join(dir, 'o.db'));
      for (let day = 1; day <= 5; day++) await backupDb(db, join(dir, 'b'), new Date(`2026-11-0${day}T03:00:00Z`));
      closeDb(db);
      expect(pruneBackups(join(dir, 'b'), 3)).toEqual(['opora-backup-20261102-030000.db', 'opora-backup-20261101-030000.db']);
    } finally {
      cleanup();
    }
  });
});

describe('upgrades', () => {
  function migrationsUpTo(dir: string, count: number): string {
    const folder = join(dir, 'migrations');
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
    return folder;
  }

  it('upgrades a filled database from the first released schema to the current one, losing nothing', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'old.db');
      const old = createDb(path);
      migrateDb(old, { folder: migrationsUpTo(dir, 1) });
      // Rows as the first schema holds them, written by hand: today's code would name columns that schema lacks.
      old.$client.exec(`
        INSERT INTO regions (id, name) VALUES (1, 'Область');
        INSERT INTO municipalities (id, region_id, name, timezone) VALUES (1, 1, 'Город', 'Europe/Moscow');
        INSERT INTO people (id, municipality_id, full_name, consent_at) VALUES (1, 1, 'Старожилова Анна Ивановна', 1);
        INSERT INTO accounts (platform, external_id, chat_id, person_id) VALUES ('vk', '42', '42', 1);
      `);
      closeDb(old);
      const upgraded = openDb(path, { backupDir: join(dir, 'backups'), now: new Date('2026-11-23T00:00:00Z') });
      expect(pendingMigrations(upgraded)).toBe(0);
      expect(upgraded.select().from(people).all().map((p) => p.fullName)).toEqual(['Старожилова Анна Ивановна']);
      expect(upgraded.select().from(accounts).all()).toHaveLength(1);
      closeDb(upgraded);
    } finally {
      cleanup();
    }
  });

  it('rolls a failed migration back, leaving the database as it was, and says so', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'o.db');
      const db = openDb(path);
      seedMunicipality(db, { platform: 'vk', schools: [], people: [{ name: 'Сохранова Вера Павловна', role: 'coordinator', user: 1 }] });
      const folder = join(dir, 'broken');
      cpSync(migrationsFolder, folder, { recursive: true });
      const journalPath = join(folder, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
      const last = journal.entries.at(-1)!;
      journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: '9999_broken' });
      writeFileSync(journalPath, JSON.stringify(journal));
      writeFileSync(join(folder, '9999_broken.sql'), 'ALTER TABLE people ADD COLUMN nickname text;\n--> statement-breakpoint\nTHIS IS NOT SQL;');
      let error: unknown;
      try {
        migrateDb(db, { folder, snapshotDir: join(dir, 'backups'), now: new Date('2026-11-23T00:00:00Z') });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UpgradeError);
      expect((error as UpgradeError).message).toMatch(/rolled back: the database is as it was before/);
      expect(existsSync((error as UpgradeError).snapshot ?? '')).toBe(true);
      const columns = db.$client.prepare('pragma table_info(people)').all() as { name: string }[];
      expect(columns.map((c) => c.name)).not.toContain('nickname');
      expect(db.select().from(people).all().map((p) => p.fullName)).toEqual(['Сохранова Вера Павловна']);
      expect(pendingMigrations(db, folder)).toBe(1);
      closeDb(db);
    } finally {
      cleanup();
    }
  });

  it('safety copies (before an upgrade, before a restore) go once older than the nightly backups kept', () => {
    const { dir, cleanup } = tempDir();
    try {
      const backups = join(dir, 'backups');
      mkdirSync(backups);
      const live = join(dir, 'opora.db');
      const now = new Date('2026-12-20T03:00:00Z');
      const old = new Date('2026-12-01T03:00:00Z');
      const recent = new Date('2026-12-18T03:00:00Z');
      const files = {
        oldUpgrade: join(backups, 'opora-pre-upgrade-20261201.db'),
        newUpgrade: join(backups, 'opora-pre-upgrade-20261218.db'),
        nightly: join(backups, 'opora-backup-20261201.db'),
        oldRestore: `${live}.before-restore-20261201`,
        oldRestoreWal: `${live}.before-restore-20261201-wal`,
        newRestore: `${live}.before-restore-20261218`,
      };
      for (const path of Object.values(files)) writeFileSync(path, 'x');
      for (const path of [files.oldUpgrade, files.nightly, files.oldRestore, files.oldRestoreWal]) utimesSync(path, old, old);
      for (const path of [files.newUpgrade, files.newRestore]) utimesSync(path, recent, recent);
      const removed = pruneKeptCopies(backups, live, 14, now).sort();
      expect(removed).toEqual([files.oldUpgrade, files.oldRestore, files.oldRestoreWal].sort());
      // Nightly backups are pruned by count, not here.
      expect(existsSync(files.nightly)).toBe(true);
      expect(existsSync(files.newRestore) && existsSync(files.newUpgrade)).toBe(true);
    } finally {
      cleanup();
    }
  });
});
