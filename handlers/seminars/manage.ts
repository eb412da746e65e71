// The coordinator's side of seminars: /seminars lists what is ahead and what
// just happened (a series as one line: title, rhythm, next date); a seminar's card shows who will come, who came and what they
// thought of it; attendance is marked by tapping names. Also topic requests:
// /topic proposes a topic, /topics shows them grouped by topic and school.
import { getSchool } from '../../db/repos/org.js';
import { getPerson } from '../../db/repos/people.js';
import {
  addTopicRequest,
  attendeesOf,
  feedbackOf,
  getSeminar,
  getSeries,
  markAttended,
  rsvpCounts,
  rsvpsOf,
  seminarsBetween,
  statusOf,
  topicRequestsOf,
  unmarkAttended,
  type Seminar,
} from '../../db/repos/seminars.js';
import { requireAdminOf, requireCoordinator, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatWhen } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { seminarCardAction } from './card.js';
import { cancelAskAction } from './cancel.js';
import { editAction } from './edit.js';
import { materialsAction } from './materials.js';
import { exportCsvAction, exportXlsxAction, seriesXlsxAction } from './export.js';
import { rhythmText, sessionNumber } from './series.js';
import { FOLLOW_UP_DAYS } from './respond.js';

export const attendancePageAction = defineAction('att', idArg, idArg);
export const attendanceToggleAction = defineAction('atm', idArg, idArg, idArg);

const PAGE = 8;

function ownSeminar(ctx: Ctx, seminarId: number): Seminar {
  const seminar = getSeminar(ctx.deps.db, seminarId);
  if (!seminar) throw new UserError('gone', 'seminar-gone');
  requireAdminOf(ctx, seminar.municipalityId);
  return seminar;
}

export function seminarList(ctx: Ctx): Reply {
  const { municipalityId } = requireCoordinator(ctx);
  const now = ctx.deps.clock.now();
  const list = seminarsBetween(ctx.deps.db, municipalityId, new Date(now.getTime() - FOLLOW_UP_DAYS * 86_400_000), new Date(now.getTime() + 366 * 86_400_000));
  if (list.length === 0) return { text: ctx.t('seminars-none') };
  const zone = (s: Seminar) => municipalityZone(ctx.deps, s.municipalityId);
  const short = (s: Seminar) => formatWhen(s.startsAt, zone(s), ctx.lang).replace(/ \d{4},/, ',');
  // A series is one line, opening its next session (or the latest one, once all are past).
  const rows: Seminar[] = [];
  const seriesRow = new Map<number, number>();
  for (const s of list) {
    if (s.seriesId === null) rows.push(s);
    else if (!seriesRow.has(s.seriesId)) seriesRow.set(s.seriesId, rows.push(s) - 1);
    else if (rows[seriesRow.get(s.seriesId)!]!.startsAt.getTime() <= now.getTime()) rows[seriesRow.get(s.seriesId)!] = s;
  }
  const shown = rows.slice(0, 10);
  const buttons: Button[][] = shown.map((s) => [{ kind: 'action', label: `${s.seriesId === null ? '' : '🔁 '}${short(s)} ${s.title}`, data: seminarCardAction.encode(s.id) }]);
  // The rhythm does not fit on a button (VK allows 40 characters): a line of the text says it.
  const seriesLines = shown.flatMap((s) => {
    const series = s.seriesId === null ? undefined : getSeries(ctx.deps.db, s.seriesId);
    if (!series?.recurrence) return [];
    const key = s.startsAt.getTime() > now.getTime() ? 'seminars-series-line' : 'seminars-series-line-past';
    return [ctx.t(key, { title: series.title, rhythm: rhythmText(ctx.t, series.recurrence), next: short(s) })];
  });
  return { text: [ctx.t('seminars-heading'), ...seriesLines].join('\n'), buttons };
}

export function coordinatorCard(ctx: Ctx, seminarId: number, edit = false): Reply {
  const seminar = ownSeminar(ctx, seminarId);
  const { db } = ctx.deps;
  const counts = rsvpCounts(db, seminar.id);
  const feedback = feedbackOf(db, seminar.id);
  const attended = attendeesOf(db, seminar.id).length;
  const average = feedback.length ? (feedback.reduce((sum, f) => sum + f.rating, 0) / feedback.length).toFixed(1) : '—';
  const going = rsvpsOf(db, seminar.id)
    .filter((r) => statusOf(r) === 'going')
    .map((r) => getPerson(db, r.personId)?.fullName ?? '—');
  const comments = feedback.filter((f) => f.comment).map((f) => `«${f.comment}»`);
  const series = seminar.seriesId === null ? undefined : getSeries(db, seminar.seriesId);
  const lines = [
    `📅 ${seminar.title} — ${formatWhen(seminar.startsAt, municipalityZone(ctx.deps, seminar.municipalityId), ctx.lang)}`,
    ...(series ? [ctx.t('seminar-series-of', { rhythm: rhythmText(ctx.t, series.recurrence), ...sessionNumber(db, seminar) })] : []),
    ctx.t('rsvp-counts', { ...counts }),
    ctx.t('seminar-attended', { count: attended, feedback: feedback.length, average }),
    ctx.t('seminar-code', { code: seminar.attendanceCode }),
  ];
  if (going.length) lines.push('', ctx.t('seminar-going-list'), ...going.slice(0, 30).map((n) => `• ${n}`));
  if (comments.length) lines.push('', ctx.t('seminar-comments'), ...comments.slice(0, 20));
  if (seminar.cancelledAt) return { text: `${lines[0]}\n${ctx.t('seminar-cancelled')}`, edit };
  const buttons: Button[][] = [
    [{ kind: 'action', label: ctx.t('seminar-mark-attendance'), data: attendancePageAction.encode(seminar.id, 0) }],
    [
      { kind: 'action', label: 'XLSX', data: exportXlsxAction.encode(seminar.id) },
      { kind: 'action', label: 'CSV', data: exportCsvAction.encode(seminar.id) },
      ...(series ? [{ kind: 'action' as const, label: ctx.t('seminar-series-xlsx'), data: seriesXlsxAction.encode(seminar.id) }] : []),
    ],
  ];
  // Once it has begun a seminar is history: attendance and feedback, not changes.
  if (seminar.startsAt.getTime() > ctx.deps.clock.now().getTime()) {
    buttons.push([
      { kind: 'action', label: ctx.t('seminar-edit'), data: editAction.encode(seminar.id) },
      { kind: 'action', label: ctx.t('seminar-cancel'), data: cancelAskAction.encode(seminar.id) },
    ]);
  } else {
    buttons.push([{ kind: 'action', label: ctx.t('seminar-materials'), data: materialsAction.encode(seminar.id) }]);
  }
  return { text: lines.join('\n'), buttons, edit };
}

