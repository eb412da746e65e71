// What a monitoring survey is: one zod schema for the definitions that
// coordinators upload and that the product ships as templates, plus the checks
// a schema alone cannot express (unique ids, show-if rules pointing backwards
// at a question they can test). Problems come back as readable lines, so a
// coordinator can fix a file without reading a stack trace. An uploaded file
// is parsed in the document worker; the shipped templates, read at start-up,
// in this thread.
import { parse as parseYaml } from 'yaml';
import { DocumentReadError, MAX_YAML_ALIASES } from '../core/documents/limits.js';
import { parseDocument } from '../core/documents/parse-document.js';
import { z } from 'zod';
import { showIfProblems } from './show-if.js';

/** VK refuses button labels longer than this; Telegram is more generous. */
export const MAX_LABEL_LENGTH = 40;
export const MAX_OPTIONS = 12;
export const DEFAULT_TEXT_LENGTH = 500;

/** Ids and option values travel in button data (64 bytes), so they stay short. */
const slug = z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/, 'must be a short slug: a-z, 0-9, "-" or "_", up to 24 characters, starting with a letter');
const optionValue = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,23}$/, 'must be a short slug: a-z, 0-9, "-" or "_", up to 24 characters');
const label = z.string().trim().min(1, 'must not be empty').max(MAX_LABEL_LENGTH, `must be at most ${MAX_LABEL_LENGTH} characters (a VK button limit)`);
const finite = z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const whole = z.int({ error: 'must be a whole number' });

const units = ['hours', 'pupils', 'percent', 'people', 'count', 'rubles'] as const;
export const unitSchema = z.enum(units, { error: `must be one of ${units.join(', ')}, or null` });
export type NumberUnit = z.infer<typeof unitSchema>;

export const showIfSchema = z
  .strictObject({
    question: slug,
    equals: z.union([z.string(), finite, z.boolean()]).optional(),
    in: z.array(z.union([z.string(), finite])).min(1, 'must list at least one value').optional(),
    gt: finite.optional(),
    lt: finite.optional(),
  })
  .refine((c) => c.equals !== undefined || c.in !== undefined || c.gt !== undefined || c.lt !== undefined, 'needs a condition: equals, in, gt or lt');
/** Shows a question only when an earlier answer passes every condition given. */
export type ShowIf = z.infer<typeof showIfSchema>;

const optionSchema = z.strictObject({ value: optionValue, label });
export type ChoiceOption = z.infer<typeof optionSchema>;

const base = {
  id: slug,
  text: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  required: z.boolean().default(true),
  hint: z.string().trim().min(1).max(500).optional(),
  showIf: showIfSchema.optional(),
};

const options = z.array(optionSchema).min(2, 'needs at least 2 options').max(MAX_OPTIONS, `allows at most ${MAX_OPTIONS} options`);

const singleSchema = z.strictObject({ ...base, type: z.literal('single'), options });

const multipleSchema = z.strictObject({
  ...base,
  type: z.literal('multiple'),
  options,
  min: whole.min(1, 'must be at least 1').optional(),
  max: whole.min(1, 'must be at least 1').optional(),
});

const scaleSchema = z.strictObject({
  ...base,
  type: z.literal('scale'),
  min: whole,
  max: whole,
  minLabel: label.optional(),
  maxLabel: label.optional(),
});

const numberSchema = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: finite,
  max: finite,
  integer: z.boolean().default(false),
  unit: unitSchema.nullable().default(null),
});

const yesnoSchema = z.strictObject({ ...base, type: z.literal('yesno') });

const textSchema = z.strictObject({
  ...base,
  type: z.literal('text'),
  maxLength: whole.min(1, 'must be at least 1').max(4000, 'must be at most 4000 characters').default(DEFAULT_TEXT_LENGTH),
});

const dateSchema = z.strictObject({ ...base, type: z.literal('date') });

export const questionSchema = z.discriminatedUnion('type', [singleSchema, multipleSchema, scaleSchema, numberSchema, yesnoSchema, textSchema, dateSchema]);

export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;
export type SingleQuestion = QuestionOf<'single'>;
export type MultipleQuestion = QuestionOf<'multiple'>;
export type ScaleQuestion = QuestionOf<'scale'>;
export type NumberQuestion = QuestionOf<'number'>;
export type YesNoQuestion = QuestionOf<'yesno'>;
export type TextQuestion = QuestionOf<'text'>;
export type DateQuestion = QuestionOf<'date'>;
/** Questions answered by pressing one of a fixed list of options. */
export type OptionQuestion = SingleQuestion | MultipleQuestion;

export const surveySchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a slug: a-z, 0-9 and "-", 2 to 40 characters'),
  title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().trim().min(1).max(2000).optional(),
  anonymous: z.boolean(),
  level: z.enum(['school', 'person']),
  questions: z.array(questionSchema).min(1, 'needs at least one question').max(60, 'allows at most 60 questions'),
});

export type SurveyDefinition = z.infer<typeof surveySchema>;
export type SurveyLevel = SurveyDefinition['level'];

/**
 * One stored answer, JSON as it is: an option value or free text (string), a
 * number or scale point, yes/no, the chosen values of a multiple choice, or
 * null for an optional question the person skipped. A date is an ISO string.
 */
export type AnswerValue = string | number | boolean | string[] | null;
/** A person's answers so far, by question id; a missing id was never asked. */
export type Answers = Readonly<Record<string, AnswerValue>>;

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
