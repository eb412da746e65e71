// Sessions planned ahead: «Запланировать» in /mylog asks with whom (the
// author's own pairs), the date and time (the municipality's clock), how
// long, how and about what. The day before, the author and the teacher are
// reminded (reminders.ts); after it, the author answers «Состоялась» (logged
// in one tap, exactly once however often it is pressed), «Не состоялась» or
// «Перенести».
import { DateTime } from 'luxon';
import { addConsultation, addPlanned, closePlanned, getPlanned, plannedOfAuthor, reschedulePlanned, type PlannedConsultation } from '../../db/repos/consultations.js';
import { plannedConsultations, type ConsultationFormatName } from '../../db/schema.js';
import { eq } from 'drizzle-orm';
import { getPerson } from '../../db/repos/people.js';
import { getSchool } from '../../db/repos/org.js';
import { requirePerson } from '../core/access.js';
import { outcomeButtons, plannedCardAction, plannedMissedAction, plannedMoveAction } from './planned-actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef, StepOutcome } from '../core/dialog.js';
import { notAllowed, UserError } from '../core/errors.js';
import { atLocal, localDate, municipalityZone } from '../core/local-time.js';
import { pickOne } from '../core/pick.js';
import { candidatesOf, chosenFormat, formatChoices, requestConfirmation, topicList } from './log.js';
import { shortName, withName } from './pairs.js';
import { tellCounterpartOfChange } from './reminders.js';

export { outcomeButtons, planAheadAction, plannedCardAction, plannedDoneAction, plannedMissedAction, plannedMoveAction } from './planned-actions.js';

/** How far ahead a session may be planned. */
export const MAX_DAYS_AHEAD = 180;
/** A session unanswered this many days after its start is no longer listed in /mylog. */
const LAPSE_DAYS = 14;

export type PlannedData = {
  municipalityId: number;
  whom?: string;
  date?: string;
  time?: string;
  minutes?: number;
  format?: ConsultationFormatName;
  topic?: string;
  filter?: string;
  /** Set when «Перенести» asks only for the new date and time. */
  movingId?: number;
};

const zoneOf = (ctx: Ctx, municipalityId: number) => municipalityZone(ctx.deps, municipalityId);
const todayOf = (ctx: Ctx, municipalityId: number) => localDate(ctx.deps.clock.now(), zoneOf(ctx, municipalityId));

/** A typed day: «завтра», «послезавтра», «04.12», «04.12.2026»; a day and month already past this year mean next year's. */
export function readDay(text: string, today: string): string | undefined {
  const s = text.trim().toLowerCase();
  const base = DateTime.fromISO(today);
  if (s === 'сегодня' || s === 'today') return today;
  if (s === 'завтра' || s === 'tomorrow') return base.plus({ days: 1 }).toISODate() ?? undefined;
  if (s === 'послезавтра') return base.plus({ days: 2 }).toISODate() ?? undefined;
  const m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(s);
  if (!m) return undefined;
  const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : base.year;
  let day = DateTime.fromObject({ year, month: Number(m[2]), day: Number(m[1]) });
  if (!day.isValid) return undefined;
  if (!m[3] && day < base) day = day.plus({ years: 1 });
  return day.toISODate() ?? undefined;
}

/** A typed time: «15:00», «15.30», «9:05», «15». */
export function readTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : undefined;
}

/** Whom a planned session is with, as the author reads it: the person's short name, or the school. */
export function plannedWhom(ctx: Pick<Ctx, 'deps' | 'lang'>, p: Pick<PlannedConsultation, 'counterpartId' | 'schoolId'>): { whom: string; withWhom: string } {
  if (p.counterpartId !== null) {
    const name = getPerson(ctx.deps.db, p.counterpartId)?.fullName;
    return { whom: shortName(name), withWhom: withName(name, ctx.lang) };
  }
  const school = getSchool(ctx.deps.db, p.schoolId ?? 0)?.shortName ?? '—';
  return { whom: school, withWhom: school };
}

export function whenOf(ctx: Pick<Ctx, 'deps'>, p: Pick<PlannedConsultation, 'startsAt' | 'municipalityId'>): { day: string; time: string } {
  const local = DateTime.fromJSDate(p.startsAt, { zone: municipalityZone(ctx.deps, p.municipalityId) });
  return { day: local.toFormat('dd.MM'), time: local.toFormat('HH:mm') };
}

function startsAt(ctx: Ctx, data: PlannedData): Date | undefined {
  return data.date && data.time ? atLocal(data.date, data.time, zoneOf(ctx, data.municipalityId)) : undefined;
}

