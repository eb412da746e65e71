// What a seminar says to people around it, for the scheduler to send when it
// is due: the reminder 24 hours and 1 hour before, to those who said they
// would come, and afterwards the request for a rating, to those marked
// present. The job decides when and outside which quiet hours; the words,
// the buttons and the dedupe keys are the feature's.
import { attendeesOf, rsvpsOf, statusOf, type Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import type { Reply } from '../core/contract.js';
import { formatWhen } from '../core/format.js';
import type { Language, Translate } from '../core/i18n.js';
import { feedbackAction } from './respond.js';

export type ReminderKind = '24h' | '1h';

const HOUR = 3600_000;
const REMINDER_AHEAD: Record<ReminderKind, number> = { '24h': 24 * HOUR, '1h': HOUR };

/** One message to a list of people: the text in each one's language, a dedupe key (the person's id is added) and the batch. */
export interface SeminarMessage {
  personIds: number[];
  key: string;
  batch: string;
  write: (lang: Language, t: Translate) => Reply;
}

/** Which reminder a seminar starting within a day is due: the last hour's, or the day's. */
export function reminderKind(seminar: Seminar, now: Date): ReminderKind {
  return seminar.startsAt.getTime() - now.getTime() <= HOUR ? '1h' : '24h';
}

/**
 * The reminder of a kind, to those going. Someone who said "yes" inside the
 * window has just seen the card; they get the next reminder only. The key
 * carries the start time, so moving a seminar moves its reminders.
 */
export function seminarReminder(db: DbOrTx, seminar: Seminar, kind: ReminderKind, zone: string): SeminarMessage {
  const windowStart = seminar.startsAt.getTime() - REMINDER_AHEAD[kind];
  const going = rsvpsOf(db, seminar.id)
    .filter((r) => statusOf(r) === 'going' && r.answeredAt.getTime() <= windowStart)
    .map((r) => r.personId);
  return {
    personIds: going,
    key: `seminar:${seminar.id}:remind-${kind}:${seminar.startsAt.getTime()}`,
    batch: `seminar:${seminar.id}`,
    write: (lang, t) => ({ text: t(`seminar-reminder-${kind}`, { title: seminar.title, when: formatWhen(seminar.startsAt, zone, lang), place: seminar.place }) }),
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
