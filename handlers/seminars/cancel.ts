// Cancelling a seminar: the coordinator presses «Отменить семинар» on its
// card, chooses who is told (those who answered «Приду» / «Возможно», or
// everyone invited) and the seminar is off: its card buttons refuse, what it
// still had waiting in the outbox is dropped, reminders stop (the job only
// looks at seminars that are not cancelled) and the notice goes once. A
// session of a series asks first: only this one, or this and all the next;
// cancelling the rest tells each person once, with every date that is off.
import { dropPendingNotices, getSeminar, getSeries, markCancelled, markSeriesCancelled, type Seminar } from '../../db/repos/seminars.js';
import type { Person } from '../../db/repos/people.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { formatWhen } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { seminarCardAction } from './card.js';
import { bumpChangeCount, queueCalendar, queueSeriesCalendar } from './ics.js';
import { notifySeminarChange, reachOfPeople, recipientsOf, whoArg, type Who } from './notify.js';
import { datesList, liveSessions } from './series.js';
import { audit } from '../../db/repos/audit.js';

export const cancelAskAction = defineAction('semx', idArg);
export const cancelConfirmAction = defineAction('semxc', idArg, whoArg);
/** For a session of a series: «Только это занятие», then «Это и все следующие» and whom to tell. */
export const cancelOneAction = defineAction('semxo', idArg);
export const cancelRestAction = defineAction('semxr', idArg);
export const cancelRestConfirmAction = defineAction('semxrc', idArg, whoArg);

/** The seminar, once the presser is known to coordinate its municipality. */
export function coordinated(ctx: Ctx, seminarId: number): Seminar {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar) throw new UserError('gone', 'seminar-gone');
  requireAdminOf(ctx, seminar.municipalityId);
  return seminar;
}

/** A seminar that has begun is history: it is not cancelled after the fact. */
const started = (ctx: Ctx, seminar: Seminar) => seminar.startsAt.getTime() <= ctx.deps.clock.now().getTime();

/** This session and the live ones after it that have not begun: what «все следующие» covers. */
export function thisAndNext(ctx: Ctx, seminar: Seminar): Seminar[] {
  if (seminar.seriesId === null) return [seminar];
  const now = ctx.deps.clock.now().getTime();
  return liveSessions(ctx.deps.db, seminar.seriesId).filter((s) => s.startsAt.getTime() >= seminar.startsAt.getTime() && s.startsAt.getTime() > now);
}

export function askCancel(ctx: Ctx, seminarId: number): Reply {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.cancelledAt) return { text: ctx.t('seminar-cancelled-already') };
  if (started(ctx, seminar)) return { text: ctx.t('seminar-edit-started') };
  const rest = thisAndNext(ctx, seminar);
  if (rest.length < 2) return askWhom(ctx, seminar);
  return {
    text: ctx.t('seminar-cancel-ask-scope', { title: seminar.title }),
    buttons: [
      [{ kind: 'action', label: ctx.t('seminar-scope-one'), data: cancelOneAction.encode(seminar.id) }],
      [{ kind: 'action', label: ctx.t('seminar-scope-rest', { count: rest.length }), data: cancelRestAction.encode(seminar.id) }],
      [{ kind: 'action', label: ctx.t('seminar-cancel-keep'), data: seminarCardAction.encode(seminar.id) }],
    ],
    edit: true,
  };
}

/** «Только это занятие»: the usual question of whom to tell. */
export function askCancelOne(ctx: Ctx, seminarId: number): Reply {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.cancelledAt) return { text: ctx.t('seminar-cancelled-already') };
  if (started(ctx, seminar)) return { text: ctx.t('seminar-edit-started') };
  return askWhom(ctx, seminar);
}

/** Everyone the sessions' notices would reach, each person once. */
function recipientsOfAll(ctx: Ctx, sessions: Seminar[], who: Who) {
  const people = new Map<number, Person>();
  for (const s of sessions) for (const p of recipientsOf(ctx.deps.db, s, who).people) people.set(p.id, p);
  return reachOfPeople(ctx.deps.db, [...people.values()]);
}

/** «Это и все следующие»: whom to tell, counted over every session cancelled. */
export function askCancelRest(ctx: Ctx, seminarId: number): Reply {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.cancelledAt) return { text: ctx.t('seminar-cancelled-already') };
  if (started(ctx, seminar)) return { text: ctx.t('seminar-edit-started') };
  const rest = thisAndNext(ctx, seminar);
  return {
    text: ctx.t('seminar-cancel-rest-ask', { title: seminar.title, count: rest.length }),
    buttons: [
      [{ kind: 'action', label: ctx.t('seminar-tell-answered', { count: recipientsOfAll(ctx, rest, 'answered').accounts.size }), data: cancelRestConfirmAction.encode(seminar.id, 'answered') }],
      [{ kind: 'action', label: ctx.t('seminar-tell-all', { count: recipientsOfAll(ctx, rest, 'all').accounts.size }), data: cancelRestConfirmAction.encode(seminar.id, 'all') }],
      [{ kind: 'action', label: ctx.t('seminar-cancel-keep'), data: seminarCardAction.encode(seminar.id) }],
    ],
    edit: true,
  };
}

/**
 * Cancels this session and every next one: each is off (buttons refuse,
 * reminders stop), each person who is told hears once with all the dates,
 * and one calendar file takes them all out. When nothing of the series is
 * left ahead, the series itself is over.
 */
export function confirmCancelRest(ctx: Ctx, seminarId: number, who: Who): Reply {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.seriesId === null) return confirmCancel(ctx, seminarId, who);
  const seriesId = seminar.seriesId;
  if (seminar.cancelledAt) return { text: ctx.t('seminar-cancelled-already'), edit: true };
  if (started(ctx, seminar)) return { text: ctx.t('seminar-edit-started'), edit: true };
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const zone = municipalityZone(ctx.deps, seminar.municipalityId);
  const sessions = thisAndNext(ctx, seminar);
  const recipients = recipientsOfAll(ctx, sessions, who);
  const told = db.transaction((tx) => {
    const cancelled = sessions.filter((s) => markCancelled(tx, s.id, now));
    if (cancelled.length === 0) return undefined;
    for (const s of cancelled) {
      dropPendingNotices(tx, s.id);
      bumpChangeCount(tx, s.id);
    }
    if (liveSessions(tx, seriesId).every((s) => s.startsAt.getTime() <= now.getTime())) markSeriesCancelled(tx, seriesId, now);
    const title = getSeries(tx, seriesId)?.title ?? seminar.title;
    const key = `seminar:${seminar.id}:cancelled-rest`;
    const queued = notifySeminarChange(tx, ctx.deps, seminar, recipients, key, now, (person, t) => ({
      text: t('series-cancelled-notice', { title, count: cancelled.length, dates: datesList(person.language, cancelled, zone) }),
    }));
    queueSeriesCalendar(tx, ctx.deps, seriesId, cancelled, recipients, { key, batch: `seminar:${seminar.id}:change`, now, method: 'CANCEL' });
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: seminar.municipalityId, action: 'seminar.cancelled', details: { seminarId: seminar.id, seriesId, sessions: cancelled.length, recipients: queued } });
    return { queued, sessions: cancelled.length };
  });
  if (told === undefined) return { text: ctx.t('seminar-cancelled-already'), edit: true };
  if (told.queued > 0) ctx.deps.wakeOutbox();
  return { text: ctx.t('series-cancelled-done', { title: seminar.title, sessions: told.sessions, count: told.queued }), edit: true };
}

function askWhom(ctx: Ctx, seminar: Seminar): Reply {
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
