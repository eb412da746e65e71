// Retention: a week ahead coordinators are told; then answers of old rounds
// lose their authors and long-silent people are erased, once, audited.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, people, responses, surveyRounds, surveys } from '../../../db/schema.js';
import { auditLog, outbox, payloadText } from '../../../db/schema.js';
import { retention } from '../../../scheduler/jobs/retention.js';
import { makeCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

describe('data retention', () => {
  it('reports a week ahead, then anonymises old answers and erases inactive people', async () => {
    const t = makeCore();
    try {
      t.deps.settings.retention = { surveyDays: 365, inactiveDays: 365 };
      const seeded = seedMunicipality(t.db, {
        platform: 'telegram',
        schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
        people: [
          { name: 'Активная Анна Ивановна', role: 'coordinator', user: 1 },
          { name: 'Молчунова Мария Петровна', role: 'teacher', school: 'Школа 1', user: 2 },
        ],
      });
      const coordinator = seeded.personIds.get('Активная Анна Ивановна')!;
      const silent = seeded.personIds.get('Молчунова Мария Петровна')!;
      t.db.update(accounts).set({ lastSeenAt: new Date('2026-11-01T00:00:00Z') }).where(eq(accounts.personId, coordinator)).run();
      t.db.update(accounts).set({ lastSeenAt: new Date('2025-11-26T00:00:00Z') }).where(eq(accounts.personId, silent)).run();
      const survey = t.db.insert(surveys).values({ municipalityId: seeded.municipalityId, key: 'k', title: 'Старый опрос', definition: {} }).returning().get();
      const round = t.db
        .insert(surveyRounds)
        .values({ surveyId: survey.id, municipalityId: seeded.municipalityId, audience: {}, opensAt: new Date('2025-11-01T00:00:00Z'), closesAt: new Date('2025-11-27T00:00:00Z') })
        .returning()
        .get();
      t.db.insert(responses).values({ roundId: round.id, unitKey: `person:${silent}`, personId: silent, schoolId: null, answers: { q: 1 }, submittedAt: new Date('2025-11-10T00:00:00Z') }).run();

      // 23 November 2026: both fall due within the week (26 and 27 November), nothing is done yet.
      t.clock.set('2026-11-23T03:00:00Z');
      await retention.run(t.deps, t.clock.now());
      const notice = t.db.select().from(outbox).all();
      expect(notice).toHaveLength(1);
      expect(payloadText(notice[0]?.payload ?? { text: '' })).toMatch(/будут обезличены ответы 1 опроса \(1 ответ\) и удалены данные 1 неактивного участника: Молчунова Мария Петровна/);
      expect(t.db.select().from(responses).all()[0]?.personId).toBe(silent);

      // 28 November: both are due and carried out, once.
      t.clock.set('2026-11-28T03:00:00Z');
      await retention.run(t.deps, t.clock.now());
      await retention.run(t.deps, t.clock.now());
      const answer = t.db.select().from(responses).all()[0];
      expect(answer?.personId).toBeNull();
      expect(answer?.unitKey).toMatch(/^anon:/);
      expect(answer?.answers).toEqual({ q: 1 });
      const erased = t.db.select().from(people).where(eq(people.id, silent)).get();
      expect(erased?.fullName).toBeNull();
      expect(t.db.select().from(people).where(eq(people.id, coordinator)).get()?.fullName).toBe('Активная Анна Ивановна');
      expect(t.db.select().from(auditLog).all().map((e) => e.action)).toEqual(['retention.applied']);
      expect(t.db.select().from(outbox).all()).toHaveLength(1);
    } finally {
      t.close();
    }
  });
});
