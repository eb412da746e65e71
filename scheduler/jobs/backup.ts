// The nightly backup: once a day at the configured local time (in the
// default zone), an online backup checked for integrity, then old backups
// beyond the number to keep, and safety copies older than as many days, are
// removed.
import { backupDb, pruneBackups, pruneKeptCopies } from '../../db/backup.js';
import { recordJobRun } from '../../db/repos/jobs.js';
import type { Job } from '../job.js';
import { latestDailySlot } from '../../handlers/core/local-time.js';

export const nightlyBackup: Job = {
  name: 'backup',
  async run(deps, now) {
    const settings = deps.settings.backup;
    if (!settings) return;
    const slot = latestDailySlot(now, deps.settings.defaultTimezone, settings.at);
    // A backup missed while the service was down is taken at start-up: late is better than none.
    if (!recordJobRun(deps.db, 'backup', slot.date, now)) return;
    const path = await backupDb(deps.db, settings.dir, now);
    const removed = pruneBackups(settings.dir, settings.keep);
    // Safety copies (before an upgrade, before a restore) are kept as long as the nightly backups, not for ever.
    const copies = pruneKeptCopies(settings.dir, deps.db.$client.name, settings.keep, now);
    deps.log.info({ path, removed: removed.length + copies.length }, 'backup taken');
  },
};
