// The monthly nudge to log consultations reaches only the helpers with nothing
// logged this month, on the 25th; the weekly digest reaches each coordinator at
// their slot, once however often the job runs.
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../db/repos/assignments.js';
import { addConsultation } from '../../db/repos/consultations.js';
import { outbox } from '../../db/schema.js';
import { monthlyLogReminder } from '../../scheduler/jobs/consultations.js';
import { weeklyDigest } from '../../scheduler/jobs/digest.js';
import { makeCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

function seed(t: ReturnType<typeof makeCore>) {
  return seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
    people: [
      { name: 'Молчанова Мария Петровна', role: 'mentor', user: 1 },
      { name: 'Записова Зоя Ивановна', role: 'mentor', user: 2 },
      { name: 'Главная Галина Сергеевна', role: 'coordinator', user: 3 },
    ],
  });
}

const keys = (t: ReturnType<typeof makeCore>) => t.db.select({ key: outbox.dedupeKey }).from(outbox).all().map((r) => r.key).sort();

describe('monthly and weekly jobs', () => {
  it('reminds only the helpers with nothing logged this month, on the 25th', async () => {
    const t = makeCore();
    try {
      const seeded = seed(t);
      const silent = seeded.personIds.get('Молчанова Мария Петровна') ?? 0;
      const logger = seeded.personIds.get('Записова Зоя Ивановна') ?? 0;
      const schoolId = seeded.schoolIds.get('Школа 1') ?? null;
      for (const helperId of [silent, logger]) createAssignment(t.db, { kind: 'mentor_school', municipalityId: seeded.municipalityId, helperId, schoolId, startsOn: '2026-09-01' });
      addConsultation(t.db, { municipalityId: seeded.municipalityId, authorId: logger, schoolId, date: '2026-11-10', minutes: 45, format: 'online', topic: 'ВПР' }, new Date('2026-11-10T10:00:00Z'));
      await monthlyLogReminder.run(t.deps, new Date('2026-11-24T08:00:00Z'));
      expect(keys(t)).toEqual([]);
      await monthlyLogReminder.run(t.deps, new Date('2026-11-25T08:00:00Z')); // 11:00 in Moscow
      await monthlyLogReminder.run(t.deps, new Date('2026-11-25T09:00:00Z'));
      expect(keys(t)).toEqual([`log-monthly:${silent}:2026-11`]);
    } finally {
      t.close();
    }
  });

  it('sends the digest at the coordinator slot once', async () => {
    const t = makeCore();
    try {
      const seeded = seed(t);
      const coordinator = seeded.personIds.get('Главная Галина Сергеевна') ?? 0;
      await weeklyDigest.run(t.deps, new Date('2026-11-23T06:30:00Z')); // Monday 09:30 in Moscow
      await weeklyDigest.run(t.deps, new Date('2026-11-23T07:30:00Z'));
      expect(keys(t)).toEqual([`digest:${coordinator}:2026-11-23`]);
      const payload = t.db.select({ payload: outbox.payload }).from(outbox).get()?.payload;
      expect(payload && 'text' in payload ? payload.text : '').toMatch(/^Сводка за неделю: 16\.11\.2026/u);
    } finally {
      t.close();
    }
  });
});
