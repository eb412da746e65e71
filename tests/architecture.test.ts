import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Each source file with the project files it imports (type-only imports too: a cycle of types is still a knot to untie). */
function importGraph(roots: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of roots.flatMap(files)) {
    const source = readFileSync(file, 'utf8');
    const targets = [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map((m) => normalize(join(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))));
    graph.set(file, targets);
  }
  return graph;
}

/** The import cycles, each as the files on it (Tarjan's strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** handlers/<feature>/… → the feature's name; undefined for handlers/core and files at the top of handlers/. */
function featureOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts[0] === 'handlers' && parts.length > 2 && parts[1] !== 'core' ? parts[1] : undefined;
}

const forbidden = /from\s+['"](grammy|grammy\/[^'"]*|@grammyjs\/[^'"]*|vk-io|@vk-io\/[^'"]*|better-sqlite3|node-cron|@maxhub\/[^'"]*)['"]/;

describe('architecture', () => {
  it('handlers/ imports no messenger SDK, database driver or cron', () => {
    const offenders = files('handlers').filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only db/ opens SQLite and only scheduler/scheduler.ts uses node-cron', () => {
    const all = ['bot', 'db', 'scheduler', 'handlers'].flatMap(files);
    // Type-only imports (db/types.ts names the driver's types) open nothing.
    expect(all.filter((f) => /^import (?!type )[^;]*from\s+['"]better-sqlite3['"]/m.test(readFileSync(f, 'utf8')))).toEqual(['db/backup.ts', 'db/client.ts']);
    expect(all.filter((f) => /from\s+['"]node-cron['"]/.test(readFileSync(f, 'utf8')))).toEqual(['scheduler/scheduler.ts']);
  });

  it('no handler or job reads the wall clock directly', () => {
    const offenders = ['handlers', 'scheduler']
      .flatMap(files)
      .filter((f) => f !== 'handlers/core/clock.ts' && /Date\.now\(\)|new Date\(\)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only bot/main.ts and the admin command line read the environment', () => {
    const offenders = ['bot', 'db', 'scheduler', 'handlers', 'locales'].flatMap(files).filter((f) => /process\.env/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual(['bot/cli.ts', 'bot/main.ts']);
  });

  it('every messenger adapter has the same four parts, and each SDK stays in its own folder', () => {
    const sdkOf = { telegram: /from\s+['"](grammy|@grammyjs\/[^'"]*)['"]/, vk: /from\s+['"]vk-io['"]/, max: /from\s+['"]@maxhub\/max-bot-api['"]/ } as const;
    for (const [platform, sdk] of Object.entries(sdkOf)) {
      expect(readdirSync(join('bot', platform)).filter((f) => f !== 'long-poll.ts').sort()).toEqual(['adapter.ts', 'deliver.ts', 'incoming.ts', 'render.ts']);
      const outside = ['bot', 'db', 'scheduler', 'handlers'].flatMap(files).filter((f) => !f.startsWith(join('bot', platform)) && sdk.test(readFileSync(f, 'utf8')));
      expect(outside).toEqual([]);
    }
  });

  it('handlers/ imports nothing from scheduler/ or bot/: jobs and adapters call the core, never the other way', () => {
    const graph = importGraph(['handlers']);
    const offenders = [...graph].flatMap(([file, targets]) => targets.filter((t) => t.startsWith('scheduler/') || t.startsWith('bot/')).map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it("a feature uses another feature only through its index.ts; what features share lives in handlers/core/", () => {
    const graph = importGraph(['handlers']);
    const offenders = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => featureOf(t) !== undefined && featureOf(file) !== undefined && featureOf(t) !== featureOf(file) && !t.endsWith('/index.ts'))
        .map((t) => `${file} → ${t}`),
    );
    expect(offenders).toEqual([]);
  });

  it('handlers/core/ depends on no feature', () => {
    const graph = importGraph(['handlers']);
    const offenders = [...graph].filter(([file]) => file.startsWith('handlers/core/')).flatMap(([file, targets]) => targets.filter((t) => featureOf(t) !== undefined).map((t) => `${file} → ${t}`));
    expect(offenders).toEqual([]);
  });

  it('the source tree has no import cycles', () => {
    expect(cycles(importGraph(['bot', 'db', 'handlers', 'scheduler', 'locales']))).toEqual([]);
  });
});
