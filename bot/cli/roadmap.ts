// Admin command line: `roadmap import FILE --municipality NAME --year YYYY
// [--school NAME] [--dry-run] [--json]`, the same reading as the chat import.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { findMunicipality, findSchool } from '../../db/repos/org.js';
import { systemClock } from '../../handlers/core/clock.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { planJson, planRoadmap, saveRoadmap, understood } from '../../handlers/roadmap/store.js';
import { MAX_ROADMAP_BYTES, RoadmapDocumentError } from '../../handlers/roadmap/table/read.js';
import type { CliDeps } from './announce.js';
import { CliError, out } from './output.js';

export async function roadmapCommand(deps: CliDeps, t: Translate, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'import') throw new CliError(t('cli-roadmap-usage'));
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      municipality: { type: 'string' },
      year: { type: 'string' },
      school: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new CliError(t('cli-which-file', { usage: t('cli-roadmap-usage') }));
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new CliError(t('cli-year-invalid'));
  const municipality = values.municipality ? findMunicipality(deps.db, values.municipality) : undefined;
  if (!values['dry-run'] && !municipality) throw new CliError(t('cli-municipality-not-found', { name: values.municipality ?? '' }));
  const school = values.school && municipality ? findSchool(deps.db, municipality.id, values.school) : undefined;
  if (values.school && !school) throw new CliError(t('cli-school-not-found', { school: values.school }));
  if (statSync(file).size > MAX_ROADMAP_BYTES) throw new CliError(t('roadmap-error-too-big'));
  let plan;
  try {
    plan = await planRoadmap(basename(file), readFileSync(file), year, systemClock.now().getFullYear());
  } catch (error) {
    if (error instanceof RoadmapDocumentError) throw new CliError(t(error.key, error.args));
    throw error;
  }
  if (plan.items.length === 0) throw new CliError(t('roadmap-error-empty'));
  const saved =
    values['dry-run'] || !municipality
      ? undefined
      : deps.db.transaction((tx) =>
          saveRoadmap(tx, plan, { municipalityId: municipality.id, schoolId: school?.id ?? null, title: basename(file), sourceName: basename(file), by: null, now: systemClock.now() }),
        );
  if (values.json) return out(JSON.stringify(planJson(plan)));
  const { unknown } = understood(plan);
  out(t('roadmap-preview', { file: basename(file), items: plan.items.length, sections: plan.sections.length, understood: plan.items.length - unknown.length, unknown: unknown.length, period: String(plan.period.year) }));
  for (const item of unknown) out(`  ? ${item.number} «${item.deadlineText}»`);
  if (!saved) return out(t('cli-dry-run'));
  out(t('roadmap-imported', { created: saved.created, updated: saved.updated, unchanged: saved.unchanged, removed: saved.removed }));
  out(String(saved.roadmap.id));
}
