// The region's report: how the municipalities' road maps stand at a chosen
// date, per section and per responsible body, as XLSX for a ministry letter.
// A curator gets every municipality of the region, a coordinator their own.
// An item counts as done at the date when it was marked done by the end of
// that day (local); the deadlines are today's, postponements included, since
// the report answers «where are we against the plan as it now stands».
import { DateTime } from 'luxon';
import type { Municipality } from '../../db/repos/org.js';
import { readableMunicipalities, requirePerson } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { notAllowed } from '../core/errors.js';
import { formatIsoDay } from '../core/format.js';
import { localDate, municipalityZone, todayIn } from '../core/local-time.js';
import { readDate } from '../core/read-input.js';
import { buildXlsx, XLSX_MIME, type CellValue } from '../core/spreadsheet.js';
import { dueOf, entries, type Entry } from './progress.js';
import { responsibleBodies } from './responsible.js';

export type ReportData = { regionId: number };

type Status = 'done' | 'overdue' | 'open' | 'unknown';
const STATUSES: Status[] = ['done', 'overdue', 'open', 'unknown'];

/** The municipalities of a region the sender may read; none is a refusal. */
export function reportMunicipalities(ctx: Ctx, regionId: number): Municipality[] {
  const found = readableMunicipalities(ctx, requirePerson(ctx)).filter((m) => m.regionId === regionId);
  if (found.length === 0) throw notAllowed();
  return found;
}

/** An item's status at the end of a local day. */
export function statusAt(entry: Entry, day: string, zone: string): Status {
  if (entry.item.schedule.kind === 'unknown') return 'unknown';
  const open = entry.milestones.filter((m) => !(m.state === 'done' && m.doneAt && localDate(m.doneAt, zone) <= day));
  if (open.length === 0) return 'done';
  if (entry.item.schedule.kind !== 'continuous' && open.some((m) => dueOf(m) < day)) return 'overdue';
  return 'open';
}

/** Rows of counts per group: [municipality, group, items, done, overdue, open, unknown]. */
function tally(name: string, groups: Map<string, Status[]>): CellValue[][] {
  return [...groups].map(([group, statuses]) => [name, group, statuses.length, ...STATUSES.map((s) => statuses.filter((x) => x === s).length)]);
}

function add(groups: Map<string, Status[]>, key: string, status: Status): void {
  const list = groups.get(key);
  if (list) list.push(status);
  else groups.set(key, [status]);
}

export async function buildRegionReport(ctx: Ctx, municipalities: Municipality[], day: string): Promise<Buffer> {
  const t = ctx.t;
  const bySection: CellValue[][] = [];
  const byBody: CellValue[][] = [];
  for (const municipality of municipalities) {
    const zone = municipalityZone(ctx.deps, municipality.id);
    const sections = new Map<string, Status[]>();
    const bodies = new Map<string, Status[]>();
    for (const entry of entries(ctx, municipality.id).filter((e) => e.roadmap.schoolId === null)) {
      const status = statusAt(entry, day, zone);
      add(sections, entry.item.section ?? '—', status);
      // A shared item counts for each of its bodies, as each answers for it.
      for (const body of new Set(responsibleBodies(entry.item.responsibleText))) add(bodies, body, status);
    }
    bySection.push(...tally(municipality.name, sections));
    byBody.push(...tally(municipality.name, bodies));
  }
  const counts = [t('col-items'), ...STATUSES.map((s) => t(`col-status-${s}`))];
  return buildXlsx([
    { name: t('roadmap-report-sheet-sections'), header: [t('col-municipality'), t('col-section'), ...counts], rows: bySection },
    { name: t('roadmap-report-sheet-bodies'), header: [t('col-municipality'), t('col-responsible'), ...counts], rows: byBody },
  ]);
}

export const regionReportDialog: DialogDef<ReportData> = {
  name: 'roadmap-region-report',
  version: 1,
  first: 'date',
  steps: {
    date: {
      prompt: (ctx) => ({ text: ctx.t('roadmap-report-ask-date'), choices: [[{ label: ctx.t('roadmap-report-today'), value: 'today' }]], acceptsText: true }),
      accept: async (ctx, data, answer) => {
        const municipalities = reportMunicipalities(ctx, data.regionId);
        const today = todayIn(ctx.deps, municipalities[0]!.id);
        const day = answer.kind === 'choice' ? today : answer.kind === 'text' ? readDate(answer.text, today) : null;
        if (!day || DateTime.fromISO(day).year < 2000 || day > DateTime.fromISO(today).plus({ years: 3 }).toISODate()!) return { reask: ctx.t('roadmap-report-date-invalid') };
        const file = await buildRegionReport(ctx, municipalities, day);
        return { done: { text: ctx.t('roadmap-report-ready', { date: formatIsoDay(day), count: municipalities.length }), file: { name: `roadmap-${day}.xlsx`, mime: XLSX_MIME, data: file } } };
      },
    },
  },
};
