// /seminar: the coordinator announces a seminar in a short dialog (title,
// date and time in the municipality's zone, format and place, audience,
// capacity, whether and how it repeats), sees how many people it reaches on
// which messenger and when they are reminded, and confirms; the card goes to
// everyone in the audience through the outbox. A repeating seminar becomes a
// series of sessions, announced once (series.ts).
import { audit } from '../../db/repos/audit.js';
import { newCode } from '../../db/repos/invites.js';
import { getSchool, schoolsOf } from '../../db/repos/org.js';
import { createSeminar, seriesOf, type Seminar } from '../../db/repos/seminars.js';
import type { DbOrTx } from '../../db/client.js';
import type { Audience, SeriesRecurrence } from '../../db/schema.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import { UserError } from '../core/errors.js';
import { releaseNow, withHeldNotice } from '../core/held.js';
import { getSeminar } from '../../db/repos/seminars.js';
import { audiencePresets, presetAudience, queueToReach, reach, reachText, type AudiencePreset } from '../core/audience.js';
import type { CoreDeps, Ctx } from '../core/context.js';
import type { Choice, DialogDef } from '../core/dialog.js';
import { municipalityZone } from '../core/local-time.js';
import { releaseHeld } from '../../db/repos/held-outbox.js';
import { queueCalendar } from './ics.js';
import { announcementCard, parseSeminarTime, seminarText, type NewSeminar } from './card.js';
import { DEFAULT_LEADS, leadsText, markTimed, normalLeads, REMINDER_LEADS } from './reminders.js';
import { MAX_SESSIONS, MIN_SESSIONS, rhythmsFor, rhythmValue, seriesDates } from './recurrence.js';
import { createSeriesAndAnnounce, datesList, markCarded, rhythmText } from './series.js';
import { DateTime } from 'luxon';
import type { Translate } from '../core/i18n.js';

export type SeminarData = {
  municipalityId: number;
  title?: string;
  startsAt?: number;
  format?: 'in_person' | 'online';
  place?: string;
  description?: string;
  audience?: Audience;
  capacity?: number | null;
  seriesId?: number | null;
  /** A repeating seminar: its rhythm and the start of every session (ms). */
  recurrence?: SeriesRecurrence;
  sessions?: number[];
  /** Reminder leads in minutes; the defaults until the coordinator changes them. */
  leads?: number[];
};

export type { NewSeminar };

/** «Срочно — отправить сейчас» under an announcement quiet hours hold. */
export const announceNowAction = defineAction('semu', idArg);

/** The announcement's rows, and only those: reminders share the seminar's batch. */
const announcementRows = (id: number) => ({ batch: `seminar:${id}`, keyPrefix: `seminar:${id}:announce:` });

/** The calendar file that follows each card: released with the cards, counted apart from them. */
const calendarRows = (id: number) => ({ batch: `seminar:${id}`, keyPrefix: `seminar:${id}:calendar:` });

/** The coordinator decided a held announcement cannot wait: its rows go now, once. */
export function announceNow(ctx: Ctx, seminarId: number): Reply {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar || seminar.cancelledAt) throw new UserError('gone', 'seminar-gone');
  const coordinator = requireAdminOf(ctx, seminar.municipalityId);
  releaseHeld(ctx.deps.db, calendarRows(seminar.id), ctx.deps.clock.now());
  const { released, reply } = releaseNow(ctx, announcementRows(seminar.id));
  if (released > 0) {
    audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: coordinator.id, municipalityId: seminar.municipalityId, action: 'seminar.announced', details: { seminarId: seminar.id, recipients: released, urgent: true, heldByQuietHours: true } });
  }
  return reply;
}

/** Writes the seminar and queues its card to the whole audience, in the caller's transaction. */
export function createAndAnnounce(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n' | 'settings'>, input: NewSeminar, now: Date): { seminar: Seminar; queued: number } {
  const seminar = createSeminar(tx, { ...input, attendanceCode: newCode(6) });
  markTimed(tx, seminar.id, now);
  markCarded(tx, seminar.id, now);
  const zone = municipalityZone({ db: tx, settings: deps.settings }, input.municipalityId);
  const audience = reach(tx, input.municipalityId, input.audience);
  const queued = queueToReach(tx, deps, input.municipalityId, audience, (person, t) => announcementCard(tx, t, person.language, seminar, zone), {
    key: `seminar:${seminar.id}:announce`,
    batch: `seminar:${seminar.id}`,
    now,
    urgent: input.urgent,
  });
  queueCalendar(tx, deps, seminar, audience, { key: `seminar:${seminar.id}:calendar`, batch: `seminar:${seminar.id}`, now, urgent: input.urgent, method: 'PUBLISH' });
  audit(tx, { at: now, actorId: input.createdBy, municipalityId: input.municipalityId, action: 'seminar.announced', details: { seminarId: seminar.id, recipients: queued } });
  return { seminar, queued };
}

