// Who may act on a milestone, checked again on every button and every dialog
// step (a button is a request, never a permission): the people responsible
// for the item, and the municipality's coordinators. And how an act goes
// into the item's history.
import { addHistory, getItem, getMilestone, getRoadmap, type HistoryRow, type MilestoneRow, type Roadmap, type RoadmapItemRow } from '../../db/repos/roadmaps.js';
import { mayAdminister, requirePerson } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import { notAllowed, UserError } from '../core/errors.js';
import { municipalityZone } from '../core/local-time.js';
import { responsiblePeople } from './responsible.js';

export interface OwnMilestone {
  milestone: MilestoneRow;
  item: RoadmapItemRow;
  roadmap: Roadmap;
  /** "1.1 Разработка …", as the person saw it in the reminder. */
  title: string;
  zone: string;
}

/** The milestone, if the sender may act on it. */
export function ownMilestone(ctx: Ctx, id: number): OwnMilestone {
  const person = requirePerson(ctx);
  const milestone = getMilestone(ctx.deps.db, id);
  const item = milestone ? getItem(ctx.deps.db, milestone.itemId) : undefined;
  const roadmap = item ? getRoadmap(ctx.deps.db, item.roadmapId) : undefined;
  if (!milestone || !item || !roadmap || item.removedAt) throw new UserError('gone', 'roadmap-item-gone');
  const allowed =
    mayAdminister(person, roadmap.municipalityId) ||
    responsiblePeople(ctx.deps.db, roadmap.municipalityId, roadmap.schoolId, item.responsibleText).includes(person.id);
  if (!allowed) throw notAllowed();
  const zone = municipalityZone(ctx.deps, roadmap.municipalityId);
  return { milestone, item, roadmap, title: `${item.number} ${item.title}`, zone };
}

/** Adds an act on a milestone to its item's history, by the sender. */
export function record(ctx: Ctx, milestone: MilestoneRow, action: string, details: Record<string, unknown>): HistoryRow {
  return addHistory(ctx.deps.db, { itemId: milestone.itemId, action, details: { milestoneId: milestone.id, ...details }, by: requirePerson(ctx).id, at: ctx.deps.clock.now() });
}
