// A seminar's attendance and feedback as XLSX or CSV, for the coordinator's
// report: everyone invited or who answered, what they answered, whether they
// came (and how it was marked), their rating and comment; then a line per
// school. For a series, one workbook: a row per person and a column per
// session (came, answered, rating), a line per session and a line per
// school. All go through the core's formula-safe writers, as names and
// comments are typed by people.
import { stringify } from 'csv-stringify/sync';
import { peopleInAudience } from '../../db/repos/audience.js';
import { audit } from '../../db/repos/audit.js';
import { getSchool } from '../../db/repos/org.js';
import { getPerson, type Person } from '../../db/repos/people.js';
import { attendanceOf, feedbackOf, getSeries, rsvpsOf, sessionsOf, statusOf, type Seminar } from '../../db/repos/seminars.js';
import { formatDayTime } from '../core/format.js';
import { UserError } from '../core/errors.js';
import { municipalityZone } from '../core/local-time.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { buildXlsx, neutralize, XLSX_MIME, type CellValue, type Sheet } from '../core/spreadsheet.js';
import { coordinated } from './cancel.js';

export const exportXlsxAction = defineAction('semxl', idArg);
export const exportCsvAction = defineAction('semcsv', idArg);
/** The XLSX of the series a session belongs to. */
export const seriesXlsxAction = defineAction('semxs', idArg);

interface Row {
  person: Person;
  school: string;
  invited: boolean;
  answer?: string;
  came?: 'code' | 'coordinator';
  rating?: number;
  comment?: string | null;
}

function rowsOf(ctx: Ctx, seminar: Seminar): Row[] {
  const { db } = ctx.deps;
  const invited = new Set(peopleInAudience(db, seminar.municipalityId, seminar.audience).map((p) => p.id));
  const rsvps = new Map(rsvpsOf(db, seminar.id).map((r) => [r.personId, statusOf(r)]));
  const came = new Map(attendanceOf(db, seminar.id).map((a) => [a.personId, a.source]));
  const feedback = new Map(feedbackOf(db, seminar.id).map((f) => [f.personId, f]));
  const ids = new Set([...invited, ...rsvps.keys(), ...came.keys()]);
  const rows: Row[] = [];
  for (const id of ids) {
    const person = getPerson(db, id);
    if (!person || person.erasedAt) continue;
    const school = person.schoolId !== null ? (getSchool(db, person.schoolId)?.shortName ?? '') : '';
    rows.push({ person, school, invited: invited.has(id), answer: rsvps.get(id), came: came.get(id), rating: feedback.get(id)?.rating, comment: feedback.get(id)?.comment });
  }
  return rows.sort((a, b) => a.school.localeCompare(b.school, 'ru') || (a.person.fullName ?? '').localeCompare(b.person.fullName ?? '', 'ru'));
}

function sheets(ctx: Ctx, seminar: Seminar): { people: Sheet; schools: Sheet } {
  const t = ctx.t;
  const yes = t('seminar-export-yes');
  const rows = rowsOf(ctx, seminar);
  const people: Sheet = {
    name: t('seminar-export-people'),
    header: t('seminar-export-columns').split('|'),
    rows: rows.map((r): CellValue[] => [
      r.person.fullName ?? '—',
      r.school || '—',
      r.invited ? yes : t('seminar-export-no'),
      r.answer ? t(`seminar-export-answer-${r.answer}`) : '—',
      r.came ? t(`seminar-export-came-${r.came}`) : t('seminar-export-no'),
      r.rating ?? null,
      r.comment ?? '',
    ]),
  };
  const bySchool = new Map<string, Row[]>();
  for (const r of rows) bySchool.set(r.school || '—', [...(bySchool.get(r.school || '—') ?? []), r]);
  const schools: Sheet = {
    name: t('seminar-export-schools'),
    header: t('seminar-export-summary-columns').split('|'),
    rows: [...bySchool].map(([school, list]): CellValue[] => {
      const rated = list.filter((r) => r.rating !== undefined);
      return [
        school,
        list.filter((r) => r.invited).length,
        list.filter((r) => r.answer).length,
        list.filter((r) => r.answer === 'going').length,
        list.filter((r) => r.came).length,
        rated.length,
        rated.length ? Number((rated.reduce((sum, r) => sum + (r.rating ?? 0), 0) / rated.length).toFixed(1)) : null,
      ];
    }),
  };
  return { people, schools };
}

function audited(ctx: Ctx, seminarId: number, format: 'xlsx' | 'csv'): Seminar {
  const seminar = coordinated(ctx, seminarId);
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId: seminar.municipalityId, action: 'export.personal-data', details: { what: 'seminar', seminarId, format } });
  return seminar;
}

export async function seminarXlsx(ctx: Ctx, seminarId: number): Promise<Reply> {
  const seminar = audited(ctx, seminarId, 'xlsx');
  const { people, schools } = sheets(ctx, seminar);
  const data = await buildXlsx([people, schools]);
  return { text: ctx.t('seminar-exported', { title: seminar.title }), file: { name: `seminar-${seminar.id}.xlsx`, mime: XLSX_MIME, data } };
}