const zoneOf = (ctx: Ctx, data: SeminarData) => municipalityZone(ctx.deps, data.municipalityId);

function audienceChoices(ctx: Ctx, data: SeminarData): Choice[][] {
  const presets = audiencePresets.map((p) => [{ label: ctx.t(`audience-${p}`), value: p }]);
  const schools = schoolsOf(ctx.deps.db, data.municipalityId).map((s) => ({ label: s.shortName, value: `school:${s.id}` }));
  const rows: Choice[][] = [];
  for (let i = 0; i < schools.length; i += 2) rows.push(schools.slice(i, i + 2));
  return [...presets, ...rows];
}

/** The draft as a seminar row, for the preview and the reach count. */
function draft(data: SeminarData): Seminar {
  return {
    id: 0,
    municipalityId: data.municipalityId,
    seriesId: data.seriesId ?? null,
    title: data.title ?? '',
    description: data.description ?? '',
    startsAt: new Date(data.startsAt ?? 0),
    durationMinutes: 90,
    reminderLeads: data.leads ?? DEFAULT_LEADS,
    format: data.format ?? 'in_person',
    place: data.place ?? '',
    capacity: data.capacity ?? null,
    audience: data.audience ?? {},
    attendanceCode: '',
    urgent: false,
    createdBy: null,
    cancelledAt: null,
    createdAt: new Date(0),
  };
}

