// `npm run cli -- roadmap import FILE --json`: the machine-readable reading of
// a road map, on our own fixture and on the real sample orders when present.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';

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

  const unlabelled = ['План на 2025 год', 'Графа А;Графа Б;Графа В;Графа Г', '1;Совещание директоров;ИМЦ;март', '2;Семинар для наставников;ИМЦ;до 20.04.2025'].join('\n');

  it('refuses a table whose columns it cannot tell, showing its first rows and the --columns flag', () => {
    const path = join(dir, 'unlabelled.csv');
    writeFileSync(path, unlabelled);
    const result = cli(['roadmap', 'import', path, '--year', '2025', '--dry-run'], db);
    expect(result.code).toBe(2);
    expect(result.err).toContain('Не понял, в каком столбце таблицы что');
    expect(result.err).toContain('[1] 1 · [2] Совещание директоров · [3] ИМЦ · [4] март');
    expect(result.err).toContain('--columns title=2,deadline=4,responsible=3,number=1');
  });

  it('reads the table with --columns, counted from 1', () => {
    const path = join(dir, 'unlabelled.csv');
    writeFileSync(path, unlabelled);
    const result = cli(['roadmap', 'import', path, '--year', '2025', '--dry-run', '--json', '--columns', 'title=2,deadline=4,responsible=3,number=1'], db);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.out) as { items: { number: string; title: string; responsibleText: string; schedule: { milestones: { due: string }[] } }[] };
    expect(parsed.items.map((i) => [i.number, i.title, i.responsibleText, i.schedule.milestones.map((m) => m.due)])).toEqual([
      ['1', 'Совещание директоров', 'ИМЦ', ['2025-03-31']],
      ['2', 'Семинар для наставников', 'ИМЦ', ['2025-04-20']],
    ]);
    const text = cli(['roadmap', 'import', path, '--year', '2025', '--dry-run', '--columns', 'title=2,deadline=4'], db);
    expect(text.out).toContain('пунктов — 2, разделов — 0');
  });

  it('explains a --columns it cannot read', () => {
    const path = join(dir, 'unlabelled.csv');
    writeFileSync(path, unlabelled);
    for (const bad of ['deadline=4', 'title=0', 'title=2,deadline=2', 'name=2']) {
      const result = cli(['roadmap', 'import', path, '--dry-run', '--columns', bad], db);
      expect(result.code).toBe(2);
      expect(result.err).toContain(`Не понял --columns «${bad}»`);
    }
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
