// Survey rounds over time: reminders at 10:00 local on the round's reminder
// days to those who have not answered (never in quiet hours), the missing
// list to the coordinator and school admins once the escalation day comes,
// and the next round of a recurring survey when its date arrives. A round
// closed early is no longer open, so nothing more is sent for it; an
// extended one keeps its reminder days (counted from the opening) and gets
// one more reminder at 10:00 the day before its new close. What the
// reminders and the missing list say, and to whom, is the survey feature's
// (handlers/surveys/reminders.ts); this job only decides when.
import { DateTime } from 'luxon';
import { hasJobRun, recordJobRun } from '../../db/repos/jobs.js';
import { getValue } from '../../db/repos/kv.js';
import { openRounds, recurringTips, type Round } from '../../db/repos/surveys.js';
import type { Recurrence } from '../../db/schema.js';
import { localDate, municipalityZone, outsideQuietHours } from '../../handlers/core/local-time.js';
import { launchRound } from '../../handlers/surveys/launch.js';
import { escalateMissing, remindMissing } from '../../handlers/surveys/reminders.js';
import { definitionOf } from '../../handlers/surveys/respond.js';
import { extendedKey } from '../../handlers/surveys/round-admin.js';
import type { Job, JobDeps } from '../job.js';

const JOB = 'survey-rounds';
const SEND_AT = { hour: 10, minute: 0 };

function zoneOf(deps: JobDeps, round: Round): string {
  return municipalityZone(deps, round.municipalityId);
}

/** 10:00 local on the day `days` after the round opened. */
function dayAfterOpening(round: Round, days: number, zone: string): Date {
  return DateTime.fromJSDate(round.opensAt, { zone }).plus({ days }).set({ ...SEND_AT, second: 0, millisecond: 0 }).toJSDate();
}

/** 10:00 local on the day before the round closes. */
function dayBeforeClose(round: Round, zone: string): Date {
  return DateTime.fromJSDate(round.closesAt, { zone }).minus({ days: 1 }).set({ ...SEND_AT, second: 0, millisecond: 0 }).toJSDate();
}

/** When a round reminds, each with the part of its dedupe key that tells one reminder from another. */
function reminderSlots(deps: JobDeps, round: Round, zone: string): { key: string; at: Date }[] {
  const slots = round.reminderDays.map((day) => ({ key: String(day), at: dayAfterOpening(round, day, zone) }));
  const extended = getValue(deps.db, extendedKey(round.id));
  if (!extended) return slots;
  // Extended: one more the day before the new close, keyed by that close, so a second extension brings its own.
  // The extension's own notice stands for every slot before it, so nobody hears twice in one go.
  const at = new Date(extended);
  return [...slots, { key: `close:${localDate(round.closesAt, zone)}`, at: dayBeforeClose(round, zone) }].filter((slot) => slot.at > at);
}

function remind(deps: JobDeps, round: Round, now: Date): number {
  const zone = zoneOf(deps, round);
  const title = definitionOf({ deps }, round.surveyId).title;
  // Only the latest reminder that is due: after days of downtime a person gets one reminder, not each missed one.
  const due = reminderSlots(deps, round, zone).filter((slot) => now >= slot.at);
  if (due.length === 0) return 0;
  const latest = due.reduce((a, b) => (b.at > a.at ? b : a));
  const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
  if (notBefore >= round.closesAt) return 0;
  // Once per slot, recorded with what it queued: a large round's list is not walked again every minute.
  if (hasJobRun(deps.db, JOB, `remind:${round.id}:${latest.key}`)) return 0;
  return deps.db.transaction((tx) => {
    recordJobRun(tx, JOB, `remind:${round.id}:${latest.key}`, now);
    return remindMissing(tx, deps, round, title, { dedupeKey: (personId) => `round:${round.id}:remind:${latest.key}:${personId}`, notBefore });
  });
}

function escalate(deps: JobDeps, round: Round, now: Date): number {
  const zone = zoneOf(deps, round);
  if (now < dayAfterOpening(round, round.escalateAfterDays, zone)) return 0;
  const survey = definitionOf({ deps }, round.surveyId);
  const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
  if (hasJobRun(deps.db, JOB, `escalate:${round.id}`)) return 0;
  return deps.db.transaction((tx) => {
    recordJobRun(tx, JOB, `escalate:${round.id}`, now);
    return escalateMissing(tx, deps, round, survey, notBefore);
  });
}

/** The next opening of a recurring survey after a round: the first listed month and day later than it. */
export function nextOpening(after: Date, recurrence: Recurrence, zone: string): Date {
  const start = DateTime.fromJSDate(after, { zone });
  for (let year = start.year; year <= start.year + 2; year++) {
    for (const month of [...recurrence.months].sort((a, b) => a - b)) {
      const candidate = DateTime.fromObject({ year, month, day: recurrence.day, hour: 9 }, { zone });
      if (candidate > start.endOf('day')) return candidate.toJSDate();
    }
  }
  return start.plus({ years: 1 }).toJSDate();
}

function repeat(deps: JobDeps, now: Date): number {
  let launched = 0;
  for (const tip of recurringTips(deps.db)) {
    if (!tip.recurrence) continue;
    const opensAt = nextOpening(tip.opensAt, tip.recurrence, zoneOf(deps, tip));
    if (now < opensAt) continue;
    deps.db.transaction((tx) =>
      launchRound(tx, deps, {
        municipalityId: tip.municipalityId,
        survey: { id: tip.surveyId },
        audience: tip.audience,
        opensAt: now,
        closesAt: DateTime.fromJSDate(now).plus({ days: tip.recurrence?.durationDays ?? 7 }).toJSDate(),
        reminderDays: tip.reminderDays,
        escalateAfterDays: tip.escalateAfterDays,
        recurrence: tip.recurrence,
        previousRoundId: tip.id,
        createdBy: tip.createdBy,
      }),
    );
    launched++;
  }
  return launched;
}

export const surveyRounds: Job = {
  name: JOB,
  run(deps, now) {
    let queued = repeat(deps, now);
    for (const round of openRounds(deps.db, now)) queued += remind(deps, round, now) + escalate(deps, round, now);
    if (queued > 0) deps.wakeOutbox();
  },
};
