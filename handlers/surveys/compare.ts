// Change over time: the rounds of one survey (entry, intermediate, final; or
// term after term) compared per school and per question. A scale or number
// question compares its mean, a choice the share of each option; free text
// and dates are not compared. Each round is aggregated on its own by
// aggregate.ts, so a school/round cell hidden there (too few responses, or
// hidden so that the total minus the shown schools gives nothing away) is
// hidden here too, and left out of every change. Nothing here links one
// round's response to another's: only aggregates are compared, which is all an
// anonymous survey allows.
import { aggregate, type QuestionReport, type SurveyResponse } from './aggregate.js';
import { sameShape } from './definition.js';
import { round4 } from './figures.js';
import { protectsPeople, shownSchools } from './small-groups.js';
import type { Question, SurveyDefinition } from './types.js';

export interface TrendRound {
  roundId: number;
  /** How the round is named in tables: «входной», «итоговый», or its date. */
  label: string;
  survey: SurveyDefinition;
  responses: readonly SurveyResponse[];
  /** How many were asked in each school (the round's recipients). */
  audienceBySchool: ReadonlyMap<number, number>;
}

export interface TrendOptions {
  minGroupSize: number;
  /** The schools to give rows to; every school of any round when absent. */
  schools?: ReadonlySet<number>;
  /** Whether to add the row of all schools together (not for a school head, who sees only their school). */
  overall: boolean;
}

/** A row's figure in each round: null when the round has no such question, or the cell is withheld. */
interface Row {
  /** null: all schools together. */
  schoolId: number | null;
  /** Responses of this school (or in all) in each round. */
  responses: number[];
  /** Whether each round's cell is withheld as a small group (as opposed to the question missing from it). */
  withheld: boolean[];
}

export interface MeanRow extends Row {
  means: (number | null)[];
  /** Change from the previous round; null unless both are shown. */
  steps: (number | null)[];
  /** Change from the first shown round to the last shown one; null with fewer than two. */
  change: number | null;
}

export interface ShareRow extends Row {
  /** Per round, the share (0..1) of each option in the order of `options`; null when withheld or not asked. */
  shares: (number[] | null)[];
  /** Per option, the change of its share from the first shown round to the last shown one. */
  change: (number | null)[];
}

export interface MeanTrend {
  kind: 'mean';
  questionId: string;
  text: string;
  question: Question;
  /** Whether each round asked this question in the same shape. */
  asked: boolean[];
  rows: MeanRow[];
}

export interface ShareTrend {
  kind: 'share';
  questionId: string;
  text: string;
  question: Question;
  asked: boolean[];
  /** Option values; yes/no questions use true and false. */
  options: (string | boolean)[];
  rows: ShareRow[];
}

export type QuestionTrend = MeanTrend | ShareTrend;

export interface Trend {
  rounds: { roundId: number; label: string }[];
  questions: QuestionTrend[];
}

const COMPARED = new Set<Question['type']>(['scale', 'number', 'single', 'multiple', 'yesno']);

/** The change between two figures, rounded like every other figure; null unless both exist. */
export function delta(from: number | null | undefined, to: number | null | undefined): number | null {
  return from === null || from === undefined || to === null || to === undefined ? null : round4(to - from);
}

/** The change from the first present value to the last, or null with fewer than two. */
function firstToLast(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length < 2 ? null : delta(present[0], present.at(-1));
}

interface Aggregated {
  round: TrendRound;
  report: ReturnType<typeof aggregate>;
  /** Responses in each school, and in all. */
  sizes: Map<number, number>;
  total: number;
  protects: boolean;
}

function aggregated(round: TrendRound, minGroupSize: number): Aggregated {
  const protects = protectsPeople(round.survey);
  // A named school-level report has nobody to hide (small-groups.ts): its schools are all shown.
  const report = aggregate(round.survey, round.responses, { minGroupSize: protects ? minGroupSize : 1, audienceBySchool: round.audienceBySchool });
  return { round, report, sizes: new Map(report.schools.map((s) => [s.schoolId, s.responses])), total: round.responses.length, protects };
}

/** One school's (or all schools') figures of a question in one round, or why there are none. */
type CellOf = { kind: 'shown'; report: QuestionReport; figures: QuestionReport['figures'] } | { kind: 'withheld' } | { kind: 'absent' };

/**
 * The schools whose figures of one question may be shown. A school shown in
 * the round may still have few answers to an optional or conditional
 * question, so the small-group rule is applied again to the answers of this
 * question: the schools the round withholds, and those without a school,
 * count together as the rest, which must be none or at least the minimum.
 */
