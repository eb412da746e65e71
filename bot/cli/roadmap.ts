// Admin command line: `roadmap import FILE --municipality NAME --year YYYY
// [--school NAME] [--columns title=2,deadline=4,responsible=3[,number=1]]
// [--dry-run] [--json]`, the same reading as the chat import. A table whose
// columns the reader cannot tell is refused with its first rows and the
// --columns flag to say them (1-based, as people count columns).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { findMunicipality, findSchool } from '../../db/repos/org.js';
import { systemClock } from '../../handlers/core/clock.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { previewLines, rememberColumns, rememberedColumns } from '../../handlers/roadmap/column-choice.js';
import { leftOutTables } from '../../handlers/roadmap/preview.js';
import { planJson, planWithColumns, readForColumns, readRoadmap, saveRoadmap, understood, type ColumnChoice, type RoadmapPlan } from '../../handlers/roadmap/store.js';
import { MAX_ROADMAP_BYTES, RoadmapDocumentError } from '../../handlers/roadmap/table/read.js';
import type { CliDeps } from './announce.js';
import { CliError, out } from './output.js';

const ROLES = ['title', 'deadline', 'responsible', 'number'] as const;

/** "title=2,deadline=4,responsible=3" as 0-based columns; undefined when it does not read so. */
export function parseColumns(value: string): ColumnChoice | undefined {
  const choice: Partial<Record<(typeof ROLES)[number], number>> = {};
  for (const part of value.split(',')) {
    const [role, column, ...extra] = part.split('=').map((s) => s.trim().toLowerCase());
    const known = ROLES.find((r) => r === role);
    const index = Number(column);
    if (!known || extra.length > 0 || !/^\d{1,3}$/.test(column ?? '') || index < 1 || choice[known] !== undefined) return undefined;
    choice[known] = index - 1;
  }
  const used = Object.values(choice);
  if (choice.title === undefined || new Set(used).size !== used.length) return undefined;
  return { ...choice, title: choice.title };
}

type Read = { plan: RoadmapPlan; chosen?: { shape: string; choice: ColumnChoice } };

/** The plan, read with the columns given or remembered when its header says nothing we know. */
async function readPlan(t: Translate, file: string, year: number | undefined, columns: ColumnChoice | undefined, memory: ((shape: string, width: number) => ColumnChoice | undefined) | undefined): Promise<Read> {
  const fallbackYear = systemClock.now().getFullYear();
  try {
    const data = readFileSync(file);
    // Columns given are taken as given, even where the reader would have guessed others.
    const reading = columns ? await readForColumns(basename(file), data) : await readRoadmap(basename(file), data, year, fallbackYear);
    if (reading.kind === 'plan') return { plan: reading.plan };
    const choice = columns ?? memory?.(reading.shape, reading.width);
    if (!choice) throw new CliError([t('cli-roadmap-needs-columns'), ...previewLines(reading.preview).map((l) => `  ${l}`), t('cli-roadmap-columns-hint')].join('\n'));
    return { plan: await planWithColumns(reading.rows, choice, year, fallbackYear), chosen: { shape: reading.shape, choice } };
  } catch (error) {
    if (error instanceof RoadmapDocumentError) throw new CliError(t(error.key, error.args));
    throw error;
  }
}

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
      columns: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new CliError(t('cli-which-file', { usage: t('cli-roadmap-usage') }));
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new CliError(t('cli-year-invalid'));
  const columns = values.columns === undefined ? undefined : parseColumns(values.columns);
  if (values.columns !== undefined && !columns) throw new CliError(t('cli-roadmap-columns-invalid', { value: values.columns }));
  const municipality = values.municipality ? findMunicipality(deps.db, values.municipality) : undefined;
  if (!values['dry-run'] && !municipality) throw new CliError(t('cli-municipality-not-found', { name: values.municipality ?? '' }));
  const school = values.school && municipality ? findSchool(deps.db, municipality.id, values.school) : undefined;
  if (values.school && !school) throw new CliError(t('cli-school-not-found', { school: values.school }));
  if (statSync(file).size > MAX_ROADMAP_BYTES) throw new CliError(t('roadmap-error-too-big'));
  // The chat's choice for a table of this header serves the command line too, and the other way round.
  const memory = municipality ? (shape: string, width: number) => rememberedColumns(deps.db, municipality.id, shape, width) : undefined;
  const { plan, chosen } = await readPlan(t, file, year, columns, memory);
  if (plan.items.length === 0) throw new CliError(t('roadmap-error-empty'));
  const saved =
    values['dry-run'] || !municipality
      ? undefined
      : deps.db.transaction((tx) => {
          if (chosen) rememberColumns(tx, municipality.id, chosen.shape, chosen.choice);
          return saveRoadmap(tx, plan, { municipalityId: municipality.id, schoolId: school?.id ?? null, title: basename(file), sourceName: basename(file), by: null, now: systemClock.now() });
        });
  if (values.json) return out(JSON.stringify(planJson(plan)));
  const { unknown } = understood(plan);
  out(t('roadmap-preview', { file: basename(file), items: plan.items.length, sections: plan.sections.length, understood: plan.items.length - unknown.length, unknown: unknown.length, period: String(plan.period.year) }));
  for (const item of unknown) out(`  ? ${item.number} «${item.deadlineText}»`);
  for (const line of leftOutTables({ t }, plan)) out(line);
  if (!saved) return out(t('cli-dry-run'));
  out(t('roadmap-imported', { created: saved.created, updated: saved.updated, unchanged: saved.unchanged, removed: saved.removed }));
  out(String(saved.roadmap.id));
}
