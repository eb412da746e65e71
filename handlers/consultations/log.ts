// /log: a mentor or tutor records a consultation in seconds. Whom (their
// assignments first, then a search), when, how long, how, about what, and
// the outcome; a summary to confirm, then saved with its history. The
// one-line form (`/log Иванова 45 мин онлайн: разбор ВПР`) fills what it
// understood and the dialog asks only for the rest.
import { DateTime } from 'luxon';
import { activeAssignmentsOfPerson } from '../../db/repos/assignments.js';
import type { DialogRow } from '../../db/repos/dialogs.js';
import { addConsultation, confirmConsultation, editConsultation, getConsultation, type Consultation } from '../../db/repos/consultations.js';
import type { DbOrTx } from '../../db/client.js';
import type { I18n } from '../core/i18n.js';
import { getMunicipality, getSchool } from '../../db/repos/org.js';
import { getPerson, peopleOf, type Person } from '../../db/repos/people.js';
import { consultationFormats, type ConsultationFormatName } from '../../db/schema.js';
import { localDate, municipalityZone } from '../core/local-time.js';
import { requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Ctx } from '../core/context.js';
import type { Answer, Choice, DialogDef, StepOutcome } from '../core/dialog.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatIsoDay } from '../core/format.js';
import { notifyPerson } from '../core/outbox.js';
import { pickOne } from '../core/pick.js';
import type { Outcome } from '../core/router.js';
import { parseOneLine, type Counterpart } from './one-line.js';
import { ratingButtons } from './rating.js';

export const confirmAction = defineAction('cnf', idArg);

/**
 * When the municipality asks for confirmations, the teacher or school admin
 * the entry is for is asked to confirm it took place (and may rate it then).
 */
export function requestConfirmation(tx: DbOrTx, i18n: I18n, row: Consultation, author: Person, now: Date): void {
  const municipality = getMunicipality(tx, row.municipalityId);
  if (!municipality?.settings.confirmConsultations || row.counterpartId === null) return;
  notifyPerson(
    tx,
    i18n,
    row.counterpartId,
    (t) => ({
      text: t('log-confirm-request', { author: author.fullName ?? '—', date: formatIsoDay(row.date), minutes: row.minutes, topic: row.topic }),
      buttons: [[{ kind: 'action', label: t('log-confirm-yes'), data: confirmAction.encode(row.id) }]],
    }),
    { dedupeKey: `consultation:${row.id}:confirm`, notBefore: now },
  );
}

export type LogData = {
  municipalityId: number;
  /** 'p:<personId>' or 's:<schoolId>'. */
  whom?: string;
  date?: string;
  minutes?: number;
  format?: ConsultationFormatName;
  topic?: string;
  outcome?: string | null;
  filter?: string;
  editingId?: number;
  /** A second /log while this one waited for «Сохранить»: kept here until the person says which to keep. */
  replacement?: LogData;
};

export interface Candidate {
  key: string;
  label: string;
  personId: number | null;
  schoolId: number | null;
  /** Names the one-line form may use for it. */
  names: string[];
}

/** Whom an author may log for: the schools they mentor (and their management), the teachers they tutor. */
export function candidatesOf(ctx: Ctx, author: Person): Candidate[] {
  const { db } = ctx.deps;
  const out = new Map<string, Candidate>();
  for (const a of activeAssignmentsOfPerson(db, author.id)) {
    if (a.helperId !== author.id) continue;
    if (a.kind === 'mentor_school' && a.schoolId !== null) {
      const school = getSchool(db, a.schoolId);
      if (!school) continue;
      out.set(`s:${school.id}`, { key: `s:${school.id}`, label: school.shortName, personId: null, schoolId: school.id, names: [school.name, school.shortName] });
      for (const admin of peopleOf(db, school.municipalityId, { role: 'school_admin', schoolId: school.id })) {
        const label = `${admin.fullName ?? '—'} (${school.shortName})`;
        out.set(`p:${admin.id}`, { key: `p:${admin.id}`, label, personId: admin.id, schoolId: school.id, names: [admin.fullName ?? ''] });
      }
    }
    if (a.kind === 'tutor_teacher' && a.teacherId !== null) {
      const teacher = getPerson(db, a.teacherId);
      if (!teacher?.fullName) continue;
      const school = teacher.schoolId !== null ? getSchool(db, teacher.schoolId) : undefined;
      const label = `${teacher.fullName}${school ? ` (${school.shortName})` : ''}`;
      out.set(`p:${teacher.id}`, { key: `p:${teacher.id}`, label, personId: teacher.id, schoolId: teacher.schoolId, names: [teacher.fullName] });
    }
  }
  return [...out.values()];
}

