// Tidying: forgets the hashed ids of updates handled a week ago, expired dialogs, finished
// outbox rows past their keeping time (OUTBOX_KEEP_DAYS) and road-map reminder notes a year old.
import { deleteExpiredDialogs } from '../../db/repos/dialogs.js';
import { recordJobRun } from '../../db/repos/jobs.js';
import { pruneFinishedOutbox } from '../../db/repos/outbox.js';
import { pruneInbox } from '../../db/repos/inbox.js';
import { forgetOldReminderNotes } from '../../handlers/roadmap/daily-digest.js';
import type { Job } from '../job.js';

const UPDATE_MEMORY_MS = 7 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;
export const DEFAULT_OUTBOX_KEEP_DAYS = 30;

export const housekeeping: Job = {
  name: 'housekeeping',
  run(deps, now) {
    const updates = pruneInbox(deps.db, new Date(now.getTime() - UPDATE_MEMORY_MS));
    const dialogs = deleteExpiredDialogs(deps.db, now);
    const keepDays = deps.settings.outboxKeepDays ?? DEFAULT_OUTBOX_KEEP_DAYS;
    // The outbox has no index by age: it is swept once a day, not every minute.
    const daily = recordJobRun(deps.db, 'outbox-prune', now.toISOString().slice(0, 10), now);
    const outbox = daily ? pruneFinishedOutbox(deps.db, new Date(now.getTime() - keepDays * DAY_MS)) : 0;
    const notes = daily ? forgetOldReminderNotes(deps.db, now.toISOString().slice(0, 10)) : 0;
    if (updates + dialogs + outbox + notes > 0) deps.log.debug({ updates, dialogs, outbox, notes }, 'housekeeping');
  },
};
