// Survey definitions: a good one parses with its defaults filled in, and each
// kind of mistake a coordinator can make comes back as a readable problem.
import { describe, expect, it } from 'vitest';
import { loadSurveyFile, parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import { sampleInput } from './sample-survey.js';

type Input = typeof sampleInput;
type QuestionInput = Record<string, unknown>;

function withQuestions(...questions: QuestionInput[]): Input {
  return { ...sampleInput, questions: questions as Input['questions'] };
}

function problemsOf(input: unknown): string[] {
  const parsed = parseSurveyDefinition(input);
  return parsed.ok ? [] : parsed.problems;
}

const yesno = { id: 'ok', type: 'yesno', text: 'Да или нет?' };
const single = { id: 'pick', type: 'single', text: 'Выберите', options: [{ value: 'a', label: 'А' }, { value: 'b', label: 'Б' }] };
const scale = { id: 'rate', type: 'scale', text: 'Оцените', min: 1, max: 5 };

describe('parseSurveyDefinition', () => {
  it('accepts a valid survey and fills in defaults', () => {
    const parsed = parseSurveyDefinition(sampleInput);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const [first] = parsed.survey.questions;
    expect(first?.required).toBe(true);
    const plain = parseSurveyDefinition(withQuestions({ id: 'n', type: 'number', text: 'Число', min: 0, max: 9 }, { id: 't', type: 'text', text: 'Текст' }));
    expect(plain.ok && plain.survey.questions).toMatchObject([
      { integer: false, unit: null, required: true },
      { maxLength: 500 },
    ]);
  });

  it.each([
    ['not an object', 'survey', /expected object/i],
    ['a missing title', { ...sampleInput, title: undefined }, /^title: /],
    ['a bad key', { ...sampleInput, key: 'Мой опрос' }, /^key: must be a slug/],
    ['an unknown level', { ...sampleInput, level: 'district' }, /^level: /],
    ['no questions', withQuestions(), /^questions: needs at least one question/],
    ['an unknown question type', withQuestions({ id: 'x', type: 'slider', text: 'Т' }), /^questions\[0\]/],
    ['a bad question id', withQuestions({ ...yesno, id: 'Вопрос 1' }), /^questions\[0\]\.id: must be a short slug/],
    ['an empty question text', withQuestions({ ...yesno, text: '  ' }), /^questions\[0\]\.text: must not be empty/],
    ['an unknown field', withQuestions({ ...yesno, colour: 'red' }), /^questions\[0\]/],
    ['one option', withQuestions({ ...single, options: [{ value: 'a', label: 'А' }] }), /options: needs at least 2 options/],
    ['13 options', withQuestions({ ...single, options: Array.from({ length: 13 }, (_, i) => ({ value: `o${i}`, label: `${i}` })) }), /options: allows at most 12/],
    ['a long label', withQuestions({ ...single, options: [{ value: 'a', label: 'А'.repeat(41) }, { value: 'b', label: 'Б' }] }), /options\[0\]\.label: must be at most 40 characters/],
    ['a 40-character label is fine', withQuestions({ ...single, options: [{ value: 'a', label: 'А'.repeat(40) }, { value: 'b', label: 'Б' }] }), null],
    ['duplicate option values', withQuestions({ ...single, options: [{ value: 'a', label: 'А' }, { value: 'a', label: 'Б' }] }), /option value "a" is used twice/],
    ['duplicate question ids', withQuestions(yesno, { ...yesno, text: 'Ещё раз?' }), /question id "ok" is used twice/],
    ['scale min above max', withQuestions({ ...scale, min: 5, max: 1 }), /min \(5\) must be less than max \(1\)/],
    ['a scale of 12 points', withQuestions({ ...scale, min: 0, max: 11 }), /at most 11 points/],
    ['a fractional scale', withQuestions({ ...scale, max: 4.5 }), /questions\[0\]\.max/],
    ['number min above max', withQuestions({ id: 'n', type: 'number', text: 'Ч', min: 10, max: 1 }), /min \(10\) is greater than max \(1\)/],
    ['an unknown unit', withQuestions({ id: 'n', type: 'number', text: 'Ч', min: 0, max: 1, unit: 'kg' }), /questions\[0\]\.unit/],
    ['multiple min above max', withQuestions({ ...single, type: 'multiple', min: 2, max: 1 }), /min \(2\) is greater than max \(1\)/],
    ['multiple max above options', withQuestions({ ...single, type: 'multiple', max: 3 }), /max \(3\) is more than the number of options \(2\)/],
    ['text length over 4000', withQuestions({ id: 't', type: 'text', text: 'Т', maxLength: 5000 }), /maxLength: must be at most 4000/],
  ])('reports %s', (_name, input, expected) => {
    const problems = problemsOf(input);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.some((p) => expected.test(p)), problems.join('\n')).toBe(true);
  });

  it.each([
    ['an unknown question', { question: 'nope', equals: true }, /refers to "nope", which is not a question of this survey/],
    ['a later question', { question: 'pick', equals: 'a' }, /refers to "pick", which is not an earlier question/],
    ['itself', { question: 'self', equals: true }, /refers to "self", which is not an earlier question/],
    ['no condition', { question: 'ok' }, /needs a condition/],
    ['a string for yes/no', { question: 'ok', equals: 'да' }, /"ok" is a yes\/no question/],
    ['a boolean for a choice', { question: 'rate', equals: true }, /"rate" stores numbers/],
    ['an unknown option', { question: 'first-pick', equals: 'z' }, /"first-pick" has no option "z"/],
    ['an unknown option in a list', { question: 'first-pick', in: ['a', 'z'] }, /"first-pick" has no option "z"/],
    ['a point off the scale', { question: 'rate', in: [0, 1] }, /0 is outside the scale 1..5/],
    ['gt on a choice', { question: 'first-pick', gt: 1 }, /gt and lt need a number or scale question/],
    ['gt and lt that never hold', { question: 'rate', gt: 4, lt: 2 }, /can never both hold/],
    ['a text question', { question: 'note', equals: 'да' }, /cannot depend on "note", a text question/],
  ])('refuses a show-if rule on %s', (_name, showIf, expected) => {
    const input = withQuestions(
      yesno,
      { ...single, id: 'first-pick' },
      scale,
      { id: 'note', type: 'text', text: 'Заметка' },
      { id: 'self', type: 'yesno', text: 'Сам?', showIf },
      single,
    );
    const problems = problemsOf(input);
    expect(problems.some((p) => expected.test(p)), problems.join('\n')).toBe(true);
  });

  it('accepts compatible show-if rules', () => {
    const input = withQuestions(
      yesno,
      { ...single, id: 'first-pick' },
      scale,
      { id: 'q1', type: 'yesno', text: '?', showIf: { question: 'ok', equals: false } },
      { id: 'q2', type: 'yesno', text: '?', showIf: { question: 'first-pick', in: ['a', 'b'] } },
      { id: 'q3', type: 'yesno', text: '?', showIf: { question: 'rate', gt: 1, lt: 4 } },
      { id: 'q4', type: 'yesno', text: '?', showIf: { question: 'rate', equals: 5 } },
    );
    expect(problemsOf(input)).toEqual([]);
  });

  it('reports every problem at once, with its place', () => {
    const problems = problemsOf({ ...sampleInput, key: 'Bad', questions: [{ ...yesno, id: 'A' }, { ...single, options: [] }] });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^key: /), expect.stringMatching(/^questions\[0\]\.id: /), expect.stringMatching(/^questions\[1\]\.options: /)]));
  });
});

describe('loadSurveyFile', () => {
  it('reads YAML and JSON alike', () => {
    const yaml = ['key: short', 'title: Коротко', 'anonymous: true', 'level: school', 'questions:', '  - { id: ok, type: yesno, text: Всё хорошо? }'].join('\n');
    const fromYaml = loadSurveyFile(yaml, 'yaml');
    const fromJson = loadSurveyFile(JSON.stringify({ key: 'short', title: 'Коротко', anonymous: true, level: 'school', questions: [yesno] }), 'json');
    expect(fromYaml.ok && fromYaml.survey.questions[0]?.id).toBe('ok');
    expect(fromJson.ok && fromJson.survey.level).toBe('school');
  });

  it('reports a syntax error as a problem, not an exception', () => {
    expect(loadSurveyFile('{ "key": ', 'json')).toEqual({ ok: false, problems: [expect.stringMatching(/^the file is not valid JSON: /)] });
    expect(loadSurveyFile('key: [unclosed', 'yaml')).toEqual({ ok: false, problems: [expect.stringMatching(/^the file is not valid YAML: /)] });
  });
});
