// The monthly nudge to log consultations: mentors and tutors who have
// assignments but logged nothing this month are reminded, once a month. And
// the reminders of sessions planned ahead: the day before, and the question
// afterwards whether it took place. The scheduler decides when it looks
// (scheduler/jobs/consultations.ts); who is reminded, what they are told and
// the dedupe keys are the feature's.
import { activeAssignmentsOfMunicipality } from '../../db/repos/assignments.js';
import { DateTime } from 'luxon';
import { consultationsBetween, plannedStartingBetween, type PlannedConsultation } from '../../db/repos/consultations.js';
import { getSchool } from '../../db/repos/org.js';
import { personIdsIn } from '../../db/repos/outbox.js';
import { getPerson } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import type { CoreDeps } from '../core/context.js';
import { atLocal, isQuiet, municipalityZone, outsideQuietHours, type QuietHours } from '../core/local-time.js';
import { notifyPerson } from '../core/outbox.js';
import { shortName, withName } from './pairs.js';
import { outcomeButtons } from './planned-actions.js';

/** Reminds the helpers of a municipality with nothing logged from the 1st of the month up to `localDate` (YYYY-MM-DD). */
export function remindToLog(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, municipalityId: number, localDate: string, notBefore: Date): void {
  const month = localDate.slice(0, 7);
  const helpers = new Set(
    activeAssignmentsOfMunicipality(tx, municipalityId)
      .filter((a) => a.kind !== 'school_pair' && a.helperId !== null)
      .map((a) => a.helperId as number),
  );
  const logged = new Set(consultationsBetween(tx, municipalityId, `${month}-01`, localDate).map((c) => c.authorId));
  for (const personId of helpers) {
    if (logged.has(personId)) continue;
    notifyPerson(tx, deps.i18n, personId, (t) => ({ text: t('log-monthly-reminder') }), { dedupeKey: `log-monthly:${personId}:${month}`, notBefore });
  }
}

/** What the teacher was told of a planned session is kept together, so a change later reaches only those who heard of it. */
export const plannedBatch = (id: number) => `planned:${id}`;

/**
 * Tells the teacher a session she was already reminded of has moved or is
 * off; one who never heard of it is not bothered with the change.
 */
export function tellCounterpartOfChange(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, p: PlannedConsultation, change: 'moved' | 'cancelled', now: Date): boolean {
  if (p.counterpartId === null) return false;
  if (!personIdsIn(tx, plannedBatch(p.id), ['pending', 'sending', 'sent']).includes(p.counterpartId)) return false;
  const zone = municipalityZone({ db: tx, settings: deps.settings }, p.municipalityId);
  const local = DateTime.fromJSDate(p.startsAt, { zone });
  const who = plannedNames(tx, p, 'ru');
  return notifyPerson(
    tx,
    deps.i18n,
    p.counterpartId,
    (t) => ({ text: t(`planned-${change}-notice`, { day: local.toFormat('dd.MM'), time: local.toFormat('HH:mm'), author: who.author, role: who.role }) }),
    { dedupeKey: `planned:${p.id}:${p.startsAt.getTime()}:${change}:${p.counterpartId}`, notBefore: outsideQuietHours(now, zone, deps.settings.quietHours), batch: plannedBatch(p.id) },
  );
}

/** The local hour of the day-before reminder of a planned session. */
export const PLANNED_REMINDER_AT = '18:00';
/** After this long without an answer, a past session is no longer asked about (the service was down, or it was long ago). */
const ASK_WITHIN_MS = 7 * 24 * 3600_000;
const LOOK_AHEAD_MS = 48 * 3600_000;

/**
 * When the day-before reminder of a session is due: 18:00 local the day
 * before; if the municipality's quiet hours cover 18:00, a day before the
 * start instead, and past quiet hours if that is quiet too. Undefined in
 * the odd case where even that comes at or after the start (quiet hours
 * longer than a day): a reminder is never sent late.
 */
export function plannedReminderAt(startsAt: Date, zone: string, quiet: QuietHours): Date | undefined {
  const dayBefore = DateTime.fromJSDate(startsAt, { zone }).minus({ days: 1 }).toISODate() ?? '';
  let at = atLocal(dayBefore, PLANNED_REMINDER_AT, zone);
  if (isQuiet(at, zone, quiet)) at = outsideQuietHours(new Date(startsAt.getTime() - 24 * 3600_000), zone, quiet);
  return at.getTime() < startsAt.getTime() ? at : undefined;
}

