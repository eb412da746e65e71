// What a survey round says to those who have not answered, and about them:
// the reminder with its "Продолжить" button (sent by the scheduler on the
// round's reminder days and by a coordinator's "Напомнить" in chat, so both
// say it the same way), and the missing list the coordinator and school
// admins get once the escalation day comes, the reminders a coordinator or a
// school head sends by hand from that list (capped per person), and the
// notices of a round closed early or extended. The scheduler decides when and
// outside which quiet hours; the words, buttons and recipients are here.
import { peopleOf } from '../../db/repos/people.js';
import { stopPendingOutbox } from '../../db/repos/outbox.js';
import { noteManualReminder, recipientsOf, type Recipient, type Round } from '../../db/repos/surveys.js';
import type { DbOrTx } from '../../db/client.js';
import { defineAction, idArg } from '../core/actions.js';
import type { CoreDeps } from '../core/context.js';
import { formatDay } from '../core/format.js';
import type { Translate } from '../core/i18n.js';
import { notifyPerson } from '../core/outbox.js';
import { startRoundAction } from './respond.js';
import type { SurveyDefinition } from './types.js';

/** "Напомнить": a coordinator reminds everyone who has not answered (results.ts). */
export const nudgeAction = defineAction('svn', idArg);
/** «Кто не ответил» of the whole round, by name: for its readers (results.ts shows it on the card). */
export const missingAction = defineAction('svm', idArg);
/** «Кто не ответил» of one school, a page of it: for that school's admins and the coordinator. */
export const schoolMissingAction = defineAction('svk', idArg, idArg, idArg);

/** Reminders by hand: at most this many per person and round… */
export const MANUAL_CAP = 3;
/** …and no two within this many hours. */
export const MANUAL_GAP_HOURS = 20;

/** The outbox batch of everything that asks a round's missing people to answer: stopped when the round closes early. */
export const remindBatch = (roundId: number) => `round:${roundId}:remind`;

const reminderReply = (t: Translate, round: Round, title: string) => ({
  text: t('survey-reminder', { title }),
  buttons: [[{ kind: 'action' as const, label: t('survey-continue'), data: startRoundAction.encode(round.id) }]],
});

export interface ReminderOptions {
  /** The outbox dedupe key of the reminder to one person. */
  dedupeKey: (personId: number) => string;
  notBefore: Date;
}

/** Reminds each recipient who has not answered yet; returns how many reminders were queued. */
export function remindMissing(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, title: string, options: ReminderOptions): number {
  let queued = 0;
  for (const r of recipientsOf(tx, round.id).filter((x) => !x.answeredAt)) {
    const ok = notifyPerson(tx, deps.i18n, r.personId, (t) => reminderReply(t, round, title), {
      dedupeKey: options.dedupeKey(r.personId),
      notBefore: options.notBefore,
      batch: remindBatch(round.id),
    });
    if (ok) queued++;
  }
  return queued;
}

/** Why a reminder by hand was not sent to someone. */
export type SkipReason = 'cap' | 'recent' | 'unreachable';

export interface ManualOutcome {
  reminded: number[];
  skipped: { personId: number; reason: SkipReason }[];
}

/** Whether the cap lets one more reminder by hand reach this recipient now. */
export function capReason(r: Pick<Recipient, 'manualReminders' | 'lastRemindedAt'>, now: Date): 'cap' | 'recent' | undefined {
  if (r.manualReminders >= MANUAL_CAP) return 'cap';
  if (r.lastRemindedAt && now.getTime() - r.lastRemindedAt.getTime() < MANUAL_GAP_HOURS * 3_600_000) return 'recent';
  return undefined;
}

/**
 * Reminds, by hand, these recipients who have not answered, within the cap:
 * each reminder is counted on the recipient, and its dedupe key carries the
 * count, so a repeated press of the same button queues nothing twice. The
 * caller has checked who may remind whom.
 */
export function remindByHand(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, title: string, rows: readonly Recipient[], now: Date, notBefore: Date): ManualOutcome {
  const outcome: ManualOutcome = { reminded: [], skipped: [] };
  for (const r of rows) {
    if (r.answeredAt) continue;
    const capped = capReason(r, now);
    if (capped) {
      outcome.skipped.push({ personId: r.personId, reason: capped });
      continue;
    }
    const ok = notifyPerson(tx, deps.i18n, r.personId, (t) => reminderReply(t, round, title), {
      dedupeKey: `round:${round.id}:manual:${r.manualReminders + 1}:${r.personId}`,
      notBefore,
      batch: remindBatch(round.id),
    });
    if (!ok) {
      outcome.skipped.push({ personId: r.personId, reason: 'unreachable' });
      continue;
    }
    noteManualReminder(tx, round.id, r.personId, now);
    outcome.reminded.push(r.personId);
  }
  return outcome;
}