export const seminarDialog: DialogDef<SeminarData> = {
  name: 'seminar',
  version: 1,
  first: 'title',
  steps: {
    title: {
      prompt: (ctx) => ({ text: ctx.t('seminar-ask-title'), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const title = answer.kind === 'text' ? answer.text.trim() : '';
        if (title.length < 3 || title.length > 200) return { reask: ctx.t('seminar-title-invalid') };
        return { next: 'when', data: { ...data, title } };
      },
    },
    when: {
      prompt: (ctx, data) => ({ text: ctx.t('seminar-ask-when', { zone: zoneOf(ctx, data) }), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const at = answer.kind === 'text' ? parseSeminarTime(answer.text, ctx.deps.clock.now(), zoneOf(ctx, data)) : undefined;
        return at ? { next: 'format', data: { ...data, startsAt: at.getTime() } } : { reask: ctx.t('seminar-when-invalid') };
      },
    },
    format: {
      prompt: (ctx) => ({
        text: ctx.t('seminar-ask-format'),
        choices: [[{ label: ctx.t('seminar-format-in_person'), value: 'in_person' }, { label: ctx.t('seminar-format-online'), value: 'online' }]],
      }),
      accept: (ctx, data, answer) =>
        answer.kind === 'choice' && (answer.value === 'in_person' || answer.value === 'online')
          ? { next: 'place', data: { ...data, format: answer.value } }
          : { reask: ctx.t('dialog-choose-button') },
    },
    place: {
      prompt: (ctx, data) => ({ text: ctx.t(data.format === 'online' ? 'seminar-ask-link' : 'seminar-ask-address'), acceptsText: true }),
      accept: (ctx, data, answer) => {
        const place = answer.kind === 'text' ? answer.text.trim() : '';
        if (data.format === 'online' && !/^https?:\/\/\S+$/i.test(place)) return { reask: ctx.t('seminar-link-invalid') };
        if (place.length < 3 || place.length > 300) return { reask: ctx.t('seminar-address-invalid') };
        return { next: 'description', data: { ...data, place } };
      },
    },
    description: {
      prompt: (ctx) => ({ text: ctx.t('seminar-ask-description'), choices: [[{ label: ctx.t('skip'), value: 'skip' }]], acceptsText: true }),
      accept: (ctx, data, answer) => {
        const description = answer.kind === 'text' ? answer.text.trim().slice(0, 1500) : '';
        return { next: 'audience', data: { ...data, description } };
      },
    },
    audience: {
      prompt: (ctx, data) => ({ text: ctx.t('seminar-ask-audience'), choices: audienceChoices(ctx, data) }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        const preset = audiencePresets.find((p) => p === answer.value);
        if (preset) return { next: 'capacity', data: { ...data, audience: presetAudience(preset as AudiencePreset) } };
        const school = getSchool(ctx.deps.db, Number(answer.value.replace('school:', '')));
        if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
        const schoolIds = [...new Set([...(data.audience?.schoolIds ?? []), school.id])];
        return { next: 'more-schools', data: { ...data, audience: { schoolIds } } };
      },
    },
    'more-schools': {
      prompt: (ctx, data) => {
        const chosen = (data.audience?.schoolIds ?? []).map((id) => getSchool(ctx.deps.db, id)?.shortName ?? '').join(', ');
        const others = schoolsOf(ctx.deps.db, data.municipalityId).filter((s) => !data.audience?.schoolIds?.includes(s.id));
        return {
          text: ctx.t('seminar-schools-chosen', { schools: chosen }),
          choices: [[{ label: ctx.t('seminar-schools-done'), value: 'done' }], ...others.map((s) => [{ label: `+ ${s.shortName}`, value: String(s.id) }])],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'done') return { next: 'capacity', data };
        const school = getSchool(ctx.deps.db, Number(answer.value));
        if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
        return { next: 'more-schools', data: { ...data, audience: { schoolIds: [...(data.audience?.schoolIds ?? []), school.id] } }, inPlace: true };
      },
    },
    capacity: {
      prompt: (ctx) => ({
        text: ctx.t('seminar-ask-capacity'),
        choices: [[{ label: ctx.t('seminar-no-limit'), value: 'none' }, { label: '20', value: '20' }, { label: '50', value: '50' }]],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const raw = answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? answer.text.trim() : '';
        if (raw === 'none') return { next: 'series', data: { ...data, capacity: null } };
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 1 || n > 10_000) return { reask: ctx.t('seminar-capacity-invalid') };
        return { next: 'series', data: { ...data, capacity: n } };
      },
    },
    series: {
      prompt: (ctx, data) => ({
        text: ctx.t('seminar-ask-repeat'),
        choices: [
          [{ label: ctx.t('seminar-series-none'), value: 'none' }],
          ...rhythmsFor(new Date(data.startsAt ?? 0), zoneOf(ctx, data)).map((r) => [{ label: capitalised(rhythmText(ctx.t, r)), value: rhythmValue(r) }]),
          ...seriesOf(ctx.deps.db, data.municipalityId).map((s) => [{ label: ctx.t('seminar-series-join', { title: s.title.slice(0, 40) }), value: String(s.id) }]),
        ],
      }),
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        const plain = { ...data, recurrence: undefined, sessions: undefined };
        if (answer.value === 'none') return { next: 'confirm', data: { ...plain, seriesId: null } };
        const rhythm = rhythmsFor(new Date(data.startsAt ?? 0), zoneOf(ctx, data)).find((r) => rhythmValue(r) === answer.value);
        if (rhythm) return { next: 'sessions', data: { ...plain, seriesId: null, recurrence: rhythm } };
        const series = seriesOf(ctx.deps.db, data.municipalityId).find((s) => String(s.id) === answer.value);
        return series ? { next: 'confirm', data: { ...plain, seriesId: series.id } } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    sessions: {
      prompt: (ctx) => ({
        text: ctx.t('seminar-ask-sessions'),
        choices: [['3', '4', '6', '8', '10'].map((n) => ({ label: n, value: n }))],
        acceptsText: true,
      }),
      accept: (ctx, data, answer) => {
        const raw = answer.kind === 'choice' ? answer.value : answer.kind === 'text' ? answer.text.trim() : '';
        const end = sessionsEnd(raw, ctx.deps.clock.now(), zoneOf(ctx, data));
        if (!end || !data.recurrence) return { reask: ctx.t('seminar-sessions-invalid') };
        const dates = seriesDates(new Date(data.startsAt ?? 0), zoneOf(ctx, data), data.recurrence, end);
        if (dates.length < MIN_SESSIONS) return { reask: ctx.t('seminar-sessions-too-few') };
        if (dates.length > MAX_SESSIONS) return { reask: ctx.t('seminar-sessions-too-many') };
        return { next: 'confirm', data: { ...data, sessions: dates.map((d) => d.getTime()) } };
      },
    },
    leads: {
      prompt: (ctx, data) => {
        const leads = data.leads ?? DEFAULT_LEADS;
        return { text: ctx.t('seminar-ask-leads', { leads: leadsText(ctx.t, leads) }), choices: leadChoices(ctx.t, leads) };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'done') return { next: 'confirm', data };
        const leads = toggleLead(data.leads ?? DEFAULT_LEADS, answer.value);
        return leads ? { next: 'leads', data: { ...data, leads }, inPlace: true } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    confirm: {
      prompt: (ctx, data) => {
        const r = reach(ctx.deps.db, data.municipalityId, data.audience ?? {});
        const zone = zoneOf(ctx, data);
        const series = data.recurrence && data.sessions
          ? `\n\n${ctx.t('series-rhythm-line', { rhythm: rhythmText(ctx.t, data.recurrence), count: data.sessions.length })}\n${datesList(ctx.lang, data.sessions.map((at) => ({ startsAt: new Date(at) })), zone)}`
          : '';
        const leads = ctx.t('seminar-leads-line', { leads: leadsText(ctx.t, data.leads ?? DEFAULT_LEADS) });
        return {
          text: `${seminarText(ctx.t, ctx.lang, draft(data), zone)}${series}\n${leads}\n\n${reachText(ctx.t, r)}\n\n${ctx.t('seminar-confirm-question')}`,
          choices: [
            [{ label: ctx.t('seminar-announce'), value: 'yes' }],
            [{ label: ctx.t('announce-urgent'), value: 'urgent' }],
            [{ label: ctx.t('seminar-leads-change'), value: 'leads' }],
            [{ label: ctx.t('assign-cancel'), value: 'no' }],
          ],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind === 'choice' && answer.value === 'leads') return { next: 'leads', data };
        if (answer.kind !== 'choice' || answer.value === 'no') return { done: { text: ctx.t('cancelled') } };
        const coordinator = requireAdminOf(ctx, data.municipalityId);
        const now = ctx.deps.clock.now();
        if ((data.startsAt ?? 0) <= now.getTime()) return { done: { text: ctx.t('seminar-when-passed') } };
        const input: NewSeminar = {
          municipalityId: data.municipalityId,
          title: data.title ?? '',
              description: data.description ?? '',
              startsAt: new Date(data.startsAt ?? now.getTime()),
              format: data.format ?? 'in_person',
              place: data.place ?? '',
              capacity: data.capacity ?? null,
              audience: data.audience ?? {},
              seriesId: data.seriesId ?? null,
              urgent: answer.value === 'urgent',
              createdBy: coordinator.id,
              reminderLeads: normalLeads(data.leads ?? DEFAULT_LEADS),
        };
        const recurrence = data.recurrence;
        const sessions = data.sessions;
        const { seminar, queued, count } = ctx.deps.db.transaction((tx) => {
          if (recurrence && sessions) {
            const made = createSeriesAndAnnounce(tx, ctx.deps, { ...input, recurrence, dates: sessions.map((at) => new Date(at)) }, now);
            return { seminar: made.first, queued: made.queued, count: made.sessions.length };
          }
          return { ...createAndAnnounce(tx, ctx.deps, input, now), count: 1 };
        });
        ctx.deps.wakeOutbox();
        const announced = ctx.t('seminar-announced', { count: queued, code: seminar.attendanceCode });
        const done: Reply = { text: count > 1 ? `${announced}\n${ctx.t('series-announced', { count })}` : announced };
        return { done: withHeldNotice(ctx, done, data.municipalityId, announcementRows(seminar.id), announceNowAction.encode(seminar.id)) };
      },
    },
  },
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How many sessions, or until which date: «6», or «30.12.2026» (local date, this year or the next). */
function sessionsEnd(raw: string, now: Date, zone: string): { count: number } | { until: string } | undefined {
  if (/^\d{1,3}$/.test(raw)) {
    const n = Number(raw);
    return n >= MIN_SESSIONS && n <= MAX_SESSIONS ? { count: n } : undefined;
  }
  const m = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{2,4}))?$/.exec(raw);
  if (!m) return undefined;
  const local = DateTime.fromJSDate(now, { zone });
  const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : local.year;
  let day = DateTime.fromObject({ year, month: Number(m[2]), day: Number(m[1]) }, { zone });
  if (!m[3] && day.isValid && day < local.startOf('day')) day = day.plus({ years: 1 });
  return day.isValid ? { until: day.toISODate() ?? '' } : undefined;
}

/** The reminder toggles: ✓ on those chosen, then «Готово». */
export function leadChoices(t: Translate, leads: readonly number[]) {
  return [
    ...REMINDER_LEADS.map((l) => [{ label: `${leads.includes(l) ? '✓ ' : ''}${t(`seminar-lead-${l}`)}`, value: String(l) }]),
    [{ label: t('seminar-leads-done'), value: 'done' }],
  ];
}

/** A lead switched on or off; undefined for a value that is no lead. */
export function toggleLead(leads: readonly number[], value: string): number[] | undefined {
  const lead = REMINDER_LEADS.find((l) => String(l) === value);
  if (lead === undefined) return undefined;
  return normalLeads(leads.includes(lead) ? leads.filter((l) => l !== lead) : [...leads, lead]);
}