export function shownFor(q: QuestionReport, minGroupSize: number): Set<number> {
  const bySchool = new Map<number, number>();
  for (const s of q.bySchool) if (!s.suppressed) bySchool.set(s.schoolId, s.figures.answered);
  const inShown = [...bySchool.values()].reduce((sum, n) => sum + n, 0);
  return shownSchools({ bySchool, withoutSchool: Math.max(0, q.figures.answered - inShown) }, minGroupSize);
}

function cellOf(a: Aggregated, question: Question, schoolId: number | null, minGroupSize: number): CellOf {
  const q = a.report.questions.find((x) => x.questionId === question.id);
  const own = a.round.survey.questions.find((x) => x.id === question.id);
  if (!q || !sameShape(own, question)) return { kind: 'absent' };
  if (schoolId === null) {
    // All schools together: shown only from the minimum up, like any group.
    return a.protects && Math.min(a.total, q.figures.answered) < minGroupSize ? { kind: 'withheld' } : { kind: 'shown', report: q, figures: q.figures };
  }
  const school = q.bySchool.find((s) => s.schoolId === schoolId);
  if (!school) return { kind: 'absent' };
  if (school.suppressed || (a.protects && !shownFor(q, minGroupSize).has(schoolId))) return { kind: 'withheld' };
  return { kind: 'shown', report: q, figures: school.figures };
}

function meanTrend(question: Question, rounds: readonly Aggregated[], rowIds: readonly (number | null)[], minGroupSize: number): MeanTrend {
  const rows = rowIds.map((schoolId): MeanRow => {
    const cells = rounds.map((a) => cellOf(a, question, schoolId, minGroupSize));
    const means = cells.map((c) => (c.kind === 'shown' && (c.figures.type === 'scale' || c.figures.type === 'number') ? c.figures.mean : null));
    return {
      schoolId,
      responses: rounds.map((a) => (schoolId === null ? a.total : (a.sizes.get(schoolId) ?? 0))),
      withheld: cells.map((c) => c.kind === 'withheld'),
      means,
      steps: means.map((m, i) => (i === 0 ? null : delta(means[i - 1], m))),
      change: firstToLast(means),
    };
  });
  return { kind: 'mean', questionId: question.id, text: question.text, question, asked: askedIn(question, rounds), rows };
}

function optionValues(question: Question): (string | boolean)[] {
  if (question.type === 'yesno') return [true, false];
  return question.type === 'single' || question.type === 'multiple' ? question.options.map((o) => o.value) : [];
}

function shareTrend(question: Question, rounds: readonly Aggregated[], rowIds: readonly (number | null)[], minGroupSize: number): ShareTrend {
  const options = optionValues(question);
  const rows = rowIds.map((schoolId): ShareRow => {
    const cells = rounds.map((a) => cellOf(a, question, schoolId, minGroupSize));
    const shares = cells.map((c) => {
      if (c.kind !== 'shown' || !('options' in c.figures)) return null;
      const figures = c.figures;
      // A round where nobody answered this question has no shares to compare.
      if (figures.answered === 0) return null;
      return options.map((v) => figures.options.find((o) => o.value === v)?.share ?? 0);
    });
    return {
      schoolId,
      responses: rounds.map((a) => (schoolId === null ? a.total : (a.sizes.get(schoolId) ?? 0))),
      withheld: cells.map((c) => c.kind === 'withheld'),
      shares,
      change: options.map((_, i) => firstToLast(shares.map((s) => s?.[i] ?? null))),
    };
  });
  return { kind: 'share', questionId: question.id, text: question.text, question, asked: askedIn(question, rounds), options, rows };
}

function askedIn(question: Question, rounds: readonly Aggregated[]): boolean[] {
  return rounds.map((a) => sameShape(a.round.survey.questions.find((q) => q.id === question.id), question));
}

/**
 * Compares rounds, oldest first. The questions are those of `reference` (the
 * round a reader is looking at) that can be compared and were asked in the
 * same shape in at least two rounds; rows are the schools, ascending by id,
 * then all schools together.
 */
export function compareRounds(rounds: readonly TrendRound[], reference: SurveyDefinition, options: TrendOptions): Trend {
  const all = rounds.map((r) => aggregated(r, options.minGroupSize));
  const schoolIds = [...new Set(all.flatMap((a) => a.report.schools.map((s) => s.schoolId)))].filter((id) => !options.schools || options.schools.has(id)).sort((a, b) => a - b);
  const rowIds: (number | null)[] = [...schoolIds, ...(options.overall ? [null] : [])];
  const questions = reference.questions
    .filter((q) => COMPARED.has(q.type))
    .filter((q) => askedIn(q, all).filter(Boolean).length >= 2)
    .map((q) => (q.type === 'scale' || q.type === 'number' ? meanTrend(q, all, rowIds, options.minGroupSize) : shareTrend(q, all, rowIds, options.minGroupSize)));
  return { rounds: rounds.map((r) => ({ roundId: r.roundId, label: r.label })), questions };
}
