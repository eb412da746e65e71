// The people of the broadcast benchmark, seeded straight into its SQLite
// file: a municipality of 10,000 teachers who receive the broadcast, and a
// second, smaller one whose teachers answer a survey meanwhile (so their
// chats hold only the survey's answers and the broadcast never reaches them).
import { closeDb, openDb } from '../db/client.js';
import { addRecipients, createRound, createSurvey } from '../db/repos/surveys.js';
import { parseSurveyDefinition } from '../handlers/surveys/definition.js';
import { startRoundAction } from '../handlers/surveys/respond.js';
import { seedMunicipality } from '../tests/helpers/seed.js';
import type { Platform } from './fake-protocol.js';

const SCHOOLS = 10;

/** The three-question survey the benchmarks' teachers answer. */
export const survey = parseSurveyDefinition({
  key: 'bench',
  title: 'Мониторинг: три вопроса',
  anonymous: false,
  level: 'person',
  questions: [1, 2, 3].map((n) => ({
    id: `q${n}`,
    type: 'single',
    text: `Вопрос ${n}: как прошла неделя?`,
    options: [
      { value: 'good', label: 'Хорошо' },
      { value: 'ok', label: 'Нормально' },
      { value: 'bad', label: 'Трудно' },
    ],
  })),
});

export interface SeededBroadcast {
  municipalityId: number;
  /** The callback data of the button that opens the survey, for the talking teachers. */
  startData: string;
}

export function seedBroadcast(path: string, platform: Platform, recipients: number[], talkers: number[]): SeededBroadcast {
  const db = openDb(path);
  try {
    const seeded = seedMunicipality(db, {
      platform,
      schools: Array.from({ length: SCHOOLS }, (_, s) => ({ short: `Школа ${s + 1}`, statuses: ['low_results' as const] })),
      people: recipients.map((user, i) => ({ name: `Педагог Номер ${i}`, role: 'teacher' as const, school: `Школа ${(i % SCHOOLS) + 1}`, user })),
    });
    const startData = talkers.length > 0 ? seedSurvey(db, platform, talkers) : '';
    return { municipalityId: seeded.municipalityId, startData };
  } finally {
    closeDb(db);
  }
}

/** A municipality of its own for the teachers who answer a survey, with an open round addressed to them. */
function seedSurvey(db: ReturnType<typeof openDb>, platform: Platform, users: number[]): string {
  if (!survey.ok) throw new Error(survey.problems.join('; '));
  const seeded = seedMunicipality(db, {
    name: 'опрос',
    platform,
    schools: [{ short: 'Школа опроса', statuses: ['low_results'] }],
    people: users.map((user, i) => ({ name: `Отвечающий ${i}`, role: 'teacher' as const, school: 'Школа опроса', user })),
  });
  const row = createSurvey(db, { municipalityId: seeded.municipalityId, key: 'bench', title: survey.survey.title, definition: survey.survey as never });
  const now = Date.now();
  const round = createRound(db, {
    surveyId: row.id,
    municipalityId: seeded.municipalityId,
    audience: { roles: ['teacher'] },
    opensAt: new Date(now - 3_600_000),
    closesAt: new Date(now + 7 * 86_400_000),
  });
  const schoolId = seeded.schoolIds.get('Школа опроса') ?? null;
  addRecipients(db, [...seeded.personIds.values()].map((personId) => ({ roundId: round.id, personId, schoolId })));
  return startRoundAction.encode(round.id);
}
