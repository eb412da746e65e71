// A seminar series: one announcement that names the series and lists its
// dates, with the card (answer buttons) of the nearest session and one
// calendar file holding every session. Answers are per session: each next
// session's card goes out by itself a week before it, but never before the
// previous session is over, so there is one open card at a time. Every
// session is a seminar of its own (code, reminders, attendance), tied to the
// series by `series_id`.
import { DateTime } from 'luxon';
import { audit } from '../../db/repos/audit.js';
import { newCode } from '../../db/repos/invites.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import { createSeminar, createSeries, getSeries, sessionsOf, type Seminar, type Series } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import type { SeriesRecurrence } from '../../db/schema.js';
import { queueToReach, reach } from '../core/audience.js';
import type { Reply } from '../core/contract.js';
import type { CoreDeps } from '../core/context.js';
import { formatWhen } from '../core/format.js';
import type { Translate } from '../core/i18n.js';
import { municipalityZone } from '../core/local-time.js';
import { rsvpButtons, seminarText, type NewSeminar } from './card.js';
import { queueSeriesCalendar } from './ics.js';
import { markTimed, type SeminarMessage } from './reminders.js';
import { rhythmWords } from './recurrence.js';

const DAY = 86_400_000;
/** A next session's card goes this long before it (or when the previous one ends, if that is later). */
export const CARD_AHEAD_MS = 7 * DAY;

/** The rhythm in words: «каждый вторник», «каждый второй вторник месяца». */
export function rhythmText(t: Translate, recurrence: SeriesRecurrence | null): string {
  if (!recurrence) return t('series-rhythm-none');
  const { key, args } = rhythmWords(recurrence);
  return t(key, args);
}

/** «• 8 декабря 2026, 15:00» a line per session. */
export function datesList(lang: string, sessions: Pick<Seminar, 'startsAt'>[], zone: string): string {
  return sessions.map((s) => `• ${formatWhen(s.startsAt, zone, lang)}`).join('\n');
}

/** When a session's card has gone (ms), or undefined while it waits. */
export function cardSentAt(db: DbOrTx, seminarId: number): number | undefined {
  const at = getValue(db, `seminar:${seminarId}:carded`);
  return at === undefined ? undefined : Number(at);
}

export function markCarded(db: DbOrTx, seminarId: number, at: Date): void {
  setValue(db, `seminar:${seminarId}:carded`, String(at.getTime()));
}

/** The announcement: the series, its rhythm and dates, then the nearest session's card. */
export function seriesAnnouncement(t: Translate, lang: string, series: Pick<Series, 'recurrence'>, sessions: Seminar[], zone: string): Reply {
  const first = sessions[0]!;
  const text = [
    t('series-invitation'),
    '',
    `🔁 ${first.title}`,
    t('series-rhythm-line', { rhythm: rhythmText(t, series.recurrence), count: sessions.length }),
    datesList(lang, sessions, zone),
    '',
    t('series-first-session'),
    seminarText(t, lang, first, zone),
    '',
    t('series-cards-note'),
  ].join('\n');
  return { text, buttons: rsvpButtons(t, first.id) };
}

export interface NewSeries extends NewSeminar {
  recurrence: SeriesRecurrence;
  dates: Date[];
}

