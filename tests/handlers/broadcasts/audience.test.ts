// The audiences that become a list of people never become an empty list,
// which the core would read as everyone: a survey everybody has answered, a
// seminar nobody checked in at, and a list of names that matches nobody are
// each said plainly and asked again.
import { describe, expect, it } from 'vitest';
import { createSeminar } from '../../../db/repos/seminars.js';
import { addRecipients, createRound, createSurvey, markAnswered } from '../../../db/repos/surveys.js';
import { templateByKey } from '../../../handlers/surveys/templates.js';
import { buttonData, command, from, makeCore, press, text } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;

function setup() {
  const t = makeCore();
  t.clock.set('2026-11-23T03:00:00Z');
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    timezone: 'Asia/Yakutsk',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Петрова Алла Ивановна', role: 'teacher', school: 'Школа А', user: 1 },
      { name: 'Петрова Нина Ивановна', role: 'teacher', school: 'Школа А', user: 2 },
    ],
  });
  const survey = createSurvey(t.db, { municipalityId: seeded.municipalityId, key: 'term-report', title: 'Итоги', definition: { ...templateByKey('term-report')! } });
  const round = createRound(t.db, { surveyId: survey.id, municipalityId: seeded.municipalityId, audience: {}, opensAt: new Date('2026-11-20T00:00:00Z'), closesAt: new Date('2026-12-31T00:00:00Z') });
  const alla = seeded.personIds.get('Петрова Алла Ивановна')!;
  addRecipients(t.db, [{ roundId: round.id, personId: alla }]);
  markAnswered(t.db, round.id, { personId: alla }, new Date('2026-11-21T00:00:00Z'));
  createSeminar(t.db, { municipalityId: seeded.municipalityId, title: 'Разбор ВПР', startsAt: new Date('2026-11-20T03:00:00Z'), format: 'online', place: 'https://example.org', audience: {}, attendanceCode: 'ABCDEF' });
  const say = async (event: Parameters<typeof from>[1]) => {
    const result = await t.core.handle(from(String(COORD), event));
    return { result, all: result.replies.map((r) => r.text).join('\n') };
  };
  return { say };
}

async function choose(say: ReturnType<typeof setup>['say'], label: string) {
  await say(command('broadcast'));
  const audience = await say(text('Объявление для проверки.'));
  return say(press(buttonData(audience.result.replies, label)));
}

describe('audiences made of people', () => {
  it('a survey everybody answered has nobody to write to', async () => {
    const { say } = setup();
    const rounds = await choose(say, 'Кто не ответил на опрос');
    expect((await say(press(buttonData(rounds.result.replies, /^Итоги, до 31\.12\.2026$/)))).all).toContain('На этот опрос уже ответили все — писать некому.');
  });

  it('a seminar nobody checked in at has nobody to write to', async () => {
    const { say } = setup();
    const seminars = await choose(say, 'Кто был на семинаре');
    expect((await say(press(buttonData(seminars.result.replies, /^Разбор ВПР/)))).all).toContain('На этом семинаре никто не отметился — писать некому.');
  });

  it('a list that names only several people at once asks again and says why', async () => {
    const { say } = setup();
    await choose(say, 'Список по фамилиям');
    const again = await say(text('Петрова'));
    expect(again.all).toContain('Никого из списка не нашлось');
    expect(again.all).toContain('Подходят несколько человек: Петрова.');
    const preview = await say(text('Петрова Нина'));
    expect(preview.all).toContain('Получат: 1');
  });
});
