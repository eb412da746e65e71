// From a document to a stored road map: read the table, read each deadline
// against the plan period, preview what was understood, then save. A revised
// document updates the matching items (by number, then by title) and keeps
// their history; items it no longer has are marked removed, done milestones
// stay done.
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import {
  addHistory,
  createRoadmap,
  deleteOpenMilestones,
  findRoadmap,
  insertItem,
  insertMilestones,
  itemsOf,
  milestonesOf,
  updateItem,
  updateRoadmap,
  type Roadmap,
} from '../../db/repos/roadmaps.js';
import { parseDeadline, type PlanPeriod, type Schedule } from './deadline.js';
import { guessPlanPeriod } from './plan-period.js';
import { cleanCell } from './table/cells.js';
import { layoutWithColumns, numberColumnOf, type ColumnChoice } from './table/columns.js';
import { extractRoadmap, extractTables } from './table/extract.js';
import { yearLabel } from './table/periods.js';
import { readRoadmapRows, readRoadmapTables, RoadmapDocumentError } from './table/read.js';
import type { DeadlinePart, DraftWarning, RoadmapItem } from './table/types.js';

export interface PlannedItem extends RoadmapItem {
  schedule: Schedule;
}

export interface RoadmapPlan {
  period: PlanPeriod;
  items: PlannedItem[];
  sections: string[];
  warnings: DraftWarning[];
}

function periodFor(rows: string[][], year: number | undefined, fallbackYear: number): PlanPeriod {
  const guessed = guessPlanPeriod(rows);
  return year !== undefined ? (guessed && guessed.year === year ? guessed : { year }) : (guessed ?? { year: fallbackYear });
}

/**
 * Reads a document (or pasted text as a .txt) into a plan. The year, when
 * given, overrides the one guessed from the text; `fallbackYear` (this year)
 * is used when neither says. A Word order with several plan tables gives
 * one section per table; the tables left out are among the warnings.
 */
export async function planRoadmap(fileName: string, data: Buffer, year: number | undefined, fallbackYear: number): Promise<RoadmapPlan> {
  const document = await readRoadmapTables(fileName, data);
  const draft = extractTables(document);
  const period = periodFor(document.rows, year, fallbackYear);
  return { period, sections: draft.sections, warnings: draft.warnings, items: withColumnSchedules(await scheduled(draft.items, period), period) };
}

/**
 * One schedule from a row's several date columns: each column's deadline
 * read on its own, its milestones labelled with the column's header
 * ("1 этап", "II кв."), all of them in date order. Unknown when no column
 * reads as a date; a single column keeps its own kind.
 */
export function columnSchedule(parts: DeadlinePart[], period: PlanPeriod): Schedule {
  const span = startToEnd(parts, period);
  if (span) return span;
  const read = parts.flatMap((part) => {
    // Under a year's column ("2025 г." of "Срок исполнения"), a deadline without a year is in that year.
    const year = yearLabel(part.label);
    const schedule = parseDeadline(part.text, year !== undefined && !/(?<!\d)20\d{2}(?!\d)/.test(part.text) ? { year } : period);
    if (schedule.kind === 'unknown') return [];
    const milestones = schedule.milestones.map((m) => ({ ...m, label: part.label === '' ? m.label : m.label ? `${part.label}, ${m.label}` : part.label }));
    return [{ ...schedule, milestones } as Schedule];
  });
  const [only] = read;
  if (!only) return { kind: 'unknown', milestones: [] };
  if (read.length === 1) return only;
  const milestones = read.flatMap((s) => s.milestones).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  return { kind: 'milestones', milestones };
}

const START_LABEL = /начал|старт/i;
const END_LABEL = /оконч|заверш|конец|конца/i;

/**
 * A row of "Срок начала | Срок окончания" (or "Сроки: начало | окончание")
 * is one span: from the first day of the start to the end's due date.
 * Undefined for other columns, or when either cell is no date.
 */
function startToEnd(parts: DeadlinePart[], period: PlanPeriod): Schedule | undefined {
  const [start, end] = parts;
  if (parts.length !== 2 || !start || !end || !START_LABEL.test(start.label) || END_LABEL.test(start.label) || !END_LABEL.test(end.label)) return undefined;
  const whole = parseDeadline(`${start.text} – ${end.text}`, period);
  if (whole.kind === 'once' && whole.milestones[0].from !== undefined) return whole;
  const first = parseDeadline(start.text, period).milestones[0];
  const last = parseDeadline(end.text, period).milestones.at(-1);
  if (!first || !last) return undefined;
  const from = first.from ?? first.due;
  return from <= last.due ? { kind: 'once', milestones: [{ from, due: last.due }] } : undefined;
}

