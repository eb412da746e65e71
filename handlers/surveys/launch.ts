// Launching a survey round: /survey picks a template (or a JSON/YAML file the
// coordinator sends), an audience, how long it stays open and whether it
// repeats; the round records its recipients and invites them through the
// outbox. The CLI and the recurrence job launch rounds the same way.
import { audit } from '../../db/repos/audit.js';
import { DateTime } from 'luxon';
import { getSchool, schoolsOf, supportedStatuses } from '../../db/repos/org.js';
import { addRecipients, createRound, createSurvey, getSurvey, surveysOf, type Round } from '../../db/repos/surveys.js';
import type { DbOrTx } from '../../db/client.js';
import type { Audience, Recurrence } from '../../db/schema.js';
import { requireAdminOf } from '../core/access.js';
import { audiencePresets, presetAudience, queueToReach, reach, reachText } from '../core/audience.js';
import type { CoreDeps, Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { formatDay } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { readSurveyFile, type SurveyParseResult } from './definition.js';
import type { SurveyDefinition } from './types.js';
import { DocumentLimitError } from '../core/documents/limits.js';
import { startRoundAction } from './respond.js';
import { templateByKey, templates } from './templates.js';
import { downloadWithin } from '../core/files.js';
import { withHeldNotice } from '../core/held.js';

/** A survey definition is a few kilobytes; anything much larger is not one. */
const MAX_SURVEY_FILE_BYTES = 256 * 1024;

export const DEFAULT_REMINDER_DAYS = [2, 4];
export const DEFAULT_ESCALATE_DAYS = 5;

/** Rounds that repeat: at the end of every term, or at the entry, intermediate and final points of the year. */
export const recurrencePresets: Record<'terms' | 'monitoring', Recurrence> = {
  terms: { months: [10, 12, 3, 5], day: 25, durationDays: 7 },
  monitoring: { months: [3, 9, 11], day: 1, durationDays: 14 },
};

export interface NewRound {
  municipalityId: number;
  /** A stored survey to run again, or a definition to store now. */
  survey: { id: number } | { definition: SurveyDefinition };
  audience: Audience;
  opensAt: Date;
  closesAt: Date;
  label?: string;
  reminderDays?: number[];
  escalateAfterDays?: number;
  recurrence?: Recurrence | null;
  previousRoundId?: number | null;
  createdBy: number | null;
}

/** Writes the round and its recipients and queues the invitations, in the caller's transaction. */
export function launchRound(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, input: NewRound): { round: Round; invited: number } {
  const surveyId =
    'id' in input.survey
      ? input.survey.id
      : createSurvey(tx, { municipalityId: input.municipalityId, key: input.survey.definition.key, title: input.survey.definition.title, definition: { ...input.survey.definition }, createdBy: input.createdBy }).id;
  const stored = getSurvey(tx, surveyId);
  const level = (stored?.definition as { level?: string } | undefined)?.level;
  const round = createRound(tx, {
    surveyId,
    municipalityId: input.municipalityId,
    label: input.label ?? '',
    audience: input.audience,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    reminderDays: input.reminderDays ?? DEFAULT_REMINDER_DAYS,
    escalateAfterDays: input.escalateAfterDays ?? DEFAULT_ESCALATE_DAYS,
    recurrence: input.recurrence ?? null,
    previousRoundId: input.previousRoundId ?? null,
    createdBy: input.createdBy,
  });
  const audience = reach(tx, input.municipalityId, input.audience);
  // A school-level survey is answered for a school: only people who belong to one are asked.
  const people = level === 'school' ? audience.people.filter((p) => p.schoolId !== null) : audience.people;
  addRecipients(tx, people.map((p) => ({ roundId: round.id, personId: p.id, schoolId: p.schoolId })));
  const zone = municipalityZone({ db: tx, settings: deps.settings }, input.municipalityId);
  const invited = queueToReach(
    tx,
    deps,
    input.municipalityId,
    { ...audience, people },
    (_person, t) => ({
      text: t('survey-invite', { title: stored?.title ?? '', until: formatDay(input.closesAt, zone) }),
      buttons: [[{ kind: 'action', label: t('survey-start'), data: startRoundAction.encode(round.id) }]],
    }),
    { key: `round:${round.id}:invite`, batch: `round:${round.id}`, now: input.opensAt },
  );
  audit(tx, { at: input.opensAt, actorId: input.createdBy, municipalityId: input.municipalityId, action: 'survey.launched', details: { roundId: round.id, surveyId, recipients: people.length } });
  return { round, invited };
}

type LaunchData = {
  municipalityId: number;
  templateKey?: string;
  surveyId?: number;
  definition?: SurveyDefinition;
  audience?: Audience;
  days?: number;
  recurrence?: Recurrence | null;
};

function titleOf(ctx: Ctx, data: LaunchData): string {
  if (data.definition) return data.definition.title;
  if (data.templateKey) return templateByKey(data.templateKey)?.title ?? '';
  return data.surveyId !== undefined ? (getSurvey(ctx.deps.db, data.surveyId)?.title ?? '') : '';
}

function levelOf(ctx: Ctx, data: LaunchData): string | undefined {
  if (data.definition) return data.definition.level;
  if (data.templateKey) return templateByKey(data.templateKey)?.level;
  const stored = data.surveyId !== undefined ? getSurvey(ctx.deps.db, data.surveyId) : undefined;
  return (stored?.definition as { level?: string } | undefined)?.level;
}

export const launchDialog: DialogDef<LaunchData> = {
  name: 'survey-launch',
  version: 1,
  first: 'survey',
  steps: {
    survey: {
      prompt: (ctx, data) => ({
        text: ctx.t('survey-ask-which'),
        choices: [
          ...templates().map((t) => [{ label: t.title.slice(0, 40), value: `t:${t.key}` }]),
          ...surveysOf(ctx.deps.db, data.municipalityId)
            .filter((s) => !templates().some((t) => t.key === s.key))
            .slice(0, 5)
            .map((s) => [{ label: s.title.slice(0, 40), value: `s:${s.id}` }]),
        ],
        acceptsText: true,
      }),
      accept: async (ctx, data, answer) => {
        if (answer.kind === 'file') {
          const format = /\.ya?ml$/i.test(answer.file.name) ? 'yaml' : /\.json$/i.test(answer.file.name) ? 'json' : undefined;
          const content = format ? await downloadWithin(answer.file, MAX_SURVEY_FILE_BYTES) : undefined;
          if (!content) return { reask: ctx.t('survey-file-type') };
          let parsed: SurveyParseResult;
          try {
            parsed = await readSurveyFile(content, format ?? 'yaml');
          } catch (error) {
            if (error instanceof DocumentLimitError) return { reask: ctx.t(error.key, error.args) };
            throw error;
          }
          if (!parsed.ok) return { reask: ctx.t('survey-file-problems', { problems: parsed.problems.slice(0, 10).join('\n') }) };
          return { next: 'audience', data: { ...data, definition: parsed.survey } };
        }
        if (answer.kind !== 'choice') return { reask: ctx.t('survey-ask-which') };
        if (answer.value.startsWith('t:') && templateByKey(answer.value.slice(2))) return { next: 'audience', data: { ...data, templateKey: answer.value.slice(2) } };
        const stored = getSurvey(ctx.deps.db, Number(answer.value.slice(2)));
        if (!stored || stored.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
        return { next: 'audience', data: { ...data, surveyId: stored.id } };
      },
    },
    audience: {
      prompt: (ctx, data) => ({
        text: ctx.t(levelOf(ctx, data) === 'school' ? 'survey-ask-audience-school' : 'survey-ask-audience'),
        choices: [
          [{ label: ctx.t('survey-audience-supported-admins'), value: 'supported-admins' }],
          ...audiencePresets.map((p) => [{ label: ctx.t(`audience-${p}`), value: p }]),
          ...schoolsOf(ctx.deps.db, data.municipalityId).map((s) => [{ label: s.shortName, value: `school:${s.id}` }]),
        ],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'supported-admins') return { next: 'days', data: { ...data, audience: { roles: ['school_admin'], statuses: [...supportedStatuses] } } };
        const preset = audiencePresets.find((p) => p === answer.value);
        if (preset) return { next: 'days', data: { ...data, audience: presetAudience(preset) } };
        const school = getSchool(ctx.deps.db, Number(answer.value.replace('school:', '')));
        if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
        return { next: 'days', data: { ...data, audience: { schoolIds: [school.id] } } };
      },
    },
    days: {
      prompt: (ctx) => ({ text: ctx.t('survey-ask-days'), choices: [[3, 7, 14].map((d) => ({ label: ctx.t('survey-days', { days: d }), value: String(d) }))] }),
      accept: (ctx, data, answer) => {
        const days = answer.kind === 'choice' ? Number(answer.value) : NaN;
        return [3, 7, 14].includes(days) ? { next: 'repeat', data: { ...data, days } } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    repeat: {
      prompt: (ctx) => ({
        text: ctx.t('survey-ask-repeat'),
        choices: [
          [{ label: ctx.t('survey-repeat-none'), value: 'none' }],
          [{ label: ctx.t('survey-repeat-terms'), value: 'terms' }],
          [{ label: ctx.t('survey-repeat-monitoring'), value: 'monitoring' }],
        ],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        const recurrence = answer.value === 'terms' || answer.value === 'monitoring' ? recurrencePresets[answer.value] : null;
        return { next: 'confirm', data: { ...data, recurrence } };
      },
    },
    confirm: {
      prompt: (ctx, data) => ({
        text: `${ctx.t('survey-confirm', { title: titleOf(ctx, data), days: data.days ?? 7 })}\n${reachText(ctx.t, reach(ctx.deps.db, data.municipalityId, data.audience ?? {}))}`,
        choices: [[{ label: ctx.t('survey-launch'), value: 'yes' }, { label: ctx.t('assign-cancel'), value: 'no' }]],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value !== 'yes') return { done: { text: ctx.t('cancelled') } };
        const coordinator = requireAdminOf(ctx, data.municipalityId);
        const definition = data.definition ?? (data.templateKey ? templateByKey(data.templateKey) : undefined);
        const survey = data.surveyId !== undefined ? { id: data.surveyId } : definition ? { definition } : undefined;
        if (!survey) return { done: { text: ctx.t('survey-gone') } };
        const now = ctx.deps.clock.now();
        const closesAt = DateTime.fromJSDate(now).plus({ days: data.days ?? 7 }).toJSDate();
        const { round, invited } = ctx.deps.db.transaction((tx) =>
          launchRound(tx, ctx.deps, {
            municipalityId: data.municipalityId,
            survey,
            audience: data.audience ?? {},
            opensAt: now,
            closesAt,
            recurrence: data.recurrence ?? null,
            createdBy: coordinator.id,
          }),
        );
        ctx.deps.wakeOutbox();
        // Survey invitations have no urgent path: they only say when they go.
        const held = { batch: `round:${round.id}`, keyPrefix: `round:${round.id}:invite:` };
        return { done: withHeldNotice(ctx, { text: ctx.t('survey-launched', { count: invited, id: round.id }) }, data.municipalityId, held) };
      },
    },
  },
};
