// «Перенести» reaches the coordinators. By default the new date applies at
// once and they are told; a municipality that wants a say
// (settings.roadmapPostponeApproval) gets a request with «Принять» /
// «Оставить прежний срок» instead, and the date moves only on acceptance.
// The request is a history row, and the decision another one naming it, so
// the item's history keeps both and no extra table is needed; the person who
// asked is told the decision.
import { getSchool } from '../../db/repos/org.js';
import { getPerson, peopleOf } from '../../db/repos/people.js';
import { addHistory, getHistory, getItem, getMilestone, getRoadmap, historyOfItem, updateMilestone, type HistoryRow } from '../../db/repos/roadmaps.js';
import type { DbOrTx } from '../../db/client.js';
import { mayAdminister, requireAdminOf, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { formatIsoDay } from '../core/format.js';
import { notifyPerson } from '../core/outbox.js';
import type { Translate } from '../core/i18n.js';
import type { OwnMilestone } from './own.js';
import { dueOf } from './progress.js';
import { postponeNeedsApproval } from './settings.js';

export const acceptPostponeAction = defineAction('rma', idArg);
export const refusePostponeAction = defineAction('rmr', idArg);

/** A person as a coordinator knows them: the name and, for a school's people, the school. */
export function whoIs(db: DbOrTx, personId: number | null): string {
  const person = personId === null ? undefined : getPerson(db, personId);
  if (!person) return '—';
  const school = person.schoolId === null ? undefined : getSchool(db, person.schoolId);
  return school ? `${person.fullName ?? '—'} (${school.shortName})` : (person.fullName ?? '—');
}

/** Queues a notice to every coordinator of the municipality but the one acting. */
export function tellCoordinators(ctx: Ctx, municipalityId: number, key: string, write: (t: Translate) => Reply, fileId?: number): void {
  const now = ctx.deps.clock.now();
  for (const coordinator of peopleOf(ctx.deps.db, municipalityId, { role: 'coordinator' })) {
    if (coordinator.id === ctx.person?.id) continue;
    notifyPerson(ctx.deps.db, ctx.deps.i18n, coordinator.id, write, { dedupeKey: `${key}:${coordinator.id}`, notBefore: now, ...(fileId === undefined ? {} : { fileId }) });
  }
  ctx.deps.wakeOutbox();
}

/** «Перенести» with a date chosen: moves the deadline, or asks the coordinators first. */
export function postpone(ctx: Ctx, own: OwnMilestone, to: string): Reply {
  const { db, clock } = ctx.deps;
  const person = requirePerson(ctx);
  const { milestone, roadmap, title } = own;
  const from = dueOf(milestone);
  const args = { title: title.slice(0, 200), from: formatIsoDay(from), to: formatIsoDay(to), who: whoIs(db, person.id) };
  // With no coordinator to ask, a request would wait for ever: the date then moves at once.
  const anyCoordinator = peopleOf(db, roadmap.municipalityId, { role: 'coordinator' }).length > 0;
  const asks = anyCoordinator && !mayAdminister(person, roadmap.municipalityId) && postponeNeedsApproval(db, roadmap.municipalityId);
  return db.transaction(() => {
    if (!asks) {
      updateMilestone(db, milestone.id, { state: 'postponed', postponedTo: to });
      const row = addHistory(db, { itemId: milestone.itemId, action: 'postponed', details: { milestoneId: milestone.id, from, to }, by: person.id, at: clock.now() });
      tellCoordinators(ctx, roadmap.municipalityId, `roadmap:postponed:${row.id}`, (t) => ({ text: t('roadmap-postponed-notice', args) }));
      return { text: ctx.t('roadmap-postponed', { date: formatIsoDay(to) }) };
    }
    const request = addHistory(db, { itemId: milestone.itemId, action: 'postpone-requested', details: { milestoneId: milestone.id, from, to }, by: person.id, at: clock.now() });
    tellCoordinators(ctx, roadmap.municipalityId, `roadmap:postpone-request:${request.id}`, (t) => ({
      text: t('roadmap-postpone-request', args),
      buttons: [
        [{ kind: 'action', label: t('roadmap-postpone-accept'), data: acceptPostponeAction.encode(request.id) }],
        [{ kind: 'action', label: t('roadmap-postpone-refuse'), data: refusePostponeAction.encode(request.id) }],
      ],
    }));
    return { text: ctx.t('roadmap-postpone-requested', { date: formatIsoDay(to) }) };
  });
}

const DECISIONS = ['postpone-accepted', 'postpone-refused'];

/** Whether a request still waits: not decided, not followed by a newer request, its milestone not done meanwhile. */
function stillOpen(history: HistoryRow[], request: HistoryRow): 'open' | 'decided' | 'stale' {
  if (history.some((h) => DECISIONS.includes(h.action) && h.details.requestId === request.id)) return 'decided';
  const newer = history.some((h) => h.id > request.id && h.action === 'postpone-requested' && h.details.milestoneId === request.details.milestoneId);
  return newer ? 'stale' : 'open';
}

/** A coordinator's one tap on a request: the date moves (or not), the history says who decided, the person who asked hears of it. */
export function decidePostpone(ctx: Ctx, requestId: number, accept: boolean): Reply {
  const { db, clock, i18n } = ctx.deps;
  const request = getHistory(db, requestId);
  const milestone = request?.action === 'postpone-requested' ? getMilestone(db, Number(request.details.milestoneId)) : undefined;
  const item = milestone ? getItem(db, milestone.itemId) : undefined;
  const roadmap = item ? getRoadmap(db, item.roadmapId) : undefined;
  if (!request || !milestone || !item || !roadmap || item.removedAt) throw new UserError('gone', 'roadmap-item-gone');
  const person = requireAdminOf(ctx, roadmap.municipalityId);
  const state = milestone.state === 'done' ? 'stale' : stillOpen(historyOfItem(db, item.id), request);
  if (state !== 'open') return { text: ctx.t(state === 'decided' ? 'roadmap-request-decided' : 'roadmap-request-stale') };
  const to = String(request.details.to);
  const from = dueOf(milestone);
  const title = `${item.number} ${item.title}`.slice(0, 200);
  const now = clock.now();
  db.transaction(() => {
    if (accept) updateMilestone(db, milestone.id, { state: 'postponed', postponedTo: to });
    addHistory(db, { itemId: item.id, action: accept ? 'postpone-accepted' : 'postpone-refused', details: { milestoneId: milestone.id, requestId, from, to }, by: person.id, at: now });
    if (request.by !== null) {
      const args = { title, date: formatIsoDay(accept ? to : from) };
      notifyPerson(db, i18n, request.by, (t) => ({ text: t(accept ? 'roadmap-postpone-accepted-you' : 'roadmap-postpone-refused-you', args) }), { dedupeKey: `roadmap:postpone-decision:${requestId}`, notBefore: now });
    }
  });
  ctx.deps.wakeOutbox();
  return { text: ctx.t(accept ? 'roadmap-postpone-accepted' : 'roadmap-postpone-refused', { title, date: formatIsoDay(accept ? to : from) }), edit: true };
}
