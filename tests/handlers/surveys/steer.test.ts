// Steering a running round, as a coordinator and a school head meet it in
// chat: the «Кто не ответил» list by name with a reminder button per person
// (paged), the cap on reminders by hand, closing early (confirmation, the
// notice to the missing, answers refused, no reminder after) and extending
// (bad dates refused, the notice, one more reminder the day before the new
// close), and a school admin who sees and reminds only their own school.
import { beforeEach, describe, expect, it } from 'vitest';
import { auditOf } from '../../../db/repos/audit.js';
import { getRound, createSurvey } from '../../../db/repos/surveys.js';
import { accounts, outbox } from '../../../db/schema.js';
import { describeAudit } from '../../../handlers/audit/describe.js';
import { createI18n } from '../../../locales/i18n.js';
import { launchRound } from '../../../handlers/surveys/launch.js';
import { parseSurveyDefinition } from '../../../handlers/surveys/definition.js';
import { templateByKey } from '../../../handlers/surveys/templates.js';
import { surveyRounds } from '../../../scheduler/jobs/surveys.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const CURATOR = 101;
const ADMIN_A = 200;
const ADMIN_B = 201;
const TEACHER_B = 300;
/** Teachers of school A: ten with a messenger, one without. */
const teachersA = ['Алексеева', 'Белова', 'Волкова', 'Галкина', 'Давыдова', 'Егорова', 'Жукова', 'Зайцева', 'Ильина', 'Киселёва'].map((surname, i) => ({
  name: `${surname} Анна Ивановна`,
  user: 400 + i,
}));
const OFFLINE = 'Молчанова Мария Петровна';

let t: TestCore;
let roundId = 0;
let schoolA = 0;
let schoolB = 0;
const ids = new Map<string, number>();

function confidence() {
  const parsed = parseSurveyDefinition({
    key: 'confidence',
    title: 'Уверенность в новых ФГОС',
    anonymous: false,
    level: 'person',
    questions: [{ id: 'sure', type: 'scale', text: 'Насколько вы уверены?', min: 1, max: 5 }],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

beforeEach(() => {
  t = makeCore(); // 2026-11-23 09:00 in Moscow, a Monday
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [
      { short: 'Школа А', statuses: ['low_results'] },
      { short: 'Школа Б', statuses: ['low_results'] },
    ],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Куратова Кира Ивановна', role: 'curator', user: CURATOR },
      { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'Школа А', user: ADMIN_A },
      { name: 'Завучева Зоя Борисовна', role: 'school_admin', school: 'Школа Б', user: ADMIN_B },
      { name: 'Бэшкина Бэлла Борисовна', role: 'teacher', school: 'Школа Б', user: TEACHER_B },
      ...teachersA.map((p) => ({ ...p, role: 'teacher' as const, school: 'Школа А' })),
      { name: OFFLINE, role: 'teacher', school: 'Школа А' },
    ],
  });
  for (const [name, id] of seeded.personIds) ids.set(name, id);
  schoolA = seeded.schoolIds.get('Школа А')!;
  schoolB = seeded.schoolIds.get('Школа Б')!;
  const survey = confidence();
  const { id } = createSurvey(t.db, { municipalityId: seeded.municipalityId, key: survey.key, title: survey.title, definition: { ...survey } });
  roundId = t.db.transaction((tx) =>
    launchRound(tx, t.deps, {
      municipalityId: seeded.municipalityId,
      survey: { id },
      audience: { roles: ['teacher'] },
      opensAt: t.clock.now(),
      closesAt: new Date('2026-11-30T06:00:00Z'), // Monday 30 November, 09:00 in Moscow
      createdBy: null,
    }),
  ).round.id;
});

