// Answering a survey round in chat: one question per message, mostly taps;
// typed numbers and dates are checked with a clear re-ask; back and skip
// where allowed; a summary to confirm; the answers so far live in the dialog
// row, so a pause or a restart resumes where the person stopped. Exactly one
// response per person (or school) per round; named answers may be edited
// until the close; an anonymous response keeps no link to its author. A
// recurring named report first offers last time's answers, each to keep or
// change (prefill.ts).
import { randomUUID } from 'node:crypto';
import { findResponse, getRound, markAnswered, recipient, saveResponse, type Round } from '../../db/repos/surveys.js';
import { requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Ctx } from '../core/context.js';
import type { Choice, DialogDef, StepOutcome } from '../core/dialog.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatDay, formatIsoDay } from '../core/format.js';
import { municipalityZone, todayIn } from '../core/local-time.js';
import type { Outcome } from '../core/router.js';
import { isComplete, nextQuestion, validateAnswer, visibleQuestions, type RawAnswer } from './answer.js';
import { previousAnswers } from './prefill.js';
import { definitionOf } from './stored.js';
import { MAX_LABEL_LENGTH, type AnswerValue, type Question, type ScaleQuestion, type SurveyDefinition } from './types.js';

export const startRoundAction = defineAction('svs', idArg);

export type AnswerData = {
  roundId: number;
  answers: Record<string, AnswerValue>;
  /** The question on screen; null once every question is answered (the summary). */
  current: string | null;
  /** Questions answered, in order, for the back button. */
  trail: string[];
  /** Options ticked so far in a multiple-choice question. */
  ticked: string[];
  /** The person chose «Заполнить как в прошлый раз»: each question offers their previous answer (prefill.ts). */
  prefill?: boolean;
};

// The validated definition of a stored survey; the rest of the feature imports it from here.
export { definitionOf };

function openRound(ctx: Ctx, roundId: number): Round {
  const round = getRound(ctx.deps.db, roundId);
  if (!round) throw new UserError('gone', 'survey-gone');
  const now = ctx.deps.clock.now().getTime();
  if (round.opensAt.getTime() > now) throw new UserError('not-open', 'survey-not-open');
  if (round.closesAt.getTime() <= now) throw new UserError('closed', 'survey-closed');
  return round;
}

export function formatAnswer(ctx: Pick<Ctx, 't'>, question: Question, value: AnswerValue | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return ctx.t('survey-skipped');
  switch (question.type) {
    case 'single':
      return question.options.find((o) => o.value === value)?.label ?? String(value);
    case 'multiple':
      return (Array.isArray(value) ? value : []).map((v) => question.options.find((o) => o.value === v)?.label ?? v).join(', ');
    case 'yesno':
      return ctx.t(value ? 'survey-yes' : 'survey-no');
    case 'date':
      return typeof value === 'string' ? formatIsoDay(value) : String(value);
    case 'number':
      return question.unit ? `${String(value)} ${ctx.t(`survey-unit-${question.unit}`)}` : String(value);
    default:
      return String(value);
  }
}

/** A scale point's button: the number, and the definition's words for the ends («1 — совсем неуверенно»), within a VK label. */
function scaleLabel(point: number, words: string | undefined): string {
  if (!words) return String(point);
  const label = `${point} — ${words}`;
  return label.length <= MAX_LABEL_LENGTH ? label : `${label.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…`;
}

/** Plain points five to a row; a labelled end gets a row of its own, since its words would not fit beside the others. */
function scaleRows(question: ScaleQuestion): Choice[][] {
  const choice = (p: number): Choice => ({ label: scaleLabel(p, p === question.min ? question.minLabel : p === question.max ? question.maxLabel : undefined), value: `s:${p}` });
  const points = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  const first = question.minLabel ? points.shift() : undefined;
  const last = question.maxLabel ? points.pop() : undefined;
  const rows: Choice[][] = [];
  if (first !== undefined) rows.push([choice(first)]);
  for (let i = 0; i < points.length; i += 5) rows.push(points.slice(i, i + 5).map(choice));
  if (last !== undefined) rows.push([choice(last)]);
  return rows;
}

