// Admin command line: a municipality's own settings — whether consultations
// are confirmed by the other side, how many schools a mentor may carry before
// a warning, how long entries stay editable, the smallest group shown apart
// in survey results, and its time zone.
import { parseArgs } from 'node:util';
import { IANAZone } from 'luxon';
import { findMunicipality, updateMunicipalitySettings } from '../../db/repos/org.js';
import type { MunicipalitySettings } from '../../db/schema.js';
import type { Translate } from '../../handlers/core/i18n.js';
import { cliT, type CliDeps } from './announce.js';
import { CliError, out } from './output.js';

function positive(t: Translate, value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new CliError(t('cli-range', { option: name, min: 1, max: 1000 }));
  return n;
}

export function settingsCommand(deps: CliDeps, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      municipality: { type: 'string' },
      'confirm-consultations': { type: 'string' },
      'mentor-max-schools': { type: 'string' },
      'consultation-edit-days': { type: 'string' },
      'survey-min-group': { type: 'string' },
      timezone: { type: 'string' },
    },
  });
  const t = cliT(deps);
  const municipality = values.municipality ? findMunicipality(deps.db, values.municipality) : undefined;
  if (!municipality) throw new CliError(t('cli-municipality-not-found', { name: values.municipality ?? '' }));
  const confirm = values['confirm-consultations'];
  if (confirm !== undefined && confirm !== 'on' && confirm !== 'off') throw new CliError(t('cli-option-values', { option: '--confirm-consultations', values: 'on, off' }));
  if (values.timezone !== undefined && !IANAZone.isValidZone(values.timezone)) throw new CliError(t('cli-timezone-invalid', { zone: values.timezone }));
  const next: MunicipalitySettings = {
    ...municipality.settings,
    ...(confirm !== undefined ? { confirmConsultations: confirm === 'on' } : {}),
    ...(values['mentor-max-schools'] !== undefined ? { mentorMaxSchools: positive(t, values['mentor-max-schools'], '--mentor-max-schools') } : {}),
    ...(values['consultation-edit-days'] !== undefined ? { consultationEditDays: positive(t, values['consultation-edit-days'], '--consultation-edit-days') } : {}),
    ...(values['survey-min-group'] !== undefined ? { surveyMinGroupSize: positive(t, values['survey-min-group'], '--survey-min-group') } : {}),
  };
  updateMunicipalitySettings(deps.db, municipality.id, next, values.timezone);
  out(JSON.stringify({ municipality: municipality.name, timezone: values.timezone ?? municipality.timezone, settings: next }));
}
