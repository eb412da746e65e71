// Three rounds of one teachers' survey compared, against figures worked out by
// hand below: school A (4 answers each round) has means 3.0 → 3.5 → 4.25, a
// change of +1.25; schools Б (2 answers) and В (1 answer) are below the
// minimum of 3 and stay hidden, and together (3 answers) they let A be shown
// without the total giving them away.
import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../../handlers/surveys/aggregate.js';
import { compareRounds, type MeanTrend, type ShareTrend, type TrendRound } from '../../../handlers/surveys/compare.js';
import { answerShape, parseSurveyDefinition, sameShape } from '../../../handlers/surveys/definition.js';
import type { SurveyDefinition } from '../../../handlers/surveys/types.js';

const [A, B, C] = [1, 2, 3];

function survey(options = [{ value: 'offline', label: 'Очно' }, { value: 'online', label: 'Онлайн' }], anonymous = false): SurveyDefinition {
  const parsed = parseSurveyDefinition({
    key: 'confidence',
    title: 'Уверенность',
    anonymous,
    level: 'person',
    questions: [
      { id: 'sure', type: 'scale', text: 'Насколько вы уверены?', min: 1, max: 5 },
      { id: 'format', type: 'single', text: 'Как удобнее учиться?', options },
      { id: 'note', type: 'text', text: 'Что ещё?', required: false },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

const answer = (schoolId: number, sure: number, format = 'offline'): SurveyResponse => ({ schoolId, answers: { sure, format, note: 'текст' } });

function round(roundId: number, responses: readonly SurveyResponse[], definition = survey()): TrendRound {
  return { roundId, label: `раунд ${roundId}`, survey: definition, responses, audienceBySchool: new Map([[A, 4], [B, 3], [C, 2]]) };
}

// By hand: A 3+3+3+3 = 12 → 3.0; 3+4+3+4 = 14 → 3.5; 4+5+4+4 = 17 → 4.25.
// All seven: (12+4+5+2)/7 = 23/7 → 3.2857; (14+4+4+3)/7 = 25/7 → 3.5714; (17+5+5+3)/7 = 30/7 → 4.2857.
const rounds = [
  round(11, [answer(A, 3), answer(A, 3), answer(A, 3), answer(A, 3), answer(B, 4), answer(B, 5), answer(C, 2)]),
  round(12, [answer(A, 4), answer(A, 3, 'online'), answer(A, 4), answer(A, 3), answer(B, 4), answer(B, 4), answer(C, 3)]),
  round(13, [answer(A, 4, 'online'), answer(A, 5, 'online'), answer(A, 4), answer(A, 4), answer(B, 5), answer(B, 5), answer(C, 3)]),
];

describe('comparing rounds', () => {
  const trend = compareRounds(rounds, survey(), { minGroupSize: 3, overall: true });
  const mean = trend.questions.find((q) => q.questionId === 'sure') as MeanTrend;
  const row = (id: number | null) => mean.rows.find((r) => r.schoolId === id)!;

  it('gives a school its mean per round, the change between rounds and from first to last', () => {
    expect(row(A).means).toEqual([3, 3.5, 4.25]);
    expect(row(A).steps).toEqual([null, 0.5, 0.75]);
    expect(row(A).change).toBe(1.25);
    expect(row(A).responses).toEqual([4, 4, 4]);
  });

  it('hides schools below the minimum and leaves them out of every change', () => {
    for (const id of [B, C]) {
      expect(row(id).means).toEqual([null, null, null]);
      expect(row(id).withheld).toEqual([true, true, true]);
      expect(row(id).change).toBeNull();
    }
    expect(row(B).responses).toEqual([2, 2, 2]);
  });

  it('shows all schools together from the minimum up', () => {
    expect(row(null).means).toEqual([3.2857, 3.5714, 4.2857]);
    expect(row(null).change).toBe(1);
  });

  it('compares the share of each option, and leaves free text out', () => {
    const share = trend.questions.find((q) => q.questionId === 'format') as ShareTrend;
    expect(share.options).toEqual(['offline', 'online']);
    const a = share.rows.find((r) => r.schoolId === A)!;
    // A: 4 of 4 offline; 3 of 4; 2 of 4.
    expect(a.shares).toEqual([
      [1, 0],
      [0.75, 0.25],
      [0.5, 0.5],
    ]);
    expect(a.change).toEqual([-0.5, 0.5]);
    expect(trend.questions.map((q) => q.questionId)).toEqual(['sure', 'format']);
  });

  it('never shows a school whose figures the total would give away', () => {
    // Without В, Б's 2 answers would be the total minus A: so A is hidden too. All six: 21/6, 22/6, 27/6.
    const without = rounds.map((r) => ({ ...r, responses: r.responses.filter((x) => x.schoolId !== C) }));
    const q = compareRounds(without, survey(), { minGroupSize: 3, overall: true }).questions[0] as MeanTrend;
    expect(q.rows.find((r) => r.schoolId === A)?.means).toEqual([null, null, null]);
    expect(q.rows.find((r) => r.schoolId === null)?.means).toEqual([3.5, 3.6667, 4.5]);
  });

  it('keeps a cell with too few answers in all out of the change', () => {
    const thin = [rounds[0]!, round(12, [answer(A, 1), answer(A, 1)]), rounds[2]!];
    const q = compareRounds(thin, survey(), { minGroupSize: 3, overall: true }).questions[0] as MeanTrend;
    const overall = q.rows.find((r) => r.schoolId === null)!;
    expect(overall.means).toEqual([3.2857, null, 4.2857]);
    expect(overall.withheld).toEqual([false, true, false]);
    expect(overall.steps).toEqual([null, null, null]);
    expect(overall.change).toBe(1);
  });

  it('does not compare a question whose options changed between rounds', () => {
    const changed = survey([
      { value: 'offline', label: 'Очно' },
      { value: 'online', label: 'Онлайн' },
      { value: 'mixed', label: 'Смешанно' },
    ]);
    expect(sameShape(changed.questions[1], survey().questions[1])).toBe(false);
    expect(answerShape(survey().questions[0]!)).toBe(answerShape({ ...survey().questions[0]!, text: 'Другие слова' } as never));
    const mixed = [rounds[0]!, round(12, rounds[1]!.responses, changed), rounds[2]!];
    const share = compareRounds(mixed, survey(), { minGroupSize: 3, overall: true }).questions.find((q) => q.questionId === 'format') as ShareTrend;
    expect(share.asked).toEqual([true, false, true]);
    expect(share.rows.find((r) => r.schoolId === A)?.shares[1]).toBeNull();
    expect(share.rows.find((r) => r.schoolId === A)?.withheld[1]).toBe(false);
  });

  it('gives a school head only their own school', () => {
    const own = compareRounds(rounds, survey(), { minGroupSize: 3, overall: false, schools: new Set([A]) });
    expect(own.questions[0]!.rows.map((r) => r.schoolId)).toEqual([A]);
  });

  it('compares an anonymous survey by its totals only, with the same rule', () => {
    const anonymous = rounds.map((r) => ({ ...r, survey: survey(undefined, true) }));
    const q = compareRounds(anonymous, survey(undefined, true), { minGroupSize: 3, overall: true }).questions[0] as MeanTrend;
    expect(q.rows.find((r) => r.schoolId === A)?.means).toEqual([3, 3.5, 4.25]);
    expect(q.rows.find((r) => r.schoolId === B)?.means).toEqual([null, null, null]);
  });
});

describe('an optional question answered by few', () => {
  it('is withheld for a school with fewer answers to it than the minimum, and for the one the rest would give away', () => {
    const optional = survey();
    const format = optional.questions[1]!;
    format.required = false;
    // Everyone answers the scale; of «format», А answers 4 times, Б (3 responses, shown) only twice, C once.
    const skipFormat = (r: SurveyResponse): SurveyResponse => ({ ...r, answers: { ...r.answers, format: null } });
    const responses = [answer(A, 3), answer(A, 3), answer(A, 3), answer(A, 3), answer(B, 4), answer(B, 4), skipFormat(answer(B, 4)), skipFormat(answer(C, 2)), skipFormat(answer(C, 2)), skipFormat(answer(C, 2))];
    const two = [round(21, responses, optional), round(22, responses, optional)];
    const trend = compareRounds(two, optional, { minGroupSize: 3, overall: true });
    const mean = trend.questions[0] as MeanTrend;
    expect(mean.rows.find((r) => r.schoolId === B)?.means).toEqual([4, 4]);
    const share = trend.questions[1] as ShareTrend;
    // Б has 2 answers to «format»: withheld; the rest is then 2, so А (4) is withheld too; all together (6) stays.
    expect(share.rows.find((r) => r.schoolId === B)?.shares).toEqual([null, null]);
    expect(share.rows.find((r) => r.schoolId === A)?.shares).toEqual([null, null]);
    expect(share.rows.find((r) => r.schoolId === null)?.shares[0]).toEqual([1, 0]);
  });
});
