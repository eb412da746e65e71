// What participants do with a seminar: answer the card (a change of mind
// updates the count; a full seminar puts a "yes" on the waiting list and a
// freed place goes to the first in line), confirm attendance with the code
// shown at the event, and leave a 1–5 rating with a comment afterwards.
import { peopleInAudience } from '../../db/repos/audience.js';
import type { Person } from '../../db/repos/people.js';
import { attendeesOf, getSeminar, getSeries, markAttended, saveFeedback, seminarsBetween, sessionsOf, setRsvp, type Seminar } from '../../db/repos/seminars.js';
import { z } from 'zod';
import { requirePerson } from '../core/access.js';
import { ACCOUNT_POLICY, SEMINAR_POLICY, accountKey, chargeWrongTry, refuseIfLocked, seminarKey, type Charge } from '../core/attempts.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatWhen } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { notifyPerson } from '../core/outbox.js';
import type { Outcome } from '../core/router.js';
import { answeredCard } from './card.js';
import { leadsText, normalLeads } from './leads.js';
import { rhythmWords } from './recurrence.js';

export const feedbackAction = defineAction('sfb', idArg, z.enum(['1', '2', '3', '4', '5']));

/** How long after its start a seminar still takes attendance codes and feedback. */
export const FOLLOW_UP_DAYS = 7;

/** Whether a person is among those a seminar is for (its audience as it stands now). */
export function inAudience(ctx: Ctx, seminar: Seminar, personId: number): boolean {
  return peopleInAudience(ctx.deps.db, seminar.municipalityId, seminar.audience).some((p) => p.id === personId);
}

function liveSeminar(ctx: Ctx, seminarId: number): Seminar {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar) throw new UserError('gone', 'seminar-gone');
  if (seminar.cancelledAt) throw new UserError('gone', 'seminar-cancelled');
  return seminar;
}

export function answerRsvp(ctx: Ctx, seminarId: number, answer: 'yes' | 'maybe' | 'no'): Outcome {
  const person = requirePerson(ctx);
  const seminar = liveSeminar(ctx, seminarId);
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  if (seminar.startsAt.getTime() <= now.getTime()) return { replies: [], notice: ctx.t('seminar-started') };
  if (!inAudience(ctx, seminar, person.id)) throw notAllowed();
  const zone = municipalityZone(ctx.deps, seminar.municipalityId);
  const result = db.transaction((tx) => {
    const outcome = setRsvp(tx, seminar, person.id, answer, now);
    if (outcome.promoted !== undefined) {
      notifyPerson(tx, i18n, outcome.promoted, (t) => ({ text: t('rsvp-promoted', { title: seminar.title }) }), {
        dedupeKey: `seminar:${seminar.id}:promoted:${outcome.promoted}:${now.getTime()}`,
        notBefore: now,
      });
    }
    return outcome;
  });
  if (result.promoted !== undefined) ctx.deps.wakeOutbox();
  const note = result.status === 'going' || result.status === 'maybe' ? reminderNote(ctx, person, seminar) : undefined;
  return { replies: [answeredCard(db, ctx.t, ctx.lang, seminar, zone, result.status, note, seriesHeading(ctx, seminar))], notice: ctx.t(`rsvp-status-${result.status}`) };
}

/** For a session of a series: which one it is, so an answer is plainly about this date only. */
function seriesHeading(ctx: Ctx, seminar: Seminar): string | undefined {
  if (seminar.seriesId === null) return undefined;
  const series = getSeries(ctx.deps.db, seminar.seriesId);
  if (!series?.recurrence) return undefined;
  const sessions = sessionsOf(ctx.deps.db, seminar.seriesId);
  const { key, args } = rhythmWords(series.recurrence);
  return ctx.t('seminar-series-of', { rhythm: ctx.t(key, args), number: sessions.findIndex((s) => s.id === seminar.id) + 1, count: sessions.length });
}

/** When the person will be reminded, or that they switched reminders off (and where to switch them on). */
function reminderNote(ctx: Ctx, person: Person, seminar: Seminar): string {
  if (!person.seminarReminders) return ctx.t('rsvp-reminders-off');
  const leads = normalLeads(seminar.reminderLeads);
  return leads.length ? ctx.t('rsvp-reminders', { leads: leadsText(ctx.t, leads) }) : ctx.t('rsvp-reminders-none');
}

/** Attendance codes are taken from this long before a seminar starts. */
const CHECK_IN_OPENS_MS = 3600_000;

