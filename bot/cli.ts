// The admin command line: `npm run cli -- <command>`. A command that creates
// something prints its identifier or code on the last line; --json gives one
// machine-readable object instead.
import { audit } from '../db/repos/audit.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDb, completeRestore, restoreDb, RestoreError } from '../db/backup.js';
import { closeDb, openDb, purgeErasedPages, type Db } from '../db/client.js';
import { retentionPlan } from '../db/repos/retention.js';
import { createInvite } from '../db/repos/invites.js';
import { ensureMunicipality, findMunicipality, findSchool } from '../db/repos/org.js';
import { roleNames, type RoleName } from '../db/schema.js';
import { seedDemo } from '../db/seed/demo.js';
import { systemClock } from '../handlers/core/clock.js';
import { formatDay } from '../handlers/core/format.js';
import type { Translate } from '../handlers/core/i18n.js';
import { problemLines } from '../handlers/people/import/dialog.js';
import { ALL_ROLES, planImport, previewCounts } from '../handlers/people/import/plan.js';
import { readTable, TableError, tableErrorText } from '../handlers/people/import/table.js';
import { INVITE_DAYS } from '../handlers/people/invite.js';
import { createI18n } from '../locales/i18n.js';
import { localDate } from '../handlers/core/local-time.js';
import { broadcastCommand, seminarCommand, type CliDeps } from './cli/announce.js';
import { CliError, cliLanguage, cliTranslate, out } from './cli/output.js';
import { roadmapCommand } from './cli/roadmap.js';
import { settingsCommand } from './cli/settings.js';
import { importInShortTransactions, retentionInShortTransactions } from './cli/short-transactions.js';
import { surveyCommand } from './cli/survey.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { inviteLinks } from '../handlers/core/invite-links.js';

const i18n = createI18n();
// The command line speaks Russian, like the bot's default; OPORA_LANG=en switches it to English.
const lang = cliLanguage(process.env.OPORA_LANG);
const t: Translate = cliTranslate(i18n, lang);
const usage = () => `${t('cli-usage', { roles: roleNames.join(', ') })}\n`;


function inviteCommand(db: Db, config: Config, args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string' },
      municipality: { type: 'string' },
      school: { type: 'string' },
      uses: { type: 'string', default: '1' },
      days: { type: 'string', default: String(INVITE_DAYS) },
      region: { type: 'string' },
      timezone: { type: 'string', default: config.defaultTimezone },
      json: { type: 'boolean', default: false },
    },
  });
  const role = values.role as RoleName | undefined;
  if (!role || !roleNames.includes(role)) throw new CliError(t('cli-option-values', { option: '--role', values: roleNames.join(', ') }));
  if (!values.municipality?.trim()) throw new CliError(t('cli-option-required', { option: '--municipality' }));
  const uses = Number(values.uses);
  const days = Number(values.days);
  if (!Number.isInteger(uses) || uses < 1) throw new CliError(t('cli-positive', { option: '--uses' }));
  if (!Number.isInteger(days) || days < 1) throw new CliError(t('cli-positive', { option: '--days' }));
  const municipality = ensureMunicipality(db, { name: values.municipality, region: values.region, timezone: values.timezone });
  const school = values.school ? findSchool(db, municipality.id, values.school) : undefined;
  if (values.school && !school) throw new CliError(t('cli-school-not-found', { school: values.school }));
  const invite = createInvite(db, {
    role,
    municipalityId: municipality.id,
    schoolId: school?.id ?? null,
    maxUses: uses,
    expiresAt: new Date(systemClock.now().getTime() + days * 24 * 3600_000),
  });
  audit(db, { at: systemClock.now(), actorId: null, municipalityId: municipality.id, action: 'invite.created', details: { role, schoolId: school?.id ?? null, maxUses: uses, inviteId: invite.id, via: 'cli' } });
  const links = inviteLinks({ telegramBot: config.telegramBotUsername, vkGroupId: config.vk?.groupId, maxBot: config.maxBotUsername }, invite.code);
  if (values.json) {
    out(JSON.stringify({ code: invite.code, role, municipality: municipality.name, school: school?.name ?? null, uses, expiresAt: invite.expiresAt.toISOString(), links }));
    return;
  }
  const scope = school ? `${municipality.name}, ${school.name}` : municipality.name;
  out(t('cli-invite-created', { role: t(`role-${role}`), scope, uses, until: formatDay(invite.expiresAt, municipality.timezone) }));
  for (const link of links) out(`${link.label}: ${link.url}`);
  out(t('cli-invite-send', { code: invite.code }));
  out(invite.code);
}

