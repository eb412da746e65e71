// Turning a round's responses into what a coordinator reports upwards:
// response rates per school and overall, and per-question figures overall and
// per school. A school with fewer responses than the minimum group size gets
// no figures at all, so that a small staff cannot be read person by person;
// which schools are withheld is decided by small-groups.ts.
// Rounding rules are those of figures.ts: counts exact, the rest to 4 places.
import type { Answers, Question, SurveyDefinition } from './types.js';
import { effectiveAnswers, visibleQuestions } from './answer.js';
import { questionFigures, round4, type GroupAnswer, type QuestionFigures } from './figures.js';
import { groupSizes, shownSchools } from './small-groups.js';

export interface SurveyResponse {
  /** The school the response speaks for (school-level) or the person's school; null when unknown. */
  schoolId: number | null;
  answers: Answers;
}

export interface AggregateOptions {
  /** Schools with fewer responses than this get no per-school figures. */
  minGroupSize: number;
  /** How many people (or, for a school-level survey, answering admins) each school was asked. */
  audienceBySchool: ReadonlyMap<number, number>;
}

export interface ResponseRate {
  responses: number;
  audience: number;
  /** responses / audience, capped at 1 and rounded to 4 places; null when nobody was asked. */
  rate: number | null;
}

export interface SchoolResponseRate extends ResponseRate {
  schoolId: number;
  /**
   * True when the school's figures are withheld: its responses are fewer than
   * minGroupSize, or showing it would let the withheld ones be worked out.
   */
  suppressed: boolean;
}

export type SchoolFigures = { schoolId: number; suppressed: true } | { schoolId: number; suppressed: false; figures: QuestionFigures };

export interface QuestionReport {
  questionId: string;
  text: string;
  type: Question['type'];
  /** Responses in which this question was shown (its show-if rule held). */
  asked: number;
  figures: QuestionFigures;
  bySchool: SchoolFigures[];
}

export interface SurveyReport {
  surveyKey: string;
  anonymous: boolean;
  overall: ResponseRate;
  schools: SchoolResponseRate[];
  questions: QuestionReport[];
}

/**
 * The share of the audience that answered, in 0..1 and rounded to 4 places.
 * Null when the audience is empty. More responses than audience (a person
 * who answered and then left the school) counts as everyone.
 */
export function responseRate(responded: number, audience: number): number | null {
  if (!(audience > 0)) return null;
  return round4(Math.min(Math.max(responded, 0), audience) / audience);
}

function rateOf(responses: number, audience: number): ResponseRate {
  return { responses, audience, rate: responseRate(responses, audience) };
}

/** Every school asked or answering, in ascending id order. */
function schoolIds(responses: readonly SurveyResponse[], audience: ReadonlyMap<number, number>): number[] {
  const ids = new Set(audience.keys());
  for (const r of responses) if (r.schoolId !== null) ids.add(r.schoolId);
  return [...ids].sort((a, b) => a - b);
}

function groupBySchool<T extends { schoolId: number | null }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    if (item.schoolId === null) continue;
    const group = groups.get(item.schoolId);
    if (group) group.push(item);
    else groups.set(item.schoolId, [item]);
  }
  return groups;
}

function schoolRates(responses: readonly SurveyResponse[], options: AggregateOptions): SchoolResponseRate[] {
  const groups = groupBySchool(responses);
  const ids = schoolIds(responses, options.audienceBySchool);
  const shown = shownSchools(groupSizes(responses.map((r) => r.schoolId), ids), options.minGroupSize);
  return ids.map((schoolId) => {
    const count = groups.get(schoolId)?.length ?? 0;
    return { schoolId, ...rateOf(count, options.audienceBySchool.get(schoolId) ?? 0), suppressed: !shown.has(schoolId) };
  });
}

/** A response as the figures see it: its school, and answers only to the questions it was shown. */
interface Cleaned {
  schoolId: number | null;
  answers: Answers;
  shown: ReadonlySet<string>;
}

function clean(survey: SurveyDefinition, response: SurveyResponse): Cleaned {
  const shown = new Set(visibleQuestions(survey, response.answers).map((q) => q.id));
  return { schoolId: response.schoolId, answers: effectiveAnswers(survey, response.answers), shown };
}

function answersTo(question: Question, group: readonly Cleaned[]): GroupAnswer[] {
  return group.map((r) => ({ schoolId: r.schoolId, value: r.answers[question.id] }));
}

interface Groups {
  all: readonly Cleaned[];
  bySchool: ReadonlyMap<number, readonly Cleaned[]>;
  schools: readonly SchoolResponseRate[];
}

function bySchool(survey: SurveyDefinition, question: Question, groups: Groups): SchoolFigures[] {
  return groups.schools.map(({ schoolId, suppressed }): SchoolFigures => {
    if (suppressed) return { schoolId, suppressed: true };
    const group = groups.bySchool.get(schoolId) ?? [];
    return { schoolId, suppressed: false, figures: questionFigures(question, answersTo(question, group), survey.anonymous) };
  });
}

function questionReport(survey: SurveyDefinition, question: Question, groups: Groups): QuestionReport {
  return {
    questionId: question.id,
    text: question.text,
    type: question.type,
    asked: groups.all.filter((r) => r.shown.has(question.id)).length,
    figures: questionFigures(question, answersTo(question, groups.all), survey.anonymous),
    bySchool: bySchool(survey, question, groups),
  };
}

/**
 * The report of one round. Responses without a school count in the overall
 * rate and figures but in no school's. Answers left over from questions a
 * person no longer saw (they changed an earlier answer) are dropped first.
 */
export function aggregate(survey: SurveyDefinition, responses: readonly SurveyResponse[], options: AggregateOptions): SurveyReport {
  const audience = [...options.audienceBySchool.values()].reduce((s, n) => s + n, 0);
  const schools = schoolRates(responses, options);
  const all = responses.map((r) => clean(survey, r));
  const groups: Groups = { all, bySchool: groupBySchool(all), schools };
  return {
    surveyKey: survey.key,
    anonymous: survey.anonymous,
    overall: rateOf(responses.length, audience),
    schools,
    questions: survey.questions.map((q) => questionReport(survey, q, groups)),
  };
}
