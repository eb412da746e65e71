// The newcomer's first run: with no credentials, bot/main.ts (what `npm start`
// runs) opens the terminal playground on a seeded demo municipality and
// answers /start and /help.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';

function runPlayground(databasePath: string, input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: databasePath },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(input);
  });
}

describe('terminal playground', () => {
  it('seeds the demo municipality and answers /start and /help', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { code, out } = await runPlayground(join(dir, 'opora.db'), '1\n/start\n1\n/help\n:quit\n');
      expect(code).toBe(0);
      expect(out).toContain('[1] Соколова Ирина Павловна — координатор');
      expect(out).toContain('[6] Миронова Светлана Юрьевна — педагог');
      expect(out).toContain('Выберите язык / Choose your language\n  [1] Русский\n  [2] English');
      expect(out).toContain('Здравствуйте, Соколова Ирина Павловна!');
      expect(out).toContain('Вот команды, которые вам доступны:');
      expect(out).toContain('/help — список команд');

      // A second run uses the same database and does not seed twice.
      const again = await runPlayground(join(dir, 'opora.db'), '9\n:quit\n');
      expect(again.code).toBe(0);
      expect(again.out.match(/Соколова Ирина Павловна/g)).toHaveLength(2);
    } finally {
      cleanup();
    }
  });
});
