// Reading a monitoring survey: the schema of types.ts, plus the checks a
// schema alone cannot express (unique ids, show-if rules pointing backwards
// at a question they can test). Problems come back as readable lines, so a
// coordinator can fix a file without reading a stack trace. An uploaded file
// is parsed in the document worker; the shipped templates, read at start-up,
// in this thread.
import { parse as parseYaml } from 'yaml';
import { DocumentReadError, MAX_YAML_ALIASES } from '../core/documents/limits.js';
import { parseDocument } from '../core/documents/parse-document.js';
import type { z } from 'zod';
import { showIfProblems } from './show-if.js';
import { surveySchema, type Question, type SurveyDefinition } from './types.js';

// Importers outside the feature still read these types here; new code imports types.js.
export type { AnswerValue, SurveyDefinition } from './types.js';

export type SurveyParseResult = { ok: true; survey: SurveyDefinition } | { ok: false; problems: string[] };

/** Where in the input a problem is, written the way a person reads a file: questions[2].options[0].label. */
function where(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function issueLine(issue: z.core.$ZodIssue): string {
  const at = where(issue.path);
  return at ? `${at}: ${issue.message}` : issue.message;
}

function questionProblems(question: Question, index: number): string[] {
  const at = `questions[${index}] "${question.id}"`;
  const problems: string[] = [];
  if (question.type === 'single' || question.type === 'multiple') {
    const values = question.options.map((o) => o.value);
    for (const value of duplicates(values)) problems.push(`${at}: option value "${value}" is used twice`);
  }
  if (question.type === 'multiple') {
    const { min = 1, max = question.options.length } = question;
    if (min > max) problems.push(`${at}: min (${min}) is greater than max (${max})`);
    if (max > question.options.length) problems.push(`${at}: max (${max}) is more than the number of options (${question.options.length})`);
  }
  if (question.type === 'scale') {
    if (question.min >= question.max) problems.push(`${at}: min (${question.min}) must be less than max (${question.max})`);
    else if (question.max - question.min > 10) problems.push(`${at}: a scale has at most 11 points, ${question.min}..${question.max} has ${question.max - question.min + 1}`);
  }
  if (question.type === 'number' && question.min > question.max) problems.push(`${at}: min (${question.min}) is greater than max (${question.max})`);
  return problems;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}

/** Checks that need the whole survey: per-question ranges, unique ids, show-if rules. */
export function surveyProblems(survey: SurveyDefinition): string[] {
  const ids = survey.questions.map((q) => q.id);
  return [
    ...survey.questions.flatMap(questionProblems),
    ...duplicates(ids).map((id) => `question id "${id}" is used twice`),
    ...showIfProblems(survey.questions),
  ];
}

export function parseSurveyDefinition(input: unknown): SurveyParseResult {
  const parsed = surveySchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(issueLine) };
  const problems = surveyProblems(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, survey: parsed.data };
}

export type SurveyFileFormat = 'json' | 'yaml';

const syntaxProblem = (format: SurveyFileFormat, reason: string | undefined) => `the file is not valid ${format.toUpperCase()}: ${reason}`;

function readSyntax(text: string, format: SurveyFileFormat): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, problem: syntaxProblem(format, reason) };
  }
}

/** Reads a survey definition from the text of a JSON or YAML file, in this thread: for the shipped templates. */
export function loadSurveyFile(text: string, format: SurveyFileFormat): SurveyParseResult {
  const read = readSyntax(text, format);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  return parseSurveyDefinition(read.value);
}

/**
 * Reads a survey file someone sent, parsed in the document worker. Throws
 * DocumentLimitError when the parse breaks a document limit (time, memory),
 * whose key and args make the refusal.
 */
export async function readSurveyFile(data: Buffer, format: SurveyFileFormat): Promise<SurveyParseResult> {
  let value: unknown;
  try {
    value = await parseDocument({ kind: format, text: data.toString('utf8') });
  } catch (error) {
    if (error instanceof DocumentReadError) return { ok: false, problems: [syntaxProblem(format, error.reason)] };
    throw error;
  }
  return parseSurveyDefinition(value);
}

/**
 * What an answer to a question means, without its wording: the type, the
 * option values, the range and the unit. Two rounds whose questions share it
 * can be compared, and a previous answer can be offered again; rewording the
 * text keeps it, a new option or another scale does not.
 */
export function answerShape(question: Question): string {
  switch (question.type) {
    case 'single':
      return JSON.stringify([question.type, question.options.map((o) => o.value)]);
    case 'multiple':
      return JSON.stringify([question.type, question.options.map((o) => o.value), question.min ?? null, question.max ?? null]);
    case 'scale':
      return JSON.stringify([question.type, question.min, question.max]);
    case 'number':
      return JSON.stringify([question.type, question.min, question.max, question.integer, question.unit]);
    case 'text':
      return JSON.stringify([question.type, question.maxLength]);
    default:
      return JSON.stringify([question.type]);
  }
}

/** Whether an answer to one question means the same as an answer to the other (see answerShape). */
export function sameShape(a: Question | undefined, b: Question | undefined): boolean {
  return a !== undefined && b !== undefined && answerShape(a) === answerShape(b);
}