/** Items read from several date columns get the schedule of their columns together. */
export function withColumnSchedules(items: PlannedItem[], period: PlanPeriod): PlannedItem[] {
  return items.map((item) => (item.deadlines && item.deadlines.length > 1 ? { ...item, schedule: columnSchedule(item.deadlines, period) } : item));
}

export type { ColumnChoice } from './table/columns.js';

/** How many rows of an unrecognised table are shown for choosing its columns. */
const PREVIEW_ROWS = 8;

/** A plan; or, when no header was recognised, the document's rows for the coordinator to choose columns from. */
export type RoadmapReading =
  | { kind: 'plan'; plan: RoadmapPlan }
  | {
      kind: 'needs-columns';
      /** Every row, to hand back to planWithColumns. */
      rows: string[][];
      /** The first rows of two cells or more, as a table to show; `width` columns each. */
      preview: string[][];
      width: number;
      /** The table's shape (tableShape): a choice made for it fits the next document with the same header. */
      shape: string;
    };

/**
 * The shape of a table nobody recognised: its width and the letters of its
 * first row (the header, when it has one), so that next year's order with
 * the same header but other dates and items has the same shape.
 */
export function tableShape(preview: string[][], width: number): string {
  const [first = []] = preview;
  const letters = first.map((c) => cleanCell(c).toLocaleLowerCase('ru').replace(/[^а-яёa-z№]/g, '')).join('|');
  return createHash('sha256').update(`${width}\u0000${letters}`).digest('hex').slice(0, 24);
}

/** A header was read, but nothing came of it that reminders could use: no item, or no item with a deadline. */
const doubtful = (plan: RoadmapPlan) => plan.items.every((i) => i.deadlineText === '');

/**
 * planRoadmap that answers "needs-columns" instead of throwing no-table,
 * so that a chat or the CLI can let the coordinator say which column is
 * the title, the deadline, the responsible and the number; also when the
 * header read gives no item, or no item with a deadline (the roles were
 * guessed wrong), or nothing under it. Prose without any table of two
 * columns still throws no-table (or empty).
 */
export async function readRoadmap(fileName: string, data: Buffer, year: number | undefined, fallbackYear: number): Promise<RoadmapReading> {
  let plan: RoadmapPlan | undefined;
  let refusal: RoadmapDocumentError | undefined;
  try {
    plan = await planRoadmap(fileName, data, year, fallbackYear);
    if (!doubtful(plan)) return { kind: 'plan', plan };
  } catch (error) {
    // "empty": a header was taken with nothing under it, perhaps the wrong row.
    if (!(error instanceof RoadmapDocumentError) || (error.code !== 'no-table' && error.code !== 'empty')) throw error;
    refusal = error;
  }
  const reading = columnsReading(await readRoadmapRows(fileName, data));
  if (reading && (refusal?.code !== 'empty' || reading.preview.length >= 2)) return reading;
  if (plan) return { kind: 'plan', plan };
  throw refusal ?? new RoadmapDocumentError('no-table');
}

/** A document's rows for choosing columns; undefined when no row has two filled cells. */
export function columnsReading(rows: string[][]): Extract<RoadmapReading, { kind: 'needs-columns' }> | undefined {
  const preview = rows.filter((r) => r.filter((c) => c.trim() !== '').length >= 2).slice(0, PREVIEW_ROWS);
  if (preview.length === 0) return undefined;
  const width = Math.max(...preview.map((r) => r.length));
  return { kind: 'needs-columns', rows, preview, width, shape: tableShape(preview, width) };
}

/** The rows of a document read with columns a user gave before seeing them (the CLI's --columns). */
export async function readForColumns(fileName: string, data: Buffer): Promise<Extract<RoadmapReading, { kind: 'needs-columns' }>> {
  const reading = columnsReading(await readRoadmapRows(fileName, data));
  if (!reading) throw new RoadmapDocumentError('no-table');
  return reading;
}

/** A plan read with the columns a coordinator chose (0-based indexes into the rows' cells). */
export async function planWithColumns(rows: string[][], choice: ColumnChoice, year: number | undefined, fallbackYear: number): Promise<RoadmapPlan> {
  const draft = extractRoadmap(rows, layoutWithColumns(rows, { ...choice, number: choice.number ?? numberColumnOf(rows, choice) }));
  const period = periodFor(rows, year, fallbackYear);
  return { period, sections: draft.sections, warnings: draft.warnings, items: withColumnSchedules(await scheduled(draft.items, period), period) };
}

const YIELD_EVERY = 200;

/**
 * Reads every item's deadline. Plans repeat the same few deadlines
 * («ежемесячно», «в течение года»), so each text is read once; and the loop
 * gives the event loop back every few hundred items, so a 5,000-row plan does
 * not hold up other people's replies.
 */
