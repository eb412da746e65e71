// What a road-map deadline says, for the scheduler to send when it is due: a
// week and a day before, on the day a question with "Выполнено" /
// "Перенести" / "Комментарий", a few days overdue a notice to the
// coordinators, and for a continuous item a monthly check-in. The job
// decides which are due and outside which quiet hours; the words, buttons,
// recipients and dedupe keys are here. Keys carry the due date, so a
// postponed deadline is reminded afresh and nothing is ever sent twice.
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

/** A week before, a day before, on the day, overdue (to the coordinators), or the monthly check-in of a continuous item. */
export type ReminderKind = 'd7' | 'd1' | 'due' | 'overdue' | 'month';

export interface MilestoneReminder {
  /** The dedupe key; the recipient's id is added. */
  key: string;
  to: 'responsible' | 'coordinators';
  message: (t: Translate) => Reply;
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

/** The reminder of a kind for a milestone; `month` (yyyy-MM, local) names the check-in's month. */
export function milestoneReminder(m: MilestoneRow, item: RoadmapItemRow, kind: ReminderKind, month = ''): MilestoneReminder {
  const due = dueOf(m);
  const title = `${item.number} ${item.title}`.slice(0, 300);
  const when = formatIsoDay(due);
  switch (kind) {
    case 'month':
      return { key: `ms:${m.id}:month:${month}`, to: 'responsible', message: (t) => ({ text: t('roadmap-checkin', { title }), buttons: buttons(t, m) }) };
    case 'due':
      return { key: `ms:${m.id}:due:${due}`, to: 'responsible', message: (t) => ({ text: t('roadmap-due-today', { title, when }), buttons: buttons(t, m) }) };
    case 'd1':
      return { key: `ms:${m.id}:d1:${due}`, to: 'responsible', message: (t) => ({ text: t('roadmap-due-tomorrow', { title, when }), buttons: buttons(t, m) }) };
    case 'd7':
      return { key: `ms:${m.id}:d7:${due}`, to: 'responsible', message: (t) => ({ text: t('roadmap-due-week', { title, when }) }) };
    case 'overdue':
      return { key: `ms:${m.id}:overdue:${due}`, to: 'coordinators', message: (t) => ({ text: t('roadmap-overdue', { title, when, responsible: item.responsibleText || '—' }) }) };
  }
}

/** Queues a reminder to those it is for; returns how many were queued. */
export function sendMilestoneReminder(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, roadmap: Roadmap, item: RoadmapItemRow, reminder: MilestoneReminder, notBefore: Date): number {
  const recipients =
    reminder.to === 'coordinators'
      ? peopleOf(tx, roadmap.municipalityId, { role: 'coordinator' }).map((p) => p.id)
      : responsiblePeople(tx, roadmap.municipalityId, roadmap.schoolId, item.responsibleText);
  let queued = 0;
  for (const personId of recipients) {
    if (notifyPerson(tx, deps.i18n, personId, reminder.message, { dedupeKey: `${reminder.key}:${personId}`, batch: `roadmap:${roadmap.id}`, notBefore })) queued++;
  }
  return queued;
}
