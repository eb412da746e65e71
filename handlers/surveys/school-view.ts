// A school head's view: the results of a round for their own school only,
// from /surveys. For a survey of their teachers, the school's figures, with
// the small-group rule of every other report (a school below the minimum, or
// one whose figures would give away another school's through the total, gets
// a polite explanation instead of figures); for a school-level report, what
// the school answered. Free text stays with the coordinator. «Динамика» leads
// to the change over time for the school alone (trends.ts).
import { findResponse, getRound, responsesOf, roundsOf, type Round } from '../../db/repos/surveys.js';
import { hasRole, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed } from '../core/errors.js';
import { formatDay } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { aggregate, type QuestionReport } from './aggregate.js';
import { shownFor } from './compare.js';
import { roundProgress } from './progress.js';
import { formatAnswer } from './respond.js';
import { roundLabel } from './series.js';
import { protectsPeople } from './small-groups.js';
import { definitionOf } from './stored.js';
import { formatMean, headedSchool, minGroupSizeOf, roundTrend, trendAction } from './trends.js';
import type { AnswerValue, SurveyDefinition } from './types.js';

export const schoolViewAction = defineAction('svh', idArg);

/** How many rounds a school head's list offers: the latest ones. */
const LISTED = 10;

/** For /surveys: the rounds a school administrator may read for their school, as buttons. */
export function schoolHeadReplies(ctx: Ctx): Reply[] {
  const person = ctx.person;
  if (!person || !hasRole(person, 'school_admin') || person.municipalityId === null) return [];
  const now = ctx.deps.clock.now().getTime();
  const zone = municipalityZone(ctx.deps, person.municipalityId);
  const rounds = roundsOf(ctx.deps.db, person.municipalityId, LISTED).filter((r) => r.opensAt.getTime() <= now && headedSchool(ctx, person, r) !== undefined);
  if (rounds.length === 0) return [];
  return [
    {
      text: ctx.t('school-view-list'),
      buttons: rounds.map((r): Button[] => [{ kind: 'action', label: `${definitionOf(ctx, r.surveyId).title} · ${formatDay(r.opensAt, zone)}`.slice(0, 40), data: schoolViewAction.encode(r.id) }]),
    },
  ];
}

function figureLine(ctx: Ctx, q: QuestionReport, figures: QuestionReport['figures']): string | undefined {
  const head = `${q.text} (${ctx.t('survey-answered', { count: figures.answered })})`;
  if (figures.type === 'text') return undefined;
  if (figures.type === 'date') return `${head}\n   ${figures.earliest ?? '—'} … ${figures.latest ?? '—'}`;
  if (figures.type === 'number') return `${head}\n   ${ctx.t('school-view-mean', { mean: figures.mean === null ? '—' : formatMean(ctx, figures.mean, false) })}`;
  const options = figures.options.map((o) => {
    const label = o.label ?? (typeof o.value === 'boolean' ? ctx.t(o.value ? 'survey-yes' : 'survey-no') : String(o.value));
    return `   ${label}: ${o.count} (${Math.round(o.share * 100)}%)`;
  });
  const mean = figures.type === 'scale' && figures.mean !== null ? [`   ${ctx.t('school-view-mean', { mean: formatMean(ctx, figures.mean) })}`] : [];
  return [head, ...options, ...mean].join('\n');
}

/** A school-level report: what the school answered, question by question. */
function ownReport(ctx: Ctx, round: Round, survey: SurveyDefinition, schoolId: number): string[] {
  const response = findResponse(ctx.deps.db, round.id, `school:${schoolId}`);
  if (!response) return [ctx.t('school-view-not-answered')];
  const answers = response.answers as Record<string, AnswerValue>;
  return survey.questions.filter((q) => q.type !== 'text' && answers[q.id] !== undefined).map((q, i) => `${i + 1}. ${q.text}\n   → ${formatAnswer(ctx, q, answers[q.id])}`);
}

/** The figures of a survey of people for one school, or why they are withheld. */
function teachersReport(ctx: Ctx, round: Round, survey: SurveyDefinition, schoolId: number): string[] {
  const rows = responsesOf(ctx.deps.db, [round.id]);
  const audienceBySchool = new Map<number, number>();
  for (const [school, s] of roundProgress(ctx, round).bySchool) if (school !== null) audienceBySchool.set(school, s.total);
  const minGroupSize = minGroupSizeOf(ctx, round.municipalityId);
  // The whole municipality is aggregated, so the school is withheld exactly when every other report withholds it.
  const result = aggregate(
    survey,
    rows.map((r) => ({ schoolId: r.schoolId, answers: r.answers as Record<string, AnswerValue> })),
    { minGroupSize, audienceBySchool },
  );
  const school = result.schools.find((s) => s.schoolId === schoolId);
  const count = school?.responses ?? 0;
  if (!school || school.suppressed) return [ctx.t(count < minGroupSize ? 'school-view-too-few' : 'school-view-withheld', { count, min: minGroupSize })];
  const lines = result.questions.flatMap((q) => {
    if (q.type === 'text') return [];
    const own = q.bySchool.find((b) => b.schoolId === schoolId);
    // A question few answered (optional, or shown only after some answers) is a small group of its own.
    if (!own || own.suppressed || !shownFor(q, minGroupSize).has(schoolId)) return [`${q.text} — ${ctx.t('trend-too-few')}`];
    return [figureLine(ctx, q, own.figures) ?? ''];
  });
  const texts = result.questions.some((q) => q.type === 'text') ? [ctx.t('school-view-texts')] : [];
  return [...lines.map((l, i) => `${i + 1}. ${l}`), ...texts];
}

export function schoolViewReply(ctx: Ctx, roundId: number): Reply {
  const person = requirePerson(ctx);
  const round = getRound(ctx.deps.db, roundId);
  const schoolId = round ? headedSchool(ctx, person, round) : undefined;
  if (!round || schoolId === undefined) throw notAllowed();
  const survey = definitionOf(ctx, round.surveyId);
  const progress = roundProgress(ctx, round).bySchool.get(schoolId) ?? { answered: 0, total: 0 };
  const rt = roundTrend(ctx, round, { kind: 'school', schoolId });
  const lines = [
    `🏫 ${rt.schoolName(schoolId)} — «${survey.title}»`,
    ctx.t('school-view-round', { label: roundLabel(ctx, round) }),
    ctx.t('survey-rate', { answered: progress.answered, total: progress.total, percent: progress.total ? Math.round((progress.answered / progress.total) * 100) : 0 }),
    '',
    ...(protectsPeople(survey) ? teachersReport(ctx, round, survey, schoolId) : ownReport(ctx, round, survey, schoolId)),
  ];
  const buttons: Button[][] = rt.trend.rounds.length >= 2 && rt.trend.questions.length > 0 ? [[{ kind: 'action', label: ctx.t('trend-button'), data: trendAction.encode(round.id, 0) }]] : [];
  return { text: lines.join('\n'), buttons };
}
