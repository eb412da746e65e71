// A teacher answering a survey: /surveys lists the open rounds addressed to
// her with a button to answer, a scale's ends carry the words the survey
// gives them, and after «Готово» on a multiple-choice question the message
// shows what was chosen.
import { beforeEach, describe, expect, it } from 'vitest';
import { createSurvey } from '../../../db/repos/surveys.js';
import { launchRound } from '../../../handlers/surveys/launch.js';
import { parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import { buttonData, command, from, makeCore, press, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const TEACHER = 1;
const ADMIN = 2;

let t: TestCore;

function definition() {
  const parsed = parseSurveyDefinition({
    key: 'confidence',
    title: 'Уверенность в новых ФГОС',
    anonymous: false,
    level: 'person',
    questions: [
      { id: 'sure', type: 'scale', text: 'Насколько вы уверены в работе по новым ФГОС?', min: 1, max: 5, minLabel: 'совсем неуверенно', maxLabel: 'уверенно, могу научить и своих коллег' },
      {
        id: 'need',
        type: 'multiple',
        text: 'Что поможет больше всего?',
        options: [
          { value: 'course', label: 'Курсы' },
          { value: 'mentor', label: 'Наставник' },
          { value: 'lessons', label: 'Открытые уроки' },
        ],
      },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

beforeEach(() => {
  t = makeCore();
  const { municipalityId } = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: TEACHER },
      { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'Школа А', user: ADMIN },
    ],
  });
  const survey = definition();
  const { id } = createSurvey(t.db, { municipalityId, key: survey.key, title: survey.title, definition: { ...survey } });
  const now = t.clock.now();
  t.db.transaction((tx) =>
    launchRound(tx, t.deps, { municipalityId, survey: { id }, audience: { roles: ['teacher'] }, opensAt: now, closesAt: new Date('2026-11-30T18:00:00Z'), createdBy: null }),
  );
});

const say = async (user: number, event: Parameters<typeof from>[1]) => (await t.core.handle(from(String(user), event))).replies;
const labels = (replies: { buttons?: { label: string }[][] }[]) => replies.flatMap((r) => (r.buttons ?? []).map((row) => row.map((b) => b.label)));

describe('a teacher and her survey', () => {
  it('/surveys lists the open round with its deadline and a button to answer', async () => {
    const replies = await say(TEACHER, command('surveys'));
    expect(replies[0]?.text).toBe('Опросы для вас:\n• «Уверенность в новых ФГОС» — ждём ответа до 30.11.2026');
    expect(labels(replies)).toEqual([['Ответить: Уверенность в новых ФГОС']]);
    // The school's administration is not asked this survey: it gets no «Ответить», only its own school's results.
    const admin = await say(ADMIN, command('surveys'));
    expect(admin.some((r) => r.text.startsWith('Опросы для вас'))).toBe(false);
    expect(labels(admin)).toContainEqual(['Уверенность в новых ФГОС · 23.11.2026']);
  });

  it('scale ends carry their words, within the button limit, and «Готово» echoes the choice', async () => {
    const first = await say(TEACHER, press(buttonData(await say(TEACHER, command('surveys')), /^Ответить/)));
    expect(labels(first)).toEqual([['1 — совсем неуверенно'], ['2', '3', '4'], ['5 — уверенно, могу научить и своих колл…']]);
    expect(labels(first).flat().every((l) => l.length <= 40)).toBe(true);

    const multiple = await say(TEACHER, press(buttonData(first, '4')));
    const ticked = await say(TEACHER, press(buttonData(multiple, 'Курсы')));
    const twice = await say(TEACHER, press(buttonData(ticked, 'Открытые уроки')));
    expect(twice[0]?.text).toContain('Выбрано: Курсы, Открытые уроки');
    const done = await say(TEACHER, press(buttonData(twice, 'Готово')));
    expect(done[0]?.text).toContain('Выбрано: Курсы, Открытые уроки\n\n✓ Готово');
    expect(done.at(-1)?.text).toContain('→ Курсы, Открытые уроки');
  });
});
