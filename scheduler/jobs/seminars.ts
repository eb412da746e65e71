// Seminar reminders and follow-up, checked every minute: a series' next card
// when its time comes; a reminder at each lead the coordinator chose to those
// who said they would (or might) come; one nudge to those invited who have
// not answered; after the event, the request for a rating to those marked
// present. All of it outside quiet hours, in the municipality's time; a
// message that quiet hours would push past its use is dropped. What is said,
// when it is due and the dedupe keys that keep it from being said twice come
// from the seminars feature (handlers/seminars/reminders.ts, series.ts).
import { seminarsBetween, type Seminar } from '../../db/repos/seminars.js';
import { enqueueOutbox, type OutboxItem } from '../../db/repos/outbox.js';
import { primaryAccounts } from '../../db/repos/audience.js';
import { getPerson } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import { municipalityZone, outsideQuietHours } from '../../handlers/core/local-time.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { outboxItem } from '../../handlers/core/outbox.js';
import { FOLLOW_UP_DAYS } from '../../handlers/seminars/respond.js';
import { dueLead, feedbackRequest, markQueued, nudgeDue, queuedFor, seminarNudge, seminarReminder, timedSince, type SeminarMessage } from '../../handlers/seminars/reminders.js';
import { CARD_AHEAD_MS, dueSessionCard, nudgeSince } from '../../handlers/seminars/series.js';
import type { Job, JobDeps } from '../job.js';

const HOUR = 3600_000;
/** The longest lead is a week; a series' card goes a week ahead: a day more covers both. */
const LOOK_AHEAD_MS = CARD_AHEAD_MS + 24 * HOUR;

/** Queues a message to each person, outside quiet hours, skipping it when that would fall after `latest`. */
function queue(tx: DbOrTx, deps: JobDeps, seminar: Seminar, message: SeminarMessage, now: Date, latest: Date): number {
  const zone = municipalityZone({ db: tx, settings: deps.settings }, seminar.municipalityId);
  const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
  if (notBefore.getTime() >= latest.getTime()) return 0;
  const accounts = primaryAccounts(tx, message.personIds);
  const items: OutboxItem[] = [];
  for (const personId of message.personIds) {
    const account = accounts.get(personId);
    const person = getPerson(tx, personId);
    if (!account || !person || person.erasedAt) continue;
    const t: Translate = (k, a) => deps.i18n.t(person.language, k, a);
    items.push(outboxItem(account, message.write(person.language, t, personId), { dedupeKey: `${message.key}:${personId}`, batch: message.batch, notBefore }));
  }
  return enqueueOutbox(tx, items);
}

/** Everything due before a seminar, in one transaction per seminar. */
function beforeSeminar(deps: JobDeps, seminar: Seminar, now: Date): number {
  const zone = municipalityZone(deps, seminar.municipalityId);
  return deps.db.transaction((tx) => {
    let queued = 0;
    const card = dueSessionCard(tx, seminar, now, zone);
    if (card) queued += queue(tx, deps, seminar, card, now, seminar.startsAt);
    const since = timedSince(tx, seminar.id);
    const lead = dueLead(seminar, now, since);
    if (lead !== undefined && !queuedFor(tx, seminar, `remind-${lead}`)) {
      queued += queue(tx, deps, seminar, seminarReminder(tx, seminar, lead, zone), now, seminar.startsAt);
      markQueued(tx, seminar, `remind-${lead}`);
    }
    const nudgeFrom = nudgeSince(tx, seminar, since);
    if (nudgeFrom !== undefined && nudgeDue(seminar, now, nudgeFrom) && !queuedFor(tx, seminar, 'nudge')) {
      queued += queue(tx, deps, seminar, seminarNudge(tx, seminar, zone), now, seminar.startsAt);
      markQueued(tx, seminar, 'nudge');
    }
    return queued;
  });
}

function askFeedback(deps: JobDeps, seminar: Seminar, now: Date): number {
  const message = feedbackRequest(deps.db, seminar);
  const latest = new Date(seminar.startsAt.getTime() + FOLLOW_UP_DAYS * 24 * HOUR);
  return deps.db.transaction((tx) => queue(tx, deps, seminar, message, now, latest));
}

export const seminarReminders: Job = {
  name: 'seminar-reminders',
  run(deps, now) {
    let queued = 0;
    for (const seminar of seminarsBetween(deps.db, undefined, now, new Date(now.getTime() + LOOK_AHEAD_MS))) queued += beforeSeminar(deps, seminar, now);
    const recent = seminarsBetween(deps.db, undefined, new Date(now.getTime() - FOLLOW_UP_DAYS * 24 * HOUR), now);
    for (const seminar of recent.filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 <= now.getTime())) {
      queued += askFeedback(deps, seminar, now);
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