/**
 * Tells those who have not answered that the round now runs to its new close,
 * with the button to answer. What was still waiting to ask them (a reminder
 * held by quiet hours) is dropped: this notice says it better. Returns how
 * many were told.
 */
export function noticeExtended(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, title: string, zone: string, notBefore: Date): number {
  stopPendingOutbox(tx, remindBatch(round.id));
  let queued = 0;
  for (const r of recipientsOf(tx, round.id).filter((x) => !x.answeredAt)) {
    const ok = notifyPerson(
      tx,
      deps.i18n,
      r.personId,
      (t) => ({
        text: t('survey-extended-notice', { title, until: formatDay(round.closesAt, zone) }),
        buttons: [[{ kind: 'action', label: t('survey-start'), data: startRoundAction.encode(round.id) }]],
      }),
      { dedupeKey: `round:${round.id}:extended:${round.closesAt.getTime()}:${r.personId}`, notBefore, batch: remindBatch(round.id) },
    );
    if (ok) queued++;
  }
  return queued;
}

/**
 * Tells those who have not answered that the round closed early, so that
 * nobody sets aside time for it; invitations and reminders still waiting in
 * the outbox are dropped. Returns how many were told.
 */
export function noticeClosed(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, title: string, notBefore: Date): number {
  stopPendingOutbox(tx, remindBatch(round.id));
  stopPendingOutbox(tx, `round:${round.id}`);
  let queued = 0;
  for (const r of recipientsOf(tx, round.id).filter((x) => !x.answeredAt)) {
    const ok = notifyPerson(tx, deps.i18n, r.personId, (t) => ({ text: t('survey-closed-notice', { title }) }), { dedupeKey: `round:${round.id}:closed:${r.personId}`, notBefore });
    if (ok) queued++;
  }
  return queued;
}

/** «Иванова А. И.»: a surname with initials, short enough for a button. */
export function shortName(fullName: string | undefined): string {
  const [surname, ...rest] = (fullName ?? '—').trim().split(/\s+/u);
  return [surname, ...rest.map((part) => `${part.charAt(0)}.`)].join(' ');
}

/**
 * The missing list, once: to each coordinator (with the nudge button), and for
 * a survey answered person by person, to each school's admins about their own
 * school. Returns how many messages were queued.
 */
/** How many names the missing list message shows before «…и ещё N». */
export const ESCALATION_NAMES = 30;

export function escalateMissing(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, round: Round, survey: SurveyDefinition, notBefore: Date): number {
  const missing = recipientsOf(tx, round.id).filter((r) => !r.answeredAt);
  if (missing.length === 0) return 0;
  let queued = 0;
  const nameOf = new Map(peopleOf(tx, round.municipalityId).map((p) => [p.id, p.fullName]));
  // A message names the first few; the rest are a press away, so a large round never makes a wall of names.
  const names = (rows: typeof missing, t: Translate) => {
    const shown = rows.slice(0, ESCALATION_NAMES).map((r) => `• ${nameOf.get(r.personId) ?? '—'}`);
    if (rows.length > ESCALATION_NAMES) shown.push(t('survey-escalation-more', { count: rows.length - ESCALATION_NAMES }));
    return shown.join('\n');
  };
  for (const coordinator of peopleOf(tx, round.municipalityId, { role: 'coordinator' })) {
    const ok = notifyPerson(
      tx,
      deps.i18n,
      coordinator.id,
      (t) => ({
        text: `${t('survey-escalation', { title: survey.title, count: missing.length })}\n${names(missing, t)}`,
        buttons: [
          [{ kind: 'action', label: t('survey-remind-all', { count: missing.length }), data: nudgeAction.encode(round.id) }],
          [{ kind: 'action', label: t('survey-button-missing'), data: missingAction.encode(round.id) }],
        ],
      }),
      { dedupeKey: `round:${round.id}:escalate:${coordinator.id}`, notBefore },
    );
    if (ok) queued++;
  }
  if (survey.level !== 'person') return queued;
  const bySchool = new Map<number, typeof missing>();
  for (const r of missing) {
    if (r.schoolId === null) continue;
    const rows = bySchool.get(r.schoolId);
    if (rows) rows.push(r);
    else bySchool.set(r.schoolId, [r]);
  }
  for (const [schoolId, rows] of bySchool) {
    for (const admin of peopleOf(tx, round.municipalityId, { role: 'school_admin', schoolId })) {
      const ok = notifyPerson(
        tx,
        deps.i18n,
        admin.id,
        (t) => ({
          text: `${t('survey-escalation-school', { title: survey.title, count: rows.length })}\n${names(rows, t)}`,
          buttons: [[{ kind: 'action', label: t('survey-button-school-missing'), data: schoolMissingAction.encode(round.id, schoolId, 0) }]],
        }),
        { dedupeKey: `round:${round.id}:escalate-school:${admin.id}`, notBefore },
      );
      if (ok) queued++;
    }
  }
  return queued;
}
