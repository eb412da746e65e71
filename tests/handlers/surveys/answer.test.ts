// Answer validation, as tables: what a person may press or type for each kind
// of question, and the error key (with arguments) the dialog translates when
// the answer does not fit.
import { describe, expect, it } from 'vitest';
import { answerErrorKeys, validateAnswer, type RawAnswer } from '../../../handlers/surveys/answer.js';
import { parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import type { Question } from '../../../handlers/surveys/types.js';
import { readDate, readNumber } from '../../../handlers/core/read-input.js';
import { questionOf, sampleSurvey } from './sample-survey.js';

const survey = sampleSurvey();
const text = (t: string): RawAnswer => ({ kind: 'text', text: t });
const choice = (value: string | number | boolean | string[]): RawAnswer => ({ kind: 'choice', value });

function question(input: Record<string, unknown>): Question {
  const parsed = parseSurveyDefinition({ key: 'one', title: 'Один вопрос', anonymous: false, level: 'person', questions: [{ id: 'q', text: 'Вопрос?', ...input }] });
  if (!parsed.ok || !parsed.survey.questions[0]) throw new Error(parsed.ok ? 'no question' : parsed.problems.join('\n'));
  return parsed.survey.questions[0];
}

describe('readNumber', () => {
  it.each([
    ['12', 12, false],
    ['12,5', 12.5, false],
    ['12.5', 12.5, false],
    [' 1 200 ', 1200, false],
    ['1\u00a0200,75', 1200.75, false],
    ['12 345 678', 12345678, false],
    ['-3', -3, false],
    ['15%', 15, true],
    ['15 %', 15, true],
    ['0,5%', 0.5, true],
  ])('reads %j as %d', (input, value, percent) => {
    expect(readNumber(input)).toEqual({ value, percent });
  });

  it.each(['', 'двенадцать', '12 5', '1 20', '12,', ',5', '12.5.1', '1e3', '12 часов', 'около 5', '5-7', '0x10', '%'])('refuses %j', (input) => {
    expect(readNumber(input)).toBeNull();
  });
});

describe('readDate', () => {
  it.each([
    ['12.03.2026', undefined, '2026-03-12'],
    ['2026-03-12', undefined, '2026-03-12'],
    ['1.3.2026', undefined, '2026-03-01'],
    ['12/03/2026', undefined, '2026-03-12'],
    ['12.03.26', undefined, '2026-03-12'],
    ['12.03.2026 г.', undefined, '2026-03-12'],
    ['12.03', '2026-11-23', '2026-03-12'],
    ['12.03.', '2025-01-01', '2025-03-12'],
    ['29.02.2028', undefined, '2028-02-29'],
  ])('reads %j (today %s) as %s', (input, today, iso) => {
    expect(readDate(input, today)).toBe(iso);
  });

  it.each([
    ['12.03', undefined],
    ['31.02.2026', undefined],
    ['29.02.2026', undefined],
    ['12.13.2026', undefined],
    ['завтра', '2026-03-01'],
    ['2026-3-40', undefined],
    ['12.03.1800', undefined],
    ['', '2026-03-01'],
  ])('refuses %j (today %s)', (input, today) => {
    expect(readDate(input, today)).toBeNull();
  });
});

describe('validateAnswer', () => {
  const hours = questionOf(survey, 'hours');
  const percent = questionOf(survey, 'knowledge');
  const organiser = questionOf(survey, 'organiser');
  const topics = questionOf(survey, 'topics');
  const confidence = questionOf(survey, 'confidence');
  const yesno = questionOf(survey, 'took-courses');
  const name = questionOf(survey, 'organiser-name');
  const finished = questionOf(survey, 'finished');
  const decimal = question({ type: 'number', min: 0, max: 10, unit: null });
  const range = { min: 1, max: 500, unit: 'hours' };

  it.each([
    ['hours', hours, text('36'), 36],
    ['hours with spaces', hours, text(' 108 '), 108],
    ['hours as a pressed number', hours, choice(72), 72],
    ['hours at the lower bound', hours, text('1'), 1],
    ['hours at the upper bound', hours, text('500'), 500],
    ['a Russian decimal comma', decimal, text('2,5'), 2.5],
    ['a decimal point', decimal, text('2.5'), 2.5],
    ['a percent', percent, text('34,5%'), 34.5],
    ['a percent without the sign', percent, text('34'), 34],
    ['an option value', organiser, choice('iro'), 'iro'],
    ['an option label typed (VK text buttons)', organiser, text('  другая   ОРГАНИЗАЦИЯ '), 'other'],
    ['several options, kept in option order', topics, choice(['exams', 'literacy']), ['literacy', 'exams']],
    ['one option of a multiple', topics, choice('digital'), ['digital']],
    ['a typed label of a multiple', topics, text('ОГЭ и ЕГЭ'), ['exams']],
    ['a repeated option, once', topics, choice(['exams', 'exams']), ['exams']],
    ['a scale point', confidence, choice(4), 4],
    ['a typed scale point', confidence, text('5'), 5],
    ['yes', yesno, choice(true), true],
    ['no', yesno, choice(false), false],
    ['a typed "Да"', yesno, text('Да!'), true],
    ['a typed "нет"', yesno, text('нет'), false],
    ['text, trimmed', name, text('  ИРО  '), 'ИРО'],
    ['text of exactly 20 characters', name, text('я'.repeat(20)), 'я'.repeat(20)],
    ['emoji counted as one character', name, text('👍'.repeat(20)), '👍'.repeat(20)],
    ['a date', finished, text('12.03.2026'), '2026-03-12'],
    ['an ISO date', finished, text('2026-03-12'), '2026-03-12'],
    ['a date without a year', finished, text('12.03'), '2026-03-12'],
    ['a skipped optional question', finished, { kind: 'skip' } as RawAnswer, null],
    ['empty text on an optional question', percent, text('   '), null],
  ])('accepts %s', (_name, q, raw, value) => {
    expect(validateAnswer(q, raw, { today: '2026-11-23' })).toEqual({ ok: true, value });
  });

  it.each([
    ['hours below the range', hours, text('0'), 'survey-error-number-range', range],
    ['hours above the range', hours, text('1 000'), 'survey-error-number-range', range],
    ['a pressed number out of range', hours, choice(501), 'survey-error-number-range', range],
    ['fractional hours', hours, text('12,5'), 'survey-error-not-an-integer', undefined],
    ['a percent sign on hours', hours, text('15%'), 'survey-error-not-a-number', undefined],
    ['words for a number', hours, text('много'), 'survey-error-not-a-number', undefined],
    ['a number with a unit word', hours, text('36 часов'), 'survey-error-not-a-number', undefined],
    ['a percent over 100', percent, text('120%'), 'survey-error-number-range', { min: 0, max: 100, unit: 'percent' }],
    ['a number without a unit', decimal, text('11'), 'survey-error-number-range', { min: 0, max: 10, unit: 'none' }],
    ['text where a choice is expected', organiser, text('Не помню'), 'survey-error-choose-option', undefined],
    ['an unknown option value', organiser, choice('academy'), 'survey-error-choose-option', undefined],
    ['a number where a choice is expected', organiser, choice(1), 'survey-error-choose-option', undefined],
    ['text where several choices are expected', topics, text('всё сразу'), 'survey-error-choose-option', undefined],
    ['one unknown among choices', topics, choice(['exams', 'cooking']), 'survey-error-choose-option', undefined],
    ['too many choices', topics, choice(['exams', 'literacy', 'digital']), 'survey-error-choose-at-most', { max: 2 }],
    ['a point off the scale', confidence, choice(6), 'survey-error-scale-range', { min: 1, max: 5 }],
    ['a fractional scale point', confidence, text('3,5'), 'survey-error-scale-range', { min: 1, max: 5 }],
    ['words on a scale', confidence, text('хорошо'), 'survey-error-scale-range', { min: 1, max: 5 }],
    ['a maybe for yes/no', yesno, text('может быть'), 'survey-error-choose-option', undefined],
    ['a string pressed for yes/no', yesno, choice('yes'), 'survey-error-choose-option', undefined],
    ['text that is too long', name, text('я'.repeat(21)), 'survey-error-text-too-long', { max: 20, length: 21 }],
    ['a button where text is expected', name, choice('other'), 'survey-error-write-text', undefined],
    ['a date that does not exist', finished, text('31.02.2026'), 'survey-error-date', undefined],
    ['words for a date', finished, text('в прошлом месяце'), 'survey-error-date', undefined],
    ['skipping a required question', hours, { kind: 'skip' } as RawAnswer, 'survey-error-required', undefined],
    ['empty text for a required question', name, text(' '), 'survey-error-required', undefined],
    ['no choices for a required multiple', topics, choice([]), 'survey-error-required', undefined],
  ])('refuses %s', (_name, q, raw, key, args) => {
    const result = validateAnswer(q, raw, { today: '2026-11-23' });
    expect(result).toEqual({ ok: false, error: args ? { key, args } : { key } });
    expect(answerErrorKeys).toContain(key);
  });

  it('needs today to read a date without a year', () => {
    expect(validateAnswer(finished, text('12.03'))).toEqual({ ok: false, error: { key: 'survey-error-date' } });
  });

  it('asks for at least the minimum of a multiple choice', () => {
    const atLeastTwo = question({ type: 'multiple', min: 2, options: [{ value: 'a', label: 'А' }, { value: 'b', label: 'Б' }, { value: 'c', label: 'В' }] });
    expect(validateAnswer(atLeastTwo, choice(['a']))).toEqual({ ok: false, error: { key: 'survey-error-choose-at-least', args: { min: 2 } } });
    expect(validateAnswer(atLeastTwo, choice(['c', 'a']))).toEqual({ ok: true, value: ['a', 'c'] });
  });

  it('lists each error key once', () => {
    expect(new Set(answerErrorKeys).size).toBe(answerErrorKeys.length);
    for (const key of answerErrorKeys) expect(key).toMatch(/^survey-error-[a-z-]+$/);
  });
});
