// The command line's big writes in short transactions: a chunked import and
// a chunked retention run add up to exactly what one transaction would have
// written, with one audit entry each; and no single transaction outgrows its
// time budget.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { inShortTransactions } from '../../../bot/cli/short-transactions.js';
import { closeDb, openDb } from '../../../db/client.js';
import { accounts, auditLog, people, regions } from '../../../db/schema.js';
import { runCli } from '../../e2e/cli.js';
import { tempDir } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const surnames = ['Иванова', 'Петрова', 'Сидорова', 'Кузнецова', 'Смирнова', 'Попова'];
const names = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья'];
const patronymics = ['Ивановна', 'Петровна', 'Сергеевна', 'Алексеевна'];

function peopleCsv(): { csv: string; rows: number } {
  const lines = ['ФИО;Должность;Образовательная организация;Предметы'];
  for (const s of surnames) for (const n of names) for (const p of patronymics) lines.push(`${s} ${n} ${p};учитель;Школа № 1;математика`);
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

describe('short transactions on the command line', () => {
  it('an import written in several transactions adds every row once, with one audit entry', () => {
    const { dir, cleanup } = tempDir();
    try {
      const env = { DATABASE_PATH: join(dir, 'o.db') };
      runCli(['invite', '--role', 'coordinator', '--municipality', 'Тестовый район'], env);
      writeFileSync(join(dir, 'schools.csv'), 'Наименование ОО;Краткое наименование;Статус\nМБОУ «Школа № 1»;Школа № 1;ШНОР\n');
      runCli(['import', join(dir, 'schools.csv'), '--municipality', 'Тестовый район'], env);
      const { csv, rows } = peopleCsv();
      writeFileSync(join(dir, 'people.csv'), csv);
      const result = JSON.parse(runCli(['import', join(dir, 'people.csv'), '--municipality', 'Тестовый район', '--json'], env)) as { applied: { created: number }; invites: unknown[] };
      expect(result.applied.created).toBe(rows);
      expect(result.invites).toHaveLength(rows);
      const db = openDb(env.DATABASE_PATH);
      try {
        expect(db.select().from(people).all()).toHaveLength(rows);
        const entries = db.select().from(auditLog).where(eq(auditLog.action, 'people.imported')).all();
        expect(entries).toHaveLength(1);
        expect(entries[0]?.details).toMatchObject({ created: rows, via: 'cli' });
      } finally {
        closeDb(db);
      }
    } finally {
      cleanup();
    }
  });

  it('retention --apply erases every inactive person, a few at a time, with one audit entry', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'o.db');
      const db = openDb(path);
      seedMunicipality(db, { platform: 'vk', schools: [], people: Array.from({ length: 30 }, (_, i) => ({ name: `Молчащая ${names[i % 5]} ${patronymics[i % 4]}`, role: 'teacher' as const, user: i + 1 })) });
      db.update(accounts).set({ lastSeenAt: new Date('2000-01-01T00:00:00Z') }).run();
      closeDb(db);
      const output = runCli(['retention', '--apply'], { DATABASE_PATH: path, RETENTION_INACTIVE_DAYS: '90' });
      expect(output).toMatch(/чьи данные будут удалены: 30/);
      expect(output.trim().split('\n').at(-1)).toBe('Готово.');
      const after = openDb(path);
      try {
        expect(after.select().from(people).where(isNull(people.erasedAt)).all()).toEqual([]);
        const entries = after.select().from(auditLog).where(eq(auditLog.action, 'retention.applied')).all();
        expect(entries.map((e) => e.details)).toEqual([{ rounds: 0, people: 30, via: 'cli' }]);
      } finally {
        closeDb(after);
      }
    } finally {
      cleanup();
    }
  });

  it('shrinks a transaction that ran past its budget and writes every item once', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const db = openDb(join(dir, 'o.db'));
      const sizes: number[] = [];
      await inShortTransactions(
        db,
        40,
        (tx, start, end) => {
          sizes.push(end - start);
          for (let i = start; i < end; i++) {
            tx.insert(regions).values({ name: `Область ${i}` }).run();
            const until = performance.now() + 2;
            while (performance.now() < until);
          }
        },
        { budgetMs: 10, pauseMs: 1, first: 16 },
      );
      expect(sizes[0]).toBe(16);
      expect(sizes[1]).toBe(8);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(40);
      expect(db.select().from(regions).all()).toHaveLength(40);
      closeDb(db);
    } finally {
      cleanup();
    }
  });
});
