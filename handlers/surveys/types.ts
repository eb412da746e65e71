// What a monitoring survey is made of: one zod schema for the definitions
// that coordinators upload and that the product ships as templates, and the
// types inferred from it. Apart from definition.ts (which reads and checks a
// whole definition) so that show-if.ts and the rest of the feature can use the
// types without importing the loader that imports them back.
import { z } from 'zod';

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
