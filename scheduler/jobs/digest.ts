// Sends each coordinator the weekly digest at the weekday and local hour they
// chose; a slot missed by less than half a day (the service was down) is
// still sent once, an older one is skipped. What it says is the road map's
// (handlers/roadmap/digest.ts).
import { DateTime } from 'luxon';
import { municipalities } from '../../db/schema.js';
import { peopleOf } from '../../db/repos/people.js';
import { digestTime, sendDigest } from '../../handlers/roadmap/digest.js';
import type { Job } from '../job.js';

const LATE_LIMIT_HOURS = 12;

export const weeklyDigest: Job = {
  name: 'weekly-digest',
  run(deps, now) {
    let queued = 0;
    for (const municipality of deps.db.select().from(municipalities).all()) {
      const local = DateTime.fromJSDate(now, { zone: municipality.timezone });
      for (const coordinator of peopleOf(deps.db, municipality.id, { role: 'coordinator' })) {
        const { weekday, hour } = digestTime(deps.db, coordinator.id);
        let slot = local.set({ weekday: weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour, minute: 0, second: 0, millisecond: 0 });
        if (slot > local) slot = slot.minus({ weeks: 1 });
        if (local.diff(slot, 'hours').hours > LATE_LIMIT_HOURS) continue;
        const date = slot.toISODate() ?? '';
        if (sendDigest(deps.db, deps, coordinator, municipality.id, local.toISODate() ?? date, date, now)) queued++;
      }
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
