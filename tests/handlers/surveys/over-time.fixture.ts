// Three rounds of a teachers' survey in one municipality, for the tests of
// change over time: school А has four teachers, Б two and В one, with the
// answers whose figures the tests work out by hand (see compare.test.ts).
import type { Db } from '../../../db/client.js';
import { addRecipients, createRound, createSurvey, markAnswered, saveResponse } from '../../../db/repos/surveys.js';
import { parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import type { SurveyDefinition } from '../../../handlers/surveys/types.js';
import { seedMunicipality, type Seeded } from '../../helpers/seed.js';
import type { PlatformName } from '../../../db/schema.js';

export const QUESTION = 'Насколько вы уверены в работе по новым ФГОС?';

export function confidenceSurvey(overrides: Partial<SurveyDefinition> = {}): SurveyDefinition {
  const parsed = parseSurveyDefinition({
    key: 'confidence',
    title: 'Уверенность педагогов',
    anonymous: false,
    level: 'person',
    questions: [
      { id: 'sure', type: 'scale', text: QUESTION, min: 1, max: 5 },
      {
        id: 'format',
        type: 'single',
        text: 'Как вам удобнее учиться?',
        options: [
          { value: 'offline', label: 'Очно' },
          { value: 'online', label: 'Онлайн' },
        ],
      },
    ],
    ...overrides,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

/** Teachers by school, with their user ids; the first of А answers in chat in the journeys. */
export const TEACHERS = {
  'Школа А': [
    { name: 'Антонова Алла Андреевна', user: 7101 },
    { name: 'Белова Белла Борисовна', user: 7102 },
    { name: 'Волкова Вера Викторовна', user: 7103 },
    { name: 'Громова Галина Геннадьевна', user: 7104 },
  ],
  'Школа Б': [
    { name: 'Дмитриева Дарья Денисовна', user: 7201 },
    { name: 'Егорова Елена Евгеньевна', user: 7202 },
  ],
  'Школа В': [{ name: 'Жукова Жанна Жоресовна', user: 7301 }],
} as const;

export const COORD = 7001;
export const CURATOR = 7002;
export const HEAD_A = 7011;
export const HEAD_B = 7012;

/**
 * The scale answers of each round, teacher by teacher in the order above;
 * format: А's second teacher answered «Онлайн» in round 2, and the first two
 * of А in round 3. Means of А: 12/4 = 3.0, 14/4 = 3.5, 17/4 = 4.25.
 */
export const SURE = [
  [3, 3, 3, 3, 4, 5, 2],
  [4, 3, 4, 3, 4, 4, 3],
  [4, 5, 4, 4, 5, 5, 3],
];
const ONLINE = [new Set<number>(), new Set([1]), new Set([0, 1])];

export const OPENS = ['2026-03-02T06:00:00Z', '2026-09-01T06:00:00Z', '2026-11-20T06:00:00Z'].map((d) => new Date(d));
export const CLOSES = ['2026-03-16T06:00:00Z', '2026-09-15T06:00:00Z', '2026-12-10T06:00:00Z'].map((d) => new Date(d));

export interface OverTime extends Seeded {
  rounds: number[];
  teacherIds: number[];
}

/**
 * Seeds the municipality and three rounds. Rounds 1 and 2 are answered by
 * everyone; of round 3, everyone but the teachers in `answerInChat` (who
 * answer it themselves).
 */
export function seedOverTime(db: Db, platform: PlatformName, answerInChat: readonly number[] = []): OverTime {
  const seeded = seedMunicipality(db, {
    platform,
    schools: ['Школа А', 'Школа Б', 'Школа В'].map((short) => ({ short, statuses: ['low_results' as const] })),
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Куратова Кира Игоревна', role: 'curator', user: CURATOR },
      { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'Школа А', user: HEAD_A },
      { name: 'Завучева Зоя Петровна', role: 'school_admin', school: 'Школа Б', user: HEAD_B },
      ...Object.entries(TEACHERS).flatMap(([school, list]) => list.map((t) => ({ name: t.name, role: 'teacher' as const, school, user: t.user }))),
    ],
  });
  const teachers = Object.entries(TEACHERS).flatMap(([school, list]) => list.map((t) => ({ ...t, school })));
  const teacherIds = teachers.map((t) => seeded.personIds.get(t.name)!);
  const survey = confidenceSurvey();
  const rounds = db.transaction((tx) => {
    const { id: surveyId } = createSurvey(tx, { municipalityId: seeded.municipalityId, key: survey.key, title: survey.title, definition: { ...survey } });
    let previous: number | null = null;
    const ids: number[] = [];
    for (const [r, opensAt] of OPENS.entries()) {
      const round = createRound(tx, { surveyId, municipalityId: seeded.municipalityId, audience: { roles: ['teacher'] }, opensAt, closesAt: CLOSES[r]!, previousRoundId: previous });
      ids.push(round.id);
      previous = round.id;
      addRecipients(
        tx,
        teachers.map((t, i) => ({ roundId: round.id, personId: teacherIds[i]!, schoolId: seeded.schoolIds.get(t.school)! })),
      );
      teachers.forEach((t, i) => {
        if (r === 2 && answerInChat.includes(t.user)) return;
        const personId = teacherIds[i]!;
        const at = new Date(opensAt.getTime() + 3600_000);
        const answers = { sure: SURE[r]![i]!, format: ONLINE[r]!.has(i) ? 'online' : 'offline' };
        saveResponse(tx, { roundId: round.id, unitKey: `person:${personId}`, personId, schoolId: seeded.schoolIds.get(t.school)!, answers, submittedAt: at });
        markAnswered(tx, round.id, { personId }, at);
      });
    }
    return ids;
  });
  return { ...seeded, rounds, teacherIds };
}