/** The previous answer to offer with «Оставить», when the person chose to fill in as last time. */
function previousFor(ctx: Ctx, round: Round, question: Question, data: AnswerData): AnswerValue | undefined {
  if (!data.prefill || !ctx.person) return undefined;
  return previousAnswers(ctx, round, ctx.person)?.answers[question.id];
}

function choicesFor(ctx: Ctx, question: Question, data: AnswerData, previous: AnswerValue | undefined): Choice[][] {
  const rows: Choice[][] = [];
  if (previous !== undefined && data.ticked.length === 0) rows.push([{ label: ctx.t('survey-prefill-keep'), value: 'keep' }]);
  if (question.type === 'single') rows.push(...question.options.map((o, i) => [{ label: o.label, value: `o:${i}` }]));
  if (question.type === 'multiple') {
    rows.push(...question.options.map((o, i) => [{ label: `${data.ticked.includes(o.value) ? '✓ ' : ''}${o.label}`, value: `t:${i}` }]));
    rows.push([{ label: ctx.t('survey-done'), value: 'done' }]);
  }
  if (question.type === 'scale') rows.push(...scaleRows(question));
  if (question.type === 'yesno') rows.push([{ label: ctx.t('survey-yes'), value: 'y' }, { label: ctx.t('survey-no'), value: 'n' }]);
  const nav: Choice[] = [];
  if (data.trail.length > 0) nav.push({ label: ctx.t('survey-back'), value: 'back' });
  if (!question.required) nav.push({ label: ctx.t('skip'), value: 'skip' });
  if (nav.length) rows.push(nav);
  return rows;
}

function questionText(ctx: Ctx, survey: SurveyDefinition, question: Question, data: AnswerData, previous: AnswerValue | undefined): string {
  const visible = visibleQuestions(survey, data.answers);
  const position = visible.findIndex((q) => q.id === question.id) + 1;
  const lines = [ctx.t('survey-progress', { n: position, total: visible.length }), '', question.text];
  if (question.hint) lines.push(`(${question.hint})`);
  if (previous !== undefined) lines.push('', ctx.t('survey-prefill-was', { answer: formatAnswer(ctx, question, previous) }));
  // What is ticked so far; after «Готово» the echo of this text is what shows the choice.
  if (question.type === 'multiple' && data.ticked.length > 0) {
    lines.push('', ctx.t('survey-ticked', { options: data.ticked.map((v) => question.options.find((o) => o.value === v)?.label ?? v).join(', ') }));
  }
  if (question.type === 'number') lines.push(ctx.t('survey-type-number', { min: question.min, max: question.max, unit: question.unit ?? 'none' }));
  if (question.type === 'text') lines.push(ctx.t('survey-type-text'));
  if (question.type === 'date') lines.push(ctx.t('survey-type-date'));
  return lines.join('\n');
}

/** Moves on after an answer: to the first question still unanswered, or to the summary. */
function advance(survey: SurveyDefinition, data: AnswerData, questionId: string, value: AnswerValue): StepOutcome<AnswerData> {
  const answers = { ...data.answers, [questionId]: value };
  const next = nextQuestion(survey, answers);
  const trail = [...data.trail.filter((id) => id !== questionId), questionId];
  return { next: next ? 'question' : 'summary', data: { ...data, answers, trail, ticked: [], current: next?.id ?? null } };
}

function rawFrom(question: Question, value: string, ticked: string[]): RawAnswer | undefined {
  if (value === 'skip') return { kind: 'skip' };
  if (value === 'y' || value === 'n') return { kind: 'choice', value: value === 'y' };
  if (value === 'done') return { kind: 'choice', value: ticked };
  if (value.startsWith('s:')) return { kind: 'choice', value: Number(value.slice(2)) };
  if (value.startsWith('o:') && question.type === 'single') {
    const option = question.options[Number(value.slice(2))];
    return option ? { kind: 'choice', value: option.value } : undefined;
  }
  return undefined;
}

