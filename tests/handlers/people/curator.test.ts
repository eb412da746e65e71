// A curator of the regional institute reads the reports of every
// municipality in their region — consultations, the road map, surveys —
// each under its name, without the coordinator's buttons, and nothing of
// another region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRound, createSurvey } from '../../../db/repos/surveys.js';
import { accounts, municipalities, people, personRoles } from '../../../db/schema.js';
import { command, from, makeCore, press, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';
import { sampleSurvey } from '../surveys/sample-survey.js';

let t: TestCore;
const CURATOR = '501';
const OTHER_CURATOR = '502';
const ids = { north: 0, south: 0 };

beforeAll(() => {
  t = makeCore();
  const north = seedMunicipality(t.db, { name: 'Северный район', platform: 'telegram', schools: [{ short: 'Школа 1', statuses: ['low_results'] }], people: [] });
  const region = t.db.select().from(municipalities).all()[0]!.regionId;
  const south = t.db.insert(municipalities).values({ regionId: region, name: 'Южный район', timezone: 'Europe/Moscow' }).returning().get();
  const far = seedMunicipality(t.db, { name: 'Дальний район', platform: 'telegram', schools: [], people: [] });
  const farRegion = t.db.select().from(municipalities).all().find((m) => m.id === far.municipalityId)!.regionId;
  ids.north = north.municipalityId;
  ids.south = south.id;
  for (const [user, regionId, name] of [[CURATOR, region, 'Куратова Кира Ивановна'], [OTHER_CURATOR, farRegion, 'Дальняя Дина Петровна']] as const) {
    const person = t.db.insert(people).values({ municipalityId: null, fullName: name, consentAt: new Date(0) }).returning().get();
    t.db.insert(personRoles).values({ personId: person.id, role: 'curator', municipalityId: null, regionId }).run();
    t.db.insert(accounts).values({ platform: 'telegram', externalId: user, chatId: user, personId: person.id, lastSeenAt: new Date('2026-11-01T00:00:00Z') }).run();
  }
  const definition = sampleSurvey();
  const survey = createSurvey(t.db, { municipalityId: ids.south, key: definition.key, title: definition.title, definition: definition as never });
  createRound(t.db, { surveyId: survey.id, municipalityId: ids.south, audience: {}, opensAt: new Date('2026-11-20T00:00:00Z'), closesAt: new Date('2026-12-20T00:00:00Z') });
});
afterAll(() => t.close());

const texts = (replies: { text: string }[]) => replies.map((r) => r.text);
const labels = (replies: { buttons?: { label: string }[][] }[]) => replies.flatMap((r) => (r.buttons ?? []).flat().map((b) => b.label));

describe('a curator', () => {
  it('reads the consultations of every municipality in the region, without the reminders', async () => {
    const result = await t.core.handle(from(CURATOR, command('consultations')));
    expect(texts(result.replies).map((x) => x.split('\n')[0])).toEqual(['🏛 Северный район', '🏛 Южный район']);
    expect(labels(result.replies).some((l) => l.startsWith('🔔'))).toBe(false);
    const year = await t.core.handle(from(CURATOR, press(`cnr:year:${ids.south}`)));
    expect(year.replies[0]?.text).toMatch(/^🏛 Южный район\nКонсультации с/);
    const file = await t.core.handle(from(CURATOR, press(`cnx:month:${ids.north}`)));
    expect(file.replies[0]?.file?.name).toMatch(/\.xlsx$/);
  });

  it('reads the road maps without the import button, and the surveys of the region', async () => {
    const roadmap = await t.core.handle(from(CURATOR, command('roadmap')));
    expect(texts(roadmap.replies)).toEqual(['🏛 Северный район\nДорожная карта ещё не загружена.', '🏛 Южный район\nДорожная карта ещё не загружена.']);
    expect(labels(roadmap.replies)).not.toContain('Загрузить дорожную карту');
    const surveys = await t.core.handle(from(CURATOR, command('surveys')));
    expect(surveys.replies[0]?.text).toMatch(/^🏛 Южный район\nЗапущенные опросы/);
  });

  it('reads nothing of another region', async () => {
    for (const data of [`cnr:month:${ids.south}`, `cnx:month:${ids.north}`, `rmx:${ids.north}`]) {
      const refused = await t.core.handle(from(OTHER_CURATOR, press(data)));
      expect([refused.notice ?? '', ...texts(refused.replies)].join(' ')).toMatch(/недоступно/);
    }
  });
});
