// Steering a running round from its card: «Закрыть досрочно» (after a
// confirmation that says how many have answered) and «Продлить» (+3, +7 or
// +14 days, or a typed date). Both tell those who have not answered, through
// the outbox and outside quiet hours, and both are audited. The reminder job
// follows the new dates: a round closed early is no longer open, and an
// extended one gets one more reminder the day before its new close (the key
// below tells the job which rounds were extended).
import { DateTime } from 'luxon';
import { audit } from '../../db/repos/audit.js';
import { setValue } from '../../db/repos/kv.js';
import { closeRoundEarly, extendRound, getRound, recipientsOf, type Round } from '../../db/repos/surveys.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { UserError } from '../core/errors.js';
import { formatDay, formatDayTime } from '../core/format.js';
import { localDate, municipalityZone, outsideQuietHours } from '../core/local-time.js';
import { readDate } from '../core/read-input.js';
import { roundProgress } from './progress.js';
import { noticeClosed, noticeExtended } from './reminders.js';
import { definitionOf } from './respond.js';

/** «Закрыть досрочно»: asks first. */
export const closeAskAction = defineAction('svcl', idArg);
/** «Закрыть сейчас», the confirmation. */
export const closeAction = defineAction('svcly', idArg);
/** «Продлить»: opens the extension dialog. */
export const extendAction = defineAction('svext', idArg);

/** The kv key holding when a round was last extended (the reminder job adds the day-before-close reminder, and skips what the notice stood for). */
export const extendedKey = (roundId: number) => `survey-extended:${roundId}`;

const EXTEND_DAYS = [3, 7, 14];
/** A round is a monitoring of weeks, not of years: a later date is surely a typo. */
const MAX_EXTEND_DAYS = 180;

/** The round, for one of its municipality's coordinators; anyone else is refused. */
export function requireAdminOfRound(ctx: Ctx, roundId: number): Round {
  const round = getRound(ctx.deps.db, roundId);
  if (!round) throw new UserError('gone', 'survey-gone');
  requireAdminOf(ctx, round.municipalityId);
  return round;
}

const missingCount = (ctx: Ctx, round: Round) => recipientsOf(ctx.deps.db, round.id).filter((r) => !r.answeredAt).length;
const isOpen = (ctx: Ctx, round: Round) => round.closesAt.getTime() > ctx.deps.clock.now().getTime();

/** The card's «Закрыть досрочно»: how far the round has got, and a confirmation; `card` is the data of the round's card (results.ts). */
export function closeAsk(ctx: Ctx, roundId: number, card: string): Reply {
  const round = requireAdminOfRound(ctx, roundId);
  if (!isOpen(ctx, round)) return { text: ctx.t('survey-close-already') };
  const p = roundProgress(ctx, round);
  return {
    text: [ctx.t('survey-close-ask', { title: definitionOf(ctx, round.surveyId).title, answered: p.answered, total: p.total }), ctx.t('survey-close-ask-notice', { count: missingCount(ctx, round) })].join('\n'),
    buttons: [[{ kind: 'action', label: ctx.t('survey-close-confirm'), data: closeAction.encode(round.id) }], [{ kind: 'action', label: ctx.t('survey-close-keep'), data: card }]],
  };
}

/** «Закрыть сейчас»: the round stops taking answers; those who have not answered hear it once. A second press finds it closed. */
export function closeNow(ctx: Ctx, roundId: number, card: string): Reply {
  const round = requireAdminOfRound(ctx, roundId);
  const now = ctx.deps.clock.now();
  const zone = municipalityZone(ctx.deps, round.municipalityId);
  const title = definitionOf(ctx, round.surveyId).title;
  const p = roundProgress(ctx, round);
  const notified = ctx.deps.db.transaction((tx) => {
    if (!closeRoundEarly(tx, round.id, now)) return undefined;
    const closed = { ...round, closesAt: now, closedEarlyAt: now };
    const count = noticeClosed(tx, ctx.deps, closed, title, outsideQuietHours(now, zone, ctx.deps.settings.quietHours));
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: round.municipalityId, action: 'survey.closed', details: { roundId: round.id, answered: p.answered, total: p.total, notified: count } });
    return count;
  });
  if (notified === undefined) return { text: ctx.t('survey-close-already'), edit: true };
  ctx.deps.wakeOutbox();
  return {
    text: [ctx.t('survey-closed-early', { title, answered: p.answered, total: p.total, notified }), ...heldLine(ctx, now, zone, notified)].join('\n'),
    buttons: [[{ kind: 'action', label: ctx.t('survey-close-card'), data: card }]],
    edit: true,
  };
}

