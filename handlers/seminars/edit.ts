// Changing a seminar after it was announced: «Изменить» on the coordinator's
// card opens a short dialog (what to change, the new value, who is told).
// Those told get what changed with a fresh card; the old cards' buttons keep
// working, as they carry only the seminar's id. Reminders follow the new time
// by themselves (their dedupe keys carry the start); ones queued for the old
// time are dropped. A capacity cut sends the latest "yes" answers to the
// waiting list, and they hear of it. The reminders' leads are changed here
// too, without telling anyone. In a series the coordinator chooses: only this
// session, or this and all the next (each person is told once).
import { dropPendingNotices, getSeminar, updateSeminar, type Seminar, type SeminarPatch } from '../../db/repos/seminars.js';
import type { Person } from '../../db/repos/people.js';
import type { DbOrTx } from '../../db/client.js';
import { leadChoices, toggleLead } from './create.js';
import { thisAndNext } from './cancel.js';
import { DEFAULT_LEADS, leadsText, markTimed } from './reminders.js';
import { datesList, shiftedLike } from './series.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Choice, DialogDef } from '../core/dialog.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { formatWhen } from '../core/format.js';
import type { Translate } from '../core/i18n.js';
import { municipalityZone, outsideQuietHours } from '../core/local-time.js';
import { notifyPerson } from '../core/outbox.js';
import { parseSeminarTime, rsvpButtons, seminarText } from './card.js';
import { bumpChangeCount, queueCalendar, queueSeriesCalendar } from './ics.js';
import { notifySeminarChange, reachOfPeople, recipientsOf, whoArg } from './notify.js';
import { audit } from '../../db/repos/audit.js';

export const editAction = defineAction('seme', idArg);

type Field = 'title' | 'startsAt' | 'place' | 'capacity' | 'leads';
const FIELDS: Field[] = ['title', 'startsAt', 'place', 'capacity', 'leads'];
type TextField = Exclude<Field, 'leads'>;

export type EditData = { seminarId: number; field?: Field; value?: string | number | null; leads?: number[]; scope?: 'one' | 'rest' };

/** A seminar the presser coordinates that has not begun and is not cancelled. */
export function changeableSeminar(ctx: Ctx, seminarId: number): Seminar {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar) throw new UserError('gone', 'seminar-gone');
  requireAdminOf(ctx, seminar.municipalityId);
  if (seminar.cancelledAt) throw new UserError('gone', 'seminar-cancelled');
  if (seminar.startsAt.getTime() <= ctx.deps.clock.now().getTime()) throw new UserError('gone', 'seminar-edit-started');
  return seminar;
}

/** A field's value as people read it. */
function shown(t: Translate, lang: string, seminar: Seminar, field: TextField, zone: string): string {
  if (field === 'startsAt') return formatWhen(seminar.startsAt, zone, lang);
  if (field === 'capacity') return seminar.capacity === null ? t('seminar-no-limit') : String(seminar.capacity);
  return seminar[field];
}

/** The change for one session; another session of the series moves like the one edited. */
function patchOf(data: EditData, session: Seminar, edited: Seminar, zone: string): SeminarPatch {
  if (data.field === 'leads') return { reminderLeads: data.leads ?? [] };
  if (data.field === 'startsAt') {
    const at = new Date(Number(data.value));
    return { startsAt: session.id === edited.id ? at : shiftedLike(session.startsAt, edited.startsAt, at, zone) };
  }
  if (data.field === 'capacity') return { capacity: data.value === null ? null : Number(data.value) };
  return data.field ? { [data.field]: String(data.value) } : {};
}

const ask: Record<TextField, string> = { title: 'seminar-ask-title', startsAt: 'seminar-ask-when', place: 'seminar-edit-ask-place', capacity: 'seminar-ask-capacity' };

function acceptValue(ctx: Ctx, seminar: Seminar, field: TextField, raw: string): { value: string | number | null } | { reask: string } {
  const text = raw.trim();
  if (field === 'title') return text.length >= 3 && text.length <= 200 ? { value: text } : { reask: ctx.t('seminar-title-invalid') };
  if (field === 'startsAt') {
    const at = parseSeminarTime(text, ctx.deps.clock.now(), municipalityZone(ctx.deps, seminar.municipalityId));
    return at ? { value: at.getTime() } : { reask: ctx.t('seminar-when-invalid') };
  }
  if (field === 'place') {
    if (seminar.format === 'online' && !/^https?:\/\/\S+$/i.test(text)) return { reask: ctx.t('seminar-link-invalid') };
    return text.length >= 3 && text.length <= 300 ? { value: text } : { reask: ctx.t('seminar-address-invalid') };
  }
  if (text === 'none') return { value: null };
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? { value: n } : { reask: ctx.t('seminar-capacity-invalid') };
}

