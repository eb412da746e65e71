// Road-map reminders, in the municipality's time and outside quiet hours: 7
// days and 1 day before each deadline, on the day, and after a few days
// overdue a notice to the coordinators. Continuous items get a monthly
// check-in instead. This job decides which are due; what they say and to
// whom is the road map's (handlers/roadmap/reminders.ts), and their dedupe
// keys keep anything from being sent twice, whatever restarts in between.
import { DateTime } from 'luxon';
import { pendingMilestones, type MilestoneRow, type RoadmapItemRow } from '../../db/repos/roadmaps.js';
import { municipalityZone, outsideQuietHours } from '../../handlers/core/local-time.js';
import { dueOf } from '../../handlers/roadmap/progress.js';
import { milestoneReminder, sendMilestoneReminder, type MilestoneReminder } from '../../handlers/roadmap/reminders.js';
import type { Job } from '../job.js';

export const OVERDUE_ESCALATION_DAYS = 3;

const at10 = (date: string, zone: string, plusDays = 0) =>
  DateTime.fromISO(date, { zone }).plus({ days: plusDays }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 }).toJSDate();

/** What is due for one milestone at `now`: at most one reminder to the responsible, and the escalation. */
function dueReminders(m: MilestoneRow, item: RoadmapItemRow, zone: string, now: Date): MilestoneReminder[] {
  const due = dueOf(m);
  const local = DateTime.fromJSDate(now, { zone });
  if (item.schedule.kind === 'continuous') {
    const monthStart = local.startOf('month').set({ hour: 10 });
    const inRange = (!m.from || local.toISODate()! >= m.from) && local.toISODate()! <= due;
    if (!inRange || now < monthStart.toJSDate()) return [];
    return [milestoneReminder(m, item, 'month', local.toFormat('yyyy-MM'))];
  }
  const out: MilestoneReminder[] = [];
  if (now >= at10(due, zone)) out.push(milestoneReminder(m, item, 'due'));
  else if (now >= at10(due, zone, -1)) out.push(milestoneReminder(m, item, 'd1'));
  else if (now >= at10(due, zone, -7)) out.push(milestoneReminder(m, item, 'd7'));
  if (now >= at10(due, zone, OVERDUE_ESCALATION_DAYS)) out.push(milestoneReminder(m, item, 'overdue'));
  return out;
}

export const roadmapReminders: Job = {
  name: 'roadmap-reminders',
  run(deps, now) {
    let queued = 0;
    for (const { milestone, item, roadmap } of pendingMilestones(deps.db)) {
      const zone = municipalityZone(deps, roadmap.municipalityId);
      const due = dueReminders(milestone, item, zone, now);
      if (due.length === 0) continue;
      const notBefore = outsideQuietHours(now, zone, deps.settings.quietHours);
      queued += deps.db.transaction((tx) => due.reduce((n, d) => n + sendMilestoneReminder(tx, deps, roadmap, item, d, notBefore), 0));
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