function next(ctx: Ctx, data: PlannedData): StepOutcome<PlannedData> {
  const clean = { ...data, filter: undefined };
  if (!data.whom) return { next: 'whom', data: clean };
  if (!data.date) return { next: 'date', data: clean };
  if (!data.time) return { next: 'time', data: clean };
  const at = startsAt(ctx, data);
  if (!at || at.getTime() <= ctx.deps.clock.now().getTime()) return { next: 'time', data: { ...clean, time: undefined } };
  if (data.movingId !== undefined) return { next: 'confirm', data: clean };
  if (!data.minutes) return { next: 'minutes', data: clean };
  if (!data.format) return { next: 'format', data: clean };
  if (!data.topic) return { next: 'topic', data: clean };
  return { next: 'confirm', data: clean };
}

/** The author's own planned session, or a refusal: nobody else may see or answer it. */
export function ownPlanned(ctx: Ctx, id: number): PlannedConsultation {
  const person = requirePerson(ctx);
  const planned = getPlanned(ctx.deps.db, id);
  if (!planned || planned.authorId !== person.id) throw notAllowed();
  return planned;
}

function plannedSummary(ctx: Ctx, data: PlannedData): string {
  const candidate = candidatesOf(ctx, requirePerson(ctx)).find((c) => c.key === data.whom);
  const at = startsAt(ctx, data);
  return ctx.t('planned-summary', {
    whom: candidate?.label ?? '—',
    when: at ? DateTime.fromJSDate(at, { zone: zoneOf(ctx, data.municipalityId) }).toFormat('dd.MM.yyyy HH:mm') : '—',
    minutes: data.minutes ?? 0,
    format: data.format ? ctx.t(`consultation-format-${data.format}`) : '—',
    topic: data.topic ?? '—',
  });
}

function save(ctx: Ctx, data: PlannedData): Reply {
  const author = requirePerson(ctx);
  const at = startsAt(ctx, data);
  const now = ctx.deps.clock.now();
  if (!at || at.getTime() <= now.getTime()) throw new UserError('past', 'planned-time-past');
  if (data.movingId !== undefined) {
    ownPlanned(ctx, data.movingId);
    const moved = reschedulePlanned(ctx.deps.db, data.movingId, at);
    if (!moved) return { text: ctx.t('planned-already-closed') };
    if (tellCounterpartOfChange(ctx.deps.db, ctx.deps, moved, 'moved', now)) ctx.deps.wakeOutbox();
    const { day, time } = whenOf(ctx, moved);
    return { text: ctx.t('planned-moved', { ...plannedWhom(ctx, moved), day, time }) };
  }
  const candidate = candidatesOf(ctx, author).find((c) => c.key === data.whom);
  if (!candidate) throw new UserError('forbidden', 'log-not-your-assignment');
  const row = addPlanned(ctx.deps.db, {
    municipalityId: data.municipalityId,
    authorId: author.id,
    counterpartId: candidate.personId,
    schoolId: candidate.schoolId,
    startsAt: at,
    minutes: data.minutes ?? 45,
    format: data.format ?? 'online',
    topic: data.topic ?? '',
    createdAt: now,
  });
  const { day, time } = whenOf(ctx, row);
  return { text: ctx.t('planned-saved', { ...plannedWhom(ctx, row), day, time }) };
}