/** «Разошлю в 08:00 (тихие часы)» when the notices wait for the end of the quiet hours. */
function heldLine(ctx: Ctx, now: Date, zone: string, notified: number): string[] {
  const notBefore = outsideQuietHours(now, zone, ctx.deps.settings.quietHours);
  return notBefore > now && notified > 0 ? [ctx.t('push-held', { time: DateTime.fromJSDate(notBefore, { zone }).toFormat('HH:mm') })] : [];
}

type ExtendData = { roundId: number };

/** The new close for "+N days": N days after the current close, or after now for a round already closed. */
function plusDays(round: Round, now: Date, days: number): Date {
  const from = round.closesAt.getTime() > now.getTime() ? round.closesAt : now;
  return DateTime.fromJSDate(from).plus({ days }).toJSDate();
}

/** Moves the close, tells the missing, audits; in the update's transaction. */
function extendTo(ctx: Ctx, round: Round, closesAt: Date): Reply {
  const now = ctx.deps.clock.now();
  const zone = municipalityZone(ctx.deps, round.municipalityId);
  const title = definitionOf(ctx, round.surveyId).title;
  const notBefore = outsideQuietHours(now, zone, ctx.deps.settings.quietHours);
  const extended = { ...round, closesAt, closedEarlyAt: null };
  extendRound(ctx.deps.db, round.id, closesAt);
  setValue(ctx.deps.db, extendedKey(round.id), now.toISOString());
  const notified = noticeExtended(ctx.deps.db, ctx.deps, extended, title, zone, notBefore);
  audit(ctx.deps.db, {
    at: now,
    actorId: ctx.person?.id ?? null,
    municipalityId: round.municipalityId,
    action: 'survey.extended',
    details: { roundId: round.id, from: round.closesAt.toISOString(), to: closesAt.toISOString(), toDay: localDate(closesAt, zone), notified },
  });
  ctx.deps.wakeOutbox();
  return { text: [ctx.t('survey-extended', { title, until: formatDayTime(closesAt, zone), notified }), ...heldLine(ctx, now, zone, notified)].join('\n') };
}

export const extendDialog: DialogDef<ExtendData> = {
  name: 'survey-extend',
  version: 1,
  first: 'until',
  steps: {
    until: {
      prompt: (ctx, data) => {
        const round = requireAdminOfRound(ctx, data.roundId);
        const zone = municipalityZone(ctx.deps, round.municipalityId);
        const now = ctx.deps.clock.now();
        return {
          text: ctx.t(isOpen(ctx, round) ? 'survey-extend-ask' : 'survey-extend-ask-closed', { title: definitionOf(ctx, round.surveyId).title, until: formatDayTime(round.closesAt, zone) }),
          choices: [
            EXTEND_DAYS.map((days) => ({ label: ctx.t('survey-extend-days', { days, until: DateTime.fromJSDate(plusDays(round, now, days), { zone }).toFormat('dd.MM') }), value: String(days) })),
            [{ label: ctx.t('survey-extend-cancel'), value: 'no' }],
          ],
          acceptsText: true,
        };
      },
      accept: (ctx, data, answer) => {
        const round = requireAdminOfRound(ctx, data.roundId);
        const now = ctx.deps.clock.now();
        const zone = municipalityZone(ctx.deps, round.municipalityId);
        if (answer.kind === 'choice') {
          if (answer.value === 'no') return { done: { text: ctx.t('survey-extend-kept') } };
          const days = Number(answer.value);
          if (!EXTEND_DAYS.includes(days)) return { reask: ctx.t('dialog-choose-button') };
          return { done: extendTo(ctx, round, plusDays(round, now, days)) };
        }
        if (answer.kind !== 'text') return { reask: ctx.t('survey-extend-type') };
        const day = readDate(answer.text, localDate(now, zone));
        if (!day) return { reask: ctx.t('survey-extend-type') };
        // A typed day means "answers are taken through that day": the round closes at its end.
        const closesAt = DateTime.fromISO(day, { zone }).endOf('day').set({ second: 0, millisecond: 0 }).toJSDate();
        if (closesAt.getTime() <= now.getTime()) return { reask: ctx.t('survey-extend-past') };
        if (day <= localDate(round.closesAt, zone)) return { reask: ctx.t('survey-extend-not-later', { until: formatDay(round.closesAt, zone) }) };
        if (closesAt.getTime() - now.getTime() > MAX_EXTEND_DAYS * 86_400_000) return { reask: ctx.t('survey-extend-too-far', { days: MAX_EXTEND_DAYS }) };
        return { done: extendTo(ctx, round, closesAt) };
      },
    },
  },
};