async function scheduled(items: RoadmapItem[], period: PlanPeriod): Promise<PlannedItem[]> {
  const read = new Map<string, Schedule>();
  const planned: PlannedItem[] = [];
  for (const item of items) {
    let schedule = read.get(item.deadlineText);
    if (schedule === undefined) {
      schedule = parseDeadline(item.deadlineText, period);
      read.set(item.deadlineText, schedule);
    }
    planned.push({ ...item, schedule });
    if (planned.length % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return planned;
}

export function understood(plan: RoadmapPlan): { understood: number; unknown: PlannedItem[] } {
  const unknown = plan.items.filter((i) => i.schedule.kind === 'unknown');
  return { understood: plan.items.length - unknown.length, unknown };
}

/** The CLI's --json shape. */
export function planJson(plan: RoadmapPlan) {
  return {
    items: plan.items.map((i) => ({
      number: i.number,
      section: i.section,
      title: i.title,
      deadlineText: i.deadlineText,
      responsibleText: i.responsibleText,
      expectedResult: i.expectedResult,
      schedule: { kind: i.schedule.kind, milestones: i.schedule.milestones, ...('repeat' in i.schedule ? { repeat: i.schedule.repeat } : {}) },
    })),
    warnings: plan.warnings,
  };
}

const same = (a: string, b: string) => a.toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim() === b.toLocaleLowerCase('ru').replace(/\s+/g, ' ').trim();

export interface SaveResult {
  roadmap: Roadmap;
  created: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** Saves a plan as the municipality's (or a school's) road map, in the caller's transaction. */
export function saveRoadmap(
  tx: DbOrTx,
  plan: RoadmapPlan,
  target: { municipalityId: number; schoolId: number | null; title: string; sourceName: string; by: number | null; now: Date },
): SaveResult {
  const existing = findRoadmap(tx, target.municipalityId, target.schoolId);
  const roadmap =
    existing ??
    createRoadmap(tx, {
      municipalityId: target.municipalityId,
      schoolId: target.schoolId,
      title: target.title,
      period: plan.period,
      sourceName: target.sourceName,
      importedBy: target.by,
      importedAt: target.now,
    });
  if (existing) updateRoadmap(tx, existing.id, { period: plan.period, sourceName: target.sourceName, importedBy: target.by, importedAt: target.now });
  const old = itemsOf(tx, roadmap.id);
  const matched = new Set<number>();
  const result: SaveResult = { roadmap, created: 0, updated: 0, unchanged: 0, removed: 0 };
  plan.items.forEach((item, position) => {
    const match =
      old.find((o) => !matched.has(o.id) && o.number === item.number && same(o.title, item.title)) ??
      old.find((o) => !matched.has(o.id) && same(o.title, item.title)) ??
      old.find((o) => !matched.has(o.id) && o.number === item.number && item.number !== '');
    const values = {
      number: item.number,
      section: item.section,
      title: item.title,
      deadlineText: item.deadlineText,
      responsibleText: item.responsibleText,
      expectedResult: item.expectedResult,
      schedule: { ...item.schedule },
      position,
    };
    if (!match) {
      const row = insertItem(tx, { roadmapId: roadmap.id, ...values });
      insertMilestones(tx, item.schedule.milestones.map((m) => ({ itemId: row.id, due: m.due, from: m.from ?? null, label: m.label ?? null })));
      addHistory(tx, { itemId: row.id, action: 'imported', details: { ...values }, by: target.by, at: target.now });
      result.created++;
      return;
    }
    matched.add(match.id);
    const changed = (['number', 'section', 'title', 'deadlineText', 'responsibleText', 'expectedResult'] as const).filter((k) => match[k] !== values[k]);
    const scheduleChanged = JSON.stringify(match.schedule) !== JSON.stringify(values.schedule);
    if (changed.length === 0 && !scheduleChanged && match.position === position) {
      result.unchanged++;
      return;
    }
    updateItem(tx, match.id, values);
    if (scheduleChanged) {
      deleteOpenMilestones(tx, match.id);
      const kept = new Set(milestonesOf(tx, [match.id]).map((m) => m.due));
      insertMilestones(tx, item.schedule.milestones.filter((m) => !kept.has(m.due)).map((m) => ({ itemId: match.id, due: m.due, from: m.from ?? null, label: m.label ?? null })));
    }
    if (changed.length > 0 || scheduleChanged) {
      const before = Object.fromEntries(changed.map((k) => [k, match[k]]));
      addHistory(tx, { itemId: match.id, action: 'revised', details: { before, after: Object.fromEntries(changed.map((k) => [k, values[k]])), scheduleChanged }, by: target.by, at: target.now });
      result.updated++;
    } else result.unchanged++;
  });
  for (const gone of old.filter((o) => !matched.has(o.id))) {
    updateItem(tx, gone.id, { removedAt: target.now });
    addHistory(tx, { itemId: gone.id, action: 'removed', details: {}, by: target.by, at: target.now });
    result.removed++;
  }
  return result;
}