/** Writes the series and its sessions, and queues the one announcement and calendar file, in the caller's transaction. */
export function createSeriesAndAnnounce(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, input: NewSeries, now: Date): { first: Seminar; sessions: Seminar[]; queued: number } {
  const series = createSeries(tx, { municipalityId: input.municipalityId, title: input.title, recurrence: input.recurrence, createdBy: input.createdBy });
  const { dates, recurrence: _recurrence, ...common } = input;
  const sessions = dates.map((startsAt) => {
    const seminar = createSeminar(tx, { ...common, startsAt, seriesId: series.id, attendanceCode: newCode(6) });
    markTimed(tx, seminar.id, now);
    return seminar;
  });
  const first = sessions[0]!;
  markCarded(tx, first.id, now);
  const zone = municipalityZone({ db: tx, settings: deps.settings }, input.municipalityId);
  const audience = reach(tx, input.municipalityId, input.audience);
  const queued = queueToReach(tx, deps, input.municipalityId, audience, (person, t) => seriesAnnouncement(t, person.language, series, sessions, zone), {
    key: `seminar:${first.id}:announce`,
    batch: `seminar:${first.id}`,
    now,
    urgent: input.urgent,
  });
  queueSeriesCalendar(tx, deps, series.id, sessions, audience, { key: `seminar:${first.id}:calendar`, batch: `seminar:${first.id}`, now, urgent: input.urgent, method: 'PUBLISH' });
  audit(tx, { at: now, actorId: input.createdBy, municipalityId: input.municipalityId, action: 'seminar.announced', details: { seminarId: first.id, seriesId: series.id, sessions: sessions.length, recipients: queued } });
  return { first, sessions, queued };
}

/** The live sessions of a series, in order. */
export function liveSessions(db: DbOrTx, seriesId: number): Seminar[] {
  return sessionsOf(db, seriesId).filter((s) => !s.cancelledAt);
}

/** A session's number in its series («2 из 3»), counting every session planned. */
export function sessionNumber(db: DbOrTx, seminar: Seminar): { number: number; count: number } {
  const all = seminar.seriesId === null ? [seminar] : sessionsOf(db, seminar.seriesId);
  return { number: all.findIndex((s) => s.id === seminar.id) + 1, count: all.length };
}

/** When a session's own card is due: a week ahead, but not before the previous live session has ended. */
export function cardDueAt(db: DbOrTx, seminar: Seminar): number {
  const ahead = seminar.startsAt.getTime() - CARD_AHEAD_MS;
  if (seminar.seriesId === null) return ahead;
  const previous = liveSessions(db, seminar.seriesId)
    .filter((s) => s.startsAt.getTime() < seminar.startsAt.getTime())
    .at(-1);
  return previous ? Math.max(ahead, previous.startsAt.getTime() + previous.durationMinutes * 60_000) : ahead;
}

/**
 * The card of a series' next session, when its time has come and it has not
 * gone yet; marks it gone, in the caller's transaction, so it goes once.
 */
export function dueSessionCard(db: DbOrTx, seminar: Seminar, now: Date, zone: string): SeminarMessage | undefined {
  if (seminar.seriesId === null || cardSentAt(db, seminar.id) !== undefined) return undefined;
  if (cardDueAt(db, seminar) > now.getTime()) return undefined;
  const series = getSeries(db, seminar.seriesId);
  markCarded(db, seminar.id, now);
  const { number, count } = sessionNumber(db, seminar);
  return {
    personIds: reach(db, seminar.municipalityId, seminar.audience).people.map((p) => p.id),
    key: `seminar:${seminar.id}:announce`,
    batch: `seminar:${seminar.id}`,
    write: (lang, t) => ({
      text: `${t('series-next-card', { title: series?.title ?? seminar.title, number, count })}\n\n${seminarText(t, lang, seminar, zone)}`,
      buttons: rsvpButtons(t, seminar.id),
    }),
  };
}

/** Since when a session may be nudged: its time set, and (in a series) its own card sent. Undefined while the card waits. */
export function nudgeSince(db: DbOrTx, seminar: Seminar, timed: number): number | undefined {
  if (seminar.seriesId === null) return timed;
  const carded = cardSentAt(db, seminar.id);
  return carded === undefined ? undefined : Math.max(timed, carded);
}

/** Shifts a session by the change of another: the same number of days, at the new local time of day. */
export function shiftedLike(session: Date, before: Date, after: Date, zone: string): Date {
  const was = DateTime.fromJSDate(before, { zone });
  const now = DateTime.fromJSDate(after, { zone });
  const days = Math.round(now.startOf('day').diff(was.startOf('day'), 'days').days);
  const local = DateTime.fromJSDate(session, { zone }).plus({ days });
  return local.set({ hour: now.hour, minute: now.minute, second: 0, millisecond: 0 }).toJSDate();
}
