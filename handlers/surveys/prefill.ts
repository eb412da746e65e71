// «Заполнить как в прошлый раз?»: a recurring report offers the answers its
// respondent gave in the previous round, to keep or change one by one. Only
// one's own answers: a person's named response, or for a school-level survey
// the school's response, to an administrator of that school. Never an
// anonymous survey (its responses have no author to match), and never a
// question that changed its type, options or range since (answerShape).
// Looked up again on every press, so a role or a school that changed since the
// offer is honoured at once.
import { findResponse, getSurvey, recipient, type Round } from '../../db/repos/surveys.js';
import type { Person } from '../../db/repos/people.js';
import { hasRole } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import { sameShape } from './definition.js';
import { earlierInSeries } from './series.js';
import { definitionOf } from './stored.js';
import { validateAnswer, type RawAnswer } from './answer.js';
import type { AnswerValue, Question, SurveyDefinition } from './types.js';

export interface Previous {
  round: Round;
  /** The answers that may be offered again, by question id. */
  answers: Record<string, AnswerValue>;
}

/** The unit whose earlier answers a person may see: themselves, or the school they administer. */
function unitKeyFor(person: Person, level: 'school' | 'person', schoolId: number | null): string | undefined {
  if (level === 'person') return `person:${person.id}`;
  if (schoolId === null || person.schoolId !== schoolId || !hasRole(person, 'school_admin')) return undefined;
  return `school:${schoolId}`;
}

/** The previous round's answers `person` may reuse in `round`, or undefined when there is nothing to offer. */
export function previousAnswers(ctx: Pick<Ctx, 'deps'>, round: Round, person: Person): Previous | undefined {
  const survey = definitionOf(ctx, round.surveyId);
  if (survey.anonymous) return undefined;
  const me = recipient(ctx.deps.db, round.id, person.id);
  if (!me) return undefined;
  const unitKey = unitKeyFor(person, survey.level, me.schoolId);
  if (!unitKey) return undefined;
  // The latest earlier round of the same report that this person (or school) answered.
  for (const before of earlierInSeries(ctx, round)) {
    const sameReport = round.previousRoundId === before.id || getSurvey(ctx.deps.db, before.surveyId)?.key === survey.key;
    const earlier = definitionOf(ctx, before.surveyId);
    if (!sameReport || earlier.anonymous || earlier.level !== survey.level) continue;
    const response = findResponse(ctx.deps.db, before.id, unitKey);
    if (!response || (survey.level === 'person' && response.personId !== person.id)) continue;
    return reusable(survey, earlier, before, response.answers as Record<string, AnswerValue>);
  }
  return undefined;
}

/** Whether a stored answer is still a valid answer to the question: checked as if it were given now (a date as stored). */
function fits(question: Question, value: AnswerValue): boolean {
  if (question.type === 'date') return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value);
  if (value === null) return false;
  const raw: RawAnswer = question.type === 'text' ? { kind: 'text', text: typeof value === 'string' ? value : '' } : { kind: 'choice', value };
  const checked = validateAnswer(question, raw);
  return checked.ok && checked.value !== null;
}

/** The answers of an earlier round still meaningful in this one: given, not skipped, to a question of the same shape. */
function reusable(survey: SurveyDefinition, earlier: SurveyDefinition, before: Round, given: Record<string, AnswerValue>): Previous | undefined {
  const answers: Record<string, AnswerValue> = {};
  for (const question of survey.questions) {
    const value = given[question.id];
    if (value === undefined || value === null) continue;
    if (!sameShape(question, earlier.questions.find((q) => q.id === question.id)) || !fits(question, value)) continue;
    answers[question.id] = value;
  }
  return Object.keys(answers).length > 0 ? { round: before, answers } : undefined;
}
