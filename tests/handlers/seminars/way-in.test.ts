// Seminars for people who missed the announcement: /seminars shows a teacher
// the upcoming ones she is invited to, with the RSVP buttons, while the
// coordinator keeps her list; /here with the right code before check-in
// opens says when it opens instead of «Код не подошёл».
import { beforeEach, describe, expect, it } from 'vitest';
import { createSeminar } from '../../../db/repos/seminars.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const TEACHER_A = 1;
const TEACHER_B = 2;
const ADMIN_A = 3;

let t: TestCore;

beforeEach(() => {
  t = makeCore(); // 23.11.2026 09:00 in Moscow
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [
      { short: 'Школа А', statuses: ['low_results'] },
      { short: 'Школа Б', statuses: ['leader'] },
    ],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: TEACHER_A },
      { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа Б', user: TEACHER_B },
      { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'Школа А', user: ADMIN_A },
    ],
  });
  createSeminar(t.db, {
    municipalityId: seeded.municipalityId,
    title: 'Формирующее оценивание',
    startsAt: new Date('2026-11-25T12:00:00Z'), // 15:00 in Moscow
    format: 'online',
    place: 'https://meet.example.org/room-7',
    audience: { schoolIds: [seeded.schoolIds.get('Школа А') ?? 0] },
    attendanceCode: 'KX7P2Q',
  });
});

const say = async (user: number, event: Parameters<typeof from>[1]) => (await t.core.handle(from(String(user), event))).replies;
const words = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');

describe('/seminars for those invited', () => {
  it('shows a teacher the seminar she is invited to, and her answer sticks', async () => {
    const replies = await say(TEACHER_A, command('seminars'));
    expect(words(replies)).toContain('Впереди 1 семинар, куда вас пригласили:');
    expect(words(replies)).toContain('📅 Формирующее оценивание');
    expect(words(replies)).toContain('25 ноября 2026, 15:00');
    const answered = await say(TEACHER_A, press(buttonData(replies, 'Приду')));
    expect(words(answered)).toContain('Вы записаны');
    expect(words(await say(TEACHER_A, command('seminars')))).toContain('✅ Вы записаны');
  });

  it('a school admin sees it too; a teacher of another school is told there is none', async () => {
    expect(words(await say(ADMIN_A, command('seminars')))).toContain('Формирующее оценивание');
    expect(words(await say(TEACHER_B, command('seminars')))).toBe('Впереди нет семинаров, куда вас пригласили. Предложить тему — /topic.');
  });

  it('the coordinator keeps her list of seminars', async () => {
    const replies = await say(COORD, command('seminars'));
    expect(words(replies)).toBe('Семинары — ближайшие и недавние:');
    expect(() => buttonData(replies, /Формирующее оценивание/)).not.toThrow();
  });
});

describe('/here before check-in opens', () => {
  it('says when check-in opens, in local time, and takes the code once it is open', async () => {
    expect(words(await say(TEACHER_A, command('here', 'KX7P2Q')))).toBe(
      'Код верный, но отметка на семинаре «Формирующее оценивание» откроется 25 ноября 2026, 14:00 (по местному времени) — за час до начала. Пришлите код ещё раз, когда придёте.',
    );
    t.clock.set('2026-11-25T11:30:00Z');
    expect(words(await say(TEACHER_A, text('KX7P2Q')))).toBe('Спасибо! Отметил, что вы были на семинаре «Формирующее оценивание».');
  });

  it('for someone not invited the early code is still a code that did not work', async () => {
    expect(words(await say(TEACHER_B, command('here', 'KX7P2Q')))).toMatch(/^Код не подошёл/);
  });
});
