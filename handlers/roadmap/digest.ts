// The coordinator's weekly digest: what fell due in the last week, what is
// overdue, survey response rates and the seminars ahead, sent on the weekday
// and hour the coordinator chose (Monday 09:00 unless they chose otherwise).
import { DateTime } from 'luxon';
import { getValue, setValue } from '../../db/repos/kv.js';
import { municipalityZone } from '../core/local-time.js';
import { rsvpCounts, seminarsBetween } from '../../db/repos/seminars.js';
import { getSurvey, openRounds } from '../../db/repos/surveys.js';
import type { DbOrTx } from '../../db/client.js';
import type { Person } from '../../db/repos/people.js';
import { requireCoordinator } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { formatIsoDay, formatWhen } from '../core/format.js';
import type { Translate } from '../core/i18n.js';
import { notifyPerson } from '../core/outbox.js';
import { roundProgress } from '../surveys/index.js';
import { dueOf, entries } from './progress.js';

export interface DigestTime {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
}

/** What the digest needs: the database and a translator, not a messenger update (the scheduler has none). */
export type DigestCtx = Pick<Ctx, 'deps' | 't' | 'lang'>;

export const DEFAULT_DIGEST: DigestTime = { weekday: 1, hour: 9 };

export function digestTime(db: DbOrTx, personId: number): DigestTime {
  const raw = getValue(db, `digest:${personId}`);
  if (!raw) return DEFAULT_DIGEST;
  const [weekday, hour] = raw.split(':').map(Number);
  return weekday && hour !== undefined && !Number.isNaN(hour) ? { weekday, hour } : DEFAULT_DIGEST;
}

/** The digest text for a municipality at a local date. */
export function digestText(ctx: DigestCtx, municipalityId: number, today: string): string {
  const t: Translate = ctx.t;
  const zone = municipalityZone(ctx.deps, municipalityId);
  const weekAgo = DateTime.fromISO(today).minus({ days: 7 }).toISODate() ?? today;
  const all = entries(ctx, municipalityId);
  const lines = [t('digest-heading', { from: formatIsoDay(weekAgo), to: formatIsoDay(today) })];
  const fell = all.flatMap((e) => e.milestones.filter((m) => dueOf(m) > weekAgo && dueOf(m) <= today).map((m) => ({ e, m })));
  lines.push('', t('digest-fell-due', { count: fell.length, done: fell.filter(({ m }) => m.state === 'done').length }));
  const overdue = all.flatMap((e) => e.milestones.filter((m) => m.state !== 'done' && dueOf(m) < today && e.item.schedule.kind !== 'continuous').map((m) => ({ e, m })));
  lines.push(t('digest-overdue', { count: overdue.length }));
  for (const { e, m } of overdue.slice(0, 8)) lines.push(`  ⚠️ ${e.item.number} ${e.item.title.slice(0, 70)} — ${formatIsoDay(dueOf(m))}`);
  const now = ctx.deps.clock.now();
  const rounds = openRounds(ctx.deps.db, now).filter((r) => r.municipalityId === municipalityId);
  lines.push('', rounds.length ? t('digest-surveys') : t('digest-no-surveys'));
  for (const r of rounds) {
    const p = roundProgress(ctx, r);
    lines.push(`  • ${getSurvey(ctx.deps.db, r.surveyId)?.title ?? ''}: ${p.answered}/${p.total}`);
  }
  const ahead = seminarsBetween(ctx.deps.db, municipalityId, now, DateTime.fromJSDate(now).plus({ days: 7 }).toJSDate());
  lines.push('', ahead.length ? t('digest-seminars') : t('digest-no-seminars'));
  for (const s of ahead) lines.push(`  • ${formatWhen(s.startsAt, zone, ctx.lang)} — ${s.title} (${t('digest-going', { count: rsvpCounts(ctx.deps.db, s.id).going })})`);
  return lines.join('\n');
}

/**
 * Queues a coordinator's digest for the week of the slot `slotDate`, as of
 * the local date `today`; the key is the slot's, so each is sent once.
 */
export function sendDigest(db: DbOrTx, deps: DigestCtx['deps'], coordinator: Pick<Person, 'id' | 'language'>, municipalityId: number, today: string, slotDate: string, now: Date): boolean {
  const t: Translate = (key, args) => deps.i18n.t(coordinator.language, key, args);
  const text = digestText({ deps, t, lang: coordinator.language }, municipalityId, today);
  return notifyPerson(db, deps.i18n, coordinator.id, () => ({ text }), { dedupeKey: `digest:${coordinator.id}:${slotDate}`, notBefore: now });
}

const weekdays = [1, 2, 3, 4, 5, 6, 7];
const hours = [7, 8, 9, 10, 11, 12, 14, 16, 18];

export const digestDialog: DialogDef<{ weekday?: number }> = {
  name: 'digest',
  version: 1,
  first: 'weekday',
  steps: {
    weekday: {
      prompt: (ctx) => ({ text: ctx.t('digest-ask-weekday'), choices: [weekdays.slice(0, 4), weekdays.slice(4)].map((row) => row.map((d) => ({ label: ctx.t(`weekday-${d}`), value: String(d) }))) }),
      accept: (ctx, data, answer) => {
        const weekday = answer.kind === 'choice' ? Number(answer.value) : NaN;
        return weekdays.includes(weekday) ? { next: 'hour', data: { ...data, weekday } } : { reask: ctx.t('dialog-choose-button') };
      },
    },
    hour: {
      prompt: (ctx) => ({ text: ctx.t('digest-ask-hour'), choices: [hours.slice(0, 5), hours.slice(5)].map((row) => row.map((h) => ({ label: `${h}:00`, value: String(h) }))) }),
      accept: (ctx, data, answer) => {
        const hour = answer.kind === 'choice' ? Number(answer.value) : NaN;
        if (!hours.includes(hour) || !data.weekday) return { reask: ctx.t('dialog-choose-button') };
        const { person } = requireCoordinator(ctx);
        setValue(ctx.deps.db, `digest:${person.id}`, `${data.weekday}:${hour}`);
        return { done: { text: ctx.t('digest-saved', { weekday: ctx.t(`weekday-${data.weekday}`), hour }) } };
      },
    },
  },
};