export const plannedDialog: DialogDef<PlannedData> = {
  name: 'consultation-planned',
  version: 1,
  first: 'whom',
  steps: {
    whom: pickOne<PlannedData>({
      step: 'whom',
      filterKey: 'filter',
      question: (ctx) => ctx.t('planned-ask-whom'),
      items: (ctx) => candidatesOf(ctx, requirePerson(ctx)).map((c) => ({ label: c.label, value: c.key })),
      onPick: (ctx, data, value) =>
        candidatesOf(ctx, requirePerson(ctx)).some((c) => c.key === value) ? next(ctx, { ...data, whom: value }) : { reask: ctx.t('log-not-your-assignment') },
    }),
    date: {
      prompt: (ctx) => ({
        text: ctx.t('planned-ask-date'),
        choices: [[{ label: ctx.t('planned-tomorrow'), value: '1' }, { label: ctx.t('planned-day-after'), value: '2' }]],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const today = todayOf(ctx, data.municipalityId);
        let date: string | undefined;
        let time: string | undefined;
        if (answer.kind === 'choice') date = DateTime.fromISO(today).plus({ days: Number(answer.value) }).toISODate() ?? undefined;
        else if (answer.kind === 'text') {
          // «04.12 15:00» gives both at once.
          const [dayPart = '', timePart] = answer.text.trim().split(/\s+(?:в\s+)?/u);
          date = readDay(dayPart, today);
          time = timePart ? readTime(timePart) : undefined;
        }
        const limit = DateTime.fromISO(today).plus({ days: MAX_DAYS_AHEAD }).toISODate() ?? today;
        if (!date || date < today) return { reask: ctx.t('planned-date-invalid') };
        if (date > limit) return { reask: ctx.t('planned-date-too-far', { days: MAX_DAYS_AHEAD }) };
        const at = time ? atLocal(date, time, zoneOf(ctx, data.municipalityId)) : undefined;
        if (at && at.getTime() <= ctx.deps.clock.now().getTime()) return { reask: ctx.t('planned-time-past') };
        return next(ctx, { ...data, date, time });
      },
    },
    time: {
      prompt: (ctx) => ({
        text: ctx.t('planned-ask-time'),
        choices: [['10:00', '14:00', '15:00', '16:00'].map((t) => ({ label: t, value: t }))],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const time = answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? readTime(answer.text) : undefined;
        if (!time) return { reask: ctx.t('planned-time-invalid') };
        const at = atLocal(data.date ?? '', time, zoneOf(ctx, data.municipalityId));
        if (at.getTime() <= ctx.deps.clock.now().getTime()) return { reask: ctx.t('planned-time-past') };
        return next(ctx, { ...data, time });
      },
    },
    minutes: {
      prompt: (ctx) => ({
        text: ctx.t('planned-ask-minutes'),
        choices: [[30, 45, 60, 90].map((m) => ({ label: ctx.t('log-minutes', { minutes: m }), value: String(m) }))],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const raw = answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? answer.text.trim() : '';
        const minutes = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
        return minutes >= 5 && minutes <= 600 ? next(ctx, { ...data, minutes }) : { reask: ctx.t('log-minutes-invalid') };
      },
    },
    format: {
      prompt: (ctx) => ({
        text: ctx.t('planned-ask-format'),
        choices: formatChoices(ctx),
      }),
      accept: (ctx, data, answer) => {
        const format = chosenFormat(answer);
        return format ? next(ctx, { ...data, format }) : { reask: ctx.t('dialog-choose-button') };
      },
    },
    topic: {
      prompt: (ctx, data) => ({
        text: ctx.t('log-ask-topic'),
        choices: topicList(ctx, data.municipalityId).map((t, i) => [{ label: t.slice(0, 40), value: String(i) }]),
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const topic = answer.kind === 'choice' ? topicList(ctx, data.municipalityId)[Number(answer.value)] : answer.kind === 'text' ? answer.text.trim() : '';
        return topic && topic.length >= 2 && topic.length <= 300 ? next(ctx, { ...data, topic }) : { reask: ctx.t('log-topic-invalid') };
      },
    },
    confirm: {
      prompt: (ctx, data) => {
        if (data.movingId !== undefined) {
          const planned = ownPlanned(ctx, data.movingId);
          const at = startsAt(ctx, data);
          const when = at ? DateTime.fromJSDate(at, { zone: zoneOf(ctx, data.municipalityId) }).toFormat('dd.MM.yyyy HH:mm') : '—';
          return {
            text: ctx.t('planned-move-question', { ...plannedWhom(ctx, planned), when }),
            choices: [[{ label: ctx.t('planned-move-yes'), value: 'yes' }, { label: ctx.t('assign-cancel'), value: 'no' }]],
          };
        }
        return {
          text: `${plannedSummary(ctx, data)}\n\n${ctx.t('planned-confirm-question')}`,
          choices: [[{ label: ctx.t('planned-save'), value: 'yes' }, { label: ctx.t('assign-cancel'), value: 'no' }]],
        };
      },
      accept: (ctx, data, answer) => (answer.kind === 'choice' && answer.value === 'yes' ? { done: save(ctx, data) } : { done: { text: ctx.t('cancelled') } }),
    },
  },
};

/** «Запланировать»: only for someone with pairs of their own. */
export function startPlanned(ctx: Ctx): PlannedData {
  const author = requirePerson(ctx);
  if (author.municipalityId === null || candidatesOf(ctx, author).length === 0) throw notAllowed();
  return { municipalityId: author.municipalityId };
}

/** «Перенести»: the author's own session, still planned, asks for the new date and time. */
export function startMove(ctx: Ctx, id: number): { data: PlannedData } | { reply: Reply } {
  const planned = ownPlanned(ctx, id);
  if (planned.state !== 'planned') return { reply: { text: ctx.t('planned-already-closed') } };
  const whom = planned.counterpartId !== null ? `p:${planned.counterpartId}` : `s:${planned.schoolId ?? 0}`;
  return { data: { municipalityId: planned.municipalityId, whom, movingId: planned.id, minutes: planned.minutes, format: planned.format, topic: planned.topic } };
}

/** A planned session's card, from /mylog: move or cancel it. */
export function plannedCard(ctx: Ctx, id: number): Reply {
  const planned = ownPlanned(ctx, id);
  const { day, time } = whenOf(ctx, planned);
  const text = ctx.t('planned-card', {
    ...plannedWhom(ctx, planned),
    day,
    time,
    minutes: planned.minutes,
    format: ctx.t(`consultation-format-${planned.format}`),
    topic: planned.topic || '—',
    state: planned.state,
  });
  if (planned.state !== 'planned') return { text };
  const started = planned.startsAt.getTime() <= ctx.deps.clock.now().getTime();
  if (started) return { text, buttons: outcomeButtons(ctx.t, id) };
  return {
    text,
    buttons: [[{ kind: 'action', label: ctx.t('planned-move'), data: plannedMoveAction.encode(id) }, { kind: 'action', label: ctx.t('planned-cancel'), data: plannedMissedAction.encode(id) }]],
  };
}

/**
 * «Состоялась»: the session is logged as a consultation with its planned
 * length, format and topic. The state changes first and only from
 * 'planned', so a second press (or a press on another device) finds it
 * closed and logs nothing.
 */
export function plannedDone(ctx: Ctx, id: number): Reply {
  const planned = ownPlanned(ctx, id);
  const author = requirePerson(ctx);
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  if (planned.state !== 'planned') return { text: ctx.t(planned.state === 'done' ? 'planned-already-done' : 'planned-already-closed'), edit: true };
  if (planned.startsAt.getTime() > now.getTime()) return { text: ctx.t('planned-not-yet') };
  const logged = db.transaction((tx) => {
    if (!closePlanned(tx, id, { state: 'done' })) return undefined;
    const row = addConsultation(
      tx,
      {
        municipalityId: planned.municipalityId,
        authorId: planned.authorId,
        counterpartId: planned.counterpartId,
        schoolId: planned.schoolId,
        date: localDate(planned.startsAt, zoneOf(ctx, planned.municipalityId)),
        minutes: planned.minutes,
        format: planned.format,
        topic: planned.topic || ctx.t('planned-default-topic'),
        outcome: null,
        plannedId: planned.id,
      },
      now,
    );
    tx.update(plannedConsultations).set({ consultationId: row.id }).where(eq(plannedConsultations.id, id)).run();
    requestConfirmation(tx, i18n, row, author, now);
    return row;
  });
  if (!logged) return { text: ctx.t('planned-already-done'), edit: true };
  ctx.deps.wakeOutbox();
  const { day, time } = whenOf(ctx, planned);
  return { text: ctx.t('planned-logged', { ...plannedWhom(ctx, planned), day, time, minutes: planned.minutes }), edit: true };
}

/** «Не состоялась» (after) or «Отменить» (before): the session closes without an entry. */
export function plannedMissed(ctx: Ctx, id: number): Reply {
  const planned = ownPlanned(ctx, id);
  if (planned.state !== 'planned') return { text: ctx.t(planned.state === 'done' ? 'planned-already-done' : 'planned-already-closed'), edit: true };
  const now = ctx.deps.clock.now();
  const closed = closePlanned(ctx.deps.db, id, { state: 'cancelled' });
  if (!closed) return { text: ctx.t('planned-already-closed'), edit: true };
  // Called off ahead of time, it is news to a teacher who was reminded of it.
  if (closed.startsAt.getTime() > now.getTime() && tellCounterpartOfChange(ctx.deps.db, ctx.deps, closed, 'cancelled', now)) ctx.deps.wakeOutbox();
  return { text: ctx.t('planned-cancelled', plannedWhom(ctx, planned)), edit: true };
}

/** /mylog's list of what is coming: a line and a button per session. */
export function upcoming(ctx: Ctx, authorId: number): { lines: string[]; buttons: Button[][] } {
  // A session long past and never answered lapses rather than crowding out what is coming.
  const since = ctx.deps.clock.now().getTime() - LAPSE_DAYS * 24 * 3600_000;
  const planned = plannedOfAuthor(ctx.deps.db, authorId)
    .filter((p) => p.startsAt.getTime() >= since)
    .slice(0, 5);
  if (planned.length === 0) return { lines: [], buttons: [] };
  const lines = [ctx.t('planned-heading')];
  const buttons: Button[][] = [];
  for (const p of planned) {
    const { day, time } = whenOf(ctx, p);
    const { whom } = plannedWhom(ctx, p);
    lines.push(`• ${day} ${time} — ${whom}`);
    buttons.push([{ kind: 'action', label: `🗓 ${day} ${time} ${whom}`.slice(0, 40), data: plannedCardAction.encode(p.id) }]);
  }
  return { lines, buttons };
}
