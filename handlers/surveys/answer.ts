// The pure rules of answering a survey, for the chat dialog to call: which
// questions a person sees given their answers so far, which comes next, and
// whether a pressed button or a typed message is an acceptable answer. Errors
// are locale keys with arguments; the dialog translates them.
import type { Answers, AnswerValue, DateQuestion, MultipleQuestion, NumberQuestion, OptionQuestion, Question, ScaleQuestion, SurveyDefinition, TextQuestion } from './types.js';
import { readDate, readNumber } from '../core/read-input.js';
import { normalizeRu } from '../core/text.js';
import { conditionHolds } from './show-if.js';

/** Every error key validateAnswer can return; the locales must define each. */
export const answerErrorKeys = [
  'survey-error-required',
  'survey-error-choose-option',
  'survey-error-choose-at-least',
  'survey-error-choose-at-most',
  'survey-error-scale-range',
  'survey-error-not-a-number',
  'survey-error-not-an-integer',
  'survey-error-number-range',
  'survey-error-text-too-long',
  'survey-error-write-text',
  'survey-error-date',
] as const;

export type AnswerErrorKey = (typeof answerErrorKeys)[number];

export interface AnswerError {
  key: AnswerErrorKey;
  args?: Record<string, string | number>;
}

export type AnswerResult = { ok: true; value: AnswerValue } | { ok: false; error: AnswerError };

/** What arrived: a pressed button's value, typed text, or the "skip" button of an optional question. */
export type RawAnswer = { kind: 'choice'; value: string | number | boolean | string[] } | { kind: 'text'; text: string } | { kind: 'skip' };

export interface AnswerContext {
  /** Today's ISO date in the municipality's zone; lets "12.03" mean this year's 12 March. */
  today?: string;
}

/**
 * The questions a person sees, in order. A question hidden by its rule hides
 * its answer too, so a rule that points at a hidden question never holds,
 * even if an answer is left over from before the person changed their mind.
 */
export function visibleQuestions(survey: SurveyDefinition, answers: Answers): Question[] {
  const shown = new Set<string>();
  return survey.questions.filter((question) => {
    const rule = question.showIf;
    const visible = !rule || (shown.has(rule.question) && conditionHolds(rule, answers[rule.question]));
    if (visible) shown.add(question.id);
    return visible;
  });
}

/** The answers that count: those to visible questions, without leftovers from hidden ones. */
export function effectiveAnswers(survey: SurveyDefinition, answers: Answers): Record<string, AnswerValue> {
  const kept: Record<string, AnswerValue> = {};
  for (const question of visibleQuestions(survey, answers)) {
    const value = answers[question.id];
    if (value !== undefined) kept[question.id] = value;
  }
  return kept;
}

/**
 * The question to ask next, or null when the survey is done. After `afterId`
 * it is the next visible question in order; without it (or when `afterId` is
 * no longer in the survey, after a definition changed mid-dialog) it is the
 * first visible question not yet answered. A skip (null) counts as answered.
 */
export function nextQuestion(survey: SurveyDefinition, answers: Answers, afterId?: string): Question | null {
  const visible = visibleQuestions(survey, answers);
  const position = afterId === undefined ? -1 : survey.questions.findIndex((q) => q.id === afterId);
  if (position >= 0) return visible.find((q) => survey.questions.indexOf(q) > position) ?? null;
  return visible.find((q) => answers[q.id] === undefined) ?? null;
}

/** True when every visible question has an answer and no required one was skipped. */
export function isComplete(survey: SurveyDefinition, answers: Answers): boolean {
  return visibleQuestions(survey, answers).every((q) => answers[q.id] !== undefined && (answers[q.id] !== null || !q.required));
}

type Given = Exclude<RawAnswer, { kind: 'skip' }>;

const accept = (value: AnswerValue): AnswerResult => ({ ok: true, value });
const refuse = (key: AnswerErrorKey, args?: Record<string, string | number>): AnswerResult => ({ ok: false, error: args ? { key, args } : { key } });

/** Blank text or no options ticked: the same as pressing "skip". */
function isBlank(raw: Given): boolean {
  if (raw.kind === 'text') return raw.text.trim() === '';
  return Array.isArray(raw.value) && raw.value.length === 0;
}

/** Checks one answer against its question and returns the value to store (null for a skip). */
export function validateAnswer(question: Question, raw: RawAnswer, context: AnswerContext = {}): AnswerResult {
  if (raw.kind === 'skip' || isBlank(raw)) return question.required ? refuse('survey-error-required') : accept(null);
  switch (question.type) {
    case 'single':
      return single(question, raw);
    case 'multiple':
      return multiple(question, raw);
    case 'scale':
      return scale(question, raw);
    case 'number':
      return number(question, raw);
    case 'yesno':
      return yesno(raw);
    case 'text':
      return text(question, raw);
    case 'date':
      return date(question, raw, context);
  }
}

