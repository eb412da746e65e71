// Counting consultations: /mylog shows a mentor or tutor their month and lets
// them fix or remove recent entries; /consultations gives a coordinator
// per-school and per-pair totals for a period, the pairs with no consultation
// lately (with a button to nudge), and an XLSX export.
import { audit } from '../../db/repos/audit.js';
import { DateTime } from 'luxon';
import { activeAssignmentsOfMunicipality, type Assignment } from '../../db/repos/assignments.js';
import { consultationsBetween, deleteConsultation, getConsultation, type Consultation } from '../../db/repos/consultations.js';
import { getMunicipality, getSchool } from '../../db/repos/org.js';
import { getPerson } from '../../db/repos/people.js';
import { localDate, municipalityZone } from '../core/local-time.js';
import { mayAdminister, readableMunicipalities, requireAdminOf, requireCoordinator, requirePerson, requireReaderOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatIsoDay } from '../core/format.js';
import { notifyPerson } from '../core/outbox.js';
import { buildXlsx, XLSX_MIME, type Sheet } from '../core/spreadsheet.js';
import { counterpartLabel, minRatings, ofPair, pairLabel as pairName, pairMonths, pairsOfHelper, pairsOfMunicipality, progressText, shortName } from './pairs.js';
import { municipalityPlansAction, myPlansAction } from './plan.js';
import { planAheadAction, upcoming } from './planned.js';
import { ratingsByAuthor } from './rating.js';
import { z } from 'zod';
import { duration } from './duration.js';

export { duration } from './duration.js';

export const periods = ['month', 'previous', 'year'] as const;
export type Period = (typeof periods)[number];
export const reportAction = defineAction('cnr', z.enum(periods), idArg);
export const exportAction = defineAction('cnx', z.enum(periods), idArg);
export const nudgeAction = defineAction('cnn', idArg);
export const entryAction = defineAction('cne', idArg);
export const deleteAction = defineAction('cnd', idArg);
export const editAction = defineAction('cned', idArg);

export const DEFAULT_EDIT_DAYS = 7;
/** A pair with no consultation for this many days is shown as quiet. */
export const QUIET_PAIR_DAYS = 30;

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

function zone(ctx: Ctx, municipalityId: number): string {
  return municipalityZone(ctx.deps, municipalityId);
}

/** A period as local dates: this month, the previous month, or the school year (from 1 September). */
export function periodDates(period: Period, today: string): { from: string; to: string } {
  const d = DateTime.fromISO(today);
  if (period === 'month') return { from: d.startOf('month').toISODate() ?? today, to: today };
  if (period === 'previous') {
    const p = d.minus({ months: 1 });
    return { from: p.startOf('month').toISODate() ?? today, to: p.endOf('month').toISODate() ?? today };
  }
  const startYear = d.month >= 9 ? d.year : d.year - 1;
  return { from: `${startYear}-09-01`, to: today };
}

const nameOf = (ctx: Ctx, id: number | null) => (id === null ? undefined : getPerson(ctx.deps.db, id)?.fullName ?? undefined);
const schoolOf = (ctx: Ctx, id: number | null) => (id === null ? undefined : getSchool(ctx.deps.db, id)?.shortName);
const whomOf = (ctx: Ctx, c: Consultation) => nameOf(ctx, c.counterpartId) ?? schoolOf(ctx, c.schoolId) ?? '—';

function editDays(ctx: Ctx, municipalityId: number): number {
  return getMunicipality(ctx.deps.db, municipalityId)?.settings.consultationEditDays ?? DEFAULT_EDIT_DAYS;
}

