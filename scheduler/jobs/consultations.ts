// Consultations' jobs. The monthly nudge: on the 25th at 10:00 local time,
// mentors and tutors who have assignments but no consultation logged that
// month are reminded. Sessions planned ahead: every tick, the day-before
// reminders that have come due and, after a session, the question whether
// it took place. Who hears what, and the dedupe keys, are
// handlers/consultations/reminders.ts.
import { remindPlanned, remindToLog } from '../../handlers/consultations/reminders.js';
import { dailyJob, type Job } from '../job.js';

export const REMINDER_DAY = 25;

export const monthlyLogReminder = dailyJob({
  name: 'consultation-monthly-reminder',
  at: '10:00',
  perform(tx, deps, municipality, localDate, slotAt) {
    if (Number(localDate.slice(8, 10)) !== REMINDER_DAY) return;
    remindToLog(tx, deps, municipality.id, localDate, slotAt);
  },
});

export const plannedSessionReminders: Job = {
  name: 'consultation-planned-reminders',
  run(deps, now) {
    const queued = deps.db.transaction((tx) => remindPlanned(tx, deps, now));
    if (queued > 0) deps.wakeOutbox();
  },
};