function zoneOf(ctx: Ctx, data: LogData): string {
  return municipalityZone(ctx.deps, data.municipalityId);
}

function today(ctx: Ctx, data: LogData): string {
  return localDate(ctx.deps.clock.now(), zoneOf(ctx, data));
}

/** The topic buttons: the municipality's own list, or the usual ones. */
export function topicList(ctx: Ctx, municipalityId: number): string[] {
  const own = getMunicipality(ctx.deps.db, municipalityId)?.settings.consultationTopics;
  return own?.length ? own : ctx.t('consultation-default-topics').split('|').map((t) => t.trim()).filter(Boolean);
}

function next(data: LogData): StepOutcome<LogData> {
  const clean = { ...data, filter: undefined };
  if (!data.whom) return { next: 'whom', data: clean };
  if (!data.date) return { next: 'date', data: clean };
  if (!data.minutes) return { next: 'minutes', data: clean };
  if (!data.format) return { next: 'format', data: clean };
  if (!data.topic) return { next: 'topic', data: clean };
  if (data.outcome === undefined) return { next: 'outcome', data: clean };
  return { next: 'confirm', data: clean };
}

export function summary(ctx: Ctx, data: LogData): string {
  const author = requirePerson(ctx);
  const whom = candidatesOf(ctx, author).find((c) => c.key === data.whom)?.label ?? '—';
  return ctx.t('log-summary', {
    whom,
    date: data.date ? formatIsoDay(data.date) : '—',
    minutes: data.minutes ?? 0,
    format: data.format ? ctx.t(`consultation-format-${data.format}`) : '—',
    topic: data.topic ?? '—',
    outcome: data.outcome ?? '—',
  });
}

/** Reads a typed date: "сегодня", "вчера", "12.03", "12.03.2026" — never in the future. */
function readDate(ctx: Ctx, data: LogData, text: string): string | undefined {
  return parseOneLine(text, { today: today(ctx, data), counterparts: [] }).date;
}

function save(ctx: Ctx, data: LogData): string {
  const author = requirePerson(ctx);
  const candidate = candidatesOf(ctx, author).find((c) => c.key === data.whom);
  if (!candidate) throw new UserError('forbidden', 'log-not-your-assignment');
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  const values = {
    municipalityId: data.municipalityId,
    authorId: author.id,
    counterpartId: candidate.personId,
    schoolId: candidate.schoolId,
    date: data.date ?? today(ctx, data),
    minutes: data.minutes ?? 0,
    format: data.format ?? 'in_person',
    topic: data.topic ?? '',
    outcome: data.outcome ?? null,
  };
  const saved = db.transaction((tx) => {
    if (data.editingId !== undefined) return editConsultation(tx, data.editingId, values, author.id, now);
    const row = addConsultation(tx, values, now);
    requestConfirmation(tx, i18n, row, author, now);
    return row;
  });
  if (!saved) throw new UserError('gone', 'log-entry-gone');
  ctx.deps.wakeOutbox();
  return ctx.t(data.editingId !== undefined ? 'log-edited' : 'log-saved');
}

/** The consultation formats as a step's buttons, two to a row; `chosenFormat` reads the press back. */
export function formatChoices(ctx: Pick<Ctx, 't'>): Choice[][] {
  return [consultationFormats.slice(0, 2), consultationFormats.slice(2)].map((row) => row.map((f) => ({ label: ctx.t(`consultation-format-${f}`), value: f })));
}

export function chosenFormat(answer: Answer): ConsultationFormatName | undefined {
  return answer.kind === 'choice' ? consultationFormats.find((f) => answer.value === f) : undefined;
}

