import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const forbidden = /from\s+['"](grammy|grammy\/[^'"]*|@grammyjs\/[^'"]*|vk-io|@vk-io\/[^'"]*|better-sqlite3|node-cron|@maxhub\/[^'"]*)['"]/;

describe('architecture', () => {
  it('handlers/ imports no messenger SDK, database driver or cron', () => {
    const offenders = files('handlers').filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('only db/ opens SQLite and only scheduler/scheduler.ts uses node-cron', () => {
    const all = ['bot', 'db', 'scheduler', 'handlers'].flatMap(files);
    expect(all.filter((f) => /from\s+['"]better-sqlite3['"]/.test(readFileSync(f, 'utf8')))).toEqual(['db/backup.ts', 'db/client.ts']);
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
});
