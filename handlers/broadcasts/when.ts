// When a scheduled broadcast goes, as a coordinator types it on a phone:
// «25.12 09:00», «25.12.2026 9:00», «завтра 8:30», «сегодня 16.00», in the
// municipality's own time. The date itself is read by the core's readDate;
// a day written without a year that is long past means next year (in late
// December «10.01» is January), a recent one is a slip and refused as past.
import { DateTime } from 'luxon';
import { readDate } from '../core/read-input.js';
import { normalizeRu } from '../core/text.js';

export type SendTime = { at: Date } | { error: 'unreadable' | 'past' };

const TIME = /^(\d{1,2})[:.](\d{2})$/u;
const WORDS: Record<string, number> = { сегодня: 0, today: 0, завтра: 1, tomorrow: 1, послезавтра: 2 };
/** A yearless day further back than this is taken for next year's. */
const ROLL_OVER_DAYS = 180;

export function readSendTime(text: string, now: Date, zone: string): SendTime {
  const words = normalizeRu(text).replace(/\s+в\s+/gu, ' ').replace(/,/gu, ' ').trim().split(/\s+/u);
  const time = TIME.exec(words.at(-1) ?? '');
  if (!time || words.length > 2) return { error: 'unreadable' };
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  if (hour > 23 || minute > 59) return { error: 'unreadable' };
  const local = DateTime.fromJSDate(now, { zone });
  const day = words.length === 1 ? local : dayOf(words[0] ?? '', local);
  if (!day) return { error: 'unreadable' };
  const at = day.set({ hour, minute, second: 0, millisecond: 0 });
  return at.toMillis() > now.getTime() ? { at: at.toJSDate() } : { error: 'past' };
}

function dayOf(word: string, local: DateTime): DateTime | undefined {
  const offset = WORDS[word];
  if (offset !== undefined) return local.plus({ days: offset });
  const iso = readDate(word, local.toISODate() ?? undefined);
  if (!iso) return undefined;
  const day = DateTime.fromISO(iso, { zone: local.zone });
  const yearless = word.split(/[./]/u).length === 2;
  return yearless && local.startOf('day').diff(day, 'days').days > ROLL_OVER_DAYS ? day.plus({ years: 1 }) : day;
}
