// Survey reminders after downtime: when the service was down over several
// reminder days, a person who has not answered gets one reminder (the latest
// due), not one for every day missed; the next run adds nothing.
import { describe, expect, it } from 'vitest';
import { addRecipients, createRound, createSurvey } from '../../db/repos/surveys.js';
import { outbox } from '../../db/schema.js';
import { surveyRounds } from '../../scheduler/jobs/surveys.js';
import { sampleSurvey } from '../handlers/surveys/sample-survey.js';
import { makeCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

describe('survey reminders', () => {
  it('sends one reminder for the latest missed day after downtime', async () => {
    const t = makeCore();
    try {
      const seeded = seedMunicipality(t.db, {
        platform: 'telegram',
        schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
        people: [
          { name: 'Ответова Анна Ивановна', role: 'teacher', school: 'Школа 1', user: 1 },
          { name: 'Молчанова Мария Петровна', role: 'teacher', school: 'Школа 1', user: 2 },
        ],
      });
      const definition = sampleSurvey();
      const survey = createSurvey(t.db, { municipalityId: seeded.municipalityId, key: definition.key, title: definition.title, definition: definition as never });
      // Opened on Monday 16 November at 09:00 Moscow; reminders on days 2 and 4 (18th and 20th); the service was down until the 23rd.
      const round = createRound(t.db, {
        surveyId: survey.id,
        municipalityId: seeded.municipalityId,
        audience: { roles: ['teacher'] },
        opensAt: new Date('2026-11-16T06:00:00Z'),
        closesAt: new Date('2026-11-30T06:00:00Z'),
        reminderDays: [2, 4],
        escalateAfterDays: 30,
      });
      addRecipients(t.db, [...seeded.personIds.values()].map((personId) => ({ roundId: round.id, personId, schoolId: seeded.schoolIds.get('Школа 1') ?? null })));
      const now = new Date('2026-11-23T08:00:00Z'); // 11:00 in Moscow
      await surveyRounds.run(t.deps, now);
      await surveyRounds.run(t.deps, new Date(now.getTime() + 60_000));
      const keys = t.db.select({ key: outbox.dedupeKey }).from(outbox).all().map((r) => r.key).sort();
      expect(keys).toEqual([...seeded.personIds.values()].map((id) => `round:${round.id}:remind:4:${id}`).sort());
    } finally {
      t.close();
    }
  });

  it('names the first 30 of a large missing list to the coordinator, once, and counts the rest', async () => {
    const t = makeCore();
    try {
      const teachers = Array.from({ length: 45 }, (_, i) => ({ name: `Молчанова${String(i).padStart(2, '0')} Мария Петровна`, role: 'teacher' as const, school: 'Школа 1', user: 100 + i }));
      const seeded = seedMunicipality(t.db, {
        platform: 'telegram',
        schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
        people: [{ name: 'Координатова Анна Ивановна', role: 'coordinator', user: 1 }, ...teachers],
      });
      const definition = sampleSurvey();
      const survey = createSurvey(t.db, { municipalityId: seeded.municipalityId, key: definition.key, title: definition.title, definition: definition as never });
      const round = createRound(t.db, {
        surveyId: survey.id,
        municipalityId: seeded.municipalityId,
        audience: { roles: ['teacher'] },
        opensAt: new Date('2026-11-16T06:00:00Z'),
        closesAt: new Date('2026-11-30T06:00:00Z'),
        reminderDays: [],
        escalateAfterDays: 5,
      });
      const coordinator = seeded.personIds.get('Координатова Анна Ивановна')!;
      addRecipients(t.db, teachers.map((p) => ({ roundId: round.id, personId: seeded.personIds.get(p.name)!, schoolId: seeded.schoolIds.get('Школа 1') ?? null })));
      const now = new Date('2026-11-23T08:00:00Z');
      await surveyRounds.run(t.deps, now);
      await surveyRounds.run(t.deps, new Date(now.getTime() + 60_000));
      const rows = t.db.select({ key: outbox.dedupeKey, payload: outbox.payload }).from(outbox).all().filter((r) => r.key === `round:${round.id}:escalate:${coordinator}`);
      expect(rows).toHaveLength(1);
      const text = (rows[0]!.payload as { text: string }).text;
      expect(text.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(30);
      expect(text).toContain('Молчанова29 Мария Петровна');
      expect(text).not.toContain('Молчанова30');
      expect(text).toContain('…и ещё 15 — весь список по кнопке ниже.');
    } finally {
      t.close();
    }
  });
});
