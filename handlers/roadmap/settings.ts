// The road map's one setting a coordinator changes in chat: whether a
// postponed deadline waits for a coordinator's acceptance. It lives in the
// municipality's settings JSON like the others; off (the default) the new
// date applies at once and the coordinators are told, so nothing stalls in a
// municipality that never looked at it.
import { getMunicipality, updateMunicipalitySettings } from '../../db/repos/org.js';
import type { DbOrTx } from '../../db/client.js';
import { requireAdminOf } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';

export const approvalAction = defineAction('rms', idArg);

/** Whether a municipality's postponements wait for a coordinator. */
export function postponeNeedsApproval(db: DbOrTx, municipalityId: number): boolean {
  return getMunicipality(db, municipalityId)?.settings.roadmapPostponeApproval === true;
}

/** The button that switches the setting, labelled with what it will do. */
export function approvalButton(ctx: Ctx, municipalityId: number): Button {
  const on = postponeNeedsApproval(ctx.deps.db, municipalityId);
  return { kind: 'action', label: ctx.t(on ? 'roadmap-approval-button-off' : 'roadmap-approval-button-on'), data: approvalAction.encode(municipalityId) };
}

export function toggleApproval(ctx: Ctx, municipalityId: number): Reply {
  requireAdminOf(ctx, municipalityId);
  const municipality = getMunicipality(ctx.deps.db, municipalityId);
  if (!municipality) throw new UserError('gone', 'stale-button');
  const on = municipality.settings.roadmapPostponeApproval !== true;
  updateMunicipalitySettings(ctx.deps.db, municipalityId, { ...municipality.settings, roadmapPostponeApproval: on });
  return { text: ctx.t(on ? 'roadmap-approval-on' : 'roadmap-approval-off'), buttons: [[approvalButton(ctx, municipalityId)]] };
}
