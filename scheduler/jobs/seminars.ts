// Seminar reminders and follow-up: 24 hours and 1 hour before, those who said
// they would come are reminded (outside quiet hours, in the municipality's
// time); after the event, those marked present are asked for a rating. The
// outbox dedupe keys carry the start time, so moving a seminar moves its
// reminders and nothing is ever sent twice.
import { attendeesOf, rsvpsOf, seminarsBetween, statusOf, type Seminar } from '../../db/repos/seminars.js';
import { enqueueOutbox, type OutboxItem } from '../../db/repos/outbox.js';
import { primaryAccounts } from '../../db/repos/audience.js';
import { getPerson } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import type { Button } from '../../handlers/core/contract.js';
import { outboxItem } from '../../handlers/core/outbox.js';
import { formatWhen, seminarZone } from '../../handlers/seminars/card.js';
import { feedbackAction, FOLLOW_UP_DAYS } from '../../handlers/seminars/respond.js';
import type { Job, JobDeps } from '../job.js';
import { outsideQuietHours } from '../../handlers/core/local-time.js';

const HOUR = 3600_000;

type Message = (lang: 'ru' | 'en', t: (key: string, args?: Record<string, string | number>) => string) => { text: string; buttons?: Button[][] };

/** Queues a message to each person, outside quiet hours, skipping any whose slot would fall after `latest`. */
function queue(tx: DbOrTx, deps: JobDeps, seminar: Seminar, personIds: number[], key: string, now: Date, latest: Date, message: Message): number {
  const zone = seminarZone(tx, seminar, deps.settings.defaultTimezone);
  const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
  if (notBefore.getTime() >= latest.getTime()) return 0;
  const accounts = primaryAccounts(tx, personIds);
  const items: OutboxItem[] = [];
  for (const personId of personIds) {
    const account = accounts.get(personId);
    const person = getPerson(tx, personId);
    if (!account || !person) continue;
    const t = (k: string, a?: Record<string, string | number>) => deps.i18n.t(person.language, k, a);
    items.push(outboxItem(account, message(person.language, t), { dedupeKey: `${key}:${personId}`, batch: `seminar:${seminar.id}`, notBefore }));
  }
  return enqueueOutbox(tx, items);
}

function remind(deps: JobDeps, seminar: Seminar, now: Date): number {
  const untilStart = seminar.startsAt.getTime() - now.getTime();
  const kind = untilStart <= HOUR ? '1h' : '24h';
  const windowStart = seminar.startsAt.getTime() - (kind === '1h' ? HOUR : 24 * HOUR);
  // Someone who said "yes" inside the window has just seen the card; they get the next reminder only.
  const going = rsvpsOf(deps.db, seminar.id)
    .filter((r) => statusOf(r) === 'going' && r.answeredAt.getTime() <= windowStart)
    .map((r) => r.personId);
  const zone = seminarZone(deps.db, seminar, deps.settings.defaultTimezone);
  return deps.db.transaction((tx) =>
    queue(tx, deps, seminar, going, `seminar:${seminar.id}:remind-${kind}:${seminar.startsAt.getTime()}`, now, seminar.startsAt, (lang, t) => ({
      text: t(`seminar-reminder-${kind}`, {
        title: seminar.title,
        when: formatWhen(seminar.startsAt, zone, lang),
        place: seminar.place,
      }),
    })),
  );
}

function askFeedback(deps: JobDeps, seminar: Seminar, now: Date): number {
  const attendees = attendeesOf(deps.db, seminar.id);
  const latest = new Date(seminar.startsAt.getTime() + FOLLOW_UP_DAYS * 24 * HOUR);
  return deps.db.transaction((tx) =>
    queue(tx, deps, seminar, attendees, `seminar:${seminar.id}:feedback`, now, latest, (_lang, t) => ({
      text: t('feedback-ask-rating', { title: seminar.title }),
      buttons: [(['1', '2', '3', '4', '5'] as const).map((r) => ({ kind: 'action', label: r, data: feedbackAction.encode(seminar.id, r) }))],
    })),
  );
}

export const seminarReminders: Job = {
  name: 'seminar-reminders',
  run(deps, now) {
    let queued = 0;
    for (const seminar of seminarsBetween(deps.db, undefined, now, new Date(now.getTime() + 24 * HOUR))) queued += remind(deps, seminar, now);
    const recent = seminarsBetween(deps.db, undefined, new Date(now.getTime() - FOLLOW_UP_DAYS * 24 * HOUR), now);
    for (const seminar of recent.filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 <= now.getTime())) {
      queued += askFeedback(deps, seminar, now);
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
