// Road-map deadlines that land, on every messenger, in a UTC+9 municipality
// with a fake clock: a school admin responsible for five items due the same
// week gets one digest at 10:00 local rather than five messages, marks the
// second item done from it, and hears nothing again the next day (a restart
// in between); another admin with a single item gets the usual reminder, and
// on the first day of a span she is told it begins.
import { describe, expect, it } from 'vitest';
import { createRoadmap, getMilestone, insertItem, insertMilestones, milestonesOf } from '../../db/repos/roadmaps.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 9201;
const ADMIN = 9202;
const OTHER_ADMIN = 9203;

const fiveItems = [
  ['1.1', 'Приказ о рабочей группе'],
  ['1.2', 'Анализ результатов ВПР'],
  ['1.3', 'План методической работы'],
  ['1.4', 'Посещение уроков наставником'],
  ['1.5', 'Отчёт о работе наставников'],
] as const;

describe.each(messengers)('the daily road-map digest on %s', (platform) => {
  const ids: number[] = [];
  const clock = new FakeClock('2026-10-01T00:00:00Z'); // 09:00 in Yakutsk
  const run = journey(platform, {
    clock,
    seed: (db) => {
      const seeded = seedMunicipality(db, {
        platform,
        timezone: 'Asia/Yakutsk',
        schools: [
          { short: 'Школа А', statuses: ['low_results'] },
          { short: 'Школа Б', statuses: ['leader'] },
        ],
        people: [
          { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
          { name: 'Директорова Дарья Сергеевна', role: 'school_admin', school: 'Школа А', user: ADMIN },
          { name: 'Лидерова Лидия Ивановна', role: 'school_admin', school: 'Школа Б', user: OTHER_ADMIN },
        ],
      });
      const plan = createRoadmap(db, { municipalityId: seeded.municipalityId, title: 'План', period: { year: 2026 }, sourceName: 'приказ.docx', importedAt: new Date('2026-09-01T00:00:00Z') });
      const items = fiveItems.map(([number, title], i) =>
        insertItem(db, { roadmapId: plan.id, number, title, deadlineText: 'до 15.10.2026', responsibleText: 'Руководители ШНОР', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: '2026-10-15' }] }, position: i }),
      );
      insertMilestones(db, items.map((item) => ({ itemId: item.id, due: '2026-10-15' })));
      ids.push(...milestonesOf(db, items.map((i) => i.id)).map((m) => m.id));
      const school = createRoadmap(db, { municipalityId: seeded.municipalityId, schoolId: seeded.schoolIds.get('Школа Б')!, title: 'План школы Б', period: { year: 2026 }, sourceName: 'план.docx', importedAt: new Date('2026-09-01T00:00:00Z') });
      const lesson = insertItem(db, { roadmapId: school.id, number: '1', title: 'Открытый урок', deadlineText: 'до 15.10.2026', responsibleText: 'Директор', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: '2026-10-15' }] }, position: 0 });
      const week = insertItem(db, { roadmapId: school.id, number: '2', title: 'Месячник здоровья', deadlineText: 'с 12.10.2026 по 30.10.2026', responsibleText: 'Директор', expectedResult: '', schedule: { kind: 'once', milestones: [{ from: '2026-10-12', due: '2026-10-30' }] }, position: 1 });
      insertMilestones(db, [{ itemId: lesson.id, due: '2026-10-15' }, { itemId: week.id, from: '2026-10-12', due: '2026-10-30' }]);
    },
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);
  const count = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;
  const tick = async (at: string) => {
    clock.set(at);
    await run.app.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 250));
  };

  it('sends one digest at 10:00 local instead of five reminders, and the single reminder to one with one item', async () => {
    await tick('2026-10-08T00:59:00Z'); // 09:59 on 8 October in Yakutsk
    expect(count(ADMIN, /дорожн/i)).toBe(0);
    await tick('2026-10-08T01:00:00Z'); // 10:00, a week before 15 October
    const digest = await run.driver.waitForText(ADMIN, /Дорожная карта на сегодня: 5 пунктов ждут внимания/);
    expect(digest.text).toContain('Скоро (в течение недели):\n1. 1.1 Приказ о рабочей группе — 15.10.2026\n2. 1.2 Анализ результатов ВПР — 15.10.2026');
    expect(digest.text).toContain('5. 1.5 Отчёт о работе наставников — 15.10.2026');
    await run.driver.settled(ADMIN);
    expect(run.driver.messages(ADMIN).flatMap((m) => m.buttons.map((b) => b.label))).toEqual(['1 ✓', '1 ⟳', '2 ✓', '2 ⟳', '3 ✓', '3 ⟳', '4 ✓', '4 ⟳', '5 ✓', '5 ⟳']);
    expect(count(ADMIN, /срок по дорожной карте/)).toBe(0);

    await run.driver.waitForText(OTHER_ADMIN, /^Через неделю, 15\.10\.2026, срок по дорожной карте: 1 Открытый урок$/);
    expect(count(OTHER_ADMIN, /Дорожная карта на сегодня/)).toBe(0);
  });

  it('marks the right item done from the digest', async () => {
    await act(ADMIN, { press: '2 ✓' }, /Отмечаю выполненным: «1\.2 Анализ результатов ВПР»/);
    await act(ADMIN, { press: 'Без подтверждения' }, /Отметил: выполнено/);
    expect(getMilestone(run.app.db, ids[1]!)?.state).toBe('done');
    expect(ids.filter((id) => getMilestone(run.app.db, id)?.state === 'done')).toEqual([ids[1]]);
  });

  it('repeats nothing the next day, a restart in between', async () => {
    const before = run.driver.messages(ADMIN).length;
    await run.restart();
    await tick('2026-10-09T01:00:00Z');
    await tick('2026-10-09T05:00:00Z');
    await run.driver.settled(ADMIN);
    expect(run.driver.messages(ADMIN).slice(before)).toEqual([]);
    expect(count(OTHER_ADMIN, /Через неделю/)).toBe(1);
  });

  it('tells the day a span begins', async () => {
    await tick('2026-10-12T00:30:00Z'); // 09:30 on 12 October
    expect(count(OTHER_ADMIN, /Начинается период/)).toBe(0);
    await tick('2026-10-12T01:00:00Z');
    const start = await run.driver.waitForText(OTHER_ADMIN, /Начинается период: 2 Месячник здоровья, с 12\.10\.2026, срок до 30\.10\.2026\./);
    expect(start.buttons.map((b) => b.label)).toContain('Выполнено');
    await tick('2026-10-13T01:00:00Z');
    expect(count(OTHER_ADMIN, /Начинается период/)).toBe(1);
  });

  it('brings the four still open together again the day before, without the one done', async () => {
    await tick('2026-10-14T01:00:00Z');
    const digest = await run.driver.waitForText(ADMIN, /Дорожная карта на сегодня: 4 пункта ждут внимания/);
    expect(digest.text).not.toContain('1.2 Анализ');
    expect(digest.text).toContain('2. 1.3 План методической работы — 15.10.2026');
    await run.driver.waitForText(OTHER_ADMIN, /Завтра, 15\.10\.2026, срок по дорожной карте: 1 Открытый урок/);
    // The schools' reminders are not the coordinator's.
    expect(count(COORD, /Дорожная карта на сегодня|срок по дорожной карте/)).toBe(0);
  });
});
