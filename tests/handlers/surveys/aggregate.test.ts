// Aggregation by example: the empty round, a small known round with exact
// figures, anonymity of quotes, suppression of small schools, and response
// rates at their edges.
import { describe, expect, it } from 'vitest';
import { aggregate, responseRate, type SurveyResponse } from '../../../handlers/surveys/aggregate.js';
import { apportion, median, mean, round4 } from '../../../handlers/surveys/figures.js';
import { sampleSurvey } from './sample-survey.js';

const survey = sampleSurvey();
const anonymous = sampleSurvey({ anonymous: true });
const report = (responses: SurveyResponse[], audience: [number, number][] = [], minGroupSize = 3) =>
  aggregate(survey, responses, { minGroupSize, audienceBySchool: new Map(audience) });

function figuresOf(r: ReturnType<typeof report>, id: string) {
  const question = r.questions.find((q) => q.questionId === id);
  if (!question) throw new Error(`no question ${id}`);
  return question;
}

describe('responseRate', () => {
  it.each([
    [0, 0, null],
    [3, -1, null],
    [0, 10, 0],
    [5, 10, 0.5],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [10, 10, 1],
    [12, 10, 1],
    [-2, 10, 0],
  ])('%d of %d is %s', (responded, audience, rate) => {
    expect(responseRate(responded, audience)).toBe(rate);
  });
});

describe('figures', () => {
  it.each([
    [[], null, null],
    [[4], 4, 4],
    [[5, 1, 3], 3, 3],
    [[4, 1, 3, 2], 2.5, 2.5],
    [[1, 2], 1.5, 1.5],
    [[0.1, 0.2], 0.15, 0.15],
    [[1, 1, 2], 1.3333, 1],
  ])('mean and median of %j are %s and %s', (values, m, med) => {
    expect(mean(values)).toBe(m);
    expect(median(values)).toBe(med);
  });

  it.each([
    [[1, 1, 1], 3, [0.3334, 0.3333, 0.3333]],
    [[2, 1], 3, [0.6667, 0.3333]],
    [[1, 0, 0], 1, [1, 0, 0]],
    [[0, 0], 0, [0, 0]],
    [[1, 5, 1], 7, [0.1429, 0.7143, 0.1428]],
  ])('apportions %j of %d as %j', (counts, total, shares) => {
    expect(apportion(counts, total)).toEqual(shares);
  });

  it('rounds half up to four places', () => {
    expect([round4(1 / 3), round4(2 / 3), round4(0.00005), round4(2.5)]).toEqual([0.3333, 0.6667, 0.0001, 2.5]);
  });
});