async function importCommand(db: Db, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { municipality: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) throw new CliError(t('cli-which-file', { usage: t('cli-import-usage') }));
  const municipality = values.municipality ? findMunicipality(db, values.municipality) : undefined;
  if (!municipality) throw new CliError(t('cli-municipality-create-first', { name: values.municipality ?? '' }));
  let plan;
  try {
    plan = planImport(db, municipality.id, await readTable(basename(file), readFileSync(file)), ALL_ROLES);
  } catch (error) {
    if (error instanceof TableError) throw new CliError(tableErrorText(t, error));
    throw error;
  }
  const now = systemClock.now();
  const preview = previewCounts(db, municipality.id, plan, now);
  const applied = values['dry-run']
    ? undefined
    : await importInShortTransactions(db, i18n, plan, { municipalityId: municipality.id, today: localDate(now, municipality.timezone), now, inviteDays: 30 });
  if (values.json) {
    out(JSON.stringify({ kind: plan.kind, rows: plan.rows.length, preview, problems: plan.problems, applied: applied?.counts ?? null,
      invites: applied?.people.filter((p) => p.invite).map((p) => ({ name: p.fullName, school: p.school, role: p.role, code: p.invite?.code })) ?? [] }));
    return;
  }
  out(t('import-preview', { file: basename(file), kind: t(`import-kind-${plan.kind}`), rows: plan.rows.length, ...preview }));
  if (plan.problems.length > 0) {
    out(t('import-problems', { count: plan.problems.length }));
    for (const line of problemLines(t, plan.problems)) out(line);
  }
  if (!applied) return out(t('cli-dry-run'));
  for (const p of applied.people.filter((x) => x.invite)) out(`${p.fullName}\t${p.school ?? ''}\t${t(`role-${p.role}`)}\t${p.invite?.code ?? ''}`);
  out(t('import-done', { ...applied.counts }));
}

function cliDeps(db: Db, config: Config): CliDeps {
  return {
    db,
    i18n,
    lang,
    settings: { defaultTimezone: config.defaultTimezone, quietHours: config.quietHours, dialogTtlMinutes: config.dialogTtlMinutes, links: {} },
  };
}

/** Restores a backup over the database file; runs before the database is opened. */
function restoreCommand(config: Config, args: string[]): void {
  const file = args[0];
  if (!file) throw new CliError(t('restore-which-file'));
  let restored;
  try {
    restored = restoreDb(file, config.databasePath, systemClock.now());
  } catch (error) {
    if (error instanceof RestoreError) throw new CliError(t(`restore-error-${error.code}`, { file: basename(file), database: config.databasePath, reason: error.message }));
    throw error;
  }
  if (restored.previous) out(t('restore-previous-kept', { previous: restored.previous }));
  const db = openDb(config.databasePath);
  try {
    const replayed = completeRestore(db, { ...restored, file }, systemClock.now());
    if (replayed > 0) purgeErasedPages(db);
    out(restored.erasures ? t('restore-erasures-replayed', { count: replayed }) : t('restore-erasures-unreadable', { reason: restored.unreadable ?? '' }));
  } finally {
    closeDb(db);
  }
  out(t('restore-done', { file: basename(file), database: config.databasePath }));
}

async function retentionCommand(db: Db, config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { apply: { type: 'boolean', default: false } } });
  const now = systemClock.now();
  const plan = retentionPlan(db, now, config.retention);
  out(t('retention-cli-rounds', { rounds: plan.rounds.length, answers: plan.rounds.reduce((n, r) => n + r.responses, 0) }));
  out(t('retention-cli-people', { count: plan.people.length }));
  if (plan.people.length > 0) out(plan.people.map((p) => p.name).join(', '));
  if (!values.apply) return out(t('retention-cli-dry-run'));
  await retentionInShortTransactions(db, plan, now);
  if (plan.people.length > 0) purgeErasedPages(db);
  out(t('retention-cli-done'));
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') return void process.stdout.write(usage());
  const config = loadConfig(process.env);
  if (command === 'restore') return restoreCommand(config, args);
  const db = openDb(config.databasePath);
  try {
    if (command === 'invite') inviteCommand(db, config, args);
    else if (command === 'import') await importCommand(db, args);
    else if (command === 'broadcast') broadcastCommand(cliDeps(db, config), args);
    else if (command === 'seminar') seminarCommand(cliDeps(db, config), args);
    else if (command === 'roadmap') await roadmapCommand(cliDeps(db, config), t, args);
    else if (command === 'survey') await surveyCommand(cliDeps(db, config), t, args);
    else if (command === 'settings') settingsCommand(cliDeps(db, config), args);
    else if (command === 'backup') {
      const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
      const path = await backupDb(db, values.out ?? config.backup.dir, systemClock.now());
      out(t('backup-cli-done', { path }));
      out(path);
    } else if (command === 'retention') await retentionCommand(db, config, args);
    else if (command === 'seed-demo') out(seedDemo(db, config.defaultTimezone, localDate(systemClock.now(), config.defaultTimezone)) ? t('cli-demo-added') : t('cli-demo-exists'));
    else throw new CliError(`${t('cli-unknown-command', { command })}\n\n${usage()}`);
  } finally {
    closeDb(db);
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
