// From a document to a stored road map: read the table, read each deadline
// against the plan period, preview what was understood, then save. A revised
// document updates the matching items (by number, then by title) and keeps
// their history; items it no longer has are marked removed, done milestones
// stay done.
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
import { extractRoadmap } from './table/extract.js';
import { readRoadmapDocument } from './table/read.js';
import type { DraftWarning, RoadmapItem } from './table/types.js';

export interface PlannedItem extends RoadmapItem {
  schedule: Schedule;
}

export interface RoadmapPlan {
  period: PlanPeriod;
  items: PlannedItem[];
  sections: string[];
  warnings: DraftWarning[];
}

/**
 * Reads a document (or pasted text as a .txt) into a plan. The year, when
 * given, overrides the one guessed from the text; `fallbackYear` (this year)
 * is used when neither says.
 */
export async function planRoadmap(fileName: string, data: Buffer, year: number | undefined, fallbackYear: number): Promise<RoadmapPlan> {
  const rows = await readRoadmapDocument(fileName, data);
  const draft = extractRoadmap(rows);
  const guessed = guessPlanPeriod(rows);
  const period: PlanPeriod = year !== undefined ? (guessed && guessed.year === year ? guessed : { year }) : (guessed ?? { year: fallbackYear });
  return { period, sections: draft.sections, warnings: draft.warnings, items: await scheduled(draft.items, period) };
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