describe('aggregate', () => {
  it('reports an empty round without figures that pretend', () => {
    const r = report([]);
    expect(r.overall).toEqual({ responses: 0, audience: 0, rate: null });
    expect(r.schools).toEqual([]);
    expect(figuresOf(r, 'took-courses').figures).toEqual({
      type: 'yesno',
      answered: 0,
      options: [
        { value: true, label: null, count: 0, share: 0 },
        { value: false, label: null, count: 0, share: 0 },
      ],
    });
    expect(figuresOf(r, 'hours').figures).toEqual({ type: 'number', answered: 0, mean: null, median: null, min: null, max: null, sum: 0 });
    expect(figuresOf(r, 'confidence').figures).toMatchObject({ answered: 0, mean: null, median: null });
    expect(figuresOf(r, 'organiser-name').figures).toEqual({ type: 'text', answered: 0, texts: [], coordinatorOnly: true });
    expect(figuresOf(r, 'finished').figures).toEqual({ type: 'date', answered: 0, earliest: null, latest: null });
  });

  it('reports a round nobody answered yet, school by school', () => {
    const r = report([], [[2, 5], [1, 10]]);
    expect(r.overall).toEqual({ responses: 0, audience: 15, rate: 0 });
    expect(r.schools).toEqual([
      { schoolId: 1, responses: 0, audience: 10, rate: 0, suppressed: true },
      { schoolId: 2, responses: 0, audience: 5, rate: 0, suppressed: true },
    ]);
    expect(figuresOf(r, 'hours').bySchool).toEqual([
      { schoolId: 1, suppressed: true },
      { schoolId: 2, suppressed: true },
    ]);
  });

  const round: SurveyResponse[] = [
    { schoolId: 1, answers: { 'took-courses': true, hours: 36, organiser: 'iro', topics: ['exams'], confidence: 4, finished: '2026-03-12' } },
    { schoolId: 1, answers: { 'took-courses': true, hours: 72, organiser: 'other', 'organiser-name': 'Вуз', topics: ['exams', 'literacy'], confidence: 5 } },
    { schoolId: 1, answers: { 'took-courses': false, hours: 500, topics: ['digital'], confidence: 2, 'low-confidence': 'Нагрузка', finished: '2026-01-20' } },
    { schoolId: 2, answers: { 'took-courses': true, hours: 108, organiser: 'other', 'organiser-name': 'Академия', topics: ['exams'], confidence: 3 } },
    { schoolId: null, answers: { 'took-courses': false, topics: ['literacy'], confidence: null } },
  ];

  it('counts a known round exactly', () => {
    const r = report(round, [[1, 4], [2, 3]], 2);
    expect(r.overall).toEqual({ responses: 5, audience: 7, rate: 0.7143 });
    expect(r.schools).toEqual([
      { schoolId: 1, responses: 3, audience: 4, rate: 0.75, suppressed: false },
      { schoolId: 2, responses: 1, audience: 3, rate: 0.3333, suppressed: true },
    ]);
    expect(figuresOf(r, 'took-courses').figures).toMatchObject({ answered: 5, options: [{ count: 3, share: 0.6 }, { count: 2, share: 0.4 }] });
    // The 500 hours of a person who then said "no courses" is a leftover and is dropped.
    expect(figuresOf(r, 'hours')).toMatchObject({ asked: 3, figures: { answered: 3, mean: 72, median: 72, min: 36, max: 108, sum: 216 } });
    expect(figuresOf(r, 'organiser').figures).toMatchObject({ answered: 3, options: [{ value: 'iro', count: 1, share: 0.3333 }, { value: 'other', count: 2, share: 0.6667 }] });
    expect(figuresOf(r, 'topics').figures).toMatchObject({
      answered: 5,
      options: [
        { value: 'literacy', count: 2, share: 0.4 },
        { value: 'exams', count: 3, share: 0.6 },
        { value: 'digital', count: 1, share: 0.2 },
      ],
    });
    expect(figuresOf(r, 'confidence')).toMatchObject({ asked: 5, figures: { answered: 4, mean: 3.5, median: 3.5 } });
    expect(figuresOf(r, 'confidence').figures).toMatchObject({ options: [{ value: 1, label: 'Низкая', count: 0 }, { value: 2, share: 0.25 }, { value: 3, share: 0.25 }, { value: 4, share: 0.25 }, { value: 5, label: 'Высокая', share: 0.25 }] });
    expect(figuresOf(r, 'finished').figures).toEqual({ type: 'date', answered: 2, earliest: '2026-01-20', latest: '2026-03-12' });
  });

  it('breaks figures down by school and withholds small schools', () => {
    const r = report(round, [[1, 4], [2, 3]], 2);
    const bySchool = figuresOf(r, 'confidence').bySchool;
    expect(bySchool[1]).toEqual({ schoolId: 2, suppressed: true });
    expect(bySchool[0]).toMatchObject({ schoolId: 1, suppressed: false, figures: { answered: 3, mean: 3.6667, median: 4 } });
    const loose = report(round, [[1, 4], [2, 3]], 1);
    expect(figuresOf(loose, 'confidence').bySchool[1]).toMatchObject({ schoolId: 2, suppressed: false, figures: { answered: 1, mean: 3 } });
  });

  it('withholds a big school too when the overall figures minus it would give the small ones away', () => {
    // Of 5 responses, school 1 has 3; school 2 and the one without a school are 2, fewer than 3.
    const r = report(round, [[1, 4], [2, 3]], 3);
    expect(r.schools.map((s) => s.suppressed)).toEqual([true, true]);
    expect(figuresOf(r, 'confidence').bySchool).toEqual([{ schoolId: 1, suppressed: true }, { schoolId: 2, suppressed: true }]);
    const more = report([...round, { schoolId: 3, answers: {} }], [[1, 4], [2, 3], [3, 2]], 3);
    expect(more.schools.map((s) => [s.schoolId, s.suppressed])).toEqual([[1, false], [2, true], [3, true]]);
  });

  it('names the school of each quote in a named survey, in response order', () => {
    const texts = figuresOf(report(round), 'organiser-name').figures;
    expect(texts).toEqual({ type: 'text', answered: 2, coordinatorOnly: true, texts: [{ schoolId: 1, text: 'Вуз' }, { schoolId: 2, text: 'Академия' }] });
  });

  it('strips schools from anonymous quotes and sorts them so order tells nothing', () => {
    const r = aggregate(anonymous, round, { minGroupSize: 2, audienceBySchool: new Map([[1, 4], [2, 3]]) });
    expect(r.anonymous).toBe(true);
    expect(figuresOf(r, 'organiser-name').figures).toEqual({ type: 'text', answered: 2, coordinatorOnly: true, texts: [{ schoolId: null, text: 'Академия' }, { schoolId: null, text: 'Вуз' }] });
    expect(figuresOf(r, 'organiser-name').bySchool[0]).toMatchObject({ suppressed: false, figures: { texts: [{ schoolId: null, text: 'Вуз' }] } });
    expect(figuresOf(r, 'organiser-name').bySchool[1]).toEqual({ schoolId: 2, suppressed: true });
  });

  it('ignores values that no longer fit their question', () => {
    const r = report([{ schoolId: 1, answers: { 'took-courses': 'да', topics: ['cooking'], confidence: 9, knowledge: 'много', finished: '12.03.2026' } }]);
    for (const id of ['took-courses', 'topics', 'confidence', 'knowledge', 'finished']) expect(figuresOf(r, id).figures.answered, id).toBe(0);
  });

  it('lists a school that answered but was not in the audience, without a rate', () => {
    const r = report([{ schoolId: 9, answers: {} }], [[1, 2]]);
    expect(r.schools).toEqual([
      { schoolId: 1, responses: 0, audience: 2, rate: 0, suppressed: true },
      { schoolId: 9, responses: 1, audience: 0, rate: null, suppressed: true },
    ]);
  });
});
