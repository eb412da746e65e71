// Properties of aggregation over random rounds: counts add up to the number
// who answered, shares of a whole add up to 1, the median is a true middle,
// small schools are always withheld (with as many others as it takes to keep
// them from being worked out) and rates stay within 0..1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, responseRate, type SurveyReport, type SurveyResponse } from '../../../handlers/surveys/aggregate.js';
import { parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import type { AnswerValue, SurveyDefinition } from '../../../handlers/surveys/types.js';
import type { QuestionFigures } from '../../../handlers/surveys/figures.js';
import { sampleSurvey } from './sample-survey.js';

function flatSurvey(anonymous: boolean): SurveyDefinition {
  const options = ['a', 'b', 'c', 'd'].map((value) => ({ value, label: value.toUpperCase() }));
  const parsed = parseSurveyDefinition({
    key: 'flat',
    title: 'Без условий',
    anonymous,
    level: 'person',
    questions: [
      { id: 'pick', type: 'single', text: '?', options },
      { id: 'picks', type: 'multiple', text: '?', options },
      { id: 'ok', type: 'yesno', text: '?' },
      { id: 'rate', type: 'scale', text: '?', min: 1, max: 5 },
      { id: 'count', type: 'number', text: '?', min: -100, max: 10000 },
      { id: 'note', type: 'text', text: '?' },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

/** A value for any question: mostly plausible, sometimes junk that must be ignored. */
const anyValue: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', 'zzz'),
  fc.subarray(['a', 'b', 'c', 'd', 'zzz']),
  fc.boolean(),
  fc.integer({ min: 0, max: 6 }),
  fc.integer({ min: -10000, max: 1000000 }).map((n) => n / 100),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
);

const answers = fc.dictionary(fc.constantFrom('pick', 'picks', 'ok', 'rate', 'count', 'note', 'took-courses', 'hours', 'organiser', 'confidence'), anyValue);
const response: fc.Arbitrary<SurveyResponse> = fc.record({ schoolId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }), answers });
const round = fc.array(response, { maxLength: 60 });
const audience = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 40 })), { maxLength: 6 }).map((pairs) => new Map(pairs));
const minGroupSize = fc.integer({ min: 0, max: 8 });

function run(survey: SurveyDefinition, responses: SurveyResponse[], audienceBySchool: Map<number, number>, min: number): SurveyReport {
  return aggregate(survey, responses, { minGroupSize: min, audienceBySchool });
}

/** The same figures overall and for every school shown. */
function allFigures(report: SurveyReport): QuestionFigures[] {
  return report.questions.flatMap((q) => [q.figures, ...q.bySchool.flatMap((s) => (s.suppressed ? [] : [s.figures]))]);
}

function numbersOf(survey: SurveyDefinition, responses: SurveyResponse[], id: string): number[] {
  const question = survey.questions.find((q) => q.id === id);
  return responses
    .map((r) => r.answers[id])
    .filter((v): v is number => typeof v === 'number' && (question?.type !== 'scale' || (Number.isInteger(v) && v >= question.min && v <= question.max)));
}

function sortedMiddle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 ? sorted[half] : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
  return Math.round((middle ?? 0) * 10000) / 10000;
}

