// The buttons of a planned session, apart from what they do (planned.ts), so
// that the reminders (reminders.ts) can put them under the question asked
// after a session.
import { defineAction, idArg } from '../core/actions.js';
import type { Button } from '../core/contract.js';
import type { Translate } from '../core/i18n.js';

export const planAheadAction = defineAction('cnq');
export const plannedCardAction = defineAction('cnqo', idArg);
export const plannedDoneAction = defineAction('cnqd', idArg);
export const plannedMissedAction = defineAction('cnqn', idArg);
export const plannedMoveAction = defineAction('cnqm', idArg);

/** The buttons asked after a session: «Состоялась», «Не состоялась», «Перенести». */
export function outcomeButtons(t: Translate, id: number): Button[][] {
  return [
    [
      { kind: 'action', label: t('planned-done'), data: plannedDoneAction.encode(id) },
      { kind: 'action', label: t('planned-missed'), data: plannedMissedAction.encode(id) },
    ],
    [{ kind: 'action', label: t('planned-move'), data: plannedMoveAction.encode(id) }],
  ];
}

