// Nightly tidying: forgets old update ids and expired dialogs.
import { deleteExpiredDialogs } from '../../db/repos/dialogs.js';
import { pruneUpdates } from '../../db/repos/updates.js';
import type { Job } from '../job.js';

const UPDATE_MEMORY_MS = 7 * 24 * 3600_000;

export const housekeeping: Job = {
  name: 'housekeeping',
  run(deps, now) {
    const updates = pruneUpdates(deps.db, new Date(now.getTime() - UPDATE_MEMORY_MS));
    const dialogs = deleteExpiredDialogs(deps.db, now);
    if (updates + dialogs > 0) deps.log.debug({ updates, dialogs }, 'housekeeping');
  },
};