/** Seminars still taking attendance codes: from an hour before the start to FOLLOW_UP_DAYS after. */
function seminarsTakingCodes(ctx: Ctx, municipalityId: number | undefined): Seminar[] {
  const now = ctx.deps.clock.now().getTime();
  return seminarsBetween(ctx.deps.db, municipalityId, new Date(now - FOLLOW_UP_DAYS * 86_400_000), new Date(now + CHECK_IN_OPENS_MS));
}

/** Seminars whose codes are not taken yet: more than an hour ahead (within a year). */
function seminarsNotYetTakingCodes(ctx: Ctx): Seminar[] {
  const now = ctx.deps.clock.now().getTime();
  return seminarsBetween(ctx.deps.db, undefined, new Date(now + CHECK_IN_OPENS_MS + 1), new Date(now + 366 * 86_400_000));
}

/** A wrong code counts against the account and against every seminar the person could have been guessing at. */
function wrongCodeCharges(ctx: Ctx, person: Person): Charge[] {
  const rooms = person.municipalityId === null ? [] : seminarsTakingCodes(ctx, person.municipalityId).filter((s) => inAudience(ctx, s, person.id));
  return [{ key: accountKey(ctx, 'attend'), policy: ACCOUNT_POLICY }, ...rooms.map((s) => ({ key: seminarKey(s.id), policy: SEMINAR_POLICY }))];
}

/**
 * `/here CODE` or the bare code: confirms the person came to a seminar held
 * recently. Undefined when the code matches none (a wrong try, counted);
 * while the account or the seminar is locked out, even the right code is refused.
 */
export function checkIn(ctx: Ctx, code: string): Outcome | undefined {
  const person = requirePerson(ctx);
  const wanted = code.trim().toUpperCase();
  if (!wanted) return undefined;
  const seminar = seminarsTakingCodes(ctx, undefined).find((s) => s.attendanceCode === wanted);
  const early = seminar ? undefined : seminarsNotYetTakingCodes(ctx).find((s) => s.attendanceCode === wanted);
  const matched = seminar ?? early;
  const locked = refuseIfLocked(ctx, [accountKey(ctx, 'attend'), ...(matched ? [seminarKey(matched.id)] : [])]);
  if (locked) return locked;
  // The right code a little early is not a wrong try; for someone not invited it stays one, so it tells a guesser nothing.
  if (early && inAudience(ctx, early, person.id)) {
    const opens = new Date(early.startsAt.getTime() - CHECK_IN_OPENS_MS);
    const zone = municipalityZone(ctx.deps, early.municipalityId);
    return { text: ctx.t('attendance-not-yet', { title: early.title, opens: formatWhen(opens, zone, ctx.lang) }) };
  }
  if (!seminar) return chargeWrongTry(ctx, wrongCodeCharges(ctx, person));
  if (!inAudience(ctx, seminar, person.id)) throw notAllowed();
  const fresh = markAttended(ctx.deps.db, seminar.id, person.id, 'code', ctx.deps.clock.now());
  return { text: ctx.t(fresh ? 'attendance-confirmed' : 'attendance-already', { title: seminar.title }) };
}

export type CommentData = { seminarId: number; rating: number };

export const commentDialog: DialogDef<CommentData> = {
  name: 'seminar-comment',
  version: 1,
  first: 'comment',
  steps: {
    comment: {
      prompt: (ctx) => ({ text: ctx.t('feedback-ask-comment'), choices: [[{ label: ctx.t('skip'), value: 'skip' }]], acceptsText: true }),
      accept: (ctx, data, answer) => {
        const person = requirePerson(ctx);
        const comment = answer.kind === 'text' ? answer.text.trim().slice(0, 1000) : null;
        saveFeedback(ctx.deps.db, { seminarId: data.seminarId, personId: person.id, rating: data.rating, comment, at: ctx.deps.clock.now() });
        return { done: { text: ctx.t('feedback-thanks') } };
      },
    },
  },
};

/** A pressed rating: only someone marked as having come may rate; a second press changes the rating. */
export function rate(ctx: Ctx, seminarId: number, rating: number, startComment: (data: CommentData) => Outcome): Outcome {
  const person = requirePerson(ctx);
  const seminar = liveSeminar(ctx, seminarId);
  if (!attendeesOf(ctx.deps.db, seminar.id).includes(person.id)) throw new UserError('forbidden', 'feedback-not-attended');
  saveFeedback(ctx.deps.db, { seminarId, personId: person.id, rating, at: ctx.deps.clock.now() });
  return startComment({ seminarId, rating });
}