export function myLog(ctx: Ctx): Reply {
  const person = requirePerson(ctx);
  if (person.municipalityId === null) return { text: ctx.t('log-no-assignments') };
  const today = localDate(ctx.deps.clock.now(), zone(ctx, person.municipalityId));
  const { from } = periodDates('month', today);
  const entries = consultationsBetween(ctx.deps.db, person.municipalityId, from, today, person.id);
  const total = entries.reduce((s, e) => s + e.minutes, 0);
  const lines = [ctx.t('mylog-heading', { count: entries.length, time: duration(ctx.t, total) })];
  // Each pair against its plan; entries for anyone no longer among the pairs are summed by name as before.
  const pairs = pairsOfHelper(ctx, person.id);
  const months = pairMonths(ctx, person.municipalityId, pairs);
  for (const m of months) lines.push(`• ${counterpartLabel(ctx, m.assignment)}: ${progressText(ctx.t, m, duration)}`);
  const outside = entries.filter((e) => !pairs.some((a) => ofPair(a, e)));
  for (const [whom, sum] of totals(outside, (e) => whomOf(ctx, e))) lines.push(`• ${whom}: ${ctx.t('log-count-time', { count: sum.count, time: duration(ctx.t, sum.minutes) })}`);
  const goals = months.flatMap((m) => (m.plan?.goals ? [`• ${counterpartLabel(ctx, m.assignment)}: ${m.plan.goals}`] : []));
  if (goals.length) lines.push('', ctx.t('mylog-goals'), ...goals);
  const own = ownRating(ctx, person.municipalityId, person.id, periodDates('year', today));
  if (own) lines.push('', own);
  const coming = upcoming(ctx, person.id);
  if (coming.lines.length) lines.push('', ...coming.lines);
  const recent = [...entries].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id).slice(0, 5);
  const buttons: Button[][] = recent.map((e) => [{ kind: 'action', label: `${formatIsoDay(e.date)} ${whomOf(ctx, e)}`.slice(0, 40), data: entryAction.encode(e.id) }]);
  buttons.push(...coming.buttons);
  if (pairs.length) {
    buttons.push([
      { kind: 'action', label: ctx.t('plan-button'), data: myPlansAction.encode() },
      { kind: 'action', label: ctx.t('planned-button'), data: planAheadAction.encode() },
    ]);
  }
  return buttons.length ? { text: lines.join('\n'), buttons } : { text: lines.join('\n') };
}

/** The tutor's own average over the school year, only from the minimum number of ratings on. */
function ownRating(ctx: Ctx, municipalityId: number, authorId: number, range: { from: string; to: string }): string | undefined {
  const rated = consultationsBetween(ctx.deps.db, municipalityId, range.from, range.to, authorId);
  const rollup = ratingsByAuthor(rated).get(authorId);
  if (!rollup || rollup.raters < minRatings(ctx, municipalityId)) return undefined;
  return ctx.t('mylog-rating', { average: rollup.average, count: rollup.count });
}

/** One of the author's own entries, with edit and delete while the edit window (`days`) lasts. */
export function ownEntry(ctx: Ctx, id: number): { entry: Consultation; editable: boolean; days: number } {
  const person = requirePerson(ctx);
  const entry = getConsultation(ctx.deps.db, id);
  if (!entry || entry.deletedAt || entry.authorId !== person.id) throw notAllowed();
  const today = DateTime.fromISO(localDate(ctx.deps.clock.now(), zone(ctx, entry.municipalityId)));
  const days = editDays(ctx, entry.municipalityId);
  const editable = today.diff(DateTime.fromISO(entry.date), 'days').days <= days;
  return { entry, editable, days };
}

export function entryCard(ctx: Ctx, id: number): Reply {
  const { entry, editable } = ownEntry(ctx, id);
  const text = ctx.t('log-entry', {
    whom: whomOf(ctx, entry),
    date: formatIsoDay(entry.date),
    minutes: entry.minutes,
    format: ctx.t(`consultation-format-${entry.format}`),
    topic: entry.topic,
  });
  if (!editable) return { text: `${text}\n\n${ctx.t('log-too-old', { days: editDays(ctx, entry.municipalityId) })}` };
  return {
    text,
    buttons: [[{ kind: 'action', label: ctx.t('log-edit'), data: editAction.encode(id) }, { kind: 'action', label: ctx.t('log-delete'), data: deleteAction.encode(id) }]],
  };
}

