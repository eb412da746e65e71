// Show-if flows through a whole survey: which questions a person sees as they
// answer, what comes next, and what happens when they change an earlier
// answer so that later questions disappear.
import { describe, expect, it } from 'vitest';
import { effectiveAnswers, isComplete, nextQuestion, validateAnswer, visibleQuestions, type RawAnswer } from '../../../handlers/surveys/answer.js';
import type { Answers, SurveyDefinition } from '../../../handlers/surveys/types.js';
import { conditionHolds } from '../../../handlers/surveys/show-if.js';
import { templateByKey } from '../../../handlers/surveys/templates.js';
import { sampleSurvey } from './sample-survey.js';

const survey = sampleSurvey();
const ids = (answers: Answers) => visibleQuestions(survey, answers).map((q) => q.id);

/** Plays a dialog: asks the next question, answers it with the scripted raw answer, until the survey ends. */
function play(definition: SurveyDefinition, script: Record<string, RawAnswer>): { asked: string[]; answers: Answers } {
  const answers: Record<string, Answers[string]> = {};
  const asked: string[] = [];
  for (let q = nextQuestion(definition, answers); q; q = nextQuestion(definition, answers, q.id)) {
    asked.push(q.id);
    const raw = script[q.id] ?? { kind: 'skip' };
    const result = validateAnswer(q, raw, { today: '2026-05-20' });
    if (!result.ok) throw new Error(`${q.id}: ${result.error.key}`);
    answers[q.id] = result.value;
  }
  return { asked, answers };
}

describe('conditionHolds', () => {
  it.each([
    [{ question: 'x', equals: true }, true, true],
    [{ question: 'x', equals: true }, false, false],
    [{ question: 'x', equals: 'a' }, ['b', 'a'], true],
    [{ question: 'x', in: ['a', 'c'] }, 'c', true],
    [{ question: 'x', in: ['a', 'c'] }, ['b'], false],
    [{ question: 'x', in: [1, 2] }, 2, true],
    [{ question: 'x', gt: 72 }, 72, false],
    [{ question: 'x', gt: 72 }, 73, true],
    [{ question: 'x', gt: 1, lt: 4 }, 4, false],
    [{ question: 'x', lt: 3 }, '2', false],
    [{ question: 'x', equals: false }, null, false],
    [{ question: 'x', equals: false }, undefined, false],
  ])('%j with %j is %s', (rule, value, expected) => {
    expect(conditionHolds(rule, value)).toBe(expected);
  });
});

describe('visibleQuestions', () => {
  it('shows only unconditional questions before any answer', () => {
    expect(ids({})).toEqual(['took-courses', 'topics', 'confidence', 'knowledge', 'finished']);
  });

  it('opens the course branch on yes, and its sub-branches on their answers', () => {
    expect(ids({ 'took-courses': true })).toEqual(['took-courses', 'hours', 'organiser', 'topics', 'confidence', 'knowledge', 'finished']);
    expect(ids({ 'took-courses': true, hours: 108, organiser: 'other', confidence: 2 })).toEqual([
      'took-courses', 'hours', 'long-course', 'organiser', 'organiser-name', 'topics', 'confidence', 'low-confidence', 'knowledge', 'finished',
    ]);
  });

  it('hides a whole chain when its root changes, even with answers left over', () => {
    const leftovers = { 'took-courses': false, hours: 108, organiser: 'other', 'organiser-name': 'ИРО' };
    expect(ids(leftovers)).toEqual(['took-courses', 'topics', 'confidence', 'knowledge', 'finished']);
    expect(effectiveAnswers(survey, leftovers)).toEqual({ 'took-courses': false });
  });

  it('treats a skipped answer as not meeting any condition', () => {
    expect(ids({ confidence: null })).not.toContain('low-confidence');
  });
});

