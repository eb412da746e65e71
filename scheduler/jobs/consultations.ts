// The monthly nudge: on the 25th at 10:00 local time, mentors and tutors who
// have assignments but no consultation logged that month are reminded.
import { activeAssignmentsOfMunicipality } from '../../db/repos/assignments.js';
import { consultationsBetween } from '../../db/repos/consultations.js';
import { notifyPerson } from '../../handlers/core/outbox.js';
import { dailyJob } from '../job.js';

export const REMINDER_DAY = 25;

export const monthlyLogReminder = dailyJob({
  name: 'consultation-monthly-reminder',
  at: '10:00',
  perform(tx, deps, municipality, localDate, slotAt) {
    if (Number(localDate.slice(8, 10)) !== REMINDER_DAY) return;
    const month = localDate.slice(0, 7);
    const helpers = new Set(
      activeAssignmentsOfMunicipality(tx, municipality.id)
        .filter((a) => a.kind !== 'school_pair' && a.helperId !== null)
        .map((a) => a.helperId as number),
    );
    const logged = new Set(consultationsBetween(tx, municipality.id, `${month}-01`, localDate).map((c) => c.authorId));
    for (const personId of helpers) {
      if (logged.has(personId)) continue;
      notifyPerson(tx, deps.i18n, personId, (t) => ({ text: t('log-monthly-reminder') }), { dedupeKey: `log-monthly:${personId}:${month}`, notBefore: slotAt });
    }
  },
});
