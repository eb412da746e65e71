// What a seminar says to people around it, for the scheduler to send when it
// is due: a reminder at each lead the coordinator chose (a week, a day, three
// hours, an hour, a quarter of an hour before) to those who said «Приду» or
// «Возможно»; one nudge, with the answer buttons, to those invited who have
// not answered at all; afterwards the request for a rating, to those marked
// present. The job decides when and outside which quiet hours; the words, the
// buttons, the moments and the dedupe keys are the feature's.
import { reach } from '../core/audience.js';
import { getValue, setValue } from '../../db/repos/kv.js';
import { getPerson } from '../../db/repos/people.js';
import { attendeesOf, rsvpsOf, statusOf, type Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import type { Button, Reply } from '../core/contract.js';
import { formatWhen } from '../core/format.js';
import type { Language, Translate } from '../core/i18n.js';
import { rsvpButtons, seminarText } from './card.js';
import { remindersOffButton } from './opt-out.js';
import { feedbackAction } from './respond.js';
import { normalLeads } from './leads.js';
import { changeCount } from './ics.js';

export { DEFAULT_LEADS, REMINDER_LEADS, leadsText, normalLeads } from './leads.js';

const MINUTE = 60_000;


/** The nudge goes two days before, or at the earliest lead still ahead when the seminar was announced later than that. */
const NUDGE_LEAD = 2880;
/** Closer to the start than this a nudge is more noise than help. */
const NUDGE_CUTOFF = 120;

/** One message to a list of people: the text in each one's language, a dedupe key (the person's id is added) and the batch. */
export interface SeminarMessage {
  personIds: number[];
  key: string;
  batch: string;
  write: (lang: Language, t: Translate, personId: number) => Reply;
}

/**
 * Since when a seminar's time stands: when it was announced or last moved
 * (or its reminders last changed). A moment before it had passed already and
 * is skipped rather than sent late. Seminars written before this was kept
 * (or by hand) have none: every moment counts, as it used to.
 */
export function timedSince(db: DbOrTx, seminarId: number): number {
  return Number(getValue(db, `seminar:${seminarId}:timed`) ?? 0);
}

export function markTimed(db: DbOrTx, seminarId: number, at: Date): void {
  setValue(db, `seminar:${seminarId}:timed`, String(at.getTime()));
}

/**
 * Whether a reminder (or the nudge) was queued already for the seminar as it
 * stands (its start and its changes), so the job does not rebuild the same
 * list every minute. Any change makes it due again: what was still waiting
 * in the outbox was dropped and is written afresh, while the dedupe keys keep
 * anyone from getting what was already sent.
 */
const queuedMark = (db: DbOrTx, seminar: Seminar) => `${seminar.startsAt.getTime()}:${changeCount(db, seminar.id)}`;

export function queuedFor(db: DbOrTx, seminar: Seminar, what: string): boolean {
  return getValue(db, `seminar:${seminar.id}:queued:${what}`) === queuedMark(db, seminar);
}

export function markQueued(db: DbOrTx, seminar: Seminar, what: string): void {
  setValue(db, `seminar:${seminar.id}:queued:${what}`, queuedMark(db, seminar));
}

/**
 * The reminder due now, if any: the shortest lead whose moment has come and
 * had not passed when the time was set. After a pause (the service down, the
 * night) only the latest one goes, never a burst of them.
 */
export function dueLead(seminar: Seminar, now: Date, since: number): number | undefined {
  const start = seminar.startsAt.getTime();
  if (start <= now.getTime()) return undefined;
  const due = normalLeads(seminar.reminderLeads).filter((l) => start - l * MINUTE <= now.getTime() && start - l * MINUTE >= since);
  return due.length ? Math.min(...due) : undefined;
}

/** Those who would like to hear from seminars: not erased, not switched off. */
function wantReminders(db: DbOrTx, personIds: number[]): number[] {
  return personIds.filter((id) => {
    const person = getPerson(db, id);
    return person !== undefined && !person.erasedAt && person.seminarReminders;
  });
}

const optOut = (t: Translate, personId: number): Button[] => [remindersOffButton(t, personId)];

/** The day's and the hour's reminders keep the names their keys always had, so an upgrade sends neither twice. */
const leadKey = (lead: number) => (lead === 1440 ? '24h' : lead === 60 ? '1h' : `${lead}m`);

/**
 * The reminder at a lead, to those going or thinking of it. Someone who
 * answered after the lead's moment has just seen the card; they get the next
 * reminder only. The key carries the lead and the start time, so moving a
 * seminar reminds afresh and nothing goes twice.
 */
export function seminarReminder(db: DbOrTx, seminar: Seminar, lead: number, zone: string): SeminarMessage {
  const moment = seminar.startsAt.getTime() - lead * MINUTE;
  const coming = rsvpsOf(db, seminar.id)
    .filter((r) => (statusOf(r) === 'going' || statusOf(r) === 'maybe') && r.answeredAt.getTime() <= moment)
    .map((r) => r.personId);
  return {
    personIds: wantReminders(db, coming),
    key: `seminar:${seminar.id}:remind-${leadKey(lead)}:${seminar.startsAt.getTime()}`,
    batch: `seminar:${seminar.id}`,
    write: (lang, t, personId) => ({
      text: t(`seminar-reminder-${lead}`, { title: seminar.title, when: formatWhen(seminar.startsAt, zone, lang), place: seminar.place }),
      buttons: [optOut(t, personId)],
    }),
  };
}

/** When the one nudge is due: two days before, or the earliest lead still ahead when the time was set; never within two hours of the start. */
export function nudgeDue(seminar: Seminar, now: Date, since: number): boolean {
  const start = seminar.startsAt.getTime();
  const moment = [NUDGE_LEAD, ...normalLeads(seminar.reminderLeads)].map((l) => start - l * MINUTE).find((at) => at >= since);
  return moment !== undefined && moment <= now.getTime() && start - now.getTime() >= NUDGE_CUTOFF * MINUTE;
}

/** The nudge, to those invited who have said nothing at all; once per person and seminar, whatever happens after. */
export function seminarNudge(db: DbOrTx, seminar: Seminar, zone: string): SeminarMessage {
  const answered = new Set(rsvpsOf(db, seminar.id).map((r) => r.personId));
  const silent = reach(db, seminar.municipalityId, seminar.audience)
    .people.filter((p) => !answered.has(p.id))
    .map((p) => p.id);
  return {
    personIds: wantReminders(db, silent),
    key: `seminar:${seminar.id}:nudge`,
    batch: `seminar:${seminar.id}`,
    write: (lang, t, personId) => ({
      text: `${t('seminar-nudge', { title: seminar.title })}\n\n${seminarText(t, lang, seminar, zone)}`,
      buttons: [...rsvpButtons(t, seminar.id), optOut(t, personId)],
    }),
  };
}

/** The request for a 1–5 rating, to those marked present. */
export function feedbackRequest(db: DbOrTx, seminar: Seminar): SeminarMessage {
  return {
    personIds: attendeesOf(db, seminar.id),
    key: `seminar:${seminar.id}:feedback`,
    batch: `seminar:${seminar.id}`,
    write: (_lang, t) => ({
      text: t('feedback-ask-rating', { title: seminar.title }),
      buttons: [(['1', '2', '3', '4', '5'] as const).map((r) => ({ kind: 'action', label: r, data: feedbackAction.encode(seminar.id, r) }))],
    }),
  };
}
