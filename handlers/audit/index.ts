// /audit: a coordinator reads their municipality's audit log (who did what
// and when with people's data) in chat, and can download it as XLSX.
import { audit, auditOf, type AuditEntry } from '../../db/repos/audit.js';
import { getPerson } from '../../db/repos/people.js';
import { requireAdminOf, requireCoordinator, visibleTo } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { Feature } from '../core/dispatch.js';
import { formatDayTime } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { buildXlsx, XLSX_MIME } from '../core/spreadsheet.js';
import { auditTitle, describeAudit } from './describe.js';

export const auditExportAction = defineAction('aux', idArg);
const SHOWN = 25;

function who(ctx: Ctx, entry: AuditEntry): string {
  if (entry.actorId === null) return ctx.t('audit-system');
  return getPerson(ctx.deps.db, entry.actorId)?.fullName ?? ctx.t('audit-erased');
}

function zone(ctx: Ctx, municipalityId: number): string {
  return municipalityZone(ctx.deps, municipalityId);
}

export function auditReply(ctx: Ctx): Reply {
  const { municipalityId } = requireCoordinator(ctx);
  const entries = auditOf(ctx.deps.db, municipalityId, undefined, SHOWN);
  if (entries.length === 0) return { text: ctx.t('audit-empty') };
  const lines = entries.map((e) => `${formatDayTime(e.at, zone(ctx, municipalityId))} — ${who(ctx, e)}: ${describeAudit(ctx.t, ctx.deps.db, e)}`);
  return {
    text: `${ctx.t('audit-heading', { count: entries.length })}\n${lines.join('\n')}`,
    buttons: [[{ kind: 'action', label: ctx.t('audit-export'), data: auditExportAction.encode(municipalityId) }]],
  };
}

export async function auditXlsx(ctx: Ctx, municipalityId: number): Promise<Reply> {
  const coordinator = requireAdminOf(ctx, municipalityId);
  const entries = auditOf(ctx.deps.db, municipalityId, undefined, 100_000);
  const data = await buildXlsx([
    {
      name: ctx.t('audit-sheet'),
      header: [ctx.t('col-date'), ctx.t('audit-col-who'), ctx.t('audit-col-what'), ctx.t('audit-col-details')],
      rows: entries.map((e) => [formatDayTime(e.at, zone(ctx, municipalityId)), who(ctx, e), auditTitle(ctx.t, e), describeAudit(ctx.t, ctx.deps.db, e)]),
    },
  ]);
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: coordinator.id, municipalityId, action: 'export.personal-data', details: { what: 'audit', rows: entries.length } });
  return { text: ctx.t('audit-exported', { count: entries.length }), file: { name: 'audit.xlsx', mime: XLSX_MIME, data } };
}

export const auditFeature: Feature = (h) => {
  h.router
    .command({ name: 'audit', describe: 'cmd-audit', visible: visibleTo('coordinator'), run: (ctx) => auditReply(ctx) })
    .action(auditExportAction, (ctx, [municipalityId]) => auditXlsx(ctx, municipalityId));
};
