// `npm run cli -- roadmap import FILE --json`: the machine-readable reading of
// a road map, on our own fixture and on the real sample orders when present.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core.js';

function cli(args: string[], databasePath: string): { code: number; out: string; err: string } {
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bot/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { code: 0, out, err: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout, err: e.stderr };
  }
}

const iso = /^\d{4}-\d{2}-\d{2}$/;

describe('roadmap import on the command line', () => {
  const { dir, cleanup } = tempDir();
  const db = join(dir, 'cli.db');
  afterAll(cleanup);

  it('prints one JSON object with items, schedules and warnings', () => {
    const result = cli(['roadmap', 'import', 'tests/fixtures/roadmap/roadmap.csv', '--year', '2024', '--dry-run', '--json'], db);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { items: { number: string; schedule: { kind: string; milestones: { due: string }[] } }[]; warnings: unknown[] };
    expect(parsed.items.length).toBeGreaterThan(3);
    for (const item of parsed.items) {
      expect(['once', 'milestones', 'recurring', 'continuous', 'unknown']).toContain(item.schedule.kind);
      for (const m of item.schedule.milestones) expect(m.due).toMatch(iso);
    }
    expect(Array.isArray(parsed.warnings)).toBe(true);
  });

  it('refuses a file with no recognisable table, clearly and without writing', () => {
    const path = join(dir, 'letter.txt');
    writeFileSync(path, 'Уважаемые коллеги!\nПросим прислать отчёт до пятницы.\n');
    const result = cli(['roadmap', 'import', path, '--municipality', 'Нет такого', '--year', '2024', '--dry-run'], db);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/таблиц|пункт/);
  });

  const samples = join('..', 'shared', 'samples');
  it.skipIf(!existsSync(samples))('reads both sample orders completely', () => {
    const gorodets = JSON.parse(cli(['roadmap', 'import', join(samples, 'gorodets-2020-order.txt'), '--year', '2020', '--dry-run', '--json'], db).out) as { items: { number: string; schedule: { kind: string } }[] };
    const barabinsk = JSON.parse(cli(['roadmap', 'import', join(samples, 'barabinsk-2024-order.txt'), '--year', '2024', '--dry-run', '--json'], db).out) as { items: { number: string; schedule: { kind: string } }[] };
    expect(gorodets.items).toHaveLength(40);
    expect(barabinsk.items).toHaveLength(47);
    expect(barabinsk.items.map((i) => i.number)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1)));
    expect(gorodets.items.filter((i) => i.schedule.kind === 'unknown').map((i) => i.number)).toEqual(['4.6']);
  });
});
