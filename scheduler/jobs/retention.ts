// Data retention, once a day: a week ahead, coordinators get a dry-run report
// of what the retention periods will anonymise or erase; what is due today is
// then carried out and audited.
import { purgeErasedPages } from '../../db/client.js';
import { audit } from '../../db/repos/audit.js';
import { recordJobRun } from '../../db/repos/jobs.js';
import { peopleOf } from '../../db/repos/people.js';
import { applyRetention, retentionPlan, type RetentionPlan } from '../../db/repos/retention.js';
import { notifyPerson } from '../../handlers/core/outbox.js';
import type { Job, JobDeps } from '../job.js';
import { latestDailySlot } from '../../handlers/core/local-time.js';

export const NOTICE_DAYS = 7;

function notify(deps: JobDeps, plan: RetentionPlan, now: Date, date: string): void {
  const municipalities = new Set([...plan.rounds.map((r) => r.municipalityId), ...plan.people.map((p) => p.municipalityId).filter((m) => m !== null)]);
  for (const municipalityId of municipalities) {
    const rounds = plan.rounds.filter((r) => r.municipalityId === municipalityId);
    const names = plan.people.filter((p) => p.municipalityId === municipalityId).map((p) => p.name);
    for (const coordinator of peopleOf(deps.db, municipalityId, { role: 'coordinator' })) {
      notifyPerson(
        deps.db,
        deps.i18n,
        coordinator.id,
        (t) => ({
          text: t('retention-notice', {
            days: NOTICE_DAYS,
            rounds: rounds.length,
            answers: rounds.reduce((n, r) => n + r.responses, 0),
            people: names.length,
            names: names.slice(0, 20).join(', ') || '—',
          }),
        }),
        { dedupeKey: `retention-notice:${date}:${coordinator.id}`, notBefore: now },
      );
    }
  }
}

export const retention: Job = {
  name: 'retention',
  run(deps, now) {
    const periods = deps.settings.retention;
    if (!periods) return;
    const slot = latestDailySlot(now, deps.settings.defaultTimezone, '04:00');
    if (!recordJobRun(deps.db, 'retention', slot.date, now)) return;
    const ahead = retentionPlan(deps.db, new Date(now.getTime() + NOTICE_DAYS * 86_400_000), periods);
    const due = retentionPlan(deps.db, now, periods);
    const fresh = {
      rounds: ahead.rounds.filter((r) => !due.rounds.some((d) => d.id === r.id)),
      people: ahead.people.filter((p) => !due.people.some((d) => d.id === p.id)),
    };
    if (fresh.rounds.length + fresh.people.length > 0) notify(deps, fresh, now, slot.date);
    if (due.rounds.length + due.people.length > 0) {
      deps.db.transaction((tx) => {
        applyRetention(tx, due, now);
        audit(tx, { at: now, actorId: null, municipalityId: null, action: 'retention.applied', details: { rounds: due.rounds.length, people: due.people.length } });
      });
      purgeErasedPages(deps.db);
      deps.log.info({ rounds: due.rounds.length, people: due.people.length }, 'retention applied');
    }
    deps.wakeOutbox();
  },
};