function submit(ctx: Ctx, data: AnswerData): Outcome {
  const person = requirePerson(ctx);
  const round = openRound(ctx, data.roundId);
  const survey = definitionOf(ctx, round.surveyId);
  if (!isComplete(survey, data.answers)) return { text: ctx.t('survey-incomplete') };
  const me = recipient(ctx.deps.db, round.id, person.id);
  if (!me) throw notAllowed();
  const now = ctx.deps.clock.now();
  const answers = Object.fromEntries(visibleQuestions(survey, data.answers).map((q) => [q.id, data.answers[q.id] ?? null]));
  const result = ctx.deps.db.transaction((tx) => {
    const fresh = recipient(tx, round.id, person.id);
    if (survey.anonymous) {
      if (fresh?.answeredAt) return 'already';
      saveResponse(tx, { roundId: round.id, unitKey: randomUUID(), personId: null, schoolId: me.schoolId, answers, submittedAt: now });
    } else {
      const unitKey = survey.level === 'school' ? `school:${me.schoolId ?? 0}` : `person:${person.id}`;
      const existed = findResponse(tx, round.id, unitKey) !== undefined;
      saveResponse(tx, { roundId: round.id, unitKey, personId: person.id, schoolId: me.schoolId, answers, submittedAt: now });
      if (existed) {
        markAnswered(tx, round.id, { personId: person.id }, now);
        return 'edited';
      }
    }
    markAnswered(tx, round.id, survey.level === 'school' && me.schoolId !== null ? { schoolId: me.schoolId } : { personId: person.id }, now);
    return 'saved';
  });
  return { text: ctx.t(`survey-${result}`) };
}

export const answerDialog: DialogDef<AnswerData> = {
  name: 'survey-answer',
  version: 1,
  first: 'question',
  // A round may stay open for weeks; the dialog lasts as long.
  ttlMinutes: 60 * 24 * 60,
  steps: {
    question: {
      prompt: (ctx, data) => {
        const round = getRound(ctx.deps.db, data.roundId);
        const survey = round ? definitionOf(ctx, round.surveyId) : undefined;
        const question = survey?.questions.find((q) => q.id === data.current);
        if (!round || !survey || !question) return { text: ctx.t('survey-gone') };
        const previous = previousFor(ctx, round, question, data);
        return { text: questionText(ctx, survey, question, data, previous), choices: choicesFor(ctx, question, data, previous), acceptsText: true };
      },
      accept: (ctx, data, answer) => {
        const round = openRound(ctx, data.roundId);
        const survey = definitionOf(ctx, round.surveyId);
        const question = survey.questions.find((q) => q.id === data.current);
        if (!question) return { done: { text: ctx.t('survey-gone') } };
        if (answer.kind === 'choice' && answer.value === 'back') {
          const previous = data.trail.at(-1);
          return previous ? { next: 'question', data: { ...data, current: previous, trail: data.trail.slice(0, -1), ticked: [] } } : { reask: ctx.t('dialog-choose-button') };
        }
        if (answer.kind === 'choice' && answer.value === 'keep') {
          // Looked up again: only the person's own previous answer, and only while the question keeps its shape.
          const kept = previousFor(ctx, round, question, data);
          return kept === undefined ? { reask: ctx.t('dialog-choose-button') } : advance(survey, data, question.id, kept);
        }
        if (answer.kind === 'choice' && answer.value.startsWith('t:') && question.type === 'multiple') {
          const option = question.options[Number(answer.value.slice(2))];
          if (!option) return { reask: ctx.t('dialog-choose-button') };
          const ticked = data.ticked.includes(option.value) ? data.ticked.filter((v) => v !== option.value) : [...data.ticked, option.value];
          return { next: 'question', data: { ...data, ticked }, inPlace: true };
        }
        const raw: RawAnswer | undefined =
          answer.kind === 'choice' ? rawFrom(question, answer.value, data.ticked) : answer.kind === 'text' ? { kind: 'text', text: answer.text } : undefined;
        if (!raw) return { reask: ctx.t('survey-error-choose-option') };
        const checked = validateAnswer(question, raw, { today: todayIn(ctx.deps, round.municipalityId) });
        if (!checked.ok) return { reask: ctx.t(checked.error.key, checked.error.args) };
        return advance(survey, data, question.id, checked.value);
      },
    },
    prefill: {
      prompt: (ctx, data) => {
        const round = getRound(ctx.deps.db, data.roundId);
        const previous = round && ctx.person ? previousAnswers(ctx, round, ctx.person) : undefined;
        const zone = round ? municipalityZone(ctx.deps, round.municipalityId) : 'UTC';
        return {
          text: previous ? ctx.t('survey-prefill-offer', { date: formatDay(previous.round.opensAt, zone) }) : ctx.t('survey-prefill-gone'),
          choices: [[{ label: ctx.t('survey-prefill-yes'), value: 'yes' }], [{ label: ctx.t('survey-prefill-no'), value: 'no' }]],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || (answer.value !== 'yes' && answer.value !== 'no')) return { reask: ctx.t('dialog-choose-button') };
        const round = openRound(ctx, data.roundId);
        const survey = definitionOf(ctx, round.surveyId);
        const first = nextQuestion(survey, data.answers);
        const prefill = answer.value === 'yes' && ctx.person !== undefined && previousAnswers(ctx, round, ctx.person) !== undefined;
        return { next: first ? 'question' : 'summary', data: { ...data, prefill, current: first?.id ?? null } };
      },
    },
    summary: {
      prompt: (ctx, data) => {
        const round = getRound(ctx.deps.db, data.roundId);
        const survey = round ? definitionOf(ctx, round.surveyId) : undefined;
        if (!survey) return { text: ctx.t('survey-gone') };
        const lines = visibleQuestions(survey, data.answers).map((q, i) => `${i + 1}. ${q.text}\n   → ${formatAnswer(ctx, q, data.answers[q.id])}`);
        return {
          text: `${ctx.t('survey-summary')}\n\n${lines.join('\n')}`,
          choices: [
            [{ label: ctx.t('survey-submit'), value: 'submit' }],
            ...visibleQuestions(survey, data.answers).map((q, i) => [{ label: ctx.t('survey-change', { n: i + 1 }), value: `edit:${q.id}` }]),
          ],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'submit') return { done: submit(ctx, data) };
        const id = answer.value.replace(/^edit:/, '');
        const round = openRound(ctx, data.roundId);
        const survey = definitionOf(ctx, round.surveyId);
        if (!survey.questions.some((q) => q.id === id)) return { reask: ctx.t('dialog-choose-button') };
        const { [id]: _dropped, ...answers } = data.answers;
        return { next: 'question', data: { ...data, answers, current: id, ticked: [] } };
      },
    },
  },
};

