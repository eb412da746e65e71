// Road maps, their items and milestones, the history of every change, and
// the confirmed meaning of each responsible body.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../types.js';
import { milestones, responsibleAliases, roadmapHistory, roadmapItems, roadmaps, type ResponsibleTarget } from '../schema.js';

export type Roadmap = typeof roadmaps.$inferSelect;
export type RoadmapItemRow = typeof roadmapItems.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;

export function createRoadmap(db: DbOrTx, values: typeof roadmaps.$inferInsert): Roadmap {
  return db.insert(roadmaps).values(values).returning().get();
}

/** The road map of a municipality (schoolId null) or of one school. */
export function findRoadmap(db: DbOrTx, municipalityId: number, schoolId: number | null): Roadmap | undefined {
  return db
    .select()
    .from(roadmaps)
    .where(and(eq(roadmaps.municipalityId, municipalityId), schoolId === null ? isNull(roadmaps.schoolId) : eq(roadmaps.schoolId, schoolId)))
    .get();
}

export function getRoadmap(db: DbOrTx, id: number): Roadmap | undefined {
  return db.select().from(roadmaps).where(eq(roadmaps.id, id)).get();
}

export function roadmapsOf(db: DbOrTx, municipalityId: number): Roadmap[] {
  return db.select().from(roadmaps).where(eq(roadmaps.municipalityId, municipalityId)).all();
}

export function updateRoadmap(db: DbOrTx, id: number, values: Partial<typeof roadmaps.$inferInsert>): void {
  db.update(roadmaps).set(values).where(eq(roadmaps.id, id)).run();
}

export function itemsOf(db: DbOrTx, roadmapId: number): RoadmapItemRow[] {
  return db.select().from(roadmapItems).where(and(eq(roadmapItems.roadmapId, roadmapId), isNull(roadmapItems.removedAt))).all();
}

export function getItem(db: DbOrTx, id: number): RoadmapItemRow | undefined {
  return db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get();
}

export function insertItem(db: DbOrTx, values: typeof roadmapItems.$inferInsert): RoadmapItemRow {
  return db.insert(roadmapItems).values(values).returning().get();
}

export function updateItem(db: DbOrTx, id: number, values: Partial<typeof roadmapItems.$inferInsert>): void {
  db.update(roadmapItems).set(values).where(eq(roadmapItems.id, id)).run();
}

export function milestonesOf(db: DbOrTx, itemIds: number[]): MilestoneRow[] {
  if (itemIds.length === 0) return [];
  return db.select().from(milestones).where(inArray(milestones.itemId, itemIds)).all();
}

export function getMilestone(db: DbOrTx, id: number): MilestoneRow | undefined {
  return db.select().from(milestones).where(eq(milestones.id, id)).get();
}

export function insertMilestones(db: DbOrTx, rows: (typeof milestones.$inferInsert)[]): void {
  if (rows.length > 0) db.insert(milestones).values(rows).run();
}

export function deleteOpenMilestones(db: DbOrTx, itemId: number): void {
  db.delete(milestones).where(and(eq(milestones.itemId, itemId), eq(milestones.state, 'open'))).run();
}

export function updateMilestone(db: DbOrTx, id: number, values: Partial<typeof milestones.$inferInsert>): void {
  db.update(milestones).set(values).where(eq(milestones.id, id)).run();
}

/** Milestones still to be done (open or postponed) of live items, with their item and road map. */
export function pendingMilestones(db: DbOrTx): { milestone: MilestoneRow; item: RoadmapItemRow; roadmap: Roadmap }[] {
  return db
    .select({ milestone: milestones, item: roadmapItems, roadmap: roadmaps })
    .from(milestones)
    .innerJoin(roadmapItems, eq(milestones.itemId, roadmapItems.id))
    .innerJoin(roadmaps, eq(roadmapItems.roadmapId, roadmaps.id))
    .where(and(inArray(milestones.state, ['open', 'postponed']), isNull(roadmapItems.removedAt)))
    .all();
}

export type HistoryRow = typeof roadmapHistory.$inferSelect;

export function addHistory(db: DbOrTx, values: typeof roadmapHistory.$inferInsert): HistoryRow {
  return db.insert(roadmapHistory).values(values).returning().get();
}

export function getHistory(db: DbOrTx, id: number): HistoryRow | undefined {
  return db.select().from(roadmapHistory).where(eq(roadmapHistory.id, id)).get();
}

export function historyOfItem(db: DbOrTx, itemId: number): HistoryRow[] {
  return db.select().from(roadmapHistory).where(eq(roadmapHistory.itemId, itemId)).all();
}

export function aliasesOf(db: DbOrTx, municipalityId: number): Map<string, { target: ResponsibleTarget; confirmed: boolean }> {
  const rows = db.select().from(responsibleAliases).where(eq(responsibleAliases.municipalityId, municipalityId)).all();
  return new Map(rows.map((r) => [r.alias, { target: r.target, confirmed: r.confirmedAt !== null }]));
}

export function setAlias(db: DbOrTx, municipalityId: number, alias: string, target: ResponsibleTarget, confirmedAt: Date | null): void {
  db.insert(responsibleAliases)
    .values({ municipalityId, alias, target, confirmedAt })
    .onConflictDoUpdate({ target: [responsibleAliases.municipalityId, responsibleAliases.alias], set: { target, confirmedAt } })
    .run();
}
