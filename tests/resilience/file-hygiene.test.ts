// File hygiene: an uploaded file is kept in SQLite under a harmless name and
// never written to disk under the name its sender chose; a file over the
// limit is refused from the size the messenger reports, before a byte is
// downloaded; cells that a spreadsheet would run as formulas are exported as
// plain text.
import { readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { closeDb, openDb } from '../../db/client.js';
import { files } from '../../db/schema.js';
import { storedFileName } from '../../handlers/core/files.js';
import { buildXlsx } from '../../handlers/core/spreadsheet.js';
import { drivers, journeyOptions, messengers, type Driver } from '../e2e/drivers.js';
import type { FakeTelegram } from '../e2e/fake-telegram.js';
import { tempDir } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const COORD = 7001;
const HOSTILE = ['../../../../tmp/opora-evil.sh', '..\\..\\Windows\\evil.bat', 'отчёт\u0000.xlsx', '.bashrc', '\u202Eexe.pdf'];

/** The app on a fresh database with one coordinator on the driver's messenger. */
async function startWithCoordinator(driver: Driver, path: string): Promise<App> {
  const db = openDb(path);
  seedMunicipality(db, { platform: driver.platform, schools: [], people: [{ name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD }] });
  closeDb(db);
  return startApp(driver.config(path), journeyOptions());
}

/** Every file under a folder, recursively, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('stored file names', () => {
  it('keep one harmless segment of what the sender called the file', () => {
    expect(storedFileName('../../../../tmp/opora-evil.sh')).toBe('_.._.._.._tmp_opora-evil.sh');
    expect(storedFileName('..\\..\\Windows\\evil.bat')).toBe('_.._Windows_evil.bat');
    expect(storedFileName('отчёт\u0000.xlsx')).toBe('отчёт_.xlsx');
    expect(storedFileName('.bashrc')).toBe('bashrc');
    expect(storedFileName('...')).toBe('file');
    expect(storedFileName('a'.repeat(300))).toHaveLength(120);
    for (const name of HOSTILE) expect(storedFileName(name)).not.toMatch(/[\\/\0]|^\./);
  });
});

describe('exported spreadsheets', () => {
  it('carry formula-looking answers as text, never as formulas', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1'];
    const data = await buildXlsx([{ name: 'Ответы', header: ['Ответ'], rows: hostile.map((h) => [h]) }]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const cells = hostile.map((_, i) => book.worksheets[0]?.getRow(i + 2).getCell(1));
    for (const [i, cell] of cells.entries()) {
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(String(cell?.value)).toContain(hostile[i]?.trim());
      expect(String(cell?.value)).toMatch(/^'/);
    }
  });
});

describe.each(messengers)('uploaded files on %s', (platform) => {
  let driver: Driver;
  let app: App;
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'opora.db');

  beforeAll(async () => {
    driver = await drivers[platform]();
    app = await startWithCoordinator(driver, path);
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  it('are kept in the database under a safe name, and nothing new appears on disk', async () => {
    const before = tree(dir).filter((f) => !/\.db(-wal|-shm)?$/.test(f));
    for (const name of HOSTILE) {
      const since = driver.messages(COORD).length;
      driver.say(COORD, '/broadcast');
      await driver.waitForText(COORD, /Напишите текст объявления/, since);
      driver.sendFile(COORD, name, Buffer.from('#!/bin/sh\nrm -rf /\n'));
      await driver.waitForText(COORD, /получил/, since);
      driver.say(COORD, '/cancel');
      await driver.settled(COORD);
    }
    const stored = app.db.select({ name: files.name }).from(files).all().map((f) => f.name);
    expect(stored).toHaveLength(HOSTILE.length);
    for (const name of stored) expect(name).not.toMatch(/[\\/\0]|^\./);
    expect(tree(dir).filter((f) => !/\.db(-wal|-shm)?$/.test(f))).toEqual(before);
  });
});

describe('a file over the limit', () => {
  let driver: Driver & { server: FakeTelegram };
  let app: App;
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    driver = await drivers.telegram();
    app = await startWithCoordinator(driver, join(dir, 'opora.db'));
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  it('is refused from its reported size, without downloading it', async () => {
    driver.say(COORD, '/broadcast');
    await driver.waitForText(COORD, /Напишите текст объявления/);
    driver.sendFile(COORD, 'большой.pdf', Buffer.alloc(21 * 1024 * 1024, 1));
    await driver.waitForText(COORD, /Файл слишком большой: до 20 МБ/);
    expect(driver.server.stats.calls.getFile ?? 0).toBe(0);
    expect(app.db.select().from(files).all()).toEqual([]);
  });
});
