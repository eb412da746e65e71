// The playground's clock: the real time, moved forward on request (`:time`),
// so that what waits for a later hour (quiet hours, a reminder, a deadline)
// can be seen now instead of tomorrow morning. It only goes forward: jobs
// record what they did and when, and a clock going back would repeat them.
import { DateTime } from 'luxon';
import type { Clock } from '../../handlers/core/clock.js';

/** A clock the playground may move: FakeClock in tests, ShiftedClock in `npm start`. */
export interface MovableClock extends Clock {
  set(at: Date): void;
}

export function isMovable(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).set === 'function';
}

/** The real clock plus an offset. */
export class ShiftedClock implements MovableClock {
  private offsetMs = 0;
  constructor(private readonly base: Clock) {}
  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }
  set(at: Date): void {
    this.offsetMs = at.getTime() - this.base.now().getTime();
  }
}

const UNITS: Record<string, 'minutes' | 'hours' | 'days'> = {
  m: 'minutes', min: 'minutes', мин: 'minutes', м: 'minutes',
  h: 'hours', ч: 'hours',
  d: 'days', д: 'days', дн: 'days',
};

/**
 * Where `:time ARG` moves the clock, in the municipality's zone:
 * `+30m`, `+2h`, `+1d` (also `+2ч`, `+1д`); `08:00` (the next such time);
 * `03.12 08:00` or `03.12.2026 08:00`; `next` is handled by the caller.
 * Undefined when the argument is not understood.
 */
export function parseClockTarget(arg: string, now: Date, zone: string): Date | undefined {
  const text = arg.trim().toLowerCase();
  const relative = /^\+\s*(\d{1,4})\s*([a-zа-я]+)$/u.exec(text);
  if (relative) {
    const unit = UNITS[relative[2] ?? ''];
    if (!unit) return undefined;
    return DateTime.fromJSDate(now, { zone }).plus({ [unit]: Number(relative[1]) }).toJSDate();
  }
  const local = DateTime.fromJSDate(now, { zone });
  const time = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (time) {
    const at = local.set({ hour: Number(time[1]), minute: Number(time[2]), second: 0, millisecond: 0 });
    if (!at.isValid) return undefined;
    return (at.toMillis() > now.getTime() ? at : at.plus({ days: 1 })).toJSDate();
  }
  const dated = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (dated) {
    const at = DateTime.fromObject(
      {
        year: dated[3] ? Number(dated[3]) : local.year,
        month: Number(dated[2]),
        day: Number(dated[1]),
        hour: dated[4] ? Number(dated[4]) : 9,
        minute: dated[5] ? Number(dated[5]) : 0,
      },
      { zone },
    );
    return at.isValid ? at.toJSDate() : undefined;
  }
  return undefined;
}

/** «03.12 08:00» in the zone, as the playground prints times. */
export function clockText(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('dd.MM.yyyy HH:mm');
}

/** «08:00» when on the same local day as `now`, «03.12 08:00» otherwise: what to type after `:time`. */
export function clockArg(at: Date, now: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  const sameDay = local.hasSame(DateTime.fromJSDate(now, { zone }), 'day');
  const tomorrow = local.hasSame(DateTime.fromJSDate(now, { zone }).plus({ days: 1 }), 'day');
  // A time of day means "the next one", so it also names tomorrow morning.
  if (sameDay || (tomorrow && local.toMillis() - now.getTime() < 24 * 3600_000)) return local.toFormat('HH:mm');
  return local.toFormat(local.year === DateTime.fromJSDate(now, { zone }).year ? 'dd.MM HH:mm' : 'dd.MM.yyyy HH:mm');
}
