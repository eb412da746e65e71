// A person's own switch for seminar reminders: «Не напоминать о семинарах»
// under every reminder and nudge, and «Напоминания: выкл. → включить» in
// /seminars. It covers reminders and the nudge to answer, never a notice that
// a seminar was changed or cancelled: those always go. Each press is checked
// against the presser, so a forwarded or forged button changes nobody else.
import { updatePerson, type Person } from '../../db/repos/people.js';
import { requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed } from '../core/errors.js';
import type { Translate } from '../core/i18n.js';

export const remindersOffAction = defineAction('semoff', idArg);
export const remindersOnAction = defineAction('semon', idArg);

/** The small button under a reminder. */
export function remindersOffButton(t: Translate, personId: number): Button {
  return { kind: 'action', label: t('seminar-reminders-off-button'), data: remindersOffAction.encode(personId) };
}

/** The switch in /seminars, saying how it stands now and what a press does. */
export function remindersSwitch(t: Translate, person: Person): Button {
  return person.seminarReminders
    ? { kind: 'action', label: t('seminar-reminders-on-switch'), data: remindersOffAction.encode(person.id) }
    : { kind: 'action', label: t('seminar-reminders-off-switch'), data: remindersOnAction.encode(person.id) };
}

function own(ctx: Ctx, personId: number): Person {
  const person = requirePerson(ctx);
  if (person.id !== personId) throw notAllowed();
  return person;
}

export function setReminders(ctx: Ctx, personId: number, on: boolean): Reply {
  const person = own(ctx, personId);
  updatePerson(ctx.deps.db, person.id, { seminarReminders: on });
  const switched = { ...person, seminarReminders: on };
  return { text: ctx.t(on ? 'seminar-reminders-on-done' : 'seminar-reminders-off-done'), buttons: [[remindersSwitch(ctx.t, switched)]] };
}
