// What the coordinator sees before confirming an import: how many items and
// sections, the period, the deadlines not understood with their text, the
// tables of the order left out and why, and how many remarks.
import type { Ctx } from '../core/context.js';
import { understood, type RoadmapPlan } from './store.js';

const UNKNOWN_SHOWN = 15;

export function previewText(ctx: Pick<Ctx, 't'>, plan: RoadmapPlan, fileName: string): string {
  const { understood: read, unknown } = understood(plan);
  const period = plan.period.from && plan.period.to ? `${plan.period.from} — ${plan.period.to}` : String(plan.period.year);
  const lines = [ctx.t('roadmap-preview', { file: fileName, items: plan.items.length, sections: plan.sections.length, understood: read, unknown: unknown.length, period })];
  if (unknown.length > 0) {
    lines.push('', ctx.t('roadmap-not-understood'));
    lines.push(...unknown.slice(0, UNKNOWN_SHOWN).map((i) => `• ${i.number} — «${i.deadlineText || ctx.t('roadmap-blank')}»`));
    if (unknown.length > UNKNOWN_SHOWN) lines.push(ctx.t('import-more-problems', { count: unknown.length - UNKNOWN_SHOWN }));
  }
  const leftOut = leftOutTables(ctx, plan);
  if (leftOut.length > 0) lines.push('', ...leftOut);
  if (plan.warnings.length > 0) lines.push('', ctx.t('roadmap-warnings', { count: plan.warnings.length }));
  return lines.join('\n');
}

/** «Пропустил таблицы без сроков: «Критерии отбора школ»», from the table-left-out warnings ("no-deadlines: …"). */
export function leftOutTables(ctx: Pick<Ctx, 't'>, plan: Pick<RoadmapPlan, 'warnings'>): string[] {
  const why = new Map<string, string[]>();
  for (const w of plan.warnings) {
    if (w.code !== 'table-left-out' || !w.text) continue;
    const [reason = '', ...rest] = w.text.split(': ');
    const name = rest.join(': ').trim();
    why.set(reason, [...(why.get(reason) ?? []), name === '' ? '' : `«${name.slice(0, 80)}»`]);
  }
  return [...why].map(([reason, names]) =>
    ctx.t(reason === 'no-title' ? 'roadmap-tables-left-out-no-title' : 'roadmap-tables-left-out', { count: names.length, tables: names.filter((n) => n !== '').join(', ') || '—' }),
  );
}
