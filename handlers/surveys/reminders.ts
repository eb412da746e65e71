// What a survey round says to those who have not answered, and about them:
// the reminder with its "Продолжить" button (sent by the scheduler on the
// round's reminder days and by a coordinator's "Напомнить" in chat, so both
// say it the same way), and the missing list the coordinator and school
// admins get once the escalation day comes. The scheduler decides when and
// outside which quiet hours; the words, buttons and recipients are here.
import { peopleOf } from '../../db/repos/people.js';
import { recipientsOf, type Round } from '../../db/repos/surveys.js';
import type { DbOrTx } from '../../db/client.js';
import { defineAction, idArg } from '../core/actions.js';
import type { CoreDeps } from '../core/context.js';
import { notifyPerson } from '../core/outbox.js';
import { startRoundAction } from './respond.js';
import type { SurveyDefinition } from './types.js';

/** "Напомнить": a coordinator reminds everyone who has not answered (results.ts). */
export const nudgeAction = defineAction('svn', idArg);

export interface ReminderOptions {
  /** The outbox dedupe key of the reminder to one person. */
  dedupeKey: (personId: number) => string;
  notBefore: Date;
}

/** Reminds each recipient who has not answered yet; returns how many reminders were queued. */
export function remindMissing(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, title: string, options: ReminderOptions): number {
  let queued = 0;
  for (const r of recipientsOf(tx, round.id).filter((x) => !x.answeredAt)) {
    const ok = notifyPerson(
      tx,
      deps.i18n,
      r.personId,
      (t) => ({ text: t('survey-reminder', { title }), buttons: [[{ kind: 'action', label: t('survey-continue'), data: startRoundAction.encode(round.id) }]] }),
      { dedupeKey: options.dedupeKey(r.personId), notBefore: options.notBefore },
    );
    if (ok) queued++;
  }
  return queued;
}

/**
 * The missing list, once: to each coordinator (with the nudge button), and for
 * a survey answered person by person, to each school's admins about their own
 * school. Returns how many messages were queued.
 */
export function escalateMissing(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, survey: SurveyDefinition, notBefore: Date): number {
  const missing = recipientsOf(tx, round.id).filter((r) => !r.answeredAt);
  if (missing.length === 0) return 0;
  let queued = 0;
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
  if (survey.level !== 'person') return queued;
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
  return queued;
}
