// Seminar reminders and follow-up: within the day before a seminar those who
// said they would come are reminded (outside quiet hours, in the
// municipality's time); after the event, those marked present are asked for a
// rating. What is said, and the dedupe keys that keep it from being said
// twice, come from the seminars feature (handlers/seminars/reminders.ts).
import { seminarsBetween, type Seminar } from '../../db/repos/seminars.js';
import { enqueueOutbox, type OutboxItem } from '../../db/repos/outbox.js';
import { primaryAccounts } from '../../db/repos/audience.js';
import { getPerson } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import { municipalityZone, outsideQuietHours } from '../../handlers/core/local-time.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { outboxItem } from '../../handlers/core/outbox.js';
import { FOLLOW_UP_DAYS } from '../../handlers/seminars/respond.js';
import { feedbackRequest, reminderKind, seminarReminder, type SeminarMessage } from '../../handlers/seminars/reminders.js';
import type { Job, JobDeps } from '../job.js';

const HOUR = 3600_000;

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
    if (!account || !person) continue;
    const t: Translate = (k, a) => deps.i18n.t(person.language, k, a);
    items.push(outboxItem(account, message.write(person.language, t), { dedupeKey: `${message.key}:${personId}`, batch: message.batch, notBefore }));
  }
  return enqueueOutbox(tx, items);
}

function remind(deps: JobDeps, seminar: Seminar, now: Date): number {
  const zone = municipalityZone(deps, seminar.municipalityId);
  const message = seminarReminder(deps.db, seminar, reminderKind(seminar, now), zone);
  return deps.db.transaction((tx) => queue(tx, deps, seminar, message, now, seminar.startsAt));
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
    for (const seminar of seminarsBetween(deps.db, undefined, now, new Date(now.getTime() + 24 * HOUR))) queued += remind(deps, seminar, now);
    const recent = seminarsBetween(deps.db, undefined, new Date(now.getTime() - FOLLOW_UP_DAYS * 24 * HOUR), now);
    for (const seminar of recent.filter((s) => s.startsAt.getTime() + s.durationMinutes * 60_000 <= now.getTime())) {
      queued += askFeedback(deps, seminar, now);
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