/** The same as one CSV (UTF-8 with a byte-order mark, so Excel reads Cyrillic): the people, an empty line, the schools. */
export function seminarCsv(ctx: Ctx, seminarId: number): Reply {
  const seminar = audited(ctx, seminarId, 'csv');
  const { people, schools } = sheets(ctx, seminar);
  const table = [people.header, ...people.rows, [], schools.header, ...schools.rows].map((row) => row.map((c) => neutralize(c)));
  const data = Buffer.from(stringify(table, { bom: true }), 'utf8');
  return { text: ctx.t('seminar-exported', { title: seminar.title }), file: { name: `seminar-${seminar.id}.csv`, mime: 'text/csv', data } };
}

const average = (ratings: number[]) => (ratings.length ? Number((ratings.reduce((sum, r) => sum + r, 0) / ratings.length).toFixed(1)) : null);

/** What one session was for one person, in one cell: came (with the rating), or the answer. */
function sessionCell(t: Ctx['t'], row: Row | undefined): string {
  if (!row) return '—';
  if (row.came) return row.rating !== undefined ? t('series-export-came-rated', { rating: row.rating }) : t('series-export-came');
  return row.answer ? t(`seminar-export-answer-${row.answer}`) : '—';
}

export async function seriesXlsx(ctx: Ctx, seminarId: number): Promise<Reply> {
  const seminar = coordinated(ctx, seminarId);
  if (seminar.seriesId === null) throw new UserError('gone', 'seminar-not-series');
  const series = getSeries(ctx.deps.db, seminar.seriesId);
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId: seminar.municipalityId, action: 'export.personal-data', details: { what: 'seminar-series', seriesId: seminar.seriesId, format: 'xlsx' } });
  const t = ctx.t;
  const zone = municipalityZone(ctx.deps, seminar.municipalityId);
  const sessions = sessionsOf(ctx.deps.db, seminar.seriesId);
  const perSession = sessions.map((s) => new Map(rowsOf(ctx, s).map((r) => [r.person.id, r])));
  const people = new Map<number, Row>();
  for (const rows of perSession) for (const r of rows.values()) if (!people.has(r.person.id)) people.set(r.person.id, r);
  const ordered = [...people.values()].sort((a, b) => a.school.localeCompare(b.school, 'ru') || (a.person.fullName ?? '').localeCompare(b.person.fullName ?? '', 'ru'));
  const dateOf = (s: Seminar) => `${formatDayTime(s.startsAt, zone)}${s.cancelledAt ? ` (${t('series-export-cancelled')})` : ''}`;
  const peopleSheet: Sheet = {
    name: t('seminar-export-people'),
    header: [...t('series-export-columns').split('|'), ...sessions.map(dateOf), t('series-export-total')],
    rows: ordered.map((p): CellValue[] => [
      p.person.fullName ?? '—',
      p.school || '—',
      ...perSession.map((rows) => sessionCell(t, rows.get(p.person.id))),
      perSession.filter((rows) => rows.get(p.person.id)?.came).length,
    ]),
  };
  const sessionSheet: Sheet = {
    name: t('series-export-sessions'),
    header: t('series-export-session-columns').split('|'),
    rows: sessions.map((s, i): CellValue[] => {
      const rows = [...perSession[i]!.values()];
      const ratings = rows.flatMap((r) => (r.rating !== undefined ? [r.rating] : []));
      return [dateOf(s), rows.filter((r) => r.answer === 'going').length, rows.filter((r) => r.came).length, ratings.length, average(ratings)];
    }),
  };
  const bySchool = new Map<string, Row[][]>();
  for (const rows of perSession) {
    for (const r of rows.values()) {
      const list = bySchool.get(r.school || '—') ?? sessions.map(() => []);
      list[perSession.indexOf(rows)]!.push(r);
      bySchool.set(r.school || '—', list);
    }
  }
  const schoolSheet: Sheet = {
    name: t('seminar-export-schools'),
    header: t('series-export-summary-columns').split('|'),
    rows: [...bySchool].sort(([a], [b]) => a.localeCompare(b, 'ru')).map(([school, lists]): CellValue[] => {
      const all = lists.flat();
      const visits = all.filter((r) => r.came).length;
      const held = sessions.filter((s) => !s.cancelledAt).length;
      return [
        school,
        new Set(all.filter((r) => r.invited).map((r) => r.person.id)).size,
        new Set(all.filter((r) => r.came).map((r) => r.person.id)).size,
        visits,
        held ? Number((visits / held).toFixed(1)) : null,
        average(all.flatMap((r) => (r.rating !== undefined ? [r.rating] : []))),
      ];
    }),
  };
  const data = await buildXlsx([peopleSheet, sessionSheet, schoolSheet]);
  return { text: t('series-exported', { title: series?.title ?? seminar.title }), file: { name: `series-${seminar.seriesId}.xlsx`, mime: XLSX_MIME, data } };
}
