// Survey rounds over time: reminders at 10:00 local on the round's reminder
// days to those who have not answered (never in quiet hours), the missing
// list to the coordinator and school admins once the escalation day comes,
// and the next round of a recurring survey when its date arrives.
import { DateTime } from 'luxon';
import { getMunicipality } from '../../db/repos/org.js';
import { peopleOf } from '../../db/repos/people.js';
import { openRounds, recipientsOf, recurringTips, type Round } from '../../db/repos/surveys.js';
import type { Recurrence } from '../../db/schema.js';
import { notifyPerson } from '../../handlers/core/outbox.js';
import { launchRound } from '../../handlers/surveys/launch.js';
import { definitionOf, startRoundAction } from '../../handlers/surveys/respond.js';
import { nudgeAction } from '../../handlers/surveys/results.js';
import type { Job, JobDeps } from '../job.js';
import { outsideQuietHours } from '../../handlers/core/local-time.js';

const SEND_AT = { hour: 10, minute: 0 };

function zoneOf(deps: JobDeps, round: Round): string {
  return getMunicipality(deps.db, round.municipalityId)?.timezone ?? deps.settings.defaultTimezone;
}

/** 10:00 local on the day `days` after the round opened. */
function dayAfterOpening(round: Round, days: number, zone: string): Date {
  return DateTime.fromJSDate(round.opensAt, { zone }).plus({ days }).set({ ...SEND_AT, second: 0, millisecond: 0 }).toJSDate();
}

function remind(deps: JobDeps, round: Round, now: Date): number {
  const zone = zoneOf(deps, round);
  const title = definitionOf({ deps }, round.surveyId).title;
  let queued = 0;
  deps.db.transaction((tx) => {
    const missing = recipientsOf(tx, round.id).filter((r) => !r.answeredAt);
    // Only the latest reminder that is due: after days of downtime a person gets one reminder, not each missed one.
    const due = round.reminderDays.filter((day) => now >= dayAfterOpening(round, day, zone));
    for (const day of due.length > 0 ? [Math.max(...due)] : []) {
      const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
      if (notBefore >= round.closesAt) continue;
      for (const r of missing) {
        const ok = notifyPerson(
          tx,
          deps.i18n,
          r.personId,
          (t) => ({ text: t('survey-reminder', { title }), buttons: [[{ kind: 'action', label: t('survey-continue'), data: startRoundAction.encode(round.id) }]] }),
          { dedupeKey: `round:${round.id}:remind:${day}:${r.personId}`, notBefore },
        );
        if (ok) queued++;
      }
    }
  });
  return queued;
}

function escalate(deps: JobDeps, round: Round, now: Date): number {
  const zone = zoneOf(deps, round);
  if (now < dayAfterOpening(round, round.escalateAfterDays, zone)) return 0;
  const survey = definitionOf({ deps }, round.surveyId);
  const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
  let queued = 0;
  deps.db.transaction((tx) => {
    const missing = recipientsOf(tx, round.id).filter((r) => !r.answeredAt);
    if (missing.length === 0) return;
    const nameOf = new Map(peopleOf(tx, round.municipalityId).map((p) => [p.id, p.fullName]));
    const names = (rows: typeof missing) => rows.map((r) => `• ${nameOf.get(r.personId) ?? '—'}`).join('\n');
    for (const coordinator of peopleOf(tx, round.municipalityId, { role: 'coordinator' })) {
      const ok = notifyPerson(
        tx,
        deps.i18n,
        coordinator.id,
        (t) => ({
          text: `${t('survey-escalation', { title: survey.title, count: missing.length })}\n${names(missing)}`,
          buttons: [[{ kind: 'action', label: t('survey-button-nudge'), data: nudgeAction.encode(round.id) }]],
        }),
        { dedupeKey: `round:${round.id}:escalate:${coordinator.id}`, notBefore },
      );
      if (ok) queued++;
    }
    if (survey.level !== 'person') return;
    const bySchool = new Map<number, typeof missing>();
    for (const r of missing) if (r.schoolId !== null) bySchool.set(r.schoolId, [...(bySchool.get(r.schoolId) ?? []), r]);
    for (const [schoolId, rows] of bySchool) {
      for (const admin of peopleOf(tx, round.municipalityId, { role: 'school_admin', schoolId })) {
        const ok = notifyPerson(tx, deps.i18n, admin.id, (t) => ({ text: `${t('survey-escalation-school', { title: survey.title, count: rows.length })}\n${names(rows)}` }), {
          dedupeKey: `round:${round.id}:escalate-school:${admin.id}`,
          notBefore,
        });
        if (ok) queued++;
      }
    }
  });
  return queued;
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
  name: 'survey-rounds',
  run(deps, now) {
    let queued = repeat(deps, now);
    for (const round of openRounds(deps.db, now)) queued += remind(deps, round, now) + escalate(deps, round, now);
    if (queued > 0) deps.wakeOutbox();
  },
};
