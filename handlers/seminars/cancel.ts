// Cancelling a seminar: the coordinator presses «Отменить семинар» on its
// card, chooses who is told (those who answered «Приду» / «Возможно», or
// everyone invited) and the seminar is off: its card buttons refuse, what it
// still had waiting in the outbox is dropped, reminders stop (the job only
// looks at seminars that are not cancelled) and the notice goes once.
import { dropPendingNotices, getSeminar, markCancelled, type Seminar } from '../../db/repos/seminars.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { formatWhen } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { seminarCardAction } from './card.js';
import { bumpChangeCount, queueCalendar } from './ics.js';
import { notifySeminarChange, recipientsOf, whoArg, type Who } from './notify.js';
import { audit } from '../../db/repos/audit.js';

export const cancelAskAction = defineAction('semx', idArg);
export const cancelConfirmAction = defineAction('semxc', idArg, whoArg);

/** The seminar, once the presser is known to coordinate its municipality. */
export function coordinated(ctx: Ctx, seminarId: number): Seminar {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar) throw new UserError('gone', 'seminar-gone');
  requireAdminOf(ctx, seminar.municipalityId);
  return seminar;
}

/** A seminar that has begun is history: it is not cancelled after the fact. */
const started = (ctx: Ctx, seminar: Seminar) => seminar.startsAt.getTime() <= ctx.deps.clock.now().getTime();

export function askCancel(ctx: Ctx, seminarId: number): Reply {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.cancelledAt) return { text: ctx.t('seminar-cancelled-already') };
  if (started(ctx, seminar)) return { text: ctx.t('seminar-edit-started') };
  const answered = recipientsOf(ctx.deps.db, seminar, 'answered').accounts.size;
  const all = recipientsOf(ctx.deps.db, seminar, 'all').accounts.size;
  return {
    text: ctx.t('seminar-cancel-ask', { title: seminar.title }),
    buttons: [
      [{ kind: 'action', label: ctx.t('seminar-tell-answered', { count: answered }), data: cancelConfirmAction.encode(seminar.id, 'answered') }],
      [{ kind: 'action', label: ctx.t('seminar-tell-all', { count: all }), data: cancelConfirmAction.encode(seminar.id, 'all') }],
      [{ kind: 'action', label: ctx.t('seminar-cancel-keep'), data: seminarCardAction.encode(seminar.id) }],
    ],
    edit: true,
  };
}

export function confirmCancel(ctx: Ctx, seminarId: number, who: Who): Reply {
  const seminar = coordinated(ctx, seminarId);
  const { db, clock } = ctx.deps;
  const now = clock.now();
  if (started(ctx, seminar) && !seminar.cancelledAt) return { text: ctx.t('seminar-edit-started'), edit: true };
  const zone = municipalityZone(ctx.deps, seminar.municipalityId);
  const told = db.transaction((tx) => {
    if (!markCancelled(tx, seminar.id, now)) return undefined;
    dropPendingNotices(tx, seminar.id);
    const recipients = recipientsOf(tx, seminar, who);
    const key = `seminar:${seminar.id}:cancelled`;
    const queued = notifySeminarChange(tx, ctx.deps, seminar, recipients, key, now, (person, t) => ({
      text: t('seminar-cancelled-notice', { title: seminar.title, when: formatWhen(seminar.startsAt, zone, person.language) }),
    }));
    bumpChangeCount(tx, seminar.id);
    queueCalendar(tx, ctx.deps, seminar, recipients, { key, batch: `seminar:${seminar.id}:change`, now, method: 'CANCEL' });
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: seminar.municipalityId, action: 'seminar.cancelled', details: { seminarId: seminar.id, recipients: queued } });
    return queued;
  });
  if (told === undefined) return { text: ctx.t('seminar-cancelled-already'), edit: true };
  if (told > 0) ctx.deps.wakeOutbox();
  return { text: ctx.t('seminar-cancelled-done', { title: seminar.title, count: told }), edit: true };
}
