// A seminar's attendance and feedback as XLSX or CSV, for the coordinator's
// report: everyone invited or who answered, what they answered, whether they
// came (and how it was marked), their rating and comment; then a line per
// school. Both go through the core's formula-safe writers, as names and
// comments are typed by people.
import { stringify } from 'csv-stringify/sync';
import { peopleInAudience } from '../../db/repos/audience.js';
import { audit } from '../../db/repos/audit.js';
import { getSchool } from '../../db/repos/org.js';
import { getPerson, type Person } from '../../db/repos/people.js';
import { attendanceOf, feedbackOf, rsvpsOf, statusOf, type Seminar } from '../../db/repos/seminars.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { buildXlsx, neutralize, XLSX_MIME, type CellValue, type Sheet } from '../core/spreadsheet.js';
import { coordinated } from './cancel.js';

export const exportXlsxAction = defineAction('semxl', idArg);
export const exportCsvAction = defineAction('semcsv', idArg);

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
