// Dates as people read them: 23.11.2026, in the municipality's time zone.
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
