// The monthly nudge to log consultations: mentors and tutors who have
// assignments but logged nothing this month are reminded, once a month. The
// scheduler decides the day and hour (scheduler/jobs/consultations.ts); who
// is reminded, what they are told and the dedupe key are the feature's.
import { activeAssignmentsOfMunicipality } from '../../db/repos/assignments.js';
import { consultationsBetween } from '../../db/repos/consultations.js';
import type { DbOrTx } from '../../db/client.js';
import type { CoreDeps } from '../core/context.js';
import { notifyPerson } from '../core/outbox.js';

/** Reminds the helpers of a municipality with nothing logged from the 1st of the month up to `localDate` (YYYY-MM-DD). */
export function remindToLog(tx: DbOrTx, deps: Pick<CoreDeps, 'i18n'>, municipalityId: number, localDate: string, notBefore: Date): void {
  const month = localDate.slice(0, 7);
  const helpers = new Set(
    activeAssignmentsOfMunicipality(tx, municipalityId)
      .filter((a) => a.kind !== 'school_pair' && a.helperId !== null)
      .map((a) => a.helperId as number),
  );
  const logged = new Set(consultationsBetween(tx, municipalityId, `${month}-01`, localDate).map((c) => c.authorId));
  for (const personId of helpers) {
    if (logged.has(personId)) continue;
    notifyPerson(tx, deps.i18n, personId, (t) => ({ text: t('log-monthly-reminder') }), { dedupeKey: `log-monthly:${personId}:${month}`, notBefore });
  }
}
