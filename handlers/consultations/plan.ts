// A plan per pair: so many sessions and/or hours a month, and the goals the
// pair works towards. The tutor or mentor sets it for their own pairs (from
// /mylog, «План по парам»), the coordinator for any pair of the municipality
// (from /consultations). A new plan ends the previous one, which stays in
// the history; the coordinator's plan reaches the helper as a notice.
import type { Assignment } from '../../db/repos/assignments.js';
import { activeAssignmentsOfMunicipality } from '../../db/repos/assignments.js';
import { currentPlan, plansOf, setPlan } from '../../db/repos/consultations.js';
import { coordinatedMunicipalities, mayAdminister, requireAdminOf, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef, StepOutcome } from '../core/dialog.js';
import { notAllowed } from '../core/errors.js';
import { notifyPerson } from '../core/outbox.js';
import { counterpartLabel, pairButtonLabel, pairLabel, pairMonths, pairsOfHelper, pairsOfMunicipality, progressText } from './pairs.js';
import { duration } from './duration.js';

export const myPlansAction = defineAction('cnpm');
export const municipalityPlansAction = defineAction('cnpc', idArg);
export const pairAction = defineAction('cnpa', idArg);
export const setPlanAction = defineAction('cnps', idArg);

export const MAX_GOALS = 500;

/** The pair behind a button, if the person may plan it: its helper, or a coordinator of its municipality. */
export function plannablePair(ctx: Ctx, assignmentId: number): Assignment {
  const person = requirePerson(ctx);
  // Only the person's own municipality and those they coordinate are looked in: a pair elsewhere is not found at all.
  for (const municipalityId of new Set([person.municipalityId, ...coordinatedMunicipalities(person)])) {
    if (municipalityId === null) continue;
    const found = activeAssignmentsOfMunicipality(ctx.deps.db, municipalityId).find((a) => a.id === assignmentId);
    if (!found || found.kind === 'school_pair' || found.helperId === null) continue;
    if (found.helperId === person.id || mayAdminister(person, found.municipalityId)) return found;
  }
  throw notAllowed();
}

function pairList(ctx: Ctx, municipalityId: number, pairs: Assignment[], heading: string, coordinator: boolean): Reply {
  if (pairs.length === 0) return { text: ctx.t(coordinator ? 'plan-no-pairs-municipality' : 'log-no-assignments') };
  const months = pairMonths(ctx, municipalityId, pairs);
  const lines = [heading, ''];
  for (const m of months) {
    const label = coordinator ? pairLabel(ctx, m.assignment) : counterpartLabel(ctx, m.assignment);
    lines.push(`• ${label}: ${progressText(ctx.t, m, duration)}`);
  }
  const buttons: Button[][] = months.slice(0, 20).map((m) => [
    { kind: 'action', label: (coordinator ? pairButtonLabel(ctx, m.assignment) : counterpartLabel(ctx, m.assignment)).slice(0, 40), data: pairAction.encode(m.assignment.id) },
  ]);
  return { text: lines.join('\n'), buttons };
}

/** «План по парам» from /mylog: the helper's own pairs. */
export function myPlans(ctx: Ctx): Reply {
  const person = requirePerson(ctx);
  const pairs = pairsOfHelper(ctx, person.id);
  if (pairs.length === 0 || person.municipalityId === null) throw notAllowed();
  return pairList(ctx, person.municipalityId, pairs, ctx.t('plan-my-heading'), false);
}

/** «План по парам» from /consultations: every pair of the coordinator's municipality. */
export function municipalityPlans(ctx: Ctx, municipalityId: number): Reply {
  requireAdminOf(ctx, municipalityId);
  return pairList(ctx, municipalityId, pairsOfMunicipality(ctx, municipalityId), ctx.t('plan-municipality-heading'), true);
}

/** One pair: its plan, this month against it, and «Задать план». */
export function pairCard(ctx: Ctx, assignmentId: number): Reply {
  const pair = plannablePair(ctx, assignmentId);
  const [month] = pairMonths(ctx, pair.municipalityId, [pair]);
  const plan = currentPlan(ctx.deps.db, pair.id);
  const earlier = plansOf(ctx.deps.db, pair.id).length - (plan ? 1 : 0);
  const lines = [
    pairLabel(ctx, pair),
    plan ? ctx.t('plan-card-plan', { plan: planWords(ctx.t, plan.sessionsPerMonth, plan.minutesPerMonth) }) : ctx.t('plan-card-no-plan'),
    ...(plan?.goals ? [ctx.t('plan-card-goals', { goals: plan.goals })] : []),
    month ? ctx.t('plan-card-month', { progress: progressText(ctx.t, month, duration) }) : '',
    ...(earlier > 0 ? [ctx.t('plan-card-earlier', { count: earlier })] : []),
  ].filter(Boolean);
  return { text: lines.join('\n'), buttons: [[{ kind: 'action', label: ctx.t(plan ? 'plan-change' : 'plan-set'), data: setPlanAction.encode(pair.id) }]] };
}

export type PlanData = {
  assignmentId: number;
  sessions?: number | null;
  minutes?: number | null;
  goals?: string;
};