/** Typed text compared with labels the way people retype them: case, "ё" and extra spaces do not matter. */
function normalise(text: string): string {
  return normalizeRu(text.trim().replace(/\s+/gu, ' '));
}

/** The option whose label was typed (VK text buttons send their label as a message). */
function optionByLabel(question: OptionQuestion, typed: string): string | undefined {
  const wanted = normalise(typed);
  return question.options.find((o) => normalise(o.label) === wanted)?.value;
}

function isOption(question: OptionQuestion, value: unknown): value is string {
  return typeof value === 'string' && question.options.some((o) => o.value === value);
}

function single(question: OptionQuestion, raw: Given): AnswerResult {
  const value = raw.kind === 'text' ? optionByLabel(question, raw.text) : raw.value;
  return isOption(question, value) ? accept(value) : refuse('survey-error-choose-option');
}

function chosenValues(question: MultipleQuestion, raw: Given): unknown[] {
  if (raw.kind === 'text') return [optionByLabel(question, raw.text)];
  return Array.isArray(raw.value) ? raw.value : [raw.value];
}

/** Chosen values are kept in the order of the options, each once. */
function multiple(question: MultipleQuestion, raw: Given): AnswerResult {
  const chosen = chosenValues(question, raw);
  if (!chosen.every((v) => isOption(question, v))) return refuse('survey-error-choose-option');
  const values = question.options.map((o) => o.value).filter((v) => chosen.includes(v));
  const { min = 1, max = question.options.length } = question;
  if (values.length < min) return refuse('survey-error-choose-at-least', { min });
  if (values.length > max) return refuse('survey-error-choose-at-most', { max });
  return accept(values);
}

function numeric(raw: Given): { value: number; percent: boolean } | null {
  if (raw.kind === 'text') return readNumber(raw.text);
  if (typeof raw.value === 'number') return Number.isFinite(raw.value) ? { value: raw.value, percent: false } : null;
  return typeof raw.value === 'string' ? readNumber(raw.value) : null;
}

function scale(question: ScaleQuestion, raw: Given): AnswerResult {
  const read = numeric(raw);
  const ok = read !== null && !read.percent && Number.isInteger(read.value) && read.value >= question.min && read.value <= question.max;
  return ok ? accept(read.value) : refuse('survey-error-scale-range', { min: question.min, max: question.max });
}

/** A percent sign is read only where percent is the unit: "15%" pupils is a misunderstanding, not 15 pupils. */
function number(question: NumberQuestion, raw: Given): AnswerResult {
  const read = numeric(raw);
  if (read === null || (read.percent && question.unit !== 'percent')) return refuse('survey-error-not-a-number');
  if (question.integer && !Number.isInteger(read.value)) return refuse('survey-error-not-an-integer');
  if (read.value < question.min || read.value > question.max) {
    return refuse('survey-error-number-range', { min: question.min, max: question.max, unit: question.unit ?? 'none' });
  }
  return accept(read.value);
}

/** Typed yes and no, as people write them in reply to a yes/no button question. */
const YES = new Set(['да', 'yes', 'д', 'y']);
const NO = new Set(['нет', 'no', 'н', 'n']);

function yesno(raw: Given): AnswerResult {
  if (raw.kind === 'choice') return typeof raw.value === 'boolean' ? accept(raw.value) : refuse('survey-error-choose-option');
  const typed = normalise(raw.text).replace(/[.!]+$/u, '');
  if (YES.has(typed)) return accept(true);
  if (NO.has(typed)) return accept(false);
  return refuse('survey-error-choose-option');
}

/** Length is counted in characters a person sees (code points), so an emoji is one. */
function text(question: TextQuestion, raw: Given): AnswerResult {
  if (raw.kind !== 'text') return refuse('survey-error-write-text');
  const value = raw.text.trim();
  const length = [...value].length;
  if (length > question.maxLength) return refuse('survey-error-text-too-long', { max: question.maxLength, length });
  return accept(value);
}

function date(_question: DateQuestion, raw: Given, context: AnswerContext): AnswerResult {
  const written = raw.kind === 'text' ? raw.text : raw.value;
  const iso = typeof written === 'string' ? readDate(written, context.today) : null;
  return iso ? accept(iso) : refuse('survey-error-date');
}
