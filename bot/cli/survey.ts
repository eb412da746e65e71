// Admin command line for surveys: store a survey from a JSON or YAML file,
// launch a round (of a template or a stored survey) for an audience, and
// export a round's answers as XLSX or CSV (an anonymous round the same way
// as in chat: no time, no small school, nothing while too few answered).
import { audit } from '../../db/repos/audit.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { findMunicipality, findSchool } from '../../db/repos/org.js';
import { createSurvey, getRound, getSurvey } from '../../db/repos/surveys.js';
import { roleNames, type Audience, type RoleName } from '../../db/schema.js';
import { systemClock } from '../../handlers/core/clock.js';
import { silentLog } from '../../handlers/core/log.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { DocumentLimitError } from '../../handlers/core/documents/limits.js';
import { readSurveyFile } from '../../handlers/surveys/definition.js';
import { launchRound } from '../../handlers/surveys/launch.js';
import { roundCsv, roundXlsx, withheldNotice } from '../../handlers/surveys/results.js';
import { templateByKey, templates } from '../../handlers/surveys/templates.js';
import type { CliDeps } from './announce.js';
import { CliError, out } from './output.js';

const usage = `survey import FILE --municipality NAME
survey launch (--template KEY | --survey ID) --municipality NAME [--days N] [--role ROLE]... [--school NAME]...
survey export ROUND --out FILE.xlsx|FILE.csv
survey templates`;

function municipalityOf(deps: CliDeps, name: string | undefined) {
  const m = name ? findMunicipality(deps.db, name) : undefined;
  if (!m) throw new CliError(`municipality "${name ?? ''}" not found`);
  return m;
}

export async function surveyCommand(deps: CliDeps, t: Translate, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      municipality: { type: 'string' },
      template: { type: 'string' },
      survey: { type: 'string' },
      days: { type: 'string', default: '7' },
      role: { type: 'string', multiple: true },
      school: { type: 'string', multiple: true },
      out: { type: 'string' },
    },
  });
  if (sub === 'templates') {
    for (const s of templates()) out(`${s.key}\t${s.title}`);
    return;
  }
  if (sub === 'import') {
    const file = positionals[0];
    if (!file) throw new CliError(usage);
    const format = /\.ya?ml$/i.test(file) ? 'yaml' : extname(file).toLowerCase() === '.json' ? 'json' : undefined;
    if (!format) throw new CliError(t('survey-file-type'));
    const parsed = await readSurveyFile(readFileSync(file), format).catch((error: unknown) => {
      throw error instanceof DocumentLimitError ? new CliError(t(error.key, error.args)) : error;
    });
    if (!parsed.ok) throw new CliError(t('survey-file-problems', { problems: parsed.problems.join('\n') }));
    const m = municipalityOf(deps, values.municipality);
    const row = createSurvey(deps.db, { municipalityId: m.id, key: parsed.survey.key, title: parsed.survey.title, definition: { ...parsed.survey }, createdBy: null });
    out(`Survey "${row.title}" stored with ${parsed.survey.questions.length} questions.`);
    return out(String(row.id));
  }
  if (sub === 'launch') {
    const m = municipalityOf(deps, values.municipality);
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > 90) throw new CliError('--days must be 1 to 90');
    const stored = values.survey ? getSurvey(deps.db, Number(values.survey)) : undefined;
    const template = values.template ? templateByKey(values.template) : undefined;
    if (!stored && !template) throw new CliError(`--template must be one of: ${templates().map((s) => s.key).join(', ')}; or --survey ID`);
    const roles = values.role ?? [];
    if (roles.some((r) => !roleNames.includes(r as RoleName))) throw new CliError(`--role is one of ${roleNames.join(', ')}`);
    const schoolIds = (values.school ?? []).map((name) => findSchool(deps.db, m.id, name)?.id ?? -1);
    if (schoolIds.includes(-1)) throw new CliError('a --school was not found');
    const audience: Audience = { ...(roles.length ? { roles: roles as RoleName[] } : {}), ...(schoolIds.length ? { schoolIds } : {}) };
    const now = systemClock.now();
    const { round, invited } = deps.db.transaction((tx) =>
      launchRound(tx, deps, {
        municipalityId: m.id,
        survey: stored ? { id: stored.id } : { definition: template! },
        audience,
        opensAt: now,
        closesAt: DateTime.fromJSDate(now).plus({ days }).toJSDate(),
        createdBy: null,
      }),
    );
    out(`Round launched; ${invited} invitation(s) queued.`);
    return out(String(round.id));
  }
  if (sub === 'export') {
    const round = getRound(deps.db, Number(positionals[0]));
    if (!round) throw new CliError(`round "${positionals[0] ?? ''}" not found`);
    if (!values.out) throw new CliError('--out FILE.xlsx or FILE.csv is required');
    const ctx = { deps: { ...deps, clock: systemClock, log: silentLog, wakeOutbox: () => {} }, t, lang: 'ru' as const };
    const data = values.out.toLowerCase().endsWith('.csv') ? roundCsv(ctx, round) : await roundXlsx(ctx, round);
    writeFileSync(values.out, data);
    audit(deps.db, { at: systemClock.now(), actorId: null, municipalityId: round.municipalityId, action: 'export.personal-data', details: { what: 'survey', roundId: round.id, via: 'cli' } });
    const notice = withheldNotice(ctx, round);
    if (notice) out(notice);
    return out(values.out);
  }
  throw new CliError(usage);
}
