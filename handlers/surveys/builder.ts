// Building a survey step by step in chat: a title, named or anonymous, for a
// school or for each person, then questions one by one (type, wording,
// options or bounds, required or not). The result is validated like a file
// would be, stored, and can be launched right away.
import { createSurvey } from '../../db/repos/surveys.js';
import { requireAdminOf } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef, StepOutcome } from '../core/dialog.js';
import type { Outcome } from '../core/router.js';
import { parseSurveyDefinition } from './definition.js';
import type { QuestionType } from './types.js';

type Draft = { type: QuestionType; text?: string; options?: string[]; min?: number; max?: number };

export type BuilderData = {
  municipalityId: number;
  title?: string;
  anonymous?: boolean;
  level?: 'school' | 'person';
  questions: Record<string, unknown>[];
  draft?: Draft;
};

const types: QuestionType[] = ['single', 'multiple', 'scale', 'number', 'yesno', 'text', 'date'];
const MAX_QUESTIONS = 30;

function finishQuestion(data: BuilderData, required: boolean): StepOutcome<BuilderData> {
  const d = data.draft;
  if (!d?.text) return { next: 'type', data };
  const id = `q${data.questions.length + 1}`;
  const question: Record<string, unknown> = { id, type: d.type, text: d.text, required };
  if (d.options) question.options = d.options.map((label, i) => ({ value: `o${i + 1}`, label }));
  if (d.type === 'scale' || d.type === 'number') Object.assign(question, { min: d.min, max: d.max });
  return { next: 'type', data: { ...data, questions: [...data.questions, question], draft: undefined } };
}

export function builderDialog(launch: (ctx: Ctx, municipalityId: number, surveyId: number) => Outcome): DialogDef<BuilderData> {
  return {
    name: 'survey-builder',
    version: 1,
    first: 'title',
    steps: {
      title: {
        prompt: (ctx) => ({ text: ctx.t('builder-ask-title'), acceptsText: true }),
        accept: (ctx, data, answer) => {
          const title = answer.kind === 'text' ? answer.text.trim() : '';
          return title.length >= 3 && title.length <= 200 ? { next: 'anonymous', data: { ...data, title } } : { reask: ctx.t('builder-title-invalid') };
        },
      },
      anonymous: {
        prompt: (ctx) => ({ text: ctx.t('builder-ask-anonymous'), choices: [[{ label: ctx.t('builder-named'), value: 'named' }, { label: ctx.t('builder-anonymous'), value: 'anonymous' }]] }),
        accept: (ctx, data, answer) =>
          answer.kind === 'choice' ? { next: 'level', data: { ...data, anonymous: answer.value === 'anonymous' } } : { reask: ctx.t('dialog-choose-button') },
      },
      level: {
        prompt: (ctx) => ({ text: ctx.t('builder-ask-level'), choices: [[{ label: ctx.t('builder-level-person'), value: 'person' }], [{ label: ctx.t('builder-level-school'), value: 'school' }]] }),
        accept: (ctx, data, answer) =>
          answer.kind === 'choice' && (answer.value === 'person' || answer.value === 'school')
            ? { next: 'type', data: { ...data, level: answer.value } }
            : { reask: ctx.t('dialog-choose-button') },
      },
      type: {
        prompt: (ctx, data) => ({
          text: ctx.t('builder-ask-type', { count: data.questions.length }),
          choices: [
            ...[types.slice(0, 4), types.slice(4)].map((row) => row.map((t) => ({ label: ctx.t(`builder-type-${t}`), value: t }))),
            ...(data.questions.length > 0 ? [[{ label: ctx.t('builder-finish'), value: 'finish' }]] : []),
          ],
        }),
        accept: (ctx, data, answer) => {
          if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
          if (answer.value === 'finish') return finish(ctx, data, launch);
          const type = types.find((t) => t === answer.value);
          if (!type) return { reask: ctx.t('dialog-choose-button') };
          if (data.questions.length >= MAX_QUESTIONS) return { reask: ctx.t('builder-too-many', { max: MAX_QUESTIONS }) };
          return { next: 'text', data: { ...data, draft: { type } } };
        },
      },
      text: {
        prompt: (ctx) => ({ text: ctx.t('builder-ask-text'), acceptsText: true }),
        accept: (ctx, data, answer) => {
          const text = answer.kind === 'text' ? answer.text.trim() : '';
          if (text.length < 3 || text.length > 1000 || !data.draft) return { reask: ctx.t('builder-text-invalid') };
          const draft = { ...data.draft, text };
          const next = draft.type === 'single' || draft.type === 'multiple' ? 'options' : draft.type === 'scale' || draft.type === 'number' ? 'range' : 'required';
          return { next, data: { ...data, draft } };
        },
      },
      options: {
        prompt: (ctx) => ({ text: ctx.t('builder-ask-options'), acceptsText: true }),
        accept: (ctx, data, answer) => {
          const options = answer.kind === 'text' ? answer.text.split(/[;\n]+/).map((o) => o.trim()).filter(Boolean) : [];
          if (options.length < 2 || options.length > 12 || options.some((o) => o.length > 40) || !data.draft) return { reask: ctx.t('builder-options-invalid') };
          return { next: 'required', data: { ...data, draft: { ...data.draft, options } } };
        },
      },
      range: {
        prompt: (ctx, data) => ({ text: ctx.t(data.draft?.type === 'scale' ? 'builder-ask-scale' : 'builder-ask-range'), acceptsText: true }),
        accept: (ctx, data, answer) => {
          const m = answer.kind === 'text' ? /^\s*(-?\d+)\s*[-–—…]+\s*(-?\d+)\s*$/.exec(answer.text) : null;
          const min = Number(m?.[1]);
          const max = Number(m?.[2]);
          const scale = data.draft?.type === 'scale';
          if (!m || !data.draft || min >= max || (scale && max - min > 10)) return { reask: ctx.t(scale ? 'builder-ask-scale' : 'builder-ask-range') };
          return { next: 'required', data: { ...data, draft: { ...data.draft, min, max } } };
        },
      },
      required: {
        prompt: (ctx) => ({ text: ctx.t('builder-ask-required'), choices: [[{ label: ctx.t('builder-required'), value: 'yes' }, { label: ctx.t('builder-optional'), value: 'no' }]] }),
        accept: (ctx, data, answer) => (answer.kind === 'choice' ? finishQuestion(data, answer.value === 'yes') : { reask: ctx.t('dialog-choose-button') }),
      },
    },
  };
}

function finish(ctx: Ctx, data: BuilderData, launch: (ctx: Ctx, municipalityId: number, surveyId: number) => Outcome): StepOutcome<BuilderData> {
  const coordinator = requireAdminOf(ctx, data.municipalityId);
  const key = `custom-${ctx.deps.clock.now().getTime().toString(36)}`;
  const parsed = parseSurveyDefinition({ key, title: data.title, anonymous: data.anonymous ?? false, level: data.level ?? 'person', questions: data.questions });
  if (!parsed.ok) return { reask: ctx.t('survey-file-problems', { problems: parsed.problems.slice(0, 10).join('\n') }) };
  const survey = createSurvey(ctx.deps.db, { municipalityId: data.municipalityId, key, title: parsed.survey.title, definition: { ...parsed.survey }, createdBy: coordinator.id });
  return { done: launch(ctx, data.municipalityId, survey.id) };
}
