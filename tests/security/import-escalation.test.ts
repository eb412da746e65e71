// Threat: a coordinator raises her own (or anyone's) role through /import.
// A people file may only invite what its importer may invite; a registered
// person given a new role by a file gets an offer that only they can accept,
// after reading the consent again; and municipalities made from the admin
// command line without a region do not share one.
import { beforeEach, describe, expect, it } from 'vitest';
import { ensureMunicipality } from '../../db/repos/org.js';
import { getPerson } from '../../db/repos/people.js';
import { outbox, payloadText } from '../../db/schema.js';
import type { IncomingEvent } from '../../handlers/core/contract.js';
import { mayRead } from '../../handlers/core/access.js';
import { buttonData, command, from, makeCore, press, type TestCore } from '../helpers/core.js';
import { seedMunicipality, type Seeded } from '../helpers/seed.js';

const COORDINATOR = '201';
const TEACHER = '202';
const STRANGER = '299';

let t: TestCore;
let a: Seeded;
let b: Seeded;

function csvFile(name: string, body: string): IncomingEvent {
  const data = Buffer.from(body, 'utf8');
  return { kind: 'file', file: { name, size: data.length, fetch: async () => data } };
}

async function say(user: string, event: IncomingEvent) {
  const result = await t.core.handle(from(user, event));
  return { ...result, said: [result.notice ?? '', ...result.replies.map((r) => r.text)].join('\n') };
}

async function importPeople(user: string, rows: string[]) {
  await say(user, command('import'));
  const preview = await say(user, csvFile('люди.csv', ['ФИО;Роль;Школа', ...rows].join('\n')));
  if (!preview.replies.some((r) => r.buttons)) return { preview, done: undefined };
  const done = await say(user, press(buttonData(preview.replies, 'Импортировать')));
  return { preview, done };
}

const person = (s: Seeded, name: string) => getPerson(t.db, s.personIds.get(name) ?? 0);

beforeEach(() => {
  t = makeCore();
  a = seedMunicipality(t.db, {
    platform: 'telegram',
    name: 'Район А',
    schools: [{ short: 'А1', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Анна Ивановна', role: 'coordinator', user: Number(COORDINATOR) },
      { name: 'Учителева Ульяна Ивановна', role: 'teacher', school: 'А1', subjects: ['math'], user: Number(TEACHER) },
    ],
  });
  b = seedMunicipality(t.db, { platform: 'telegram', name: 'Район Б', schools: [], people: [{ name: 'Чужова Чара Ивановна', role: 'coordinator' }] });
});

describe('role escalation through /import', () => {
  it('refuses a row that names the coordinator herself as a curator, and grants nothing', async () => {
    const { preview } = await importPeople(COORDINATOR, ['Координатова Анна Ивановна;куратор;']);
    expect(preview.said).toMatch(/кураторов приглашает оператор/);
    const me = person(a, 'Координатова Анна Ивановна');
    expect(me?.roles.map((r) => r.role)).toEqual(['coordinator']);
    const regionOfB = t.db.$client.prepare('select region_id as id from municipalities where id = ?').get(b.municipalityId) as { id: number };
    expect(mayRead(me, { id: b.municipalityId, regionId: regionOfB.id })).toBe(false);
  });

  it('refuses a curator row for anyone else too, whatever the spelling of the role', async () => {
    const { preview } = await importPeople(COORDINATOR, ['Петрова Мария Ивановна;Куратор региона;', 'Сидорова Ольга Петровна;CURATOR;']);
    expect(preview.said.match(/кураторов приглашает оператор/g)).toHaveLength(2);
    expect(t.db.$client.prepare("select count(*) as n from person_roles where role = 'curator'").get()).toEqual({ n: 0 });
  });

  it('does not silently give a registered teacher a new role: she is offered it and must accept', async () => {
    const { done } = await importPeople(COORDINATOR, ['Учителева Ульяна Ивановна;координатор;А1']);
    expect(done?.said).toMatch(/Импорт завершён/);
    expect(person(a, 'Учителева Ульяна Ивановна')?.roles.map((r) => r.role)).toEqual(['teacher']);

    const offer = t.db.select().from(outbox).all().find((row) => /предлагает вам роль/.test(payloadText(row.payload)));
    expect(offer?.chatId).toBe(TEACHER);
    const code = /\/start ([A-Z0-9]{8})/.exec(payloadText(offer?.payload ?? { text: '' }))?.[1] ?? '';
    expect(code).toHaveLength(8);

    // Somebody else who learnt the code cannot take the role, nor the teacher's identity.
    const stolen = await say(STRANGER, command('start', code));
    expect(stolen.said).toMatch(/адресовано другому человеку/);
    expect(t.db.$client.prepare('select person_id as p from accounts where external_id = ?').get(STRANGER)).toEqual({ p: null });

    // The teacher sees the consent again, with the role named; declining keeps her as she was.
    const shown = await say(TEACHER, command('start', code));
    expect(shown.said).toMatch(/Вам предлагают новую роль: координатор/);
    expect(shown.said).toMatch(/152-ФЗ/);
    await say(TEACHER, press(buttonData(shown.replies, 'Не согласен(на)')));
    expect(person(a, 'Учителева Ульяна Ивановна')?.roles.map((r) => r.role)).toEqual(['teacher']);

    const again = await say(TEACHER, command('start', code));
    await say(TEACHER, press(buttonData(again.replies, 'Согласен(на)')));
    expect(person(a, 'Учителева Ульяна Ивановна')?.roles.map((r) => r.role).sort()).toEqual(['coordinator', 'teacher']);
  });

  it('a coordinator invite typed by a registered person also asks first', async () => {
    const invite = t.db.$client.prepare("insert into invites (code, role, municipality_id, max_uses, expires_at) values ('QWERTY23', 'coordinator', ?, 5, ?)").run(a.municipalityId, Date.parse('2027-01-01'));
    expect(invite.changes).toBe(1);
    const shown = await say(TEACHER, command('start', 'QWERTY23'));
    expect(shown.said).toMatch(/Вам предлагают новую роль/);
    expect(person(a, 'Учителева Ульяна Ивановна')?.roles.map((r) => r.role)).toEqual(['teacher']);
  });
});

describe('regions of municipalities made from the command line', () => {
  it('gives each municipality created without a region a region of its own', () => {
    const one = ensureMunicipality(t.db, { name: 'Северный район', timezone: 'Europe/Moscow' });
    const two = ensureMunicipality(t.db, { name: 'Южный район', timezone: 'Europe/Moscow' });
    expect(one.regionId).not.toBe(two.regionId);
    const three = ensureMunicipality(t.db, { name: 'Западный район', region: 'Нижегородская область', timezone: 'Europe/Moscow' });
    const four = ensureMunicipality(t.db, { name: 'Восточный район', region: 'Нижегородская область', timezone: 'Europe/Moscow' });
    expect(three.regionId).toBe(four.regionId);
  });
});
