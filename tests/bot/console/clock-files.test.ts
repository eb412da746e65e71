// What `:time` and `:file` understand, as a person would type them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClockTarget, ShiftedClock, clockArg } from '../../../bot/console/clock.js';
import { fileFromDisk, splitFileArgs } from '../../../bot/console/files.js';
import { FakeClock } from '../../../handlers/core/clock.js';
import { downloadWithin } from '../../../handlers/core/files.js';
import { tempDir } from '../../helpers/core.js';

const zone = 'Europe/Moscow';
const evening = new Date('2026-12-02T19:30:00Z'); // 22:30 in Moscow

describe(':time', () => {
  it('reads a time of day as the next one, and relative and dated moves', () => {
    expect(parseClockTarget('08:00', evening, zone)?.toISOString()).toBe('2026-12-03T05:00:00.000Z');
    expect(parseClockTarget('23:00', evening, zone)?.toISOString()).toBe('2026-12-02T20:00:00.000Z');
    expect(parseClockTarget('+2h', evening, zone)?.toISOString()).toBe('2026-12-02T21:30:00.000Z');
    expect(parseClockTarget('+1д', evening, zone)?.toISOString()).toBe('2026-12-03T19:30:00.000Z');
    expect(parseClockTarget('05.12 09:30', evening, zone)?.toISOString()).toBe('2026-12-05T06:30:00.000Z');
    expect(parseClockTarget('завтра', evening, zone)).toBeUndefined();
  });

  it('names tomorrow morning as a time of day, a later day with its date', () => {
    expect(clockArg(new Date('2026-12-03T05:00:00Z'), evening, zone)).toBe('08:00');
    expect(clockArg(new Date('2026-12-05T05:00:00Z'), evening, zone)).toBe('05.12 08:00');
  });

  it('moves the real clock forward by an offset', () => {
    const base = new FakeClock('2026-12-02T10:00:00Z');
    const clock = new ShiftedClock(base);
    clock.set(new Date('2026-12-02T19:00:00Z'));
    base.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-12-02T19:01:00.000Z');
  });
});

describe(':file', () => {
  it('takes a quoted path or a path with spaces, and a caption after it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      mkdirSync(join(dir, 'мои файлы'));
      const path = join(dir, 'мои файлы', 'список школ.csv');
      writeFileSync(path, 'Наименование\nСШ № 1\n');
      expect(await splitFileArgs(path)).toEqual({ path });
      expect(await splitFileArgs(`"${path}" новые школы`)).toEqual({ path, caption: 'новые школы' });
      expect(await splitFileArgs('demo/schools.xlsx школы района')).toEqual({ path: 'demo/schools.xlsx', caption: 'школы района' });
      const file = await fileFromDisk(relative(process.cwd(), path));
      expect(file).toMatchObject({ name: 'список школ.csv', mime: 'text/csv', size: Buffer.byteLength('Наименование\nСШ № 1\n') });
    } finally {
      cleanup();
    }
  });

  it('is refused past a limit like any upload, before and while it is read', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'big.csv');
      writeFileSync(path, Buffer.alloc(2048, 'a'));
      const file = await fileFromDisk(path);
      expect(await downloadWithin(file!, 1024)).toBeUndefined();
      // Even when the size was not known in advance, the read stops at the limit.
      expect(await downloadWithin({ ...file!, size: undefined }, 1024)).toBeUndefined();
      expect((await downloadWithin(file!, 4096))?.length).toBe(2048);
      expect(await fileFromDisk(join(dir, 'nothing.csv'))).toBeUndefined();
    } finally {
      cleanup();
    }
  });
});