export const editDialog: DialogDef<EditData> = {
  name: 'seminar-edit',
  version: 1,
  first: 'field',
  steps: {
    field: {
      prompt: (ctx, data) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        return {
          text: `${seminarText(ctx.t, ctx.lang, seminar, municipalityZone(ctx.deps, seminar.municipalityId))}\n\n${ctx.t('seminar-edit-ask-field')}`,
          choices: [
            ...FIELDS.map((f): Choice[] => [{ label: ctx.t(`seminar-field-${f}`, { leads: leadsText(ctx.t, seminar.reminderLeads) }), value: f }]), [{ label: ctx.t('seminar-cancel-keep'), value: 'no' }]],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind === 'choice' && answer.value === 'no') return { done: { text: ctx.t('seminar-edit-nothing') } };
        const field = FIELDS.find((f) => answer.kind === 'choice' && answer.value === f);
        if (field === 'leads') return { next: 'leads', data: { ...data, field, leads: changeableSeminar(ctx, data.seminarId).reminderLeads } };
        return field ? { next: 'value', data: { ...data, field } } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    leads: {
      prompt: (ctx, data) => {
        changeableSeminar(ctx, data.seminarId);
        const leads = data.leads ?? DEFAULT_LEADS;
        return { text: ctx.t('seminar-ask-leads', { leads: leadsText(ctx.t, leads) }), choices: leadChoices(ctx.t, leads) };
      },
      accept: (ctx, data, answer) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'done') return thisAndNext(ctx, seminar).length > 1 ? { next: 'scope', data } : { done: { text: applyChange(ctx, data, 'answered') } };
        const leads = toggleLead(data.leads ?? DEFAULT_LEADS, answer.value);
        return leads ? { next: 'leads', data: { ...data, leads }, inPlace: true } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    scope: {
      prompt: (ctx, data) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        return {
          text: ctx.t('seminar-edit-ask-scope'),
          choices: [
            [{ label: ctx.t('seminar-scope-one'), value: 'one' }],
            [{ label: ctx.t('seminar-scope-rest', { count: thisAndNext(ctx, seminar).length }), value: 'rest' }],
            [{ label: ctx.t('seminar-cancel-keep'), value: 'no' }],
          ],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'no') return { done: { text: ctx.t('seminar-edit-nothing') } };
        if (answer.value !== 'one' && answer.value !== 'rest') return { reask: ctx.t('dialog-choose-button') };
        const next: EditData = { ...data, scope: answer.value === 'rest' ? 'rest' : 'one' };
        return data.field === 'leads' ? { done: { text: applyChange(ctx, next, 'answered') } } : { next: 'who', data: next };
      },
    },
    value: {
      prompt: (ctx, data) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        const field = textField(data);
        const zone = municipalityZone(ctx.deps, seminar.municipalityId);
        const text = `${ctx.t('seminar-edit-now', { value: shown(ctx.t, ctx.lang, seminar, field, zone) })}\n${ctx.t(field === 'place' && seminar.format === 'online' ? 'seminar-ask-link' : ask[field], { zone })}`;
        return field === 'capacity'
          ? { text, acceptsText: true, choices: [[{ label: ctx.t('seminar-no-limit'), value: 'none' }]] }
          : { text, acceptsText: true };
      },
      accept: (ctx, data, answer) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        const raw = answer.kind === 'text' ? answer.text : answer.kind === 'choice' ? answer.value : '';
        const result = acceptValue(ctx, seminar, textField(data), raw);
        if ('reask' in result) return result;
        return { next: thisAndNext(ctx, seminar).length > 1 ? 'scope' : 'who', data: { ...data, value: result.value } };
      },
    },
    who: {
      prompt: (ctx, data) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        const targets = targetsOf(ctx, data, seminar);
        return {
          text: ctx.t('seminar-edit-ask-who'),
          choices: [
            [{ label: ctx.t('seminar-tell-answered', { count: recipientsOfAll(ctx, targets, 'answered').accounts.size }), value: 'answered' }],
            [{ label: ctx.t('seminar-tell-all', { count: recipientsOfAll(ctx, targets, 'all').accounts.size }), value: 'all' }],
            [{ label: ctx.t('seminar-cancel-keep'), value: 'no' }],
          ],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
        if (answer.value === 'no') return { done: { text: ctx.t('seminar-edit-nothing') } };
        const who = whoArg.safeParse(answer.value);
        if (!who.success) return { reask: ctx.t('dialog-choose-button') };
        return { done: { text: applyChange(ctx, data, who.data) } };
      },
    },
  },
};

const textField = (data: EditData): TextField => (data.field === undefined || data.field === 'leads' ? 'title' : data.field);

/** The sessions a change applies to: this one, or this and the next ones of its series. */
function targetsOf(ctx: Ctx, data: EditData, seminar: Seminar): Seminar[] {
  return data.scope === 'rest' ? thisAndNext(ctx, seminar) : [seminar];
}

