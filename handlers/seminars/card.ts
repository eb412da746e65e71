// The seminar announcement card everyone in the audience gets, with the
// "Приду" / "Возможно" / "Не смогу" buttons, and the parsing of the date and
// time a coordinator types.
import { DateTime } from 'luxon';
import { rsvpCounts, type RsvpStatus, type Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import type { Audience } from '../../db/schema.js';
import { defineAction, idArg } from '../core/actions.js';
import { z } from 'zod';
import type { Button, Reply } from '../core/contract.js';
import { formatWhen } from '../core/format.js';
import type { Translate } from '../core/i18n.js';

/** A seminar as the coordinator announces it, from the chat or the command line. */
export interface NewSeminar {
  municipalityId: number;
  title: string;
  description: string;
  startsAt: Date;
  durationMinutes?: number;
  format: 'in_person' | 'online';
  place: string;
  capacity: number | null;
  audience: Audience;
  seriesId: number | null;
  urgent: boolean;
  createdBy: number | null;
  /** Minutes before the start at which those coming are reminded; the table's default when left out. */
  reminderLeads?: number[];
}

export const rsvpAction = defineAction('rsvp', idArg, z.enum(['yes', 'maybe', 'no']));
/** The coordinator's card of one seminar; here rather than in manage.ts, as its buttons' own files lead back to it. */
export const seminarCardAction = defineAction('sem', idArg);

export function rsvpButtons(t: Translate, seminarId: number): Button[][] {
  return [
    [
      { kind: 'action', label: t('rsvp-yes'), data: rsvpAction.encode(seminarId, 'yes') },
      { kind: 'action', label: t('rsvp-maybe'), data: rsvpAction.encode(seminarId, 'maybe') },
      { kind: 'action', label: t('rsvp-no'), data: rsvpAction.encode(seminarId, 'no') },
    ],
  ];
}

/** The card text: what, when (local time of the municipality), where, places. */
export function seminarText(t: Translate, lang: string, seminar: Seminar, zone: string): string {
  const lines = [
    `📅 ${seminar.title}`,
    t('seminar-when', { when: formatWhen(seminar.startsAt, zone, lang), minutes: seminar.durationMinutes }),
    seminar.format === 'online' ? t('seminar-online', { link: seminar.place }) : t('seminar-in-person', { address: seminar.place }),
  ];
  if (seminar.description) lines.push('', seminar.description);
  if (seminar.capacity !== null) lines.push('', t('seminar-capacity', { capacity: seminar.capacity }));
  return lines.join('\n');
}

export function announcementCard(db: DbOrTx, t: Translate, lang: string, seminar: Seminar, zone: string): Reply {
  return { text: `${t('seminar-invitation')}\n\n${seminarText(t, lang, seminar, zone)}`, buttons: rsvpButtons(t, seminar.id) };
}

/** The card as the person who just answered sees it: their answer (with when they will be reminded) and the current counts. */
export function answeredCard(db: DbOrTx, t: Translate, lang: string, seminar: Seminar, zone: string, status: RsvpStatus, note?: string, heading?: string): Reply {
  const counts = rsvpCounts(db, seminar.id);
  return {
    text: `${heading ? `${heading}\n` : ''}${seminarText(t, lang, seminar, zone)}\n\n${t(`rsvp-status-${status}`)}${note ? `\n${note}` : ''}\n${t('rsvp-counts', { ...counts })}`,
    buttons: rsvpButtons(t, seminar.id),
    edit: true,
  };
}

/** Reads "25.12 15:00", "25.12.2026 15:00" or "завтра 15:00" as a local time in the zone; undefined unless it is in the future. */
export function parseSeminarTime(text: string, now: Date, zone: string): Date | undefined {
  const local = DateTime.fromJSDate(now, { zone });
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ в /g, ' ');
  const time = /(\d{1,2})[:.](\d{2})\s*$/.exec(cleaned);
  if (!time) return undefined;
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  const datePart = cleaned.slice(0, time.index).trim();
  let day: DateTime | undefined;
  if (datePart === 'сегодня' || datePart === 'today') day = local;
  else if (datePart === 'завтра' || datePart === 'tomorrow') day = local.plus({ days: 1 });
  else {
    const m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?$/.exec(datePart);
    if (!m) return undefined;
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : local.year;
    day = DateTime.fromObject({ year, month: Number(m[2]), day: Number(m[1]) }, { zone });
    if (!m[3] && day.isValid && day < local.startOf('day')) day = day.plus({ years: 1 });
  }
  if (!day?.isValid || hour > 23 || minute > 59) return undefined;
  const at = day.set({ hour, minute, second: 0, millisecond: 0 });
  return at.isValid && at.toMillis() > now.getTime() ? at.toJSDate() : undefined;
}
