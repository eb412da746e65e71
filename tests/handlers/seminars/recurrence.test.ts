// The arithmetic of seminar series: the rhythms a first date allows and the
// dates they give, on the municipality's wall clock. Chosen behaviour: a 5th
// weekday is never offered (it is «последний» instead), and «каждый месяц
// 31-го» falls on the last day of a shorter month.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { rhythmsFor, seriesDates } from '../../../handlers/seminars/recurrence.js';

const MOSCOW = 'Europe/Moscow';
const local = (iso: string, zone = MOSCOW) => DateTime.fromISO(iso, { zone }).toJSDate();
const shown = (dates: Date[], zone = MOSCOW) => dates.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm'));

describe('series rhythms', () => {
  it('08.12.2026 is the second Tuesday: weekly, fortnightly, the 8th, the second Tuesday; not the last', () => {
    expect(rhythmsFor(local('2026-12-08T15:00'), MOSCOW)).toEqual([
      { kind: 'weekly', weekday: 2, interval: 1 },
      { kind: 'weekly', weekday: 2, interval: 2 },
      { kind: 'monthly_day', day: 8 },
      { kind: 'monthly_weekday', weekday: 2, nth: 2 },
    ]);
  });

  it('the second Tuesday of each month, at the same local time', () => {
    expect(shown(seriesDates(local('2026-12-08T15:00'), MOSCOW, { kind: 'monthly_weekday', weekday: 2, nth: 2 }, { count: 4 }))).toEqual([
      '2026-12-08 15:00',
      '2027-01-12 15:00',
      '2027-02-09 15:00',
      '2027-03-09 15:00',
    ]);
  });

  it('the last Friday, whether the month has four Fridays or five', () => {
    const rhythms = rhythmsFor(local('2026-12-25T10:00'), MOSCOW);
    expect(rhythms).toContainEqual({ kind: 'monthly_weekday', weekday: 5, nth: -1 });
    expect(shown(seriesDates(local('2026-12-25T10:00'), MOSCOW, { kind: 'monthly_weekday', weekday: 5, nth: -1 }, { count: 4 }))).toEqual([
      '2026-12-25 10:00',
      '2027-01-29 10:00',
      '2027-02-26 10:00',
      '2027-03-26 10:00',
    ]);
  });

  it('a fifth Tuesday is offered as the last one, as most months have no fifth', () => {
    const rhythms = rhythmsFor(local('2026-12-29T15:00'), MOSCOW);
    expect(rhythms.filter((r) => r.kind === 'monthly_weekday')).toEqual([{ kind: 'monthly_weekday', weekday: 2, nth: -1 }]);
    // February 2027 has four Tuesdays: the last is the 23rd.
    expect(shown(seriesDates(local('2026-12-29T15:00'), MOSCOW, rhythms.at(-1)!, { count: 3 }))).toEqual(['2026-12-29 15:00', '2027-01-26 15:00', '2027-02-23 15:00']);
  });

  it('monthly on the 31st: the last day of a shorter month, back to the 31st where there is one', () => {
    expect(shown(seriesDates(local('2027-01-31T12:00'), MOSCOW, { kind: 'monthly_day', day: 31 }, { count: 5 }))).toEqual([
      '2027-01-31 12:00',
      '2027-02-28 12:00',
      '2027-03-31 12:00',
      '2027-04-30 12:00',
      '2027-05-31 12:00',
    ]);
  });

  it('weekly keeps the local hour across a change of clocks, in any zone', () => {
    const berlin = 'Europe/Berlin'; // summer time ends on 25.10.2026
    const dates = seriesDates(local('2026-10-20T15:00', berlin), berlin, { kind: 'weekly', weekday: 2, interval: 1 }, { count: 3 });
    expect(shown(dates, berlin)).toEqual(['2026-10-20 15:00', '2026-10-27 15:00', '2026-11-03 15:00']);
    expect(dates[1]!.getTime() - dates[0]!.getTime()).toBe((7 * 24 + 1) * 3600_000);
  });

  it('until a date: every session on or before it, the date itself included', () => {
    const fortnightly = { kind: 'weekly', weekday: 2, interval: 2 } as const;
    expect(shown(seriesDates(local('2026-12-08T15:00'), MOSCOW, fortnightly, { until: '2027-01-19' }))).toEqual(['2026-12-08 15:00', '2026-12-22 15:00', '2027-01-05 15:00', '2027-01-19 15:00']);
    expect(seriesDates(local('2026-12-08T15:00'), MOSCOW, fortnightly, { until: '2030-01-01' })).toHaveLength(21);
  });
});