/** The start (or resume) of a round for a recipient: their half-finished dialog, their earlier answers, or a fresh start. */
export function startRound(ctx: Ctx, roundId: number, start: (data: AnswerData, step: string) => Outcome, active?: { name: string; step: string; data: unknown }): Outcome {
  const person = requirePerson(ctx);
  const round = openRound(ctx, roundId);
  const me = recipient(ctx.deps.db, round.id, person.id);
  if (!me) throw notAllowed();
  const survey = definitionOf(ctx, round.surveyId);
  const resuming = active?.name === answerDialog.name && (active.data as AnswerData).roundId === round.id;
  if (resuming) return start(active.data as AnswerData, active.step);
  if (me.answeredAt && survey.anonymous) return { text: ctx.t('survey-already') };
  const unitKey = survey.level === 'school' ? `school:${me.schoolId ?? 0}` : `person:${person.id}`;
  const earlier = me.answeredAt ? findResponse(ctx.deps.db, round.id, unitKey) : undefined;
  if (earlier) {
    const answers = earlier.answers as Record<string, AnswerValue>;
    return start({ roundId: round.id, answers, current: null, trail: Object.keys(answers), ticked: [] }, 'summary');
  }
  const first = nextQuestion(survey, {});
  const intro = [survey.title, survey.description ?? ''].filter(Boolean).join('\n');
  const data: AnswerData = { roundId: round.id, answers: {}, current: first?.id ?? null, trail: [], ticked: [] };
  // A recurring report answered before: offer last time's answers first.
  const offer = first !== null && previousAnswers(ctx, round, person) !== undefined;
  const result = start(data, offer ? 'prefill' : first ? 'question' : 'summary');
  const replies = 'replies' in result ? result.replies : Array.isArray(result) ? result : [result];
  return { replies: [{ text: intro }, ...replies] };
}