/** Hours as people type them: «3», «2,5», «1.5 ч», «90 мин». */
export function readHours(text: string): number | undefined {
  const s = text.trim().toLowerCase().replace(',', '.');
  const minutes = /^(\d{1,4})\s*(?:мин|минут[аы]?|min)\.?$/u.exec(s);
  if (minutes) return Number(minutes[1]);
  const hours = /^(\d{1,3}(?:\.\d{1,2})?)\s*(?:ч|час|часа|часов|h)?\.?$/u.exec(s);
  return hours ? Math.round(Number(hours[1]) * 60) : undefined;
}

function saveOutcome(ctx: Ctx, data: PlanData): StepOutcome<PlanData> {
  const pair = plannablePair(ctx, data.assignmentId);
  const person = requirePerson(ctx);
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  const plan = setPlan(
    db,
    { municipalityId: pair.municipalityId, assignmentId: pair.id, sessionsPerMonth: data.sessions ?? null, minutesPerMonth: data.minutes ?? null, goals: data.goals ?? '', setBy: person.id },
    now,
  );
  // The helper hears of a plan someone else set for them; their own plan needs no notice.
  if (pair.helperId !== null && pair.helperId !== person.id) {
    const whom = counterpartLabel(ctx, pair);
    notifyPerson(db, i18n, pair.helperId, (t) => ({ text: t('plan-set-notice', { whom, plan: planWords(t, plan.sessionsPerMonth, plan.minutesPerMonth) }) }), {
      dedupeKey: `consultation-plan:${plan.id}:helper`,
      notBefore: now,
    });
    ctx.deps.wakeOutbox();
  }
  return { done: { text: ctx.t('plan-saved', { whom: counterpartLabel(ctx, pair), plan: planWords(ctx.t, plan.sessionsPerMonth, plan.minutesPerMonth) }) } };
}

export function planWords(t: Ctx['t'], sessions: number | null, minutes: number | null): string {
  return [sessions !== null ? t('plan-sessions-per-month', { count: sessions }) : '', minutes !== null ? t('plan-time-per-month', { time: duration(t, minutes) }) : '']
    .filter(Boolean)
    .join(', ');
}

export const planDialog: DialogDef<PlanData> = {
  name: 'consultation-plan',
  version: 1,
  first: 'sessions',
  steps: {
    sessions: {
      prompt: (ctx, data) => ({
        text: ctx.t('plan-ask-sessions', { whom: counterpartLabel(ctx, plannablePair(ctx, data.assignmentId)) }),
        choices: [[1, 2, 4, 8].map((n) => ({ label: String(n), value: String(n) })), [{ label: ctx.t('plan-no-sessions'), value: 'none' }]],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        plannablePair(ctx, data.assignmentId);
        const raw = answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? answer.text.trim() : '';
        if (raw === 'none') return { next: 'minutes', data: { ...data, sessions: null } };
        const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
        return n >= 1 && n <= 31 ? { next: 'minutes', data: { ...data, sessions: n } } : { reask: ctx.t('plan-sessions-invalid') };
      },
    },
    minutes: {
      prompt: (ctx) => ({
        text: ctx.t('plan-ask-hours'),
        choices: [[1, 2, 4, 8].map((h) => ({ label: ctx.t('duration-whole-hours', { hours: h }), value: String(h * 60) })), [{ label: ctx.t('plan-no-hours'), value: 'none' }]],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind === 'choice' && answer.value === 'none') {
          return data.sessions === null ? { reask: ctx.t('plan-need-something') } : { next: 'goals', data: { ...data, minutes: null } };
        }
        const minutes = answer.kind === 'choice' ? Number(answer.value) : answer.kind === 'text' ? readHours(answer.text) : undefined;
        return minutes !== undefined && minutes >= 15 && minutes <= 200 * 60 ? { next: 'goals', data: { ...data, minutes } } : { reask: ctx.t('plan-hours-invalid') };
      },
    },
    goals: {
      prompt: (ctx, data) => {
        const previous = currentPlan(ctx.deps.db, data.assignmentId)?.goals;
        return {
          text: ctx.t('plan-ask-goals', { max: MAX_GOALS }),
          choices: [[...(previous ? [{ label: ctx.t('plan-keep-goals'), value: 'keep' }] : []), { label: ctx.t('skip'), value: 'skip' }]],
          acceptsText: true,
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind === 'choice') {
          const goals = answer.value === 'keep' ? (currentPlan(ctx.deps.db, data.assignmentId)?.goals ?? '') : '';
          return { next: 'confirm', data: { ...data, goals } };
        }
        const goals = answer.kind === 'text' ? answer.text.trim() : '';
        if (goals.length < 2 || goals.length > MAX_GOALS) return { reask: ctx.t('plan-goals-invalid', { max: MAX_GOALS, length: goals.length }) };
        return { next: 'confirm', data: { ...data, goals } };
      },
    },
    confirm: {
      prompt: (ctx, data) => ({
        text: ctx.t('plan-summary', {
          whom: pairLabel(ctx, plannablePair(ctx, data.assignmentId)),
          plan: planWords(ctx.t, data.sessions ?? null, data.minutes ?? null),
          goals: data.goals || '—',
        }),
        choices: [[{ label: ctx.t('log-save'), value: 'yes' }, { label: ctx.t('assign-cancel'), value: 'no' }]],
      }),
      accept: (ctx, data, answer) => (answer.kind === 'choice' && answer.value === 'yes' ? saveOutcome(ctx, data) : { done: { text: ctx.t('cancelled') } }),
    },
  },
};
