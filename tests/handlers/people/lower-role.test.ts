// A coordinator opening a teacher invite (most likely the one they made for
// a colleague) is asked first; only «Да, добавить роль» adds the role, and
// «Нет» leaves the person and the invite as they were. An invite of a higher
// role is not asked about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvite, getInvite, type Invite } from '../../../db/repos/invites.js';
import { getPerson } from '../../../db/repos/people.js';
import { buttonData, command, from, makeCore, press, type TestCore } from '../../helpers/core.js';
import { seedMunicipality, type Seeded } from '../../helpers/seed.js';

let t: TestCore;
let seeded: Seeded;
const COORD = '801';
const TEACHER = '802';

function invite(role: 'teacher' | 'coordinator'): Invite {
  return createInvite(t.db, {
    role,
    municipalityId: seeded.municipalityId,
    schoolId: role === 'teacher' ? seeded.schoolIds.get('Школа 1')! : null,
    maxUses: 5,
    expiresAt: new Date('2026-12-31T00:00:00Z'),
  });
}

const rolesOf = (name: string) => getPerson(t.db, seeded.personIds.get(name)!)!.roles.map((r) => r.role).sort();

beforeAll(() => {
  t = makeCore();
  seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
    people: [
      { name: 'Соколова Ирина Павловна', role: 'coordinator', user: Number(COORD) },
      { name: 'Миронова Светлана Юрьевна', role: 'teacher', school: 'Школа 1', subjects: ['math'], user: Number(TEACHER) },
    ],
  });
});
afterAll(() => t.close());

describe('an invite of a lower role', () => {
  it('warns a coordinator and, on «Нет», changes nothing and uses nothing up', async () => {
    const code = invite('teacher');
    const asked = await t.core.handle(from(COORD, command('start', code.code)));
    expect(asked.replies[0]?.text).toBe(
      'Вы уже в «Опоре» как координатор. Это приглашение добавит вам ещё роль «педагог» (Школа 1) — обычно такие приглашения пересылают коллегам. Добавить эту роль вам?',
    );
    const no = await t.core.handle(from(COORD, press(buttonData(asked.replies, 'Нет, оставить как есть'))));
    expect(no.replies.at(-1)?.text).toBe('Хорошо, оставил всё как есть. Приглашение не потрачено — его можно переслать коллеге.');
    expect(rolesOf('Соколова Ирина Павловна')).toEqual(['coordinator']);
    expect(getInvite(t.db, code.id)?.uses).toBe(0);
  });

  it('adds the role only after «Да, добавить роль» and the consent', async () => {
    const code = invite('teacher');
    const asked = await t.core.handle(from(COORD, command('start', code.code)));
    const yes = await t.core.handle(from(COORD, press(buttonData(asked.replies, 'Да, добавить роль'))));
    expect(yes.replies.at(-1)?.text).toMatch(/^Вам предлагают новую роль: педагог \(Школа 1\)/);
    expect(rolesOf('Соколова Ирина Павловна')).toEqual(['coordinator']);
    let replies = (await t.core.handle(from(COORD, press(buttonData(yes.replies, 'Согласен(на)'))))).replies;
    // A coordinator has no subjects yet: a teacher needs at least one.
    if (replies.at(-1)?.text.startsWith('Какие предметы')) {
      const picked = await t.core.handle(from(COORD, press(buttonData(replies, /математика/))));
      replies = (await t.core.handle(from(COORD, press(buttonData(picked.replies, 'Готово'))))).replies;
    }
    expect(replies.at(-1)?.text).toMatch(/^Готово, вы присоединились к «Опоре» как педагог\./);
    expect(rolesOf('Соколова Ирина Павловна')).toEqual(['coordinator', 'teacher']);
  });

  it('does not ask about a higher role', async () => {
    const asked = await t.core.handle(from(TEACHER, command('start', invite('coordinator').code)));
    expect(asked.replies[0]?.text).toMatch(/^Вам предлагают новую роль: координатор/);
    expect(asked.replies[0]?.text).not.toContain('Добавить эту роль вам?');
  });
});