export function removeEntry(ctx: Ctx, id: number): Reply {
  const { entry, editable } = ownEntry(ctx, id);
  if (!editable) throw new UserError('too-old', 'log-too-old', { days: editDays(ctx, entry.municipalityId) });
  deleteConsultation(ctx.deps.db, id, entry.authorId, ctx.deps.clock.now());
  return { text: ctx.t('log-deleted'), edit: true };
}

function totals(entries: Consultation[], key: (c: Consultation) => string): Map<string, { count: number; minutes: number }> {
  const map = new Map<string, { count: number; minutes: number }>();
  for (const e of entries) {
    const k = key(e);
    const sum = map.get(k) ?? { count: 0, minutes: 0 };
    map.set(k, { count: sum.count + 1, minutes: sum.minutes + e.minutes });
  }
  return map;
}

function pairLabel(ctx: Ctx, a: Assignment): string {
  const helper = nameOf(ctx, a.helperId) ?? '—';
  const other = a.kind === 'mentor_school' ? schoolOf(ctx, a.schoolId) : nameOf(ctx, a.teacherId);
  return `${helper} → ${other ?? '—'}`;
}

/** Active assignments with no consultation in the last QUIET_PAIR_DAYS days. */
export function quietPairs(ctx: Ctx, municipalityId: number, today: string): Assignment[] {
  const since = DateTime.fromISO(today).minus({ days: QUIET_PAIR_DAYS }).toISODate() ?? today;
  const recent = consultationsBetween(ctx.deps.db, municipalityId, since, today);
  return activeAssignmentsOfMunicipality(ctx.deps.db, municipalityId).filter((a) => {
    if (a.kind === 'school_pair' || a.helperId === null) return false;
    return !recent.some((c) => c.authorId === a.helperId && (a.kind === 'mentor_school' ? c.schoolId === a.schoolId : c.counterpartId === a.teacherId));
  });
}

/** /consultations: this month's report for each municipality the person may read (a curator: every one in their region). */
export function consultationsCommand(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const readable = readableMunicipalities(ctx, person);
  if (readable.length === 0) throw notAllowed();
  return readable.map((m) => municipalityReport(ctx, m.id, 'month', { named: readable.length > 1 }));
}

export function municipalityReport(ctx: Ctx, municipalityId: number, period: Period, options: { edit?: boolean; named?: boolean } = {}): Reply {
  const person = requireReaderOf(ctx, municipalityId);
  const admin = mayAdminister(person, municipalityId);
  const today = localDate(ctx.deps.clock.now(), zone(ctx, municipalityId));
  const { from, to } = periodDates(period, today);
  const entries = consultationsBetween(ctx.deps.db, municipalityId, from, to);
  const named = options.named ?? readableMunicipalities(ctx, person).length > 1;
  const lines = [
    ...(named ? [`🏛 ${getMunicipality(ctx.deps.db, municipalityId)?.name ?? '—'}`] : []),
    ctx.t('consultations-heading', { from: formatIsoDay(from), to: formatIsoDay(to), count: entries.length, hours: hours(entries.reduce((s, e) => s + e.minutes, 0)) }),
    '',
    ctx.t('consultations-by-school'),
  ];
  for (const [school, sum] of totals(entries, (e) => schoolOf(ctx, e.schoolId) ?? '—')) lines.push(`• ${school}: ${ctx.t('log-count-hours', { count: sum.count, hours: hours(sum.minutes) })}`);
  lines.push('', ctx.t('consultations-by-pair'));
  for (const [pair, sum] of totals(entries, (e) => `${nameOf(ctx, e.authorId) ?? '—'} → ${whomOf(ctx, e)}`)) {
    lines.push(`• ${pair}: ${ctx.t('log-count-hours', { count: sum.count, hours: hours(sum.minutes) })}`);
  }
  // A monthly plan reads against a month; the school year's totals stand without it.
  if (period !== 'year') lines.push(...planLines(ctx, municipalityId, { from, to }));
  lines.push(...ratingLines(ctx, municipalityId, entries));
  const quiet = quietPairs(ctx, municipalityId, today);
  lines.push('', quiet.length ? ctx.t('consultations-quiet', { days: QUIET_PAIR_DAYS, count: quiet.length }) : ctx.t('consultations-no-quiet', { days: QUIET_PAIR_DAYS }));
  const buttons: Button[][] = [
    periods.map((p) => ({ kind: 'action', label: ctx.t(`period-${p}`), data: reportAction.encode(p, municipalityId) })),
    [{ kind: 'action', label: ctx.t('consultations-export'), data: exportAction.encode(period, municipalityId) }],
    ...(admin ? [[{ kind: 'action', label: ctx.t('plan-button'), data: municipalityPlansAction.encode(municipalityId) } satisfies Button]] : []),
    // Reminding a quiet pair is the coordinator's call; a curator reads.
    ...(admin ? quiet.slice(0, 8).map((a): Button[] => [{ kind: 'action', label: `🔔 ${pairLabel(ctx, a)}`.slice(0, 40), data: nudgeAction.encode(a.id) }]) : []),
  ];
  return { text: lines.join('\n'), buttons, edit: options.edit ?? false };
}

