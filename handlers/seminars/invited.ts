// /seminars for the people seminars are for: the upcoming ones they are
// invited to, each with its RSVP buttons, so someone who missed the
// announcement (or scrolled past it) can still answer. Coordinators keep
// their own list in manage.ts.
import { rsvpsOf, seminarsBetween, statusOf } from '../../db/repos/seminars.js';
import { requirePerson } from '../core/access.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { municipalityZone } from '../core/local-time.js';
import { rsvpButtons, seminarText } from './card.js';
import { inAudience } from './respond.js';

/** More cards than this in one answer is a wall; the nearest ones matter. */
const SHOWN = 5;

export function invitedSeminars(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const upcoming =
    person.municipalityId === null
      ? []
      : seminarsBetween(db, person.municipalityId, now, new Date(now.getTime() + 366 * 86_400_000)).filter((s) => inAudience(ctx, s, person.id));
  if (upcoming.length === 0) return [{ text: ctx.t('seminars-invited-none') }];
  const cards = upcoming.slice(0, SHOWN).map((seminar): Reply => {
    const status = statusOf(rsvpsOf(db, seminar.id).find((r) => r.personId === person.id));
    const text = seminarText(ctx.t, ctx.lang, seminar, municipalityZone(ctx.deps, seminar.municipalityId));
    return { text: status ? `${text}\n\n${ctx.t(`rsvp-status-${status}`)}` : text, buttons: rsvpButtons(ctx.t, seminar.id) };
  });
  return [{ text: ctx.t('seminars-invited-heading', { count: upcoming.length }) }, ...cards];
}
