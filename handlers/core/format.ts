// Dates as people read them: 23.11.2026, or «25 декабря 2026, 15:00» for an
// event, in the municipality's time zone.
import { DateTime } from 'luxon';

export function formatDay(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('dd.MM.yyyy');
}

export function formatIsoDay(iso: string): string {
  return DateTime.fromISO(iso).toFormat('dd.MM.yyyy');
}

export function formatDayTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('dd.MM.yyyy HH:mm');
}

/** When an event happens, in words of the reader's language: «25 декабря 2026, 15:00». */
export function formatWhen(instant: Date, zone: string, lang: string): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale(lang).toFormat('d MMMM yyyy, HH:mm');
}
