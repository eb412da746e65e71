// The monthly nudge: on the 25th at 10:00 local time, mentors and tutors who
// have assignments but no consultation logged that month are reminded (who
// and how is handlers/consultations/reminders.ts).
import { remindToLog } from '../../handlers/consultations/reminders.js';
import { dailyJob } from '../job.js';

export const REMINDER_DAY = 25;

export const monthlyLogReminder = dailyJob({
  name: 'consultation-monthly-reminder',
  at: '10:00',
  perform(tx, deps, municipality, localDate, slotAt) {
    if (Number(localDate.slice(8, 10)) !== REMINDER_DAY) return;
    remindToLog(tx, deps, municipality.id, localDate, slotAt);
  },
});
