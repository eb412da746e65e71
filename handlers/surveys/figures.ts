// The figures of one question over a group of answers (all responses, or one
// school's): counts and shares per option, mean and median, the quotes of a
// text question. Kept apart from aggregate.ts, which decides which groups
// exist and which are too small to show.
//
// Exactness: counts are integers. Every other figure (share, mean, median,
// sum, rate) is rounded half up to 4 decimal places by round4. Shares of a
// single choice, yes/no and scale are apportioned in steps of 0.0001 by the
// largest-remainder method (ties go to the earlier option), so they add up to
// exactly 1 as reports expect; shares of a multiple choice are each rounded on
// their own, since one person may choose several options.
import type { AnswerValue, MultipleQuestion, Question, ScaleQuestion, SingleQuestion } from './types.js';

const UNITS = 10_000;

/** Rounds half up to 4 decimal places, the precision of every non-count figure. */
export function round4(x: number): number {
  return Math.round(x * UNITS) / UNITS;
}

/** Shares of a whole in steps of 0.0001 that add up to exactly 1 (all 0 when the whole is 0). */
export function apportion(counts: readonly number[], total: number): number[] {
  if (total <= 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * UNITS) / total));
  const order = counts.map((c, i) => ({ i, rest: (c * UNITS) % total })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  let left = UNITS - floors.reduce((s, f) => s + f, 0);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors.map((f) => f / UNITS);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round4(values.reduce((s, v) => s + v, 0) / values.length);
}

/** The middle value; of an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  const upper = sorted[half];
  if (upper === undefined) return null;
  return round4(sorted.length % 2 === 1 ? upper : ((sorted[half - 1] ?? upper) + upper) / 2);
}

export interface OptionFigure {
  value: string | number | boolean;
  /** The option's label; null for yes/no and unlabelled scale points (the caller translates those). */
  label: string | null;
  count: number;
  share: number;
}

interface Counted {
  /** Responses whose answer to this question is present and fits the question. */
  answered: number;
}

export type ChoiceFigures = Counted & { type: 'single' | 'yesno' | 'multiple'; options: OptionFigure[] };
export type ScaleFigures = Counted & { type: 'scale'; options: OptionFigure[]; mean: number | null; median: number | null };
export type NumberFigures = Counted & { type: 'number'; mean: number | null; median: number | null; min: number | null; max: number | null; sum: number };
/** Quotes, with the school unless the survey is anonymous; anonymous quotes are sorted so their order tells nothing. */
export type TextFigures = Counted & { type: 'text'; texts: { schoolId: number | null; text: string }[]; coordinatorOnly: true };
export type DateFigures = Counted & { type: 'date'; earliest: string | null; latest: string | null };
export type QuestionFigures = ChoiceFigures | ScaleFigures | NumberFigures | TextFigures | DateFigures;

/** One answer with the school it came from, as far as the caller may know it. */
export interface GroupAnswer {
  schoolId: number | null;
  value: AnswerValue | undefined;
}

function optionFigures(options: readonly Omit<OptionFigure, 'share'>[], answered: number, whole: boolean): OptionFigure[] {
  const shares = whole ? apportion(options.map((o) => o.count), answered) : options.map((o) => (answered ? round4(o.count / answered) : 0));
  return options.map((o, i) => ({ ...o, share: shares[i] ?? 0 }));
}

function countBy<T>(values: readonly T[], keys: readonly T[]): number[] {
  return keys.map((k) => values.filter((v) => v === k).length);
}

function singleFigures(question: SingleQuestion, values: readonly AnswerValue[]): ChoiceFigures {
  const given = values.filter((v): v is string => question.options.some((o) => o.value === v));
  const counts = countBy(given, question.options.map((o) => o.value));
  const options = question.options.map((o, i) => ({ value: o.value, label: o.label, count: counts[i] ?? 0 }));
  return { type: 'single', answered: given.length, options: optionFigures(options, given.length, true) };
}

function multipleFigures(question: MultipleQuestion, values: readonly AnswerValue[]): ChoiceFigures {
  const known = new Set(question.options.map((o) => o.value));
  const given = values.filter(Array.isArray).map((v) => [...new Set(v)].filter((x) => known.has(x))).filter((v) => v.length > 0);
  const options = question.options.map((o) => ({ value: o.value, label: o.label, count: given.filter((v) => v.includes(o.value)).length }));
  return { type: 'multiple', answered: given.length, options: optionFigures(options, given.length, false) };
}

function yesnoFigures(values: readonly AnswerValue[]): ChoiceFigures {
  const given = values.filter((v): v is boolean => typeof v === 'boolean');
  const counts = countBy(given, [true, false]);
  const options = [true, false].map((value, i) => ({ value, label: null, count: counts[i] ?? 0 }));
  return { type: 'yesno', answered: given.length, options: optionFigures(options, given.length, true) };
}

function scaleLabel(question: ScaleQuestion, point: number): string | null {
  if (point === question.min) return question.minLabel ?? null;
  return point === question.max ? (question.maxLabel ?? null) : null;
}

function scaleFigures(question: ScaleQuestion, values: readonly AnswerValue[]): ScaleFigures {
  const given = values.filter((v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= question.min && v <= question.max);
  const points = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  const counts = countBy(given, points);
  const options = points.map((value, i) => ({ value, label: scaleLabel(question, value), count: counts[i] ?? 0 }));
  return { type: 'scale', answered: given.length, options: optionFigures(options, given.length, true), mean: mean(given), median: median(given) };
}

function numberFigures(values: readonly AnswerValue[]): NumberFigures {
  const given = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const min = given.reduce<number | null>((m, v) => (m === null || v < m ? v : m), null);
  const max = given.reduce<number | null>((m, v) => (m === null || v > m ? v : m), null);
  const sum = round4(given.reduce((s, v) => s + v, 0));
  return { type: 'number', answered: given.length, mean: mean(given), median: median(given), min, max, sum };
}

function textFigures(answers: readonly GroupAnswer[], anonymous: boolean): TextFigures {
  const given = answers.filter((a): a is { schoolId: number | null; value: string } => typeof a.value === 'string' && a.value.trim() !== '');
  const texts = given.map((a) => ({ schoolId: anonymous ? null : a.schoolId, text: a.value }));
  if (anonymous) texts.sort((a, b) => a.text.localeCompare(b.text, 'ru') || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { type: 'text', answered: given.length, texts, coordinatorOnly: true };
}

function dateFigures(values: readonly AnswerValue[]): DateFigures {
  const given = values.filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(v)).sort();
  return { type: 'date', answered: given.length, earliest: given[0] ?? null, latest: given.at(-1) ?? null };
}

/**
 * Figures of one question over a group of answers. Missing answers, skips
 * (null) and values that no longer fit the question (an option since
 * removed, a number where a choice is expected) are not counted as answered.
 */
export function questionFigures(question: Question, answers: readonly GroupAnswer[], anonymous: boolean): QuestionFigures {
  const values = answers.map((a) => a.value ?? null);
  switch (question.type) {
    case 'single':
      return singleFigures(question, values);
    case 'multiple':
      return multipleFigures(question, values);
    case 'yesno':
      return yesnoFigures(values);
    case 'scale':
      return scaleFigures(question, values);
    case 'number':
      return numberFigures(values);
    case 'text':
      return textFigures(answers, anonymous);
    case 'date':
      return dateFigures(values);
  }
}