/** People who said they would come (or might), with ✓ for those marked present. */
export function attendancePage(ctx: Ctx, seminarId: number, page: number, edit = true): Reply {
  const seminar = ownSeminar(ctx, seminarId);
  const { db } = ctx.deps;
  const present = new Set(attendeesOf(db, seminar.id));
  const candidates = rsvpsOf(db, seminar.id).filter((r) => r.answer !== 'no' || present.has(r.personId));
  const slice = candidates.slice(page * PAGE, page * PAGE + PAGE);
  const buttons: Button[][] = slice.map((r) => [
    {
      kind: 'action',
      label: `${present.has(r.personId) ? '✓ ' : ''}${getPerson(db, r.personId)?.fullName ?? '—'}`,
      data: attendanceToggleAction.encode(seminar.id, r.personId, page),
    },
  ]);
  const nav: Button[] = [];
  if (page > 0) nav.push({ kind: 'action', label: '◀', data: attendancePageAction.encode(seminar.id, page - 1) });
  if ((page + 1) * PAGE < candidates.length) nav.push({ kind: 'action', label: '▶', data: attendancePageAction.encode(seminar.id, page + 1) });
  if (nav.length) buttons.push(nav);
  const text = candidates.length ? ctx.t('attendance-heading', { title: seminar.title, present: present.size }) : ctx.t('attendance-nobody');
  return { text, buttons, edit };
}

export function toggleAttendance(ctx: Ctx, seminarId: number, personId: number, page: number): Reply {
  const seminar = ownSeminar(ctx, seminarId);
  const { db, clock } = ctx.deps;
  if (!rsvpsOf(db, seminar.id).some((r) => r.personId === personId)) throw new UserError('gone', 'stale-button');
  if (attendeesOf(db, seminar.id).includes(personId)) unmarkAttended(db, seminar.id, personId);
  else markAttended(db, seminar.id, personId, 'coordinator', clock.now());
  return attendancePage(ctx, seminar.id, page);
}

export type TopicData = Record<string, never>;

export const topicDialog: DialogDef<TopicData> = {
  name: 'topic',
  version: 1,
  first: 'topic',
  steps: {
    topic: {
      prompt: (ctx) => ({ text: ctx.t('topic-ask'), acceptsText: true }),
      accept: (ctx, _data, answer) => {
        const topic = answer.kind === 'text' ? answer.text.replace(/\s+/g, ' ').trim() : '';
        if (topic.length < 3 || topic.length > 300) return { reask: ctx.t('topic-invalid') };
        const person = requirePerson(ctx);
        if (person.municipalityId === null) throw notAllowed();
        addTopicRequest(ctx.deps.db, { municipalityId: person.municipalityId, personId: person.id, schoolId: person.schoolId, topic });
        return { done: { text: ctx.t('topic-saved') } };
      },
    },
  },
};

/** Topic requests grouped by topic (case and spacing ignored), with the schools that asked. */
export function topicsReport(ctx: Ctx): Reply {
  const { municipalityId } = requireCoordinator(ctx);
  const groups = new Map<string, { topic: string; schools: Set<string>; count: number }>();
  for (const r of topicRequestsOf(ctx.deps.db, municipalityId)) {
    const key = r.topic.toLocaleLowerCase('ru').replace(/[^\p{L}\p{N} ]/gu, '').trim();
    const group = groups.get(key) ?? { topic: r.topic, schools: new Set<string>(), count: 0 };
    group.count++;
    const school = r.schoolId !== null ? getSchool(ctx.deps.db, r.schoolId) : undefined;
    if (school) group.schools.add(school.shortName);
    groups.set(key, group);
  }
  if (groups.size === 0) return { text: ctx.t('topics-none') };
  const lines = [...groups.values()]
    .sort((a, b) => b.count - a.count)
    .map((g) => `• ${g.topic} — ${g.count}${g.schools.size ? ` (${[...g.schools].join(', ')})` : ''}`);
  return { text: `${ctx.t('topics-heading')}\n${lines.join('\n')}` };
}
