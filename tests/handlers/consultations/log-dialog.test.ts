// A tutor's /log as it goes wrong in the first week: a surname that is not
// among her teachers (the rest of the line is kept, she only picks who), a
// second /log while the first waits for «Сохранить» (she says which to
// keep), and /mylog counting minutes rather than rounded hours.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAssignment } from '../../../db/repos/assignments.js';
import { addConsultation } from '../../../db/repos/consultations.js';
import { duration } from '../../../handlers/consultations/report.js';
import type { Translate } from '../../../handlers/core/i18n.js';
import { buttonData, command, from, makeCore, press, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const TUTOR = 10;

let t: TestCore;
let ids: { municipality: number; tutor: number; ivanova: number; petrov: number; school: number };

beforeEach(() => {
  t = makeCore();
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Тьюторова Татьяна Ильинична', role: 'tutor', user: TUTOR },
      { name: 'Иванова Мария Петровна', role: 'teacher', school: 'Школа А', user: 1 },
      { name: 'Петров Пётр Павлович', role: 'teacher', school: 'Школа А', user: 2 },
    ],
  });
  const p = (name: string) => seeded.personIds.get(name) ?? 0;
  ids = { municipality: seeded.municipalityId, tutor: p('Тьюторова Татьяна Ильинична'), ivanova: p('Иванова Мария Петровна'), petrov: p('Петров Пётр Павлович'), school: seeded.schoolIds.get('Школа А') ?? 0 };
  for (const teacherId of [ids.ivanova, ids.petrov]) {
    createAssignment(t.db, { kind: 'tutor_teacher', municipalityId: ids.municipality, helperId: ids.tutor, teacherId, subject: 'math', startsOn: '2026-09-01' });
  }
});

const say = async (event: Parameters<typeof from>[1]) => (await t.core.handle(from(String(TUTOR), event))).replies;
const words = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');

describe('/log with a name not among hers', () => {
  it('says so, keeps minutes, format and topic, and asks only whom', async () => {
    const replies = await say(command('log', 'Смирнова 45 мин онлайн: разбор ВПР'));
    expect(replies[0]?.text).toBe('Среди ваших школ и педагогов не нашёл «Смирнова». Остальное запомнил (45 мин, онлайн, «разбор ВПР») — осталось выбрать, с кем была консультация.');
    expect(replies[1]?.text).toBe('С кем была консультация?');
    const confirm = await say(press(buttonData(replies, /^Иванова Мария Петровна/)));
    expect(words(confirm)).toContain('Длительность: 45 мин');
    expect(words(confirm)).toContain('Формат: онлайн');
    expect(words(confirm)).toContain('Тема: разбор ВПР');
    expect(words(confirm)).toContain('Сохранить?');
  });
});

describe('a second /log while one waits for «Сохранить»', () => {
  async function waiting() {
    const confirm = await say(command('log', 'Иванова 45 мин онлайн: разбор ВПР'));
    expect(words(confirm)).toContain('Сохранить?');
    return say(command('log', 'Петров 30 мин по телефону: олимпиада'));
  }

  it('asks which to keep, and keeps the waiting one', async () => {
    const which = await waiting();
    expect(words(which)).toContain('Одна запись уже ждёт сохранения:');
    expect(words(which)).toContain('Тема: разбор ВПР');
    expect(words(which)).toContain('Тема: олимпиада');
    const confirm = await say(press(buttonData(which, 'Ту, что ждёт')));
    expect(confirm.at(-1)?.text).toContain('Тема: разбор ВПР');
    expect(confirm.at(-1)?.text).toContain('Сохранить?');
  });

  it('a bare /log asks too, and the new one starts from the beginning', async () => {
    await say(command('log', 'Иванова 45 мин онлайн: разбор ВПР'));
    const which = await say(command('log'));
    expect(words(which)).toContain('Начнём с начала: с кем, когда, сколько.');
    expect((await say(press(buttonData(which, 'Новую')))).at(-1)?.text).toBe('С кем была консультация?');
  });

  it('or takes the new one', async () => {
    const which = await waiting();
    const confirm = await say(press(buttonData(which, 'Новую')));
    expect(confirm.at(-1)?.text).toContain('Петров Пётр Павлович');
    expect(confirm.at(-1)?.text).toContain('Тема: олимпиада');
    const saved = await say(press(buttonData(confirm, 'Сохранить')));
    expect(words(saved)).toContain('Записал.');
  });
});

describe('/mylog in minutes', () => {
  it('shows «3 ч 20 мин» for a month under ten hours', async () => {
    const entry = (counterpartId: number, minutes: number) =>
      addConsultation(t.db, { municipalityId: ids.municipality, authorId: ids.tutor, counterpartId, schoolId: ids.school, date: '2026-11-20', minutes, format: 'online', topic: 'ВПР' }, t.clock.now());
    entry(ids.ivanova, 90);
    entry(ids.ivanova, 65);
    entry(ids.petrov, 45);
    const text = words(await say(command('mylog')));
    expect(text).toContain('Консультации в этом месяце: 3, время: 3 ч 20 мин.');
    expect(text).toContain(': 2 встречи, 2 ч 35 мин');
    expect(text).toContain(': 1 встреча, 45 мин');
  });

  it('picks the natural unit', () => {
    const t2: Translate = (key, args) => t.deps.i18n.t('ru', key, args);
    expect([45, 60, 200, 599, 600, 750].map((m) => duration(t2, m))).toEqual(['45 мин', '1 ч', '3 ч 20 мин', '9 ч 59 мин', '10 ч', '12,5 ч']);
  });
});

describe('an entry past its edit window', () => {
  it('says how many days an entry stays open when its old «Исправить» button is pressed', async () => {
    const entry = addConsultation(t.db, { municipalityId: ids.municipality, authorId: ids.tutor, counterpartId: ids.ivanova, schoolId: ids.school, date: '2026-11-01', minutes: 45, format: 'online', topic: 'ВПР' }, new Date('2026-11-01T10:00:00Z'));
    expect(words(await say(press(`cned:${entry.id}`)))).toMatch(/Запись старше 7 дней — исправить её может координатор/);
  });
});
