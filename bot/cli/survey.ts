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

function municipalityOf(deps: CliDeps, t: Translate, name: string | undefined) {
  const m = name ? findMunicipality(deps.db, name) : undefined;
  if (!m) throw new CliError(t('cli-municipality-not-found', { name: name ?? '' }));
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
    if (!file) throw new CliError(t('cli-survey-usage'));
    const format = /\.ya?ml$/i.test(file) ? 'yaml' : extname(file).toLowerCase() === '.json' ? 'json' : undefined;
    if (!format) throw new CliError(t('survey-file-type'));
    const parsed = await readSurveyFile(readFileSync(file), format).catch((error: unknown) => {
      throw error instanceof DocumentLimitError ? new CliError(t(error.key, error.args)) : error;
    });
    if (!parsed.ok) throw new CliError(t('survey-file-problems', { problems: parsed.problems.join('\n') }));
    const m = municipalityOf(deps, t, values.municipality);
    const row = createSurvey(deps.db, { municipalityId: m.id, key: parsed.survey.key, title: parsed.survey.title, definition: { ...parsed.survey }, createdBy: null });
    out(t('cli-survey-stored', { title: row.title, count: parsed.survey.questions.length }));
    return out(String(row.id));
  }
  if (sub === 'launch') {
    const m = municipalityOf(deps, t, values.municipality);
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1 || days > 90) throw new CliError(t('cli-range', { option: '--days', min: 1, max: 90 }));
    const stored = values.survey ? getSurvey(deps.db, Number(values.survey)) : undefined;
    const template = values.template ? templateByKey(values.template) : undefined;
    if (!stored && !template) throw new CliError(t('cli-survey-template-invalid', { templates: templates().map((s) => s.key).join(', ') }));
    const roles = values.role ?? [];
    const bad = roles.filter((r) => !roleNames.includes(r as RoleName));
    if (bad.length) throw new CliError(t('cli-roles-unknown', { count: bad.length, roles: bad.join(', '), allowed: roleNames.join(', ') }));
    const schoolIds = (values.school ?? []).map((name) => {
      const id = findSchool(deps.db, m.id, name)?.id;
      if (id === undefined) throw new CliError(t('cli-school-not-found', { school: name }));
      return id;
    });
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
    out(t('cli-round-launched', { count: invited }));
    return out(String(round.id));
  }
  if (sub === 'export') {
    const round = getRound(deps.db, Number(positionals[0]));
    if (!round) throw new CliError(t('cli-round-not-found', { round: positionals[0] ?? '' }));
    if (!values.out) throw new CliError(t('cli-export-out'));
    const ctx = { deps: { ...deps, clock: systemClock, log: silentLog, wakeOutbox: () => {} }, t, lang: deps.lang ?? 'ru' };
    const data = values.out.toLowerCase().endsWith('.csv') ? roundCsv(ctx, round) : await roundXlsx(ctx, round);
    writeFileSync(values.out, data);
    audit(deps.db, { at: systemClock.now(), actorId: null, municipalityId: round.municipalityId, action: 'export.personal-data', details: { what: 'survey', roundId: round.id, via: 'cli' } });
    const notice = withheldNotice(ctx, round);
    if (notice) out(notice);
    return out(values.out);
  }
  throw new CliError(t('cli-survey-usage'));
}
