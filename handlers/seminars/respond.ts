// What participants do with a seminar: answer the card (a change of mind
// updates the count; a full seminar puts a "yes" on the waiting list and a
// freed place goes to the first in line), confirm attendance with the code
// shown at the event, and leave a 1–5 rating with a comment afterwards.
import { peopleInAudience } from '../../db/repos/audience.js';
import { attendeesOf, getSeminar, markAttended, saveFeedback, seminarsBetween, setRsvp, type Seminar } from '../../db/repos/seminars.js';
import { z } from 'zod';
import { requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { UserError } from '../core/errors.js';
import { notifyPerson } from '../core/outbox.js';
import type { Outcome } from '../core/router.js';
import { answeredCard, seminarZone } from './card.js';

export const feedbackAction = defineAction('sfb', idArg, z.enum(['1', '2', '3', '4', '5']));

/** How long after its start a seminar still takes attendance codes and feedback. */
export const FOLLOW_UP_DAYS = 7;

function inAudience(ctx: Ctx, seminar: Seminar, personId: number): boolean {
  return peopleInAudience(ctx.deps.db, seminar.municipalityId, seminar.audience).some((p) => p.id === personId);
}

function liveSeminar(ctx: Ctx, seminarId: number): Seminar {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar || seminar.cancelledAt) throw new UserError('gone', 'seminar-gone');
  return seminar;
}

export function answerRsvp(ctx: Ctx, seminarId: number, answer: 'yes' | 'maybe' | 'no'): Outcome {
  const person = requirePerson(ctx);
  const seminar = liveSeminar(ctx, seminarId);
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  if (seminar.startsAt.getTime() <= now.getTime()) return { replies: [], notice: ctx.t('seminar-started') };
  if (!inAudience(ctx, seminar, person.id)) throw new UserError('forbidden', 'error-forbidden');
  const zone = seminarZone(db, seminar, ctx.deps.settings.defaultTimezone);
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
  return { replies: [answeredCard(db, ctx.t, ctx.lang, seminar, zone, result.status)], notice: ctx.t(`rsvp-status-${result.status}`) };
}

/** `/here CODE` or the bare code: confirms the person came to a seminar held recently. */
export function checkIn(ctx: Ctx, code: string): Outcome | undefined {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const wanted = code.trim().toUpperCase();
  const seminar = seminarsBetween(db, undefined, new Date(now.getTime() - FOLLOW_UP_DAYS * 86_400_000), new Date(now.getTime() + 3600_000)).find(
    (s) => s.attendanceCode === wanted,
  );
  if (!seminar) return undefined;
  const person = requirePerson(ctx);
  if (!inAudience(ctx, seminar, person.id)) throw new UserError('forbidden', 'error-forbidden');
  const fresh = markAttended(db, seminar.id, person.id, 'code', now);
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
