// The teacher's side: having confirmed a consultation, the teacher (or school
// admin) it was for may rate it 1–5 and add a comment. Both are optional.
// Ratings reach the coordinator only rolled up per tutor, without names, and
// only from the minimum group size on (pairs.ts, minRatings), so no single
// teacher's mark can be read off the report.
import { z } from 'zod';
import { getConsultation, rateConsultation, type Consultation } from '../../db/repos/consultations.js';
import { confirmConsultation } from '../../db/repos/consultations.js';
import { requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { notAllowed } from '../core/errors.js';

export const rateAction = defineAction('cnrt', idArg, z.string().regex(/^[1-5]$/).transform(Number));
export const skipRatingAction = defineAction('cnrs', idArg);

export const MAX_RATING_COMMENT = 500;

/** The 1–5 buttons and «Не оценивать», shown with the confirmation. */
export function ratingButtons(t: Ctx['t'], id: number): Button[][] {
  return [
    [1, 2, 3, 4, 5].map((n): Button => ({ kind: 'action', label: String(n), data: rateAction.encode(id, n) })),
    [{ kind: 'action', label: t('rating-skip'), data: skipRatingAction.encode(id) }],
  ];
}

/** A consultation given to this person, still standing: only they may rate it. */
export function givenTo(ctx: Ctx, id: number): Consultation {
  const person = requirePerson(ctx);
  const entry = getConsultation(ctx.deps.db, id);
  if (!entry || entry.deletedAt || entry.counterpartId === null || entry.counterpartId !== person.id) throw notAllowed();
  return entry;
}

/** A rating: saved (a rating also confirms the consultation took place), then an optional comment is asked for. */
export function rate<T>(ctx: Ctx, id: number, rating: number, startComment: (consultationId: number) => T): T {
  const entry = givenTo(ctx, id);
  const person = requirePerson(ctx);
  const now = ctx.deps.clock.now();
  ctx.deps.db.transaction((tx) => {
    if (!entry.confirmedAt) confirmConsultation(tx, id, person.id, now);
    rateConsultation(tx, id, { rating }, person.id, now);
  });
  return startComment(id);
}

export function skipRating(ctx: Ctx, id: number): Reply {
  givenTo(ctx, id);
  return { text: ctx.t('rating-skipped'), edit: true };
}

export type RatingCommentData = { consultationId: number };

export const ratingCommentDialog: DialogDef<RatingCommentData> = {
  name: 'consultation-rating-comment',
  version: 1,
  first: 'comment',
  steps: {
    comment: {
      prompt: (ctx, data) => ({
        text: ctx.t('rating-ask-comment', { rating: givenTo(ctx, data.consultationId).rating ?? 0, max: MAX_RATING_COMMENT }),
        choices: [[{ label: ctx.t('rating-no-comment'), value: 'none' }]],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        givenTo(ctx, data.consultationId);
        if (answer.kind === 'choice') return { done: { text: ctx.t('rating-thanks') } };
        const comment = answer.kind === 'text' ? answer.text.trim() : '';
        if (comment.length < 2 || comment.length > MAX_RATING_COMMENT) return { reask: ctx.t('rating-comment-invalid', { max: MAX_RATING_COMMENT, length: comment.length }) };
        rateConsultation(ctx.deps.db, data.consultationId, { ratingComment: comment }, requirePerson(ctx).id, ctx.deps.clock.now());
        return { done: { text: ctx.t('rating-thanks-comment') } };
      },
    },
  },
};

export interface RatingRollup {
  count: number;
  /** How many different teachers gave them: the minimum group size counts people, as one teacher rating often is still one person. */
  raters: number;
  average: number;
  comments: string[];
}

/** Ratings per author of these entries: count, raters, average to a tenth, and the comments (newest first). */
export function ratingsByAuthor(entries: Consultation[]): Map<number, RatingRollup> {
  const out = new Map<number, RatingRollup>();
  const raters = new Map<number, Set<number>>();
  const sorted = [...entries].filter((e) => e.rating !== null).sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  for (const e of sorted) {
    const r = out.get(e.authorId) ?? { count: 0, raters: 0, average: 0, comments: [] };
    const sum = r.average * r.count + (e.rating ?? 0);
    r.count += 1;
    r.average = sum / r.count;
    if (e.ratingComment) r.comments.push(e.ratingComment);
    const who = raters.get(e.authorId) ?? new Set<number>();
    // Only the counterpart rates; an entry without one is counted as its own rater.
    who.add(e.counterpartId ?? -e.id);
    raters.set(e.authorId, who);
    r.raters = who.size;
    out.set(e.authorId, r);
  }
  for (const r of out.values()) r.average = Math.round(r.average * 10) / 10;
  return out;
}
