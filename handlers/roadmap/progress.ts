// /roadmap: for a responsible person, their items by date with buttons to
// mark them; for a coordinator, progress per section and per responsible
// body with overdue items first, and an XLSX export with status and evidence.
import { audit } from '../../db/repos/audit.js';
import { DateTime } from 'luxon';
import { type Municipality } from '../../db/repos/org.js';
import { getPerson } from '../../db/repos/people.js';
import { itemsOf, milestonesOf, roadmapsOf, type MilestoneRow, type Roadmap, type RoadmapItemRow } from '../../db/repos/roadmaps.js';
import { todayIn } from '../core/local-time.js';
import { hasRole, mayAdminister, readableMunicipalities, requireReaderOf, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { formatIsoDay } from '../core/format.js';
import { buildXlsx, XLSX_MIME } from '../core/spreadsheet.js';
import { responsibleBodies, responsiblePeople } from './responsible.js';
import { approvalButton } from './settings.js';

export const doneAction = defineAction('rmd', idArg);
export const postponeAction = defineAction('rmp', idArg);
export const commentAction = defineAction('rmc', idArg);
export const importAction = defineAction('rmi', idArg);
export const exportAction = defineAction('rmx', idArg);
export const undoAction = defineAction('rmu', idArg);
/** A coordinator's own items, who otherwise sees the whole road map. */
export const mineAction = defineAction('rmm');
/** The region's report at a chosen date, by region id. */
export const regionReportAction = defineAction('rmg', idArg);

/** The date a milestone is due now: its postponed date, if any. */
export const dueOf = (m: MilestoneRow) => m.postponedTo ?? m.due;

export interface Entry {
  roadmap: Roadmap;
  item: RoadmapItemRow;
  milestones: MilestoneRow[];
}

export function entries(ctx: Pick<Ctx, 'deps'>, municipalityId: number): Entry[] {
  return roadmapsOf(ctx.deps.db, municipalityId).flatMap((roadmap) => {
    const items = itemsOf(ctx.deps.db, roadmap.id);
    const ms = milestonesOf(ctx.deps.db, items.map((i) => i.id));
    return items.map((item) => ({ roadmap, item, milestones: ms.filter((m) => m.itemId === item.id) }));
  });
}

function today(ctx: Ctx, municipalityId: number): string {
  return todayIn(ctx.deps, municipalityId);
}

const isOpen = (m: MilestoneRow) => m.state !== 'done';

export function statusOf(entry: Entry, day: string): 'done' | 'overdue' | 'open' | 'continuous' | 'unknown' {
  if (entry.item.schedule.kind === 'unknown') return 'unknown';
  const open = entry.milestones.filter(isOpen);
  if (open.length === 0) return 'done';
  if (open.some((m) => dueOf(m) < day && entry.item.schedule.kind !== 'continuous')) return 'overdue';
  return entry.item.schedule.kind === 'continuous' ? 'continuous' : 'open';
}

/** The items a person is among the responsible for: every body of a shared item («МКУ ЦИМО, руководители ОО») counts. */
function mineIn(ctx: Ctx, municipalityId: number, personId: number): Entry[] {
  return entries(ctx, municipalityId).filter((e) => responsiblePeople(ctx.deps.db, e.roadmap.municipalityId, e.roadmap.schoolId, e.item.responsibleText).includes(personId));
}

/** The sender's own items, by date, with «Выполнено» buttons for the nearest. */
export function myItems(ctx: Ctx): Reply {
  const person = requirePerson(ctx);
  if (person.municipalityId === null) return { text: ctx.t('roadmap-none') };
  const day = today(ctx, person.municipalityId);
  const mine = mineIn(ctx, person.municipalityId, person.id);
  const upcoming = mine
    .flatMap((e) => e.milestones.filter(isOpen).map((m) => ({ e, m })))
    .sort((a, b) => dueOf(a.m).localeCompare(dueOf(b.m)));
  const buttons: Button[][] = [];
  if (hasRole(person, 'school_admin') && person.schoolId !== null) buttons.push([{ kind: 'action', label: ctx.t('roadmap-import-school'), data: importAction.encode(person.schoolId) }]);
  if (upcoming.length === 0) return { text: ctx.t('roadmap-mine-none'), buttons };
  const lines = [ctx.t('roadmap-mine-heading')];
  for (const { e, m } of upcoming.slice(0, 15)) {
    const late = dueOf(m) < day && e.item.schedule.kind !== 'continuous' ? ' ⚠️' : '';
    lines.push(`• ${formatIsoDay(dueOf(m))}${late} — ${e.item.number} ${e.item.title.slice(0, 90)}`);
  }
  buttons.unshift(...upcoming.slice(0, 6).map(({ e, m }): Button[] => [{ kind: 'action', label: `✓ ${e.item.number} ${formatIsoDay(dueOf(m))}`.slice(0, 40), data: doneAction.encode(m.id) }]));
  return { text: lines.join('\n'), buttons };
}

/** Progress of a municipality's road map; a coordinator also gets the import button, a curator of the region reads it. */
function progressView(ctx: Ctx, municipality: Municipality, options: { admin: boolean; named: boolean }): Reply {
  const municipalityId = municipality.id;
  const day = today(ctx, municipalityId);
  const all = entries(ctx, municipalityId).filter((e) => e.roadmap.schoolId === null);
  const buttons: Button[][] = options.admin ? [[{ kind: 'action', label: ctx.t('roadmap-import'), data: importAction.encode(0) }]] : [];
  const heading = options.named ? [`🏛 ${municipality.name}`] : [];
  if (all.length === 0) return { text: [...heading, ctx.t('roadmap-none')].join('\n'), buttons };
  const count = (list: Entry[], status: string) => list.filter((e) => statusOf(e, day) === status).length;
  const lines = [...heading, ctx.t('roadmap-summary', { items: all.length, done: count(all, 'done'), overdue: count(all, 'overdue'), unknown: count(all, 'unknown') })];
  const overdue = all.filter((e) => statusOf(e, day) === 'overdue');
  if (overdue.length) {
    lines.push('', ctx.t('roadmap-overdue-heading'));
    for (const e of overdue.slice(0, 10)) lines.push(`⚠️ ${e.item.number} ${e.item.title.slice(0, 80)} — ${formatIsoDay(dueOf(e.milestones.filter(isOpen)[0]!))}`);
  }
  if (all.some((e) => e.item.section)) {
    lines.push('', ctx.t('roadmap-by-section'));
    const sections = new Map<string, Entry[]>();
    for (const e of all) {
      const key = e.item.section ?? '—';
      const list = sections.get(key);
      if (list) list.push(e);
      else sections.set(key, [e]);
    }
    for (const [section, list] of sections) lines.push(`• ${section.slice(0, 60)}: ${count(list, 'done')}/${list.length}`);
  }
  lines.push('', ctx.t('roadmap-by-responsible'));
  const bodies = new Map<string, Entry[]>();
  for (const e of all) for (const b of responsibleBodies(e.item.responsibleText)) bodies.set(b, [...(bodies.get(b) ?? []), e]);
  for (const [body, list] of bodies) lines.push(`• ${body}: ${count(list, 'done')}/${list.length}${count(list, 'overdue') ? ` (⚠️ ${count(list, 'overdue')})` : ''}`);
  buttons.push([{ kind: 'action', label: ctx.t('consultations-export'), data: exportAction.encode(municipalityId) }]);
  if (options.admin) buttons.push([approvalButton(ctx, municipalityId)]);
  return { text: lines.join('\n'), buttons };
}

export function roadmapCommand(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const readable = readableMunicipalities(ctx, person);
  const replies = readable.map((m) => progressView(ctx, m, { admin: mayAdminister(person, m.id), named: readable.length > 1 }));
  if (replies.length === 0) return [myItems(ctx)];
  // A coordinator who is also responsible for items («МКУ ЦИМО») reaches them from the overview.
  const own = person.municipalityId !== null && mineIn(ctx, person.municipalityId, person.id).some((e) => e.milestones.some(isOpen));
  const last = replies.at(-1)!;
  if (own) last.buttons = [...(last.buttons ?? []), [{ kind: 'action', label: ctx.t('roadmap-mine-button'), data: mineAction.encode() }]];
  for (const regionId of new Set(readable.map((m) => m.regionId))) {
    last.buttons = [...(last.buttons ?? []), [{ kind: 'action', label: ctx.t('roadmap-report-button'), data: regionReportAction.encode(regionId) }]];
  }
  return replies;
}

export async function exportRoadmap(ctx: Ctx, municipalityId: number): Promise<Reply> {
  requireReaderOf(ctx, municipalityId);
  const day = today(ctx, municipalityId);
  const t = ctx.t;
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId, action: 'export.personal-data', details: { what: 'roadmap' } });
  const rows = entries(ctx, municipalityId).flatMap((e) => {
    const ms = e.milestones.length ? e.milestones : [undefined];
    return ms.map((m) => [
      e.roadmap.schoolId === null ? '' : e.roadmap.title,
      e.item.number,
      e.item.section ?? '',
      e.item.title,
      e.item.deadlineText,
      m ? formatIsoDay(dueOf(m)) : '',
      e.item.responsibleText,
      e.item.expectedResult,
      t(`roadmap-status-${m ? (m.state === 'done' ? 'done' : dueOf(m) < day && e.item.schedule.kind !== 'continuous' ? 'overdue' : 'open') : statusOf(e, day)}`),
      m?.doneAt ? DateTime.fromJSDate(m.doneAt).toFormat('dd.MM.yyyy') : '',
      m?.doneBy ? (getPerson(ctx.deps.db, m.doneBy)?.fullName ?? '') : '',
      m?.comment ?? '',
      m?.evidence ?? '',
    ]);
  });
  const data = await buildXlsx([
    {
      name: t('roadmap-sheet'),
      header: [t('col-school'), '№', t('col-section'), t('col-activity'), t('col-deadline-text'), t('col-due'), t('col-responsible'), t('col-result'), t('col-status'), t('col-done-at'), t('col-done-by'), t('col-milestone-comment'), t('col-evidence')],
      rows,
    },
  ]);
  return { text: t('roadmap-exported', { count: rows.length }), file: { name: 'roadmap.xlsx', mime: XLSX_MIME, data } };
}