/**
 * Reminders of sessions planned ahead, for this moment: the author and the
 * teacher (or school admin) the day before, and, once the session should be
 * over, the author asked whether it took place. Each message has its own
 * dedupe key, with the start in it, so a moved session is reminded of again
 * and nothing is said twice. The author who planned the session after the
 * reminder time needs no reminder of what they just did; the teacher still
 * gets one, as it is their first word of it.
 */
export function remindPlanned(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, now: Date): number {
  let queued = 0;
  const zones = new Map<number, string>();
  const zoneOf = (municipalityId: number) => {
    const known = zones.get(municipalityId);
    if (known) return known;
    const zone = municipalityZone({ db: tx, settings: deps.settings }, municipalityId);
    zones.set(municipalityId, zone);
    return zone;
  };
  for (const p of plannedStartingBetween(tx, new Date(now.getTime() - ASK_WITHIN_MS), new Date(now.getTime() + LOOK_AHEAD_MS))) {
    const zone = zoneOf(p.municipalityId);
    const local = DateTime.fromJSDate(p.startsAt, { zone });
    const when = { day: local.toFormat('dd.MM'), time: local.toFormat('HH:mm') };
    const who = plannedNames(tx, p, getPerson(tx, p.authorId)?.language ?? 'ru');
    const stamp = p.startsAt.getTime();
    const remindAt = plannedReminderAt(p.startsAt, zone, deps.settings.quietHours);
    if (remindAt && now.getTime() >= remindAt.getTime() && now.getTime() < p.startsAt.getTime()) {
      const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
      if (notBefore.getTime() < p.startsAt.getTime()) {
        const args = { ...when, minutes: p.minutes, topic: p.topic || '—' };
        if (p.createdAt.getTime() <= remindAt.getTime()) {
          if (
            notifyPerson(tx, deps.i18n, p.authorId, (t) => ({ text: t('planned-reminder-author', { ...args, whom: who.whom, withWhom: who.withWhom, format: t(`consultation-format-${p.format}`) }) }), {
              dedupeKey: `planned:${p.id}:${stamp}:remind:${p.authorId}`,
              notBefore,
            })
          )
            queued++;
        }
        if (p.counterpartId !== null) {
          if (
            notifyPerson(tx, deps.i18n, p.counterpartId, (t) => ({ text: t('planned-reminder-counterpart', { ...args, author: who.author, role: who.role, format: t(`consultation-format-${p.format}`) }) }), {
              dedupeKey: `planned:${p.id}:${stamp}:remind:${p.counterpartId}`,
              notBefore,
              batch: plannedBatch(p.id),
            })
          )
            queued++;
        }
      }
    }
    if (now.getTime() >= stamp + p.minutes * 60_000) {
      const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
      if (
        notifyPerson(tx, deps.i18n, p.authorId, (t) => ({ text: t('planned-ask-outcome', { ...when, whom: who.whom, withWhom: who.withWhom }), buttons: outcomeButtons(t, p.id) }), {
          dedupeKey: `planned:${p.id}:${stamp}:ask`,
          notBefore,
        })
      )
        queued++;
    }
  }
  return queued;
}

/** The names in a planned session's notices; «с Петровой А. И.» in the author's language. */
function plannedNames(tx: DbOrTx, p: PlannedConsultation, lang: string): { whom: string; withWhom: string; author: string; role: 'tutor' | 'mentor' } {
  const person = getPerson(tx, p.authorId);
  const author = shortName(person?.fullName);
  // Named to the teacher by what the author is to them: a school's admin meets its mentor.
  const role = p.counterpartId === null || person?.roles.some((g) => g.role === 'tutor') !== true ? 'mentor' : 'tutor';
  if (p.counterpartId !== null) {
    const name = getPerson(tx, p.counterpartId)?.fullName;
    return { whom: shortName(name), withWhom: withName(name, lang), author, role };
  }
  const school = p.schoolId !== null ? (getSchool(tx, p.schoolId)?.shortName ?? '—') : '—';
  return { whom: school, withWhom: school, author, role };
}
