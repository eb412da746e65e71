// Pairs and what they did against their plan: a tutor and a teacher, a
// mentor and a school (an assignment), named as a coordinator reads them
// («Петрова А. И. (математика)»), with this month's sessions and time
// counted against the pair's current plan. Shared by /mylog, the plan
// screens and the coordinator's report.
import { activeAssignmentsOfMunicipality, activeAssignmentsOfPerson, type Assignment } from '../../db/repos/assignments.js';
import { consultationsBetween, currentPlans, type Consultation, type ConsultationPlan } from '../../db/repos/consultations.js';
import { getMunicipality, getSchool } from '../../db/repos/org.js';
import { getPerson } from '../../db/repos/people.js';
import type { Ctx } from '../core/context.js';
import type { Translate } from '../core/i18n.js';
import { municipalityZone, localDate } from '../core/local-time.js';

/**
 * Below ratings from this many different teachers a tutor's average is not
 * shown, so that no single teacher's marks can be read off it (three ratings
 * from one teacher are still hers): the same minimum group size as survey
 * results (a municipality's own setting wins).
 */
export const MIN_RATINGS = 3;

export function minRatings(ctx: Pick<Ctx, 'deps'>, municipalityId: number): number {
  return getMunicipality(ctx.deps.db, municipalityId)?.settings.surveyMinGroupSize ?? MIN_RATINGS;
}

/** «Петрова Анна Ивановна» → «Петрова А. И.». */
export function shortName(fullName: string | null | undefined): string {
  const [surname, ...rest] = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  if (!surname) return '—';
  return [surname, ...rest.map((w) => `${w.charAt(0)}.`)].join(' ');
}

/**
 * The short name after «с»: «с Петровой А. И.», «с Ивановым П. С.». Only the
 * usual Russian surname endings change; anything else is left as written
 * rather than guessed. Other languages do not decline it.
 */
export function withName(fullName: string | null | undefined, lang: string = 'ru'): string {
  if (lang !== 'ru') return shortName(fullName);
  const words = (fullName ?? '').trim().split(/\s+/).filter(Boolean);
  const [surname, , patronymic = ''] = words;
  if (!surname) return '—';
  const female = /(?:вна|чна|шна)$/u.test(patronymic) || (!patronymic && /[ая]$/u.test(surname));
  let declined = surname;
  if (female && /(?:ова|ева|ёва|ина|ына|ская|цкая)$/u.test(surname)) declined = surname.replace(/ая$/u, 'ой').replace(/а$/u, 'ой');
  else if (!female && /(?:ов|ев|ёв|ин|ын)$/u.test(surname)) declined = `${surname}ым`;
  else if (!female && /(?:ский|цкий)$/u.test(surname)) declined = surname.replace(/ий$/u, 'им');
  return shortName([declined, ...words.slice(1)].join(' '));
}

/** The helper's side of a pair, as they read it: the teacher with the subject, or the school. */
export function counterpartLabel(ctx: Ctx, a: Assignment): string {
  if (a.kind === 'mentor_school') return getSchool(ctx.deps.db, a.schoolId ?? 0)?.shortName ?? '—';
  const teacher = getPerson(ctx.deps.db, a.teacherId ?? 0);
  const subject = a.subject ? ` (${ctx.t(`subject-${a.subject}`)})` : '';
  return `${shortName(teacher?.fullName)}${subject}`;
}

/** The pair as a coordinator reads it: «Тьюторов И. С. → Петрова А. И. (математика)». */
export function pairLabel(ctx: Ctx, a: Assignment): string {
  return `${shortName(getPerson(ctx.deps.db, a.helperId ?? 0)?.fullName)} → ${counterpartLabel(ctx, a)}`;
}

/** The pair on a button, short enough for every messenger: «Тьюторов И. С. → Петрова А. И.». */
export function pairButtonLabel(ctx: Ctx, a: Assignment): string {
  const other = a.kind === 'mentor_school' ? (getSchool(ctx.deps.db, a.schoolId ?? 0)?.shortName ?? '—') : shortName(getPerson(ctx.deps.db, a.teacherId ?? 0)?.fullName);
  return `${shortName(getPerson(ctx.deps.db, a.helperId ?? 0)?.fullName)} → ${other}`.slice(0, 40);
}

/** Whether an entry belongs to a pair: the helper's, with the pair's teacher or school. */
export function ofPair(a: Assignment, c: Consultation): boolean {
  if (c.authorId !== a.helperId) return false;
  return a.kind === 'mentor_school' ? c.schoolId === a.schoolId : c.counterpartId === a.teacherId;
}

/** Pairs with a helper (a school pair has no one to log or plan). */
const helped = (a: Assignment) => a.kind !== 'school_pair' && a.helperId !== null;

export function pairsOfHelper(ctx: Ctx, helperId: number): Assignment[] {
  return activeAssignmentsOfPerson(ctx.deps.db, helperId).filter((a) => helped(a) && a.helperId === helperId);
}

export function pairsOfMunicipality(ctx: Ctx, municipalityId: number): Assignment[] {
  return activeAssignmentsOfMunicipality(ctx.deps.db, municipalityId).filter(helped);
}

export interface PairMonth {
  assignment: Assignment;
  plan: ConsultationPlan | undefined;
  sessions: number;
  minutes: number;
}

/** This month (local dates, from the 1st to today) of each pair, with its current plan. */
export function pairMonths(ctx: Ctx, municipalityId: number, pairs: Assignment[], range?: { from: string; to: string }): PairMonth[] {
  const today = localDate(ctx.deps.clock.now(), municipalityZone(ctx.deps, municipalityId));
  const { from, to } = range ?? { from: `${today.slice(0, 7)}-01`, to: today };
  const entries = consultationsBetween(ctx.deps.db, municipalityId, from, to);
  const plans = currentPlans(ctx.deps.db, pairs.map((a) => a.id));
  return pairs.map((assignment) => {
    const own = entries.filter((c) => ofPair(assignment, c));
    return { assignment, plan: plans.get(assignment.id), sessions: own.length, minutes: own.reduce((s, c) => s + c.minutes, 0) };
  });
}

/**
 * Done against plan: «3 из 4 занятий, 2 ч 15 мин из 3 ч»; without a plan,
 * what was done and that there is no plan.
 */
export function progressText(t: Translate, month: PairMonth, duration: (t: Translate, minutes: number) => string): string {
  const { plan, sessions, minutes } = month;
  if (!plan || (plan.sessionsPerMonth === null && plan.minutesPerMonth === null)) {
    return t('plan-progress-none', { done: t('plan-sessions-done', { count: sessions }), time: duration(t, minutes) });
  }
  const parts: string[] = [];
  if (plan.sessionsPerMonth !== null) parts.push(t('plan-progress-sessions', { done: sessions, planned: plan.sessionsPerMonth }));
  else parts.push(t('plan-sessions-done', { count: sessions }));
  if (plan.minutesPerMonth !== null) parts.push(t('plan-progress-time', { done: duration(t, minutes), planned: duration(t, plan.minutesPerMonth) }));
  else parts.push(duration(t, minutes));
  return parts.join(', ');
}