describe('aggregate, for any round', () => {
  const survey = flatSurvey(false);

  it('counts add up to those who answered, and shares of a whole add up to 1', () => {
    fc.assert(
      fc.property(round, audience, minGroupSize, (responses, map, min) => {
        for (const f of allFigures(run(survey, responses, map, min))) {
          if (f.type !== 'single' && f.type !== 'yesno' && f.type !== 'scale' && f.type !== 'multiple') continue;
          const counts = f.options.reduce((s, o) => s + o.count, 0);
          const shares = f.options.reduce((s, o) => s + o.share, 0);
          for (const o of f.options) expect(o.share >= 0 && o.share <= 1, `share ${o.share}`).toBe(true);
          if (f.type === 'multiple') {
            expect(counts).toBeGreaterThanOrEqual(f.answered);
            for (const o of f.options) expect(o.count).toBeLessThanOrEqual(f.answered);
            continue;
          }
          expect(counts).toBe(f.answered);
          expect(Math.abs(shares - (f.answered > 0 ? 1 : 0))).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('finds the median between min and max, at the sorted middle', () => {
    fc.assert(
      fc.property(round, (responses) => {
        const report = run(survey, responses, new Map(), 0);
        for (const id of ['count', 'rate']) {
          const values = numbersOf(survey, responses, id);
          const f = report.questions.find((q) => q.questionId === id)?.figures;
          if (!f || (f.type !== 'number' && f.type !== 'scale')) throw new Error(`no figures for ${id}`);
          expect(f.answered).toBe(values.length);
          if (values.length === 0) {
            expect([f.median, f.mean]).toEqual([null, null]);
            continue;
          }
          expect(f.median).toBe(sortedMiddle(values));
          expect(f.median).toBeGreaterThanOrEqual(Math.min(...values));
          expect(f.median).toBeLessThanOrEqual(Math.max(...values));
          expect(f.mean).toBeGreaterThanOrEqual(Math.min(...values));
          expect(f.mean).toBeLessThanOrEqual(Math.max(...values));
        }
      }),
    );
  });

  it('withholds every school below the minimum group size, and others only so that the withheld cannot be worked out', () => {
    fc.assert(
      fc.property(round, audience, minGroupSize, (responses, map, min) => {
        const report = run(survey, responses, map, min);
        const withoutSchool = responses.filter((r) => r.schoolId === null).length;
        const small = report.schools.filter((s) => s.responses < min).reduce((n, s) => n + s.responses, withoutSchool);
        const withheld = report.schools.filter((s) => s.suppressed).reduce((n, s) => n + s.responses, withoutSchool);
        const allWithheld = report.schools.every((s) => s.suppressed || s.responses === 0);
        expect(withheld === 0 || withheld >= min || allWithheld, `withheld ${withheld} of min ${min}`).toBe(true);
        for (const school of report.schools) {
          const count = responses.filter((r) => r.schoolId === school.schoolId).length;
          expect(school.responses).toBe(count);
          if (count < min) expect(school.suppressed).toBe(true);
          if (small === 0 || small >= min) expect(school.suppressed).toBe(count < min);
          for (const q of report.questions) {
            const entry = q.bySchool.find((s) => s.schoolId === school.schoolId);
            expect(entry?.suppressed).toBe(school.suppressed);
            if (entry?.suppressed) expect(Object.keys(entry).sort()).toEqual(['schoolId', 'suppressed']);
          }
        }
      }),
    );
  });

  it('keeps response rates within 0..1, and null only for an empty audience', () => {
    fc.assert(
      fc.property(round, audience, (responses, map) => {
        const report = run(survey, responses, map, 3);
        for (const rate of [report.overall, ...report.schools]) {
          if (rate.audience === 0) expect(rate.rate).toBeNull();
          else expect(rate.rate !== null && rate.rate >= 0 && rate.rate <= 1, `rate ${rate.rate}`).toBe(true);
        }
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 10000 }), (responded, total) => {
        const rate = responseRate(responded, total);
        expect(rate).not.toBeNull();
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('adds up school figures to the overall ones when every response has a school and none is withheld', () => {
    fc.assert(
      fc.property(fc.array(response.map((r) => ({ ...r, schoolId: r.schoolId ?? 1 })), { maxLength: 40 }), (responses) => {
        const report = run(survey, responses, new Map(), 0);
        for (const q of report.questions) {
          const bySchool = q.bySchool.reduce((s, e) => s + (e.suppressed ? 0 : e.figures.answered), 0);
          expect(bySchool).toBe(q.figures.answered);
        }
      }),
    );
  });

  it('never attributes an anonymous quote to a school', () => {
    const anonymous = flatSurvey(true);
    fc.assert(
      fc.property(round, (responses) => {
        for (const f of allFigures(run(anonymous, responses, new Map(), 0))) if (f.type === 'text') for (const t of f.texts) expect(t.schoolId).toBeNull();
      }),
    );
  });

  it('counts no more answers than times a question was asked, with show-if rules in play', () => {
    const conditional = sampleSurvey();
    fc.assert(
      fc.property(round, (responses) => {
        const report = run(conditional, responses, new Map(), 0);
        for (const q of report.questions) {
          expect(q.figures.answered).toBeLessThanOrEqual(q.asked);
          expect(q.asked).toBeLessThanOrEqual(responses.length);
        }
      }),
    );
  });
});
