// Road-map reminders, in the municipality's time and outside quiet hours, at
// REMINDER_HOUR: on the first day of a span, 7 days and 1 day before each
// deadline, on the day, and after a few days overdue a notice to the
// coordinators. Continuous items get a monthly check-in instead. This job
// decides which are due and gathers them per person; what they say, to whom,
// and whether a person gets them one by one or as one daily digest is the
// road map's (handlers/roadmap/reminders.ts, daily-digest.ts), and the dedupe
// keys keep anything from being sent twice, whatever restarts in between.
import { DateTime } from 'luxon';
import { pendingMilestones, type MilestoneRow, type Roadmap, type RoadmapItemRow } from '../../db/repos/roadmaps.js';
import { localDate, municipalityZone, outsideQuietHours } from '../../handlers/core/local-time.js';
import { deliverReminders, type DigestItem } from '../../handlers/roadmap/daily-digest.js';
import { dueOf } from '../../handlers/roadmap/progress.js';
import { milestoneReminder, reminderRecipients, type DueReminder, type MilestoneReminder } from '../../handlers/roadmap/reminders.js';
import type { Job } from '../job.js';

export const OVERDUE_ESCALATION_DAYS = 3;
/** The local hour every road-map reminder (and the digest) is due at. */
export const REMINDER_HOUR = 10;
/**
 * How late a reminder may still go after its day (the service was down, the
 * plan was imported late): a deadline's for a week, a span's start for three
 * days. Older ones are the coordinators' escalation and /roadmap's business.
 */
export const DUE_CATCH_UP_DAYS = 7;
export const START_CATCH_UP_DAYS = 3;

const atHour = (date: string, zone: string, plusDays = 0) =>
  DateTime.fromISO(date, { zone }).plus({ days: plusDays }).set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();

/** What is due for one milestone at `now`: at most one reminder to the responsible (and a span's start), and the escalation. */
function dueReminders(m: MilestoneRow, item: RoadmapItemRow, zone: string, now: Date): MilestoneReminder[] {
  const due = dueOf(m);
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.toISODate()!;
  if (item.schedule.kind === 'continuous') {
    const monthStart = local.startOf('month').set({ hour: REMINDER_HOUR });
    const inRange = (!m.from || today >= m.from) && today <= due;
    if (!inRange || now < monthStart.toJSDate()) return [];
    return [milestoneReminder(m, item, 'month', { month: local.toFormat('yyyy-MM') })];
  }
  const out: MilestoneReminder[] = [];
  // A span that begins within the last week before its deadline has its start reminder instead of the week's.
  const span = m.from !== null && m.from < due;
  const startsLate = span && atHour(m.from!, zone) >= atHour(due, zone, -7);
  if (now >= atHour(due, zone)) {
    if (now < atHour(due, zone, DUE_CATCH_UP_DAYS)) out.push(milestoneReminder(m, item, 'due', { today }));
  } else if (now >= atHour(due, zone, -1)) out.push(milestoneReminder(m, item, 'd1'));
  else {
    if (now >= atHour(due, zone, -7) && !startsLate) out.push(milestoneReminder(m, item, 'd7'));
    if (span && now >= atHour(m.from!, zone) && now < atHour(m.from!, zone, START_CATCH_UP_DAYS)) out.push(milestoneReminder(m, item, 'start'));
  }
  if (now >= atHour(due, zone, OVERDUE_ESCALATION_DAYS)) out.push(milestoneReminder(m, item, 'overdue'));
  return out;
}

interface PersonPlan {
  zone: string;
  due: DueReminder[];
}

export const roadmapReminders: Job = {
  name: 'roadmap-reminders',
  run(deps, now) {
    const pending = pendingMilestones(deps.db);
    const zones = new Map<number, string>();
    const zoneOf = (municipalityId: number) => {
      let zone = zones.get(municipalityId);
      if (zone === undefined) zones.set(municipalityId, (zone = municipalityZone(deps, municipalityId)));
      return zone;
    };
    // Who answers for an item, asked once per run for each wording: a road map repeats its responsible bodies a lot.
    const recipients = new Map<string, number[]>();
    const recipientsOf = (roadmap: Roadmap, item: RoadmapItemRow, reminder: Pick<MilestoneReminder, 'to'>) => {
      const key = reminder.to === 'coordinators' ? `c:${roadmap.municipalityId}` : `r:${roadmap.municipalityId}:${roadmap.schoolId ?? ''}:${item.responsibleText}`;
      let ids = recipients.get(key);
      if (!ids) recipients.set(key, (ids = reminderRecipients(deps.db, roadmap, item, reminder)));
      return ids;
    };
    // Gathered per person first: whether they get a digest depends on all of theirs.
    const plans = new Map<number, PersonPlan>();
    for (const { milestone, item, roadmap } of pending) {
      const zone = zoneOf(roadmap.municipalityId);
      for (const reminder of dueReminders(milestone, item, zone, now)) {
        for (const personId of recipientsOf(roadmap, item, reminder)) {
          let plan = plans.get(personId);
          if (!plan) plans.set(personId, (plan = { zone, due: [] }));
          plan.due.push({ reminder, milestone, item, roadmap });
        }
      }
    }
    let queued = 0;
    for (const [personId, plan] of plans) {
      const today = localDate(now, plan.zone);
      // Shown in a digest for the whole picture: the person's other open items past their date.
      const overdue = (): DigestItem[] =>
        pending.filter(
          ({ milestone, item, roadmap }) =>
            item.schedule.kind !== 'continuous' &&
            dueOf(milestone) < localDate(now, zoneOf(roadmap.municipalityId)) &&
            recipientsOf(roadmap, item, { to: 'responsible' }).includes(personId),
        );
      queued += deps.db.transaction((tx) =>
        deliverReminders(tx, deps, personId, plan.due, { today, notBefore: outsideQuietHours(now, plan.zone, deps.settings.quietHours), overdue }),
      );
    }
    if (queued > 0) deps.wakeOutbox();
  },
};
