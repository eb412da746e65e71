// Changing a seminar after it was announced: «Изменить» on the coordinator's
// card opens a short dialog (what to change, the new value, who is told).
// Those told get what changed with a fresh card; the old cards' buttons keep
// working, as they carry only the seminar's id. Reminders follow the new time
// by themselves (their dedupe keys carry the start); ones queued for the old
// time are dropped. A capacity cut sends the latest "yes" answers to the
// waiting list, and they hear of it.
import { dropPendingNotices, getSeminar, updateSeminar, type Seminar, type SeminarPatch } from '../../db/repos/seminars.js';
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
import { bumpChangeCount, queueCalendar } from './ics.js';
import { notifySeminarChange, recipientsOf, whoArg } from './notify.js';
import { audit } from '../../db/repos/audit.js';

export const editAction = defineAction('seme', idArg);

type Field = 'title' | 'startsAt' | 'place' | 'capacity';
const FIELDS: Field[] = ['title', 'startsAt', 'place', 'capacity'];

export type EditData = { seminarId: number; field?: Field; value?: string | number | null };

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
function shown(t: Translate, lang: string, seminar: Seminar, field: Field, zone: string): string {
  if (field === 'startsAt') return formatWhen(seminar.startsAt, zone, lang);
  if (field === 'capacity') return seminar.capacity === null ? t('seminar-no-limit') : String(seminar.capacity);
  return seminar[field];
}

function patchOf(data: EditData): SeminarPatch {
  if (data.field === 'startsAt') return { startsAt: new Date(Number(data.value)) };
  if (data.field === 'capacity') return { capacity: data.value === null ? null : Number(data.value) };
  return data.field ? { [data.field]: String(data.value) } : {};
}

const ask: Record<Field, string> = { title: 'seminar-ask-title', startsAt: 'seminar-ask-when', place: 'seminar-edit-ask-place', capacity: 'seminar-ask-capacity' };

function acceptValue(ctx: Ctx, seminar: Seminar, field: Field, raw: string): { value: string | number | null } | { reask: string } {
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
          choices: [...FIELDS.map((f): Choice[] => [{ label: ctx.t(`seminar-field-${f}`), value: f }]), [{ label: ctx.t('seminar-cancel-keep'), value: 'no' }]],
        };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind === 'choice' && answer.value === 'no') return { done: { text: ctx.t('seminar-edit-nothing') } };
        const field = FIELDS.find((f) => answer.kind === 'choice' && answer.value === f);
        return field ? { next: 'value', data: { ...data, field } } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    value: {
      prompt: (ctx, data) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        const field = data.field ?? 'title';
        const zone = municipalityZone(ctx.deps, seminar.municipalityId);
        const text = `${ctx.t('seminar-edit-now', { value: shown(ctx.t, ctx.lang, seminar, field, zone) })}\n${ctx.t(field === 'place' && seminar.format === 'online' ? 'seminar-ask-link' : ask[field], { zone })}`;
        return field === 'capacity'
          ? { text, acceptsText: true, choices: [[{ label: ctx.t('seminar-no-limit'), value: 'none' }]] }
          : { text, acceptsText: true };
      },
      accept: (ctx, data, answer) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        const raw = answer.kind === 'text' ? answer.text : answer.kind === 'choice' ? answer.value : '';
        const result = acceptValue(ctx, seminar, data.field ?? 'title', raw);
        return 'reask' in result ? result : { next: 'who', data: { ...data, value: result.value } };
      },
    },
    who: {
      prompt: (ctx, data) => {
        const seminar = changeableSeminar(ctx, data.seminarId);
        const { db } = ctx.deps;
        return {
          text: ctx.t('seminar-edit-ask-who'),
          choices: [
            [{ label: ctx.t('seminar-tell-answered', { count: recipientsOf(db, seminar, 'answered').accounts.size }), value: 'answered' }],
            [{ label: ctx.t('seminar-tell-all', { count: recipientsOf(db, seminar, 'all').accounts.size }), value: 'all' }],
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

/** Writes the change, tells people and returns what the coordinator reads. */
function applyChange(ctx: Ctx, data: EditData, who: 'answered' | 'all'): string {
  const before = changeableSeminar(ctx, data.seminarId);
  const field = data.field ?? 'title';
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  const zone = municipalityZone(ctx.deps, before.municipalityId);
  const notBefore = outsideQuietHours(now, zone, ctx.deps.settings.quietHours);
  const told = db.transaction((tx) => {
    const sequence = bumpChangeCount(tx, before.id);
    const { seminar, waitlisted, promoted } = updateSeminar(tx, before.id, patchOf(data));
    // Reminders already queued speak of the old time or title.
    dropPendingNotices(tx, seminar.id, `seminar:${seminar.id}:remind-`);
    const recipients = recipientsOf(tx, seminar, who);
    const key = `seminar:${seminar.id}:changed:${sequence}`;
    const queued = notifySeminarChange(tx, ctx.deps, seminar, recipients, key, now, (person, t) => ({
      text: `${t(`seminar-changed-${field}`, { title: before.title, was: shown(t, person.language, before, field, zone), now: shown(t, person.language, seminar, field, zone) })}\n\n${seminarText(t, person.language, seminar, zone)}`,
      buttons: rsvpButtons(t, seminar.id),
    }));
    audit(tx, { at: now, actorId: ctx.person?.id ?? null, municipalityId: seminar.municipalityId, action: 'seminar.changed', details: { seminarId: seminar.id, field, recipients: queued } });
    // The number of places is not in the calendar; anything else is.
    if (field !== 'capacity') queueCalendar(tx, ctx.deps, seminar, recipients, { key, batch: `seminar:${seminar.id}:change`, now, method: 'PUBLISH' });
    const moved = (personIds: number[], key: string) => {
      for (const personId of personIds) {
        notifyPerson(tx, i18n, personId, (t) => ({ text: t(key, { title: seminar.title }) }), { dedupeKey: `seminar:${seminar.id}:${key}:${sequence}:${personId}`, notBefore });
      }
    };
    moved(waitlisted, 'rsvp-moved-to-waitlist');
    moved(promoted, 'rsvp-promoted');
    return { queued, waitlisted: waitlisted.length };
  });
  ctx.deps.wakeOutbox();
  const done = ctx.t('seminar-edit-done', { count: told.queued });
  return told.waitlisted > 0 ? `${done}\n${ctx.t('seminar-edit-waitlisted', { count: told.waitlisted })}` : done;
}
