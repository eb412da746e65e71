// Reads when the consultation took place: "12.03", "12.03.2024", "5 марта",
// "вчера", "в пятницу". Dates without a year are the latest such day not
// after the author's today; a future date, or any date when today is
// unknown, is read but reported as unread. Calendar arithmetic is luxon's,
// in UTC, so that no time zone can move a calendar date.
import { DateTime } from 'luxon';
import { invalid, type Hit, type Line, type Recogniser } from './model.js';
import { matchAt, sticky } from './text.js';

/** How many years back "29.02" without a year may look for a leap year. */
const YEARS_BACK = 8;

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const YEAR_MARK = '(?:\\s*г(?:ода|\\.)?)?';
const RELATIVE = sticky('(сегодня|вчера|позавчера)');
const NUMERIC_DATE = sticky(`(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{4}|\\d{2})${YEAR_MARK})?(?![./]\\d)`);
const MONTH_DATE = sticky(`(\\d{1,2})\\s+(${MONTHS.join('|')})(?:\\s+(\\d{4})${YEAR_MARK})?`);
const WEEKDAY = sticky(
  '(?:(?:в|во)\\s+)?(понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)',
);
const DAYS_BACK: Record<string, number> = { сегодня: 0, вчера: 1, позавчера: 2 };
/** Weekday words and abbreviations by their first two letters, Monday = 1 as in luxon. */
const WEEKDAYS: Record<string, number> = { по: 1, пн: 1, вт: 2, ср: 3, че: 4, чт: 4, пя: 5, пт: 5, су: 6, сб: 6, во: 7, вс: 7 };

/** A date read from the line; a future one (or any, when today is unknown) is unread. */
function dateHit(date: DateTime, today: DateTime, end: number): Hit {
  return date.isValid && today.isValid && date.toMillis() <= today.toMillis() ? { end, found: { kind: 'date', date: date.toISODate() ?? '' } } : invalid(end);
}

/** The latest valid day-month not after today; a written year is taken as it is. */
function dayMonth(today: DateTime, day: number, month: number, year: string | undefined): DateTime {
  if (year !== undefined) return DateTime.utc(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
  for (let back = 0; back <= YEARS_BACK; back++) {
    const date = DateTime.utc(today.year - back, month, day);
    if (date.isValid && date.toMillis() <= today.toMillis()) return date;
  }
  return DateTime.invalid('no such day');
}

function calendarDate(line: Line, at: number, today: DateTime): Hit | undefined {
  const numeric = matchAt(NUMERIC_DATE, line.norm, at);
  if (numeric) return dateHit(dayMonth(today, Number(numeric[1]), Number(numeric[2]), numeric[3]), today, at + numeric[0].length);
  const named = matchAt(MONTH_DATE, line.norm, at);
  if (!named) return undefined;
  const month = MONTHS.indexOf(named[2] ?? '') + 1;
  return dateHit(dayMonth(today, Number(named[1]), month, named[3]), today, at + named[0].length);
}

function spokenDate(line: Line, at: number, today: DateTime): Hit | undefined {
  const relative = matchAt(RELATIVE, line.norm, at);
  if (relative) return dateHit(today.minus({ days: DAYS_BACK[relative[1] ?? ''] ?? 0 }), today, at + relative[0].length);
  const weekday = matchAt(WEEKDAY, line.norm, at);
  if (!weekday) return undefined;
  const target = WEEKDAYS[(weekday[1] ?? '').slice(0, 2)] ?? today.weekday;
  return dateHit(today.minus({ days: (today.weekday - target + 7) % 7 }), today, at + weekday[0].length);
}

export const date: Recogniser = (line, at) => calendarDate(line, at, line.today) ?? spokenDate(line, at, line.today);
