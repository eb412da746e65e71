// /seminars for the people seminars are for: the upcoming ones they are
// invited to, each with its RSVP buttons, so someone who missed the
// announcement (or scrolled past it) can still answer; a series shows its
// nearest session only, with its rhythm. The switch for seminar reminders
// lives here too. Coordinators keep their own list in manage.ts.
import { rsvpsOf, seminarsBetween, statusOf } from '../../db/repos/seminars.js';
import { requirePerson } from '../core/access.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { municipalityZone } from '../core/local-time.js';
import { getSeries, type Seminar } from '../../db/repos/seminars.js';
import { rsvpButtons, seminarText } from './card.js';
import { remindersSwitch } from './opt-out.js';
import { inAudience } from './respond.js';
import { rhythmText } from './series.js';

/** The nearest session of each series, and every seminar on its own. */
function nearestOfEach(seminars: Seminar[]): Seminar[] {
  const seen = new Set<number>();
  return seminars.filter((s) => {
    if (s.seriesId === null) return true;
    if (seen.has(s.seriesId)) return false;
    seen.add(s.seriesId);
    return true;
  });
}

/** More cards than this in one answer is a wall; the nearest ones matter. */
const SHOWN = 5;

export function invitedSeminars(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const upcoming =
    person.municipalityId === null
      ? []
      : nearestOfEach(seminarsBetween(db, person.municipalityId, now, new Date(now.getTime() + 366 * 86_400_000)).filter((s) => inAudience(ctx, s, person.id)));
  // Reminders switched off are shown with the way back; switched on, the switch rides on the heading.
  const switchRow = [[remindersSwitch(ctx.t, person)]];
  if (upcoming.length === 0) return [person.seminarReminders ? { text: ctx.t('seminars-invited-none') } : { text: ctx.t('seminars-invited-none'), buttons: switchRow }];
  const cards = upcoming.slice(0, SHOWN).map((seminar): Reply => {
    const status = statusOf(rsvpsOf(db, seminar.id).find((r) => r.personId === person.id));
    const series = seminar.seriesId === null ? undefined : getSeries(db, seminar.seriesId);
    const text = seminarText(ctx.t, ctx.lang, seminar, municipalityZone(ctx.deps, seminar.municipalityId));
    const head = series ? `🔁 ${series.title}: ${rhythmText(ctx.t, series.recurrence)}\n` : '';
    return { text: `${head}${text}${status ? `\n\n${ctx.t(`rsvp-status-${status}`)}` : ''}`, buttons: rsvpButtons(ctx.t, seminar.id) };
  });
  return [{ text: ctx.t('seminars-invited-heading', { count: upcoming.length }), buttons: switchRow }, ...cards];
}