/** Everyone the sessions' notices would reach, each person once. */
function recipientsOfAll(ctx: Pick<Ctx, 'deps'>, sessions: Seminar[], who: 'answered' | 'all', db: DbOrTx = ctx.deps.db) {
  const people = new Map<number, Person>();
  for (const s of sessions) for (const p of recipientsOf(db, s, who).people) people.set(p.id, p);
  return reachOfPeople(db, [...people.values()]);
}

/** New leads: nobody is told; reminders queued for the old ones are dropped, and a lead already passed is skipped. */
function applyLeads(ctx: Ctx, data: EditData): string {
  const seminar = changeableSeminar(ctx, data.seminarId);
  const targets = targetsOf(ctx, data, seminar);
  const now = ctx.deps.clock.now();
  ctx.deps.db.transaction((tx) => {
    for (const s of targets) {
      updateSeminar(tx, s.id, { reminderLeads: data.leads ?? [] });
      dropPendingNotices(tx, s.id, `seminar:${s.id}:remind-`);
      markTimed(tx, s.id, now);
    }
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: seminar.municipalityId, action: 'seminar.changed', details: { seminarId: seminar.id, field: 'leads', sessions: targets.length, recipients: 0 } });
  });
  return ctx.t('seminar-leads-saved', { leads: leadsText(ctx.t, data.leads ?? []), count: targets.length });
}

/** Writes the change, tells people (each once, however many sessions changed) and returns what the coordinator reads. */
function applyChange(ctx: Ctx, data: EditData, who: 'answered' | 'all'): string {
  if (data.field === 'leads') return applyLeads(ctx, data);
  const edited = changeableSeminar(ctx, data.seminarId);
  const field = textField(data);
  const targets = targetsOf(ctx, data, edited);
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  const zone = municipalityZone(ctx.deps, edited.municipalityId);
  const notBefore = outsideQuietHours(now, zone, ctx.deps.settings.quietHours);
  const told = db.transaction((tx) => {
    let waitlistedCount = 0;
    const changed = targets.map((before) => {
      const sequence = bumpChangeCount(tx, before.id);
      const { seminar, waitlisted, promoted } = updateSeminar(tx, before.id, patchOf(data, before, edited, zone));
      // Reminders already queued speak of the old time or title.
      dropPendingNotices(tx, seminar.id, `seminar:${seminar.id}:remind-`);
      if (field === 'startsAt') markTimed(tx, seminar.id, now);
      // A nudge still held by quiet hours speaks of the old seminar; the job writes it afresh.
      dropPendingNotices(tx, seminar.id, `seminar:${seminar.id}:nudge`);
      const moved = (personIds: number[], key: string) => {
        for (const personId of personIds) {
          notifyPerson(tx, i18n, personId, (t) => ({ text: t(key, { title: seminar.title }) }), { dedupeKey: `seminar:${seminar.id}:${key}:${sequence}:${personId}`, notBefore });
        }
      };
      moved(waitlisted, 'rsvp-moved-to-waitlist');
      moved(promoted, 'rsvp-promoted');
      waitlistedCount += waitlisted.length;
      return { before, seminar, sequence };
    });
    const first = changed[0]!;
    const recipients = changed.length > 1 ? recipientsOfAll(ctx, changed.map((c) => c.seminar), who, tx) : recipientsOf(tx, first.seminar, who);
    const key = `seminar:${first.seminar.id}:changed${changed.length > 1 ? '-rest' : ''}:${first.sequence}`;
    const queued = notifySeminarChange(tx, ctx.deps, first.seminar, recipients, key, now, (person, t) => {
      const what = t(`seminar-changed-${field}`, { title: first.before.title, was: shown(t, person.language, first.before, field, zone), now: shown(t, person.language, first.seminar, field, zone) });
      const rest = changed.length > 1 ? `\n${t('series-changed-rest', { count: changed.length, dates: datesList(person.language, changed.map((c) => c.seminar), zone) })}` : '';
      return { text: `${what}${rest}\n\n${seminarText(t, person.language, first.seminar, zone)}`, buttons: rsvpButtons(t, first.seminar.id) };
    });
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: edited.municipalityId, action: 'seminar.changed', details: { seminarId: edited.id, field, sessions: changed.length, recipients: queued } });
    // The number of places is not in the calendar; anything else is.
    if (field !== 'capacity') {
      const options = { key, batch: `seminar:${first.seminar.id}:change`, now, method: 'PUBLISH' } as const;
      if (changed.length > 1 && edited.seriesId !== null) queueSeriesCalendar(tx, ctx.deps, edited.seriesId, changed.map((c) => c.seminar), recipients, options);
      else queueCalendar(tx, ctx.deps, first.seminar, recipients, options);
    }
    return { queued, waitlisted: waitlistedCount };
  });
  ctx.deps.wakeOutbox();
  const done = ctx.t('seminar-edit-done', { count: told.queued });
  return told.waitlisted > 0 ? `${done}\n${ctx.t('seminar-edit-waitlisted', { count: told.waitlisted })}` : done;
}