export const logDialog: DialogDef<LogData> = {
  name: 'log',
  version: 1,
  first: 'whom',
  steps: {
    whom: pickOne<LogData>({
      step: 'whom',
      filterKey: 'filter',
      question: (ctx) => ctx.t('log-ask-whom'),
      items: (ctx) => candidatesOf(ctx, requirePerson(ctx)).map((c) => ({ label: c.label, value: c.key })),
      onPick: (ctx, data, value) =>
        candidatesOf(ctx, requirePerson(ctx)).some((c) => c.key === value) ? next({ ...data, whom: value }) : { reask: ctx.t('log-not-your-assignment') },
    }),
    date: {
      prompt: (ctx) => ({
        text: ctx.t('log-ask-date'),
        choices: [[{ label: ctx.t('log-today'), value: 'today' }, { label: ctx.t('log-yesterday'), value: 'yesterday' }]],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const base = DateTime.fromISO(today(ctx, data));
        const date =
          answer.kind === 'choice'
            ? (answer.value === 'today' ? base : base.minus({ days: 1 })).toISODate() ?? undefined
            : answer.kind === 'text'
              ? readDate(ctx, data, answer.text)
              : undefined;
        return date ? next({ ...data, date }) : { reask: ctx.t('log-date-invalid') };
      },
    },
    minutes: {
      prompt: (ctx) => ({
        text: ctx.t('log-ask-minutes'),
        choices: [[15, 30, 45, 60, 90].map((m) => ({ label: ctx.t('log-minutes', { minutes: m }), value: String(m) }))],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const minutes =
          answer.kind === 'choice'
            ? Number(answer.value)
            : answer.kind === 'text'
              ? (/^\s*\d{1,3}\s*$/.test(answer.text) ? Number(answer.text) : parseOneLine(answer.text, { today: today(ctx, data), counterparts: [] }).minutes)
              : undefined;
        return minutes !== undefined && Number.isInteger(minutes) && minutes >= 5 && minutes <= 600
          ? next({ ...data, minutes })
          : { reask: ctx.t('log-minutes-invalid') };
      },
    },
    format: {
      prompt: (ctx) => ({
        text: ctx.t('log-ask-format'),
        choices: formatChoices(ctx),
      }),
      accept: (ctx, data, answer) => {
        const format = chosenFormat(answer);
        return format ? next({ ...data, format }) : { reask: ctx.t('dialog-choose-button') };
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
        return topic && topic.length >= 2 && topic.length <= 300 ? next({ ...data, topic }) : { reask: ctx.t('log-topic-invalid') };
      },
    },
    outcome: {
      prompt: (ctx) => ({ text: ctx.t('log-ask-outcome'), choices: [[{ label: ctx.t('skip'), value: 'skip' }]], acceptsText: true }),
      accept: (_ctx, data, answer) => next({ ...data, outcome: answer.kind === 'text' ? answer.text.trim().slice(0, 1000) : null }),
    },
    field: {
      prompt: (ctx, data) => ({
        text: `${summary(ctx, data)}\n\n${ctx.t('log-ask-field')}`,
        choices: (['date', 'minutes', 'format', 'topic', 'outcome'] as const).map((f) => [{ label: ctx.t(`log-field-${f}`), value: f }]),
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || !['date', 'minutes', 'format', 'topic', 'outcome'].includes(answer.value)) return { reask: ctx.t('dialog-choose-button') };
        return next({ ...data, [answer.value]: undefined });
      },
    },
    which: {
      prompt: (ctx, data) => ({
        text: ctx.t('log-which', {
          waiting: summary(ctx, { ...data, replacement: undefined }),
          // A bare /log brings nothing to show yet: the new entry would start from the beginning.
          fresh: data.replacement && Object.keys(data.replacement).length > 1 ? summary(ctx, data.replacement) : ctx.t('log-fresh-start'),
        }),
        choices: [[{ label: ctx.t('log-keep-waiting'), value: 'waiting' }], [{ label: ctx.t('log-keep-new'), value: 'new' }]],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        const { replacement, ...waiting } = data;
        if (answer.value === 'waiting' || !replacement) return { next: 'confirm', data: waiting };
        return answer.value === 'new' ? next(replacement) : { reask: ctx.t('dialog-choose-button') };
      },
    },
    confirm: {
      prompt: (ctx, data) => ({
        text: `${summary(ctx, data)}\n\n${ctx.t('log-confirm-question')}`,
        choices: [[{ label: ctx.t('log-save'), value: 'yes' }, { label: ctx.t('assign-cancel'), value: 'no' }]],
      }),
      accept: (ctx, data, answer) =>
        answer.kind === 'choice' && answer.value === 'yes' ? { done: { text: save(ctx, data) } } : { done: { text: ctx.t('cancelled') } },
    },
  },
};

/** A fragment the line could not place that reads as a surname: «Смирнова», «Смирновой О.В.». */
const looksLikeName = (fragment: string) => /^\p{Lu}\p{Ll}+/u.test(fragment);

/** What a one-line /log understood; `unknownName` when it names someone who is not among the author's. */
function fromLine(ctx: Ctx, base: LogData, candidates: Candidate[], args: string): { data: LogData; unknownName?: string } {
  const counterparts: Counterpart[] = candidates.map((c) => ({
    id: c.personId ?? -(c.schoolId ?? 0),
    kind: c.personId !== null ? 'person' : 'school',
    names: c.names,
  }));
  const parsed = parseOneLine(args, { today: today(ctx, base), counterparts });
  const whom = parsed.counterpartId === undefined ? undefined : parsed.counterpartId > 0 ? `p:${parsed.counterpartId}` : `s:${-parsed.counterpartId}`;
  const unknownName = whom === undefined && !parsed.ambiguous ? parsed.unread.find(looksLikeName) : undefined;
  // With only the name missing, the line is as complete as one that named a counterpart: after «who» comes the summary.
  const onlyWhomMissing = unknownName !== undefined && parsed.unread.length === 1 && Boolean(parsed.minutes && parsed.format && parsed.topic);
  const data: LogData = {
    ...base,
    whom,
    date: parsed.date ?? today(ctx, base),
    minutes: parsed.minutes,
    format: parsed.format,
    topic: parsed.topic,
    outcome: parsed.complete || onlyWhomMissing ? null : undefined,
  };
  return { data, unknownName };
}

/** What the line kept for the dialog, so the person sees nothing was lost: «45 мин, онлайн, «разбор ВПР»». */
function kept(ctx: Ctx, data: LogData): string {
  const parts = [
    data.minutes ? ctx.t('log-minutes', { minutes: data.minutes }) : undefined,
    data.format ? ctx.t(`consultation-format-${data.format}`) : undefined,
    data.topic ? `«${data.topic}»` : undefined,
  ].filter((p) => p !== undefined);
  return parts.join(', ');
}

function withNote(note: string, outcome: Outcome): Outcome {
  if (Array.isArray(outcome)) return [{ text: note }, ...outcome];
  return 'replies' in outcome ? { ...outcome, replies: [{ text: note }, ...outcome.replies] } : [{ text: note }, outcome];
}

/**
 * `/log` with or without a one-line text: the first step still missing, or
 * straight to the summary. A second /log while an entry waits for «Сохранить»
 * asks which of the two to keep rather than dropping the first.
 */
export function startLog(ctx: Ctx, args: string, start: (data: LogData, step: string) => Outcome, active?: Pick<DialogRow, 'name' | 'step' | 'data' | 'expiresAt'>): Outcome {
  const author = requirePerson(ctx);
  const candidates = candidatesOf(ctx, author);
  if (candidates.length === 0 || author.municipalityId === null) return { text: ctx.t('log-no-assignments') };
  const base: LogData = { municipalityId: author.municipalityId };
  const { data, unknownName } = args.trim() ? fromLine(ctx, base, candidates, args) : { data: base, unknownName: undefined };
  const live = active && active.expiresAt.getTime() > ctx.deps.clock.now().getTime();
  const waiting = live && active.name === logDialog.name && active.step === 'confirm' ? (active.data as LogData) : undefined;
  if (waiting && waiting.municipalityId === author.municipalityId) return start({ ...waiting, replacement: data }, 'which');
  if (!args.trim()) return start(base, 'whom');
  const step = next(data);
  const started = start('next' in step ? step.data : data, 'next' in step ? step.next : 'confirm');
  if (!unknownName) return started;
  const what = kept(ctx, data);
  return withNote(ctx.t('log-unknown-name', { name: unknownName, kept: what || 'none' }), started);
}

/** Opens an own entry for correction: the person picks the field to change. */
export function editData(entry: { id: number; municipalityId: number; counterpartId: number | null; schoolId: number | null; date: string; minutes: number; format: ConsultationFormatName; topic: string; outcome: string | null }): LogData {
  return {
    municipalityId: entry.municipalityId,
    whom: entry.counterpartId !== null ? `p:${entry.counterpartId}` : `s:${entry.schoolId ?? 0}`,
    date: entry.date,
    minutes: entry.minutes,
    format: entry.format,
    topic: entry.topic,
    outcome: entry.outcome,
    editingId: entry.id,
  };
}

/** The logged-for side confirms the consultation took place. */
export function confirmTookPlace(ctx: Ctx, id: number): Outcome {
  const person = requirePerson(ctx);
  const entry = getConsultation(ctx.deps.db, id);
  if (!entry || entry.deletedAt || entry.counterpartId !== person.id) throw notAllowed();
  const fresh = confirmConsultation(ctx.deps.db, id, person.id, ctx.deps.clock.now());
  // Rating is offered with the confirmation, and again while none was given; it is never required.
  if (entry.rating === null) return { text: `${ctx.t(fresh ? 'log-confirmed' : 'log-confirmed-already')}\n\n${ctx.t('rating-offer')}`, buttons: ratingButtons(ctx.t, id), edit: true };
  return { text: ctx.t(fresh ? 'log-confirmed' : 'log-confirmed-already'), edit: true };
}