/** Pairs with a plan, done against it in the report's period; the count of pairs without one. */
function planLines(ctx: Ctx, municipalityId: number, range: { from: string; to: string }): string[] {
  const months = pairMonths(ctx, municipalityId, pairsOfMunicipality(ctx, municipalityId), range);
  const planned = months.filter((m) => m.plan);
  if (months.length === 0) return [];
  const lines = ['', ctx.t('consultations-plans')];
  for (const m of planned) lines.push(`• ${pairName(ctx, m.assignment)}: ${progressText(ctx.t, m, duration)}`);
  const without = months.length - planned.length;
  if (without > 0) lines.push(ctx.t('consultations-no-plan', { count: without }));
  return lines;
}

/**
 * Teachers' ratings per tutor or mentor, never with a teacher's name: below
 * the minimum group size only «мало оценок», comments only from it on.
 */
function ratingLines(ctx: Ctx, municipalityId: number, entries: Consultation[]): string[] {
  const rollups = ratingsByAuthor(entries);
  if (rollups.size === 0) return [];
  const min = minRatings(ctx, municipalityId);
  const lines = ['', ctx.t('consultations-ratings')];
  for (const [authorId, r] of rollups) {
    const name = shortName(nameOf(ctx, authorId));
    if (r.raters < min) {
      lines.push(`• ${name}: ${ctx.t('rating-too-few')}`);
      continue;
    }
    lines.push(`• ${name}: ${ctx.t('rating-average', { average: r.average, count: r.count })}`);
    for (const comment of r.comments.slice(0, 3)) lines.push(`   «${comment.length > 200 ? `${comment.slice(0, 199)}…` : comment}»`);
  }
  return lines;
}

export function nudge(ctx: Ctx, assignmentId: number): Reply {
  const { municipalityId } = requireCoordinator(ctx);
  const assignment = activeAssignmentsOfMunicipality(ctx.deps.db, municipalityId).find((a) => a.id === assignmentId);
  if (!assignment || assignment.helperId === null) throw new UserError('gone', 'stale-button');
  requireAdminOf(ctx, assignment.municipalityId);
  const now = ctx.deps.clock.now();
  const whom = assignment.kind === 'mentor_school' ? schoolOf(ctx, assignment.schoolId) : nameOf(ctx, assignment.teacherId);
  const queued = notifyPerson(ctx.deps.db, ctx.deps.i18n, assignment.helperId, (t) => ({ text: t('log-nudge', { whom: whom ?? '—' }) }), {
    dedupeKey: `consultation-nudge:${assignment.id}:${localDate(now, zone(ctx, municipalityId))}`,
    notBefore: now,
  });
  ctx.deps.wakeOutbox();
  return { text: ctx.t(queued ? 'log-nudged' : 'log-nudged-already', { whom: nameOf(ctx, assignment.helperId) ?? '—' }) };
}