describe('nextQuestion', () => {
  it('starts at the first unanswered visible question', () => {
    expect(nextQuestion(survey, {})?.id).toBe('took-courses');
    expect(nextQuestion(survey, { 'took-courses': true })?.id).toBe('hours');
    expect(nextQuestion(survey, { 'took-courses': false })?.id).toBe('topics');
  });

  it('moves on after a given question, skipping hidden ones', () => {
    expect(nextQuestion(survey, { 'took-courses': true, hours: 36 }, 'hours')?.id).toBe('organiser');
    expect(nextQuestion(survey, { 'took-courses': true, hours: 100 }, 'hours')?.id).toBe('long-course');
    expect(nextQuestion(survey, { confidence: 5 }, 'confidence')?.id).toBe('knowledge');
    expect(nextQuestion(survey, {}, 'finished')).toBeNull();
  });

  it('falls back to the first unanswered question when the id is gone from the survey', () => {
    expect(nextQuestion(survey, { 'took-courses': false }, 'removed-question')?.id).toBe('topics');
  });

  it('resumes after an interruption where the person stopped', () => {
    const answers = { 'took-courses': true, hours: 36, organiser: 'iro' };
    expect(nextQuestion(survey, answers)?.id).toBe('topics');
  });
});

describe('a whole dialog', () => {
  it('follows the "no courses" path', () => {
    const { asked, answers } = play(survey, {
      'took-courses': { kind: 'choice', value: false },
      topics: { kind: 'choice', value: ['exams'] },
      confidence: { kind: 'choice', value: 4 },
    });
    expect(asked).toEqual(['took-courses', 'topics', 'confidence', 'knowledge', 'finished']);
    expect(isComplete(survey, answers)).toBe(true);
  });

  it('follows the long-course, other-organiser, low-confidence path', () => {
    const { asked, answers } = play(survey, {
      'took-courses': { kind: 'text', text: 'да' },
      hours: { kind: 'text', text: '144' },
      'long-course': { kind: 'text', text: 'Год обучения' },
      organiser: { kind: 'choice', value: 'other' },
      'organiser-name': { kind: 'text', text: 'Университет' },
      topics: { kind: 'choice', value: ['literacy', 'digital'] },
      confidence: { kind: 'text', text: '1' },
      knowledge: { kind: 'text', text: '45,5%' },
      finished: { kind: 'text', text: '15.05' },
    });
    expect(asked).toHaveLength(10);
    expect(answers).toMatchObject({ hours: 144, 'organiser-name': 'Университет', knowledge: 45.5, finished: '2026-05-15', 'low-confidence': null });
    expect(isComplete(survey, answers)).toBe(true);
  });

  it('is not complete while a required visible question is missing or skipped', () => {
    expect(isComplete(survey, { 'took-courses': true, topics: ['exams'], confidence: 3, knowledge: null, finished: null })).toBe(false);
    expect(isComplete(survey, { 'took-courses': false, topics: ['exams'], confidence: 3, knowledge: null })).toBe(false);
    expect(isComplete(survey, { 'took-courses': false, topics: ['exams'], confidence: 3, knowledge: null, finished: null })).toBe(true);
  });

  it('walks the courses template both ways', () => {
    const courses = templateByKey('courses');
    if (!courses) throw new Error('no courses template');
    const no = play(courses, { 'took-courses': { kind: 'choice', value: false }, 'plans-courses': { kind: 'choice', value: true } });
    expect(no.asked).toEqual(['took-courses', 'plans-courses']);
    const yes = play(courses, {
      'took-courses': { kind: 'choice', value: true },
      'course-name': { kind: 'text', text: 'Функциональная грамотность' },
      hours: { kind: 'text', text: '72' },
      organiser: { kind: 'choice', value: 'other' },
      'organiser-other': { kind: 'text', text: 'Университет' },
    });
    expect(yes.asked).toEqual(['took-courses', 'course-name', 'hours', 'organiser', 'organiser-other']);
    expect(yes.answers.hours).toBe(72);
  });
});