const handle = (user: number, event: Parameters<typeof from>[1]) => t.core.handle(from(String(user), event));
const say = async (user: number, event: Parameters<typeof from>[1]) => (await handle(user, event)).replies;
const labels = (replies: { buttons?: { label: string }[][] }[]) => replies.flatMap((r) => (r.buttons ?? []).flat().map((b) => b.label));
/** The texts queued for one person, in order, with the dedupe keys that keep them apart. */
function queuedFor(name: string): { key: string; text: string }[] {
  const account = t.db.select().from(accounts).all().find((a) => a.personId === ids.get(name));
  return t.db
    .select()
    .from(outbox)
    .all()
    .filter((row) => row.accountId === account?.id && row.state !== 'failed')
    .map((row) => ({ key: row.dedupeKey, text: (row.payload as { text: string }).text }));
}
const reminders = (name: string) => queuedFor(name).filter((m) => m.text.startsWith('Напоминание: ждём ваших ответов'));

describe('the «Кто не ответил» list, by name', () => {
  it('shows names and schools, a count on «Напомнить всем» and a button per person, eight to a page', async () => {
    const [first] = await say(COORD, press(`svm:${roundId}`));
    expect(first!.text.split('\n')[0]).toBe('Не ответили (12):');
    expect(first!.text).toContain('• Алексеева Анна Ивановна (Школа А)');
    expect(first!.text).toContain('Страница 1 из 2');
    expect(first!.text).not.toContain('Бэшкина'); // Школа Б comes on the second page
    expect(labels([first!])).toEqual([
      'Напомнить всем не ответившим (12)',
      'Напомнить: Алексеева А. И.',
      'Напомнить: Белова А. И.',
      'Напомнить: Волкова А. И.',
      'Напомнить: Галкина А. И.',
      'Напомнить: Давыдова А. И.',
      'Напомнить: Егорова А. И.',
      'Напомнить: Жукова А. И.',
      'Напомнить: Зайцева А. И.',
      'Дальше →',
    ]);
    const [second] = await say(COORD, press(buttonData([first!], 'Дальше →')));
    expect(second!.edit).toBe(true);
    expect(second!.text).toContain('• Бэшкина Бэлла Борисовна (Школа Б)');
    expect(second!.text).toContain(`• ${OFFLINE} (Школа А)`);
    expect(labels([second!])).toContain('← Назад');
    const [back] = await say(COORD, press(buttonData([second!], '← Назад')));
    expect(back!.edit).toBe(true);
    expect(back!.text).toBe(first!.text);
    // A curator reads the list but does not remind.
    const [curator] = await say(CURATOR, press(`svm:${roundId}`));
    expect(curator!.text.split('\n')[0]).toBe('Не ответили (12):');
    expect(curator!.buttons?.flat().filter((b) => b.label.startsWith('Напомнить'))).toEqual([]);
  });

  it('reminds one person at most three times, never twice within 20 hours', async () => {
    const data = buttonData(await say(COORD, press(`svm:${roundId}`)), 'Напомнить: Белова А. И.');
    const name = 'Белова Анна Ивановна';
    expect((await say(COORD, press(data)))[0]!.text).toBe('Белова А. И. — напоминание отправлено. Вручную можно напомнить ещё 2 раза.');
    expect((await say(COORD, press(data)))[0]!.text).toMatch(/^Белова А\. И\.: напоминание уходило меньше 20 ч назад\. Следующее можно после 24\.11 05:00\.$/);
    expect(reminders(name)).toHaveLength(1);
    t.clock.advance(19 * 3_600_000);
    expect((await say(COORD, press(data)))[0]!.text).toMatch(/меньше 20 ч назад/);
    t.clock.advance(5 * 3_600_000); // the next morning: her school's head reminds her this time
    expect((await say(ADMIN_A, press(data)))[0]!.text).toBe('Белова А. И. — напоминание отправлено. Вручную можно напомнить ещё 1 раз.');
    t.clock.advance(24 * 3_600_000);
    expect((await say(COORD, press(data)))[0]!.text).toBe('Белова А. И. — напоминание отправлено. Это было последнее напоминание вручную по этому опросу.');
    t.clock.advance(24 * 3_600_000);
    expect((await say(COORD, press(data)))[0]!.text).toBe('Белова А. И.: уже было 3 напоминания вручную по этому опросу — больше не отправляю.');
    expect(reminders(name)).toHaveLength(3);
    // Only her: nobody else got a reminder by hand.
    expect(reminders('Алексеева Анна Ивановна')).toHaveLength(0);
    const [list] = await say(COORD, press(`svm:${roundId}`));
    expect(list!.text).toContain('• Белова Анна Ивановна (Школа А) — напоминали вручную 3 раза');
  });

  it('«Напомнить всем» says who was left out and why, by name', async () => {
    await say(COORD, press(buttonData(await say(COORD, press(`svm:${roundId}`)), 'Напомнить: Белова А. И.')));
    const [reply] = await say(COORD, press(`svn:${roundId}`));
    expect(reply!.text.split('\n')).toEqual([
      'Напоминание отправлено 10 людям.',
      'Без напоминания 1 человек (Белова А. И.): вручную напоминаем не больше 3 раз за опрос и не чаще раза в 20 ч.',
      'Не получится написать 1 человеку (Молчанова М. П.): нет подключённого мессенджера.',
    ]);
    expect(reminders('Алексеева Анна Ивановна')).toHaveLength(1);
    expect(reminders('Бэшкина Бэлла Борисовна')).toHaveLength(1);
    // Pressed again at once: the cap holds for everyone.
    const [again] = await say(COORD, press(`svn:${roundId}`));
    expect(again!.text.split('\n')[0]).toBe('Напоминаний не отправлено.');
    expect(reminders('Алексеева Анна Ивановна')).toHaveLength(1);
  });

  it('holds a reminder pressed at night until the quiet hours end, and says so', async () => {
    t.clock.set('2026-11-23T20:00:00Z'); // 23:00 in Moscow
    const [reply] = await say(COORD, press(buttonData(await say(COORD, press(`svm:${roundId}`)), 'Напомнить: Алексеева А. И.')));
    expect(reply!.text).toContain('08:00');
    const row = t.db.select().from(outbox).all().find((r) => r.dedupeKey.includes(':manual:1:'));
    expect(row?.nextAttemptAt.toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });
});

describe('a school head and their own school', () => {
  it('sees and reminds only the people of their school', async () => {
    const surveys = await say(ADMIN_A, command('surveys'));
    const data = buttonData(surveys, /^Уверенность в новых ФГОС 0\/11$/);
    const [list] = await say(ADMIN_A, press(data));
    expect(list!.text.split('\n')[0]).toBe('«Уверенность в новых ФГОС», Школа А: не ответили (11):');
    expect(list!.text).not.toContain('Бэшкина');
    expect(list!.text).not.toContain('(Школа А)');
    expect(labels([list!])[0]).toBe('Напомнить всем не ответившим (11)');
    // Another school's list, and a person of another school, are refused.
    const other = await handle(ADMIN_A, press(`svk:${roundId}:${schoolB}:0`));
    expect([other.notice, ...other.replies.map((r) => r.text)].join()).toMatch(/недоступно/);
    const stranger = await handle(ADMIN_A, press(`svp:${roundId}:${ids.get('Бэшкина Бэлла Борисовна')}`));
    expect([stranger.notice, ...stranger.replies.map((r) => r.text)].join()).toMatch(/недоступно/);
    expect(reminders('Бэшкина Бэлла Борисовна')).toHaveLength(0);
    // «Напомнить всем» of the school reaches its ten teachers with a messenger, and nobody at Школа Б.
    const [sent] = await say(ADMIN_A, press(buttonData([list!], 'Напомнить всем не ответившим (11)')));
    expect(sent!.text.split('\n')[0]).toBe('Напоминание отправлено 10 людям.');
    expect(teachersA.every((p) => reminders(p.name).length === 1)).toBe(true);
    expect(reminders('Бэшкина Бэлла Борисовна')).toHaveLength(0);
    // The other school's head sees only her teacher.
    const [b] = await say(ADMIN_B, press(buttonData(await say(ADMIN_B, command('surveys')), /^Уверенность в новых ФГОС 0\/1$/)));
    expect(b!.text).toBe('«Уверенность в новых ФГОС», Школа Б: не ответили (1):\n• Бэшкина Бэлла Борисовна');
  });

  it('gets the escalation with a button to the school list', async () => {
    t.clock.set('2026-11-28T07:00:00Z'); // day 5, 10:00
    await surveyRounds.run(t.deps, t.clock.now());
    const row = t.db
      .select()
      .from(outbox)
      .all()
      .find((r) => r.dedupeKey.includes('escalate-school') && r.dedupeKey.endsWith(`:${ids.get('Директорова Дина Ивановна')}`));
    const buttons = (row?.payload as { buttons?: { label: string; data: string }[][] }).buttons?.flat() ?? [];
    expect(buttons).toEqual([{ kind: 'action', label: 'Кто не ответил в школе', data: `svk:${roundId}:${schoolA}:0` }]);
  });
});

describe('closing a round early', () => {
  it('asks first, closes, tells the missing once, refuses answers and sends no reminder after', async () => {
    const card = await say(COORD, press(`svr:${roundId}`));
    expect(labels(card)).toEqual(expect.arrayContaining(['Напомнить всем не ответившим (12)', 'Продлить', 'Закрыть досрочно']));
    const [ask] = await say(COORD, press(buttonData(card, 'Закрыть досрочно')));
    expect(ask!.text).toBe('Закрыть опрос «Уверенность в новых ФГОС» сейчас? Ответили 0 из 12.\n12 не ответившим придёт короткое сообщение, что опрос закрыт.');
    expect(labels([ask!])).toEqual(['Закрыть сейчас', 'Не закрывать']);
    expect(getRound(t.db, roundId)!.closesAt.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    const [done] = await say(COORD, press(buttonData([ask!], 'Закрыть сейчас')));
    expect(done!.text).toBe('Опрос «Уверенность в новых ФГОС» закрыт. Ответили 0 из 12. Сообщу 11 не ответившим, что отвечать больше не нужно.');
    const round = getRound(t.db, roundId)!;
    expect(round.closedEarlyAt?.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(round.closesAt.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(queuedFor('Алексеева Анна Ивановна').filter((m) => m.text.includes('закрыт досрочно'))).toHaveLength(1);
    // Pressed twice: nothing more.
    expect((await say(COORD, press(buttonData([ask!], 'Закрыть сейчас'))))[0]!.text).toBe('Опрос уже закрыт.');
    expect(queuedFor('Алексеева Анна Ивановна').filter((m) => m.text.includes('закрыт досрочно'))).toHaveLength(1);
    // An answer after the close gets the usual answer; no reminder comes on the reminder day.
    const late = await handle(400, press(`svs:${roundId}`));
    expect([late.notice, ...late.replies.map((r) => r.text)].join()).toMatch(/Опрос уже закрыт/);
    t.clock.set('2026-11-25T07:00:00Z');
    await surveyRounds.run(t.deps, t.clock.now());
    expect(reminders('Алексеева Анна Ивановна')).toHaveLength(0);
    // The card says so and offers only «Продлить»; reminders by hand are refused.
    const after = await say(COORD, press(`svr:${roundId}`));
    expect(after[0]!.text).toContain('Закрыт досрочно 23.11.2026 09:00');
    expect(labels(after)).not.toContain('Закрыть досрочно');
    const nudge = await handle(COORD, press(`svn:${roundId}`));
    expect([nudge.notice, ...nudge.replies.map((r) => r.text)].join()).toMatch(/Опрос уже закрыт — напоминать больше не нужно/);
    const [entry] = auditOf(t.db, round.municipalityId).filter((e) => e.action === 'survey.closed');
    expect(describeAudit((key, args) => createI18n().t('ru', key, args), t.db, entry!)).toContain('опрос «Уверенность в новых ФГОС» закрыт досрочно: ответили 0 из 12');
  });
});

describe('extending a round', () => {
  async function openExtension() {
    const card = await say(COORD, press(`svr:${roundId}`));
    return say(COORD, press(buttonData(card, 'Продлить')));
  }

  it('refuses dates that are not later, then extends to the typed day and tells the missing', async () => {
    const [ask] = await openExtension();
    expect(ask!.text).toBe('До какого дня продлить опрос «Уверенность в новых ФГОС»? Сейчас он открыт до 30.11.2026 09:00. Выберите срок или напишите дату, например 20.12.');
    expect(labels([ask!])).toEqual(['+3 дн. (до 03.12)', '+7 дн. (до 07.12)', '+14 дн. (до 14.12)', 'Не продлевать']);
    expect((await say(COORD, text('на недельку')))[0]!.text).toMatch(/^Напишите дату, например 20\.12/);
    expect((await say(COORD, text('20.11')))[0]!.text).toMatch(/^Эта дата уже прошла/);
    expect((await say(COORD, text('30.11')))[0]!.text).toMatch(/^Новый срок должен быть позже нынешнего \(30\.11\.2026\)/);
    expect((await say(COORD, text('01.09.2027')))[0]!.text).toMatch(/^Так далеко не продлить: не больше чем на 180 дней вперёд/);
    expect(getRound(t.db, roundId)!.closesAt.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    const [done] = await say(COORD, text('05.12'));
    expect(done!.text).toBe('Опрос «Уверенность в новых ФГОС» продлён до 05.12.2026 23:59. Сообщу об этом 11 не ответившим.');
    expect(getRound(t.db, roundId)!.closesAt.toISOString()).toBe('2026-12-05T20:59:00.000Z');
    const notices = queuedFor('Бэшкина Бэлла Борисовна').filter((m) => m.text.includes('продлён'));
    expect(notices.map((m) => m.text)).toEqual(['Опрос «Уверенность в новых ФГОС» продлён до 05.12.2026 — ответить можно здесь.']);
    const row = t.db.select().from(outbox).all().find((r) => r.dedupeKey.startsWith(`round:${roundId}:extended:`));
    expect((row?.payload as { buttons: { label: string; data: string }[][] }).buttons.flat()).toEqual([{ kind: 'action', label: 'Начать', data: `svs:${roundId}` }]);
    const [entry] = auditOf(t.db, getRound(t.db, roundId)!.municipalityId).filter((e) => e.action === 'survey.extended');
    expect(describeAudit((key, args) => createI18n().t('ru', key, args), t.db, entry!)).toContain('продлён до 05.12.2026');
  });

  it('keeps the reminder days and adds one the day before the new close', async () => {
    const [ask] = await openExtension();
    await say(COORD, press(buttonData([ask!], '+7 дн. (до 07.12)')));
    expect(getRound(t.db, roundId)!.closesAt.toISOString()).toBe('2026-12-07T06:00:00.000Z');
    const name = 'Алексеева Анна Ивановна';
    for (const at of ['2026-11-25T07:00:00Z', '2026-11-27T07:00:00Z', '2026-12-01T07:00:00Z', '2026-12-05T07:00:00Z']) await surveyRounds.run(t.deps, new Date(at));
    expect(reminders(name).map((m) => m.key.split(':').slice(2, -1).join(':'))).toEqual(['remind:2', 'remind:4']);
    await surveyRounds.run(t.deps, new Date('2026-12-06T07:00:00Z')); // the day before, 10:00
    await surveyRounds.run(t.deps, new Date('2026-12-06T08:00:00Z'));
    expect(reminders(name).map((m) => m.key.split(':').slice(2, -1).join(':'))).toEqual(['remind:2', 'remind:4', 'remind:close:2026-12-07']);
    await surveyRounds.run(t.deps, new Date('2026-12-08T07:00:00Z'));
    expect(reminders(name)).toHaveLength(3);
  });

  it('reopens a round that has closed: the notice stands for the reminders missed, none comes on its heels', async () => {
    t.clock.set('2026-12-01T07:00:00Z'); // the day after the close, 10:00
    const card = await say(COORD, press(`svr:${roundId}`));
    expect(card[0]!.text).toContain('Закрыт 30.11.2026 09:00');
    expect(labels(card)).not.toContain('Закрыть досрочно');
    const [ask] = await say(COORD, press(buttonData(card, 'Продлить')));
    expect(ask!.text).toContain('Он закрыт 30.11.2026 09:00; продление откроет его снова.');
    await say(COORD, press(buttonData([ask!], '+3 дн. (до 04.12)')));
    expect(getRound(t.db, roundId)!.closesAt.toISOString()).toBe('2026-12-04T07:00:00.000Z');
    const name = 'Алексеева Анна Ивановна';
    expect(queuedFor(name).filter((m) => m.text.includes('продлён до 04.12.2026'))).toHaveLength(1);
    await surveyRounds.run(t.deps, new Date('2026-12-01T07:05:00Z'));
    expect(reminders(name)).toHaveLength(0);
    await surveyRounds.run(t.deps, new Date('2026-12-03T07:00:00Z')); // the day before the new close
    expect(reminders(name).map((m) => m.key.split(':').slice(2, -1).join(':'))).toEqual(['remind:close:2026-12-04']);
  });

  it('says when the notices go if it is done at night', async () => {
    t.clock.set('2026-11-23T19:30:00Z'); // 22:30 in Moscow
    const card = await say(COORD, press(`svr:${roundId}`));
    const [ask] = await say(COORD, press(buttonData(card, 'Закрыть досрочно')));
    const [done] = await say(COORD, press(buttonData([ask!], 'Закрыть сейчас')));
    expect(done!.text.split('\n').at(-1)).toMatch(/08:00/);
    const row = t.db.select().from(outbox).all().find((r) => r.dedupeKey.startsWith(`round:${roundId}:closed:`));
    expect(row?.nextAttemptAt.toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });

  it('lets «Не продлевать» leave the round as it was, and refuses anyone but a coordinator', async () => {
    const [ask] = await openExtension();
    expect((await say(COORD, press(buttonData([ask!], 'Не продлевать')))).at(-1)!.text).toBe('Хорошо, срок остаётся прежним.');
    expect(getRound(t.db, roundId)!.closesAt.toISOString()).toBe('2026-11-30T06:00:00.000Z');
    for (const user of [CURATOR, ADMIN_A]) {
      const result = await handle(user, press(`svext:${roundId}`));
      expect([result.notice, ...result.replies.map((r) => r.text)].join()).toMatch(/недоступно/);
    }
  });
});

describe('a survey answered for the school', () => {
  it('lists the school admins by name and reminds the one pressed', async () => {
    const seeded = getRound(t.db, roundId)!;
    const definition = templateByKey('term-report')!;
    const round = t.db.transaction((tx) =>
      launchRound(tx, t.deps, {
        municipalityId: seeded.municipalityId,
        survey: { definition },
        audience: { roles: ['school_admin'] },
        opensAt: t.clock.now(),
        closesAt: new Date('2026-11-30T06:00:00Z'),
        createdBy: null,
      }),
    ).round;
    const list = await say(COORD, press(`svm:${round.id}`));
    expect(list[0]!.text).toBe('Не ответили (2):\n• Директорова Дина Ивановна (Школа А)\n• Завучева Зоя Борисовна (Школа Б)');
    await say(COORD, press(buttonData(list, 'Напомнить: Завучева З. Б.')));
    expect(reminders('Завучева Зоя Борисовна')).toHaveLength(1);
    expect(reminders('Директорова Дина Ивановна')).toHaveLength(0);
    // The school's head sees whether her school has answered.
    const own = await say(ADMIN_A, press(`svk:${round.id}:${schoolA}:0`));
    expect(own[0]!.text).toBe('«Итоги учебного периода», Школа А: не ответили (1):\n• Директорова Дина Ивановна');
  });
});
