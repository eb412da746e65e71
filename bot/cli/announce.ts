// Admin command line: announcing seminars and sending broadcasts, the same
// way the chat dialogs do.
import { parseArgs } from 'node:util';
import type { Db } from '../../db/client.js';
import { findMunicipality, findSchool } from '../../db/repos/org.js';
import { findOrCreateSeries } from '../../db/repos/seminars.js';
import { roleNames, type Audience, type RoleName } from '../../db/schema.js';
import { systemClock } from '../../handlers/core/clock.js';
import type { Settings } from '../../handlers/core/context.js';
import type { I18n, Language, Translate } from '../../handlers/core/i18n.js';
import { sendBroadcast } from '../../handlers/broadcasts/send.js';
import { parseSeminarTime } from '../../handlers/seminars/card.js';
import { createAndAnnounce } from '../../handlers/seminars/create.js';
import { CliError, cliTranslate, out } from './output.js';

export interface CliDeps {
  db: Db;
  i18n: I18n;
  settings: Settings;
  /** The language the command line prints in; Russian when not given. */
  lang?: Language;
}

export const cliT = (deps: CliDeps): Translate => cliTranslate(deps.i18n, deps.lang);

const audienceOptions = {
  municipality: { type: 'string' },
  role: { type: 'string', multiple: true },
  school: { type: 'string', multiple: true },
  urgent: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

function audienceOf(deps: CliDeps, municipalityId: number, roles: string[] = [], schools: string[] = []): Audience {
  const bad = roles.filter((r) => !roleNames.includes(r as RoleName));
  if (bad.length) throw new CliError(cliT(deps)('cli-roles-unknown', { count: bad.length, roles: bad.join(', '), allowed: roleNames.join(', ') }));
  const schoolIds = schools.map((name) => {
    const school = findSchool(deps.db, municipalityId, name);
    if (!school) throw new CliError(cliT(deps)('cli-school-not-found', { school: name }));
    return school.id;
  });
  return { ...(roles.length ? { roles: roles as RoleName[] } : {}), ...(schoolIds.length ? { schoolIds } : {}) };
}

function municipalityOf(deps: CliDeps, name: string | undefined) {
  const municipality = name ? findMunicipality(deps.db, name) : undefined;
  if (!municipality) throw new CliError(cliT(deps)('cli-municipality-not-found', { name: name ?? '' }));
  return municipality;
}

export function broadcastCommand(deps: CliDeps, args: string[]): void {
  const { values } = parseArgs({ args, options: { ...audienceOptions, text: { type: 'string' } } });
  const t = cliT(deps);
  if (!values.text?.trim()) throw new CliError(t('cli-option-required', { option: '--text' }));
  const municipality = municipalityOf(deps, values.municipality);
  const audience = audienceOf(deps, municipality.id, values.role, values.school);
  const broadcast = deps.db.transaction((tx) =>
    sendBroadcast(tx, deps, { municipalityId: municipality.id, text: values.text!.trim(), fileId: null, audience, urgent: values.urgent, createdBy: null }, systemClock.now()),
  );
  if (values.json) return out(JSON.stringify({ id: broadcast.id, recipients: broadcast.recipients }));
  out(t('cli-broadcast-queued', { count: broadcast.recipients }));
  out(String(broadcast.id));
}

export function seminarCommand(deps: CliDeps, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      ...audienceOptions,
      title: { type: 'string' },
      at: { type: 'string' },
      format: { type: 'string', default: 'in_person' },
      place: { type: 'string' },
      description: { type: 'string', default: '' },
      capacity: { type: 'string' },
      series: { type: 'string' },
      minutes: { type: 'string', default: '90' },
    },
  });
  const t = cliT(deps);
  const municipality = municipalityOf(deps, values.municipality);
  if (!values.title?.trim()) throw new CliError(t('cli-option-required', { option: '--title' }));
  if (!values.place?.trim()) throw new CliError(t('cli-option-required', { option: '--place' }));
  if (values.format !== 'in_person' && values.format !== 'online') throw new CliError(t('cli-option-values', { option: '--format', values: 'in_person, online' }));
  const now = systemClock.now();
  const startsAt = parseSeminarTime(values.at ?? '', now, municipality.timezone);
  if (!startsAt) throw new CliError(t('cli-seminar-at-invalid', { at: values.at ?? '' }));
  const capacity = values.capacity === undefined ? null : Number(values.capacity);
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) throw new CliError(t('cli-positive', { option: '--capacity' }));
  const durationMinutes = Number(values.minutes);
  if (!Number.isInteger(durationMinutes) || durationMinutes < 10 || durationMinutes > 600) throw new CliError(t('cli-range', { option: '--minutes', min: 10, max: 600 }));
  const { seminar, queued } = deps.db.transaction((tx) =>
    createAndAnnounce(
      tx,
      deps,
      {
        municipalityId: municipality.id,
        title: values.title!.trim(),
        description: values.description,
        startsAt,
        durationMinutes,
        format: values.format as 'in_person' | 'online',
        place: values.place!.trim(),
        capacity,
        audience: audienceOf(deps, municipality.id, values.role, values.school),
        seriesId: values.series ? findOrCreateSeries(tx, municipality.id, values.series) : null,
        urgent: values.urgent,
        createdBy: null,
      },
      now,
    ),
  );
  if (values.json) return out(JSON.stringify({ id: seminar.id, announced: queued, attendanceCode: seminar.attendanceCode }));
  out(t('cli-seminar-announced', { count: queued, code: seminar.attendanceCode }));
  out(String(seminar.id));
}
