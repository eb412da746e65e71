// What a road-map deadline says, for the scheduler to send when it is due: on
// the first day of a span («с 01.02 по 28.02», a quarter) that it begins, a
// week and a day before, on the day a question with "Выполнено" /
// "Перенести" / "Комментарий", a few days overdue a notice to the
// coordinators, and for a continuous item a monthly check-in. The job
// decides which are due and outside which quiet hours; the words, buttons,
// recipients and dedupe keys are here. Keys carry the due date, so a
// postponed deadline is reminded afresh and nothing is ever sent twice.
// When one person has several at once they go as one digest instead
// (daily-digest.ts).
import { peopleOf } from '../../db/repos/people.js';
import type { MilestoneRow, Roadmap, RoadmapItemRow } from '../../db/repos/roadmaps.js';
import type { DbOrTx } from '../../db/client.js';
import type { Button, Reply } from '../core/contract.js';
import type { CoreDeps } from '../core/context.js';
import { formatIsoDay } from '../core/format.js';
import type { Translate } from '../core/i18n.js';
import { notifyPerson } from '../core/outbox.js';
import { commentAction, doneAction, dueOf, postponeAction } from './progress.js';
import { responsiblePeople } from './responsible.js';

/**
 * The start of a span, a week before, a day before, on the day, overdue (to
 * the coordinators), or the monthly check-in of a continuous item.
 */
export type ReminderKind = 'start' | 'd7' | 'd1' | 'due' | 'overdue' | 'month';

export interface MilestoneReminder {
  /** The dedupe key; the recipient's id is added. */
  key: string;
  kind: ReminderKind;
  to: 'responsible' | 'coordinators';
  message: (t: Translate) => Reply;
}

/** A reminder due now, with what it is about: what the digest needs to list it. */
export interface DueReminder {
  reminder: MilestoneReminder;
  milestone: MilestoneRow;
  item: RoadmapItemRow;
  roadmap: Roadmap;
}

function buttons(t: Translate, m: MilestoneRow): Button[][] {
  return [
    [
      { kind: 'action', label: t('roadmap-button-done'), data: doneAction.encode(m.id) },
      { kind: 'action', label: t('roadmap-button-postpone'), data: postponeAction.encode(m.id) },
    ],
    [{ kind: 'action', label: t('roadmap-button-comment'), data: commentAction.encode(m.id) }],
  ];
}

export interface ReminderOptions {
  /** For `month`: the check-in's month (yyyy-MM, local). */
  month?: string;
  /** The local date it is sent on: a `due` reminder sent after the day says the deadline has passed. */
  today?: string;
}

/** The reminder of a kind for a milestone. */
export function milestoneReminder(m: MilestoneRow, item: RoadmapItemRow, kind: ReminderKind, options: ReminderOptions | string = {}): MilestoneReminder {
  const { month = '', today = '' } = typeof options === 'string' ? { month: options } : options;
  const due = dueOf(m);
  const title = `${item.number} ${item.title}`.slice(0, 300);
  const when = formatIsoDay(due);
  switch (kind) {
    case 'month':
      return { key: `ms:${m.id}:month:${month}`, kind, to: 'responsible', message: (t) => ({ text: t('roadmap-checkin', { title }), buttons: buttons(t, m) }) };
    case 'start': {
      const from = formatIsoDay(m.from ?? due);
      return { key: `ms:${m.id}:start:${m.from ?? due}`, kind, to: 'responsible', message: (t) => ({ text: t('roadmap-span-start', { title, from, when }), buttons: buttons(t, m) }) };
    }
    case 'due': {
      const late = today !== '' && due < today;
      return { key: `ms:${m.id}:due:${due}`, kind, to: 'responsible', message: (t) => ({ text: t(late ? 'roadmap-due-passed' : 'roadmap-due-today', { title, when }), buttons: buttons(t, m) }) };
    }
    case 'd1':
      return { key: `ms:${m.id}:d1:${due}`, kind, to: 'responsible', message: (t) => ({ text: t('roadmap-due-tomorrow', { title, when }), buttons: buttons(t, m) }) };
    case 'd7':
      return { key: `ms:${m.id}:d7:${due}`, kind, to: 'responsible', message: (t) => ({ text: t('roadmap-due-week', { title, when }) }) };
    case 'overdue':
      return { key: `ms:${m.id}:overdue:${due}`, kind, to: 'coordinators', message: (t) => ({ text: t('roadmap-overdue', { title, when, responsible: item.responsibleText || '—' }) }) };
  }
}

/** Who a reminder is for: the item's responsible people, or the municipality's coordinators. */
export function reminderRecipients(tx: DbOrTx, roadmap: Roadmap, item: RoadmapItemRow, reminder: Pick<MilestoneReminder, 'to'>): number[] {
  return reminder.to === 'coordinators'
    ? peopleOf(tx, roadmap.municipalityId, { role: 'coordinator' }).map((p) => p.id)
    : responsiblePeople(tx, roadmap.municipalityId, roadmap.schoolId, item.responsibleText);
}

/** Queues one reminder to one person; false when it went before or they cannot be reached. */
export function sendReminderTo(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, personId: number, due: DueReminder, notBefore: Date): boolean {
  return notifyPerson(tx, deps.i18n, personId, due.reminder.message, { dedupeKey: `${due.reminder.key}:${personId}`, batch: `roadmap:${due.roadmap.id}`, notBefore });
}

/** Queues a reminder to those it is for; returns how many were queued. */
export function sendMilestoneReminder(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, roadmap: Roadmap, item: RoadmapItemRow, reminder: MilestoneReminder, notBefore: Date): number {
  let queued = 0;
  for (const personId of reminderRecipients(tx, roadmap, item, reminder)) {
    if (notifyPerson(tx, deps.i18n, personId, reminder.message, { dedupeKey: `${reminder.key}:${personId}`, batch: `roadmap:${roadmap.id}`, notBefore })) queued++;
  }
  return queued;
}