/** Plan against done per pair in the period: the plan is per month, so a longer period shows it as such. */
function planSheet(ctx: Ctx, municipalityId: number, range: { from: string; to: string }): Sheet {
  const t = ctx.t;
  const months = pairMonths(ctx, municipalityId, pairsOfMunicipality(ctx, municipalityId), range);
  return {
    name: t('export-plans-sheet'),
    header: [t('col-author'), t('col-whom'), t('col-plan-sessions'), t('col-done-sessions'), t('col-plan-hours'), t('col-done-hours'), t('col-goals')],
    rows: months.map((m) => [
      shortName(nameOf(ctx, m.assignment.helperId)),
      counterpartLabel(ctx, m.assignment),
      m.plan?.sessionsPerMonth ?? '',
      m.sessions,
      m.plan?.minutesPerMonth != null ? hours(m.plan.minutesPerMonth) : '',
      hours(m.minutes),
      m.plan?.goals ?? '',
    ]),
  };
}

/** Ratings per tutor, as in the chat: no teacher named, nothing below the minimum group size but the words. */
function ratingSheet(ctx: Ctx, municipalityId: number, entries: Consultation[]): Sheet {
  const t = ctx.t;
  const min = minRatings(ctx, municipalityId);
  return {
    name: t('export-ratings-sheet'),
    header: [t('col-author'), t('col-ratings'), t('col-average'), t('col-comments')],
    rows: [...ratingsByAuthor(entries)].map(([authorId, r]) =>
      r.raters < min ? [shortName(nameOf(ctx, authorId)), t('rating-too-few'), '', ''] : [shortName(nameOf(ctx, authorId)), r.count, r.average, r.comments.join('\n')],
    ),
  };
}

export async function exportXlsx(ctx: Ctx, period: Period, municipalityId: number): Promise<Reply> {
  requireReaderOf(ctx, municipalityId);
  const today = localDate(ctx.deps.clock.now(), zone(ctx, municipalityId));
  const { from, to } = periodDates(period, today);
  const entries = consultationsBetween(ctx.deps.db, municipalityId, from, to).sort((a, b) => a.date.localeCompare(b.date));
  const t = ctx.t;
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId, action: 'export.personal-data', details: { what: 'consultations', from, to, rows: entries.length } });
  const data = await buildXlsx([
    {
      name: t('export-consultations-sheet'),
      header: [t('col-date'), t('col-author'), t('col-whom'), t('col-school'), t('col-minutes'), t('col-hours'), t('col-format'), t('col-topic'), t('col-outcome'), t('col-confirmed')],
      rows: entries.map((e) => [
        formatIsoDay(e.date),
        nameOf(ctx, e.authorId) ?? '—',
        whomOf(ctx, e),
        schoolOf(ctx, e.schoolId) ?? '',
        e.minutes,
        hours(e.minutes),
        t(`consultation-format-${e.format}`),
        e.topic,
        e.outcome ?? '',
        e.confirmedAt ? t('yes') : '',
      ]),
    },
    {
      name: t('export-by-school-sheet'),
      header: [t('col-school'), t('col-count'), t('col-hours')],
      rows: [...totals(entries, (e) => schoolOf(ctx, e.schoolId) ?? '—')].map(([school, s]) => [school, s.count, hours(s.minutes)]),
    },
    planSheet(ctx, municipalityId, { from, to }),
    ratingSheet(ctx, municipalityId, entries),
  ]);
  return { text: t('consultations-exported', { count: entries.length }), file: { name: `consultations-${from}-${to}.xlsx`, mime: XLSX_MIME, data } };
}
