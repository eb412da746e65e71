import { describe, expect, it } from 'vitest';
import { atLocal, isQuiet, latestDailySlot, localDate, outsideQuietHours } from '../../../handlers/core/local-time.js';

const quiet = { start: '21:00', end: '08:00' };

describe('local time', () => {
  it('finds the latest 09:00 slot in Yakutsk (UTC+9)', () => {
    expect(latestDailySlot(new Date('2026-11-23T00:00:00Z'), 'Asia/Yakutsk', '09:00')).toEqual({
      date: '2026-11-23',
      at: new Date('2026-11-23T00:00:00Z'),
    });
    expect(latestDailySlot(new Date('2026-11-22T23:59:00Z'), 'Asia/Yakutsk', '09:00')).toEqual({
      date: '2026-11-22',
      at: new Date('2026-11-22T00:00:00Z'),
    });
  });

  it('reads local dates across the whole country, UTC+2 to UTC+12', () => {
    const instant = new Date('2026-11-23T21:30:00Z');
    expect(localDate(instant, 'Europe/Kaliningrad')).toBe('2026-11-23');
    expect(localDate(instant, 'Europe/Moscow')).toBe('2026-11-24');
    expect(localDate(instant, 'Asia/Kamchatka')).toBe('2026-11-24');
    expect(atLocal('2026-11-24', '09:00', 'Asia/Kamchatka')).toEqual(new Date('2026-11-23T21:00:00Z'));
  });

  it('knows quiet hours across midnight and when they end', () => {
    expect(isQuiet(new Date('2026-11-23T18:30:00Z'), 'Europe/Moscow', quiet)).toBe(true); // 21:30
    expect(isQuiet(new Date('2026-11-23T04:59:00Z'), 'Europe/Moscow', quiet)).toBe(true); // 07:59
    expect(isQuiet(new Date('2026-11-23T05:00:00Z'), 'Europe/Moscow', quiet)).toBe(false); // 08:00
    expect(outsideQuietHours(new Date('2026-11-23T18:30:00Z'), 'Europe/Moscow', quiet)).toEqual(new Date('2026-11-24T05:00:00Z'));
    expect(outsideQuietHours(new Date('2026-11-23T02:00:00Z'), 'Europe/Moscow', quiet)).toEqual(new Date('2026-11-23T05:00:00Z'));
    const noon = new Date('2026-11-23T09:00:00Z');
    expect(outsideQuietHours(noon, 'Europe/Moscow', quiet)).toBe(noon);
  });
});
