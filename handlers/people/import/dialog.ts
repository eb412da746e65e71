// /import: the coordinator sends an XLSX or CSV of schools or people; Opora
// shows a preview with counts and every row it cannot use and why, then
// imports on confirmation and hands back the personal invites to forward.
import { audit } from '../../../db/repos/audit.js';
import { todayIn } from '../../core/local-time.js';
import { requireAdminOf, requireCoordinator } from '../../core/access.js';
import type { Reply } from '../../core/contract.js';
import type { Ctx } from '../../core/context.js';
import { inviteLinks } from '../../core/invite-links.js';
import type { DialogDef } from '../../core/dialog.js';
import { downloadWithin } from '../../core/files.js';
import { buildXlsx, XLSX_MIME } from '../../core/spreadsheet.js';
import { INVITABLE } from '../invite.js';
import { applyImport, notifyRoleOffers, planImport, previewCounts, type ImportPlan, type Problem } from './plan.js';
import { MAX_TABLE_BYTES, readTable, TableError, tableErrorText } from './table.js';

export const IMPORT_INVITE_DAYS = 30;
const PROBLEMS_SHOWN = 30;

export type ImportData = { municipalityId: number; fileName?: string; plan?: ImportPlan };

export function startImport(ctx: Ctx): ImportData {
  return { municipalityId: requireCoordinator(ctx).municipalityId };
}

export function problemLines(t: Ctx['t'], problems: Problem[]): string[] {
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `• ${t('import-line', { line: p.line })}: ${t(p.key, p.args)}`);
  if (problems.length > PROBLEMS_SHOWN) lines.push(t('import-more-problems', { count: problems.length - PROBLEMS_SHOWN }));
  return lines;
}

function previewText(ctx: Ctx, data: ImportData, plan: ImportPlan): string {
  const counts = previewCounts(ctx.deps.db, data.municipalityId, plan, ctx.deps.clock.now());
  const lines = [
    ctx.t('import-preview', { file: data.fileName ?? '', kind: ctx.t(`import-kind-${plan.kind}`), rows: plan.rows.length, ...counts }),
  ];
  if (plan.problems.length > 0) lines.push('', ctx.t('import-problems', { count: plan.problems.length }), ...problemLines(ctx.t, plan.problems));
  return lines.join('\n');
}

async function runImport(ctx: Ctx, data: ImportData, plan: ImportPlan): Promise<Reply[]> {
  const coordinator = requireAdminOf(ctx, data.municipalityId);
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  const today = todayIn(ctx.deps, data.municipalityId);
  const result = db.transaction((tx) => {
    const applied = applyImport(tx, data.municipalityId, plan, { today, now, createdBy: coordinator.id, inviteDays: IMPORT_INVITE_DAYS });
    audit(tx, { at: now, actorId: coordinator.id, municipalityId: data.municipalityId, action: `${plan.kind}.imported`, details: { ...applied.counts, file: data.fileName ?? '' } });
    notifyRoleOffers(tx, i18n, applied.people, now);
    return applied;
  });
  ctx.deps.wakeOutbox();
  const summary: Reply = { text: ctx.t('import-done', { ...result.counts }) };
  const invited = result.people.filter((p) => p.invite);
  if (invited.length === 0) return [summary];
  audit(db, { at: now, actorId: coordinator.id, municipalityId: data.municipalityId, action: 'export.personal-data', details: { what: 'invites', rows: invited.length } });
  // One column of links for each messenger the service runs on, as they go into the file the coordinator forwards.
  const { links } = ctx.deps.settings;
  const file = await buildXlsx([
    {
      name: ctx.t('import-invites-sheet'),
      header: [ctx.t('import-col-name'), ctx.t('import-col-school'), ctx.t('import-col-role'), ctx.t('import-col-code'), ...inviteLinks(links, '').map((l) => l.label)],
      rows: invited.map((p) => {
        const code = p.invite?.code ?? '';
        return [p.fullName, p.school ?? '', ctx.t(`role-${p.role}`), code, ...inviteLinks(links, code).map((l) => l.url)];
      }),
    },
  ]);
  return [summary, { text: ctx.t('import-invites-file', { count: invited.length }), file: { name: 'invites.xlsx', mime: XLSX_MIME, data: file } }];
}

export const importDialog: DialogDef<ImportData> = {
  name: 'import',
  version: 1,
  first: 'file',
  steps: {
    file: {
      prompt: (ctx) => ({ text: ctx.t('import-ask-file'), acceptsText: true }),
      accept: async (ctx, data, answer) => {
        if (answer.kind !== 'file') return { reask: ctx.t('import-need-file') };
        const content = await downloadWithin(answer.file, MAX_TABLE_BYTES);
        if (!content) return { reask: ctx.t('import-file-too-big') };
        let plan: ImportPlan;
        try {
          const rows = await readTable(answer.file.name, content);
          plan = planImport(ctx.deps.db, data.municipalityId, rows, INVITABLE);
        } catch (error) {
          if (error instanceof TableError) return { reask: tableErrorText(ctx.t, error) };
          throw error;
        }
        const next = { ...data, fileName: answer.file.name, plan };
        if (plan.rows.length === 0) return { done: { text: `${previewText(ctx, next, plan)}\n\n${ctx.t('import-nothing')}` } };
        return { next: 'confirm', data: next };
      },
    },
    confirm: {
      prompt: (ctx, data) => ({
        text: data.plan ? previewText(ctx, data, data.plan) : '',
        choices: [[{ label: ctx.t('import-confirm'), value: 'yes' }, { label: ctx.t('import-cancel'), value: 'no' }]],
      }),
      accept: async (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value !== 'yes' || !data.plan) return { done: { text: ctx.t('import-cancelled') } };
        return { done: await runImport(ctx, data, data.plan) };
      },
    },
  },
};
