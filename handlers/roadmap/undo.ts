// «Отменить» under a «Выполнено» pressed by mistake: for a day after the mark,
// the one who marked it (or a coordinator) puts the item back in work. Later
// than that the mark stands, as others may have relied on it. The undo is
// itself a history entry, keeping the evidence it took away.
import { updateMilestone } from '../../db/repos/roadmaps.js';
import { mayAdminister, requirePerson } from '../core/access.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed } from '../core/errors.js';
import { ownMilestone, record } from './own.js';

/** How long a «Выполнено» can be taken back. */
export const UNDO_WINDOW_MS = 24 * 3600_000;

export function undoDone(ctx: Ctx, milestoneId: number): Reply {
  const own = ownMilestone(ctx, milestoneId);
  const { milestone, roadmap } = own;
  const person = requirePerson(ctx);
  if (milestone.state !== 'done' || !milestone.doneAt) return { text: ctx.t('roadmap-undo-not-done') };
  if (milestone.doneBy !== person.id && !mayAdminister(person, roadmap.municipalityId)) throw notAllowed();
  if (ctx.deps.clock.now().getTime() - milestone.doneAt.getTime() > UNDO_WINDOW_MS) return { text: ctx.t('roadmap-undo-too-late') };
  ctx.deps.db.transaction(() => {
    updateMilestone(ctx.deps.db, milestone.id, { state: milestone.postponedTo ? 'postponed' : 'open', doneAt: null, doneBy: null, evidence: null, evidenceFileId: null });
    // The words stay in the history only under their author's own entry, so /forget still finds them.
    const evidence = milestone.doneBy === person.id ? { evidence: milestone.evidence, evidenceFileId: milestone.evidenceFileId } : { hadEvidence: milestone.evidence !== null };
    record(ctx, milestone, 'done-undone', { doneAt: milestone.doneAt?.toISOString(), doneBy: milestone.doneBy, ...evidence });
  });
  return { text: ctx.t('roadmap-undone', { title: own.title.slice(0, 200) }), edit: true };
}
