// The road-map job in a UTC+9 municipality: a school admin with many items due
// at once gets one digest a day at 10:00 local instead of a message per item,
// and nothing it covered is sent again on its own; below the threshold the
// reminders go one by one; a span reminds on its first day; a coordinator with
// many overdue items of others gets them in one message too.
import { describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../db/repos/outbox.js';
import { createRoadmap, insertItem, insertMilestones, milestonesOf } from '../../db/repos/roadmaps.js';
import { eq, sql } from 'drizzle-orm';
import { accounts, kv, outbox } from '../../db/schema.js';
import { doneAction, postponeAction } from '../../handlers/roadmap/progress.js';
import { DIGEST_MAX_ITEMS, DIGEST_THRESHOLD, forgetOldReminderNotes } from '../../handlers/roadmap/daily-digest.js';
import { roadmapReminders } from '../../scheduler/jobs/roadmap.js';
import { makeCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

type Core = ReturnType<typeof makeCore>;

function seed(t: Core) {
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    timezone: 'Asia/Yakutsk',
    schools: [
      { short: 'Школа А', statuses: ['low_results'] },
      { short: 'Школа Б', statuses: ['leader'] },
    ],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: 1 },
      { name: 'Директорова Дарья Сергеевна', role: 'school_admin', school: 'Школа А', user: 2 },
      { name: 'Лидерова Лидия Ивановна', role: 'school_admin', school: 'Школа Б', user: 3 },
    ],
  });
  const id = (name: string) => seeded.personIds.get(name) ?? 0;
  return {
    ...seeded,
    coordinator: id('Координатова Елена Павловна'),
    admin: id('Директорова Дарья Сергеевна'),
    other: id('Лидерова Лидия Ивановна'),
  };
}

/** A school's own road map (its admins are responsible), one milestone per item. */
function schoolPlan(t: Core, municipalityId: number, schoolId: number | null, items: { number: string; title: string; due: string; from?: string }[]) {
  const roadmap = createRoadmap(t.db, { municipalityId, schoolId, title: 'План школы', period: { year: 2026 }, sourceName: 'план.docx', importedAt: new Date('2026-09-01T00:00:00Z') });
  const rows = items.map((it, i) =>
    insertItem(t.db, { roadmapId: roadmap.id, number: it.number, title: it.title, deadlineText: it.due, responsibleText: 'Руководитель ОО', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: it.due, ...(it.from ? { from: it.from } : {}) }] }, position: i }),
  );
  insertMilestones(t.db, rows.map((row, i) => ({ itemId: row.id, due: items[i]!.due, from: items[i]!.from ?? null })));
  return milestonesOf(t.db, rows.map((r) => r.id));
}

const rows = (t: Core) => t.db.select({ key: outbox.dedupeKey, payload: outbox.payload, at: outbox.nextAttemptAt }).from(outbox).all();
const keysOf = (t: Core, personId: number) => rows(t).map((r) => r.key).filter((k) => (k.startsWith('ms:') && k.endsWith(`:${personId}`)) || k.startsWith(`roadmap-digest:${personId}:`)).sort();
const textOf = (payload: unknown) => (payload && typeof payload === 'object' && 'text' in payload ? String(payload.text) : '');
const buttonsOf = (payload: unknown) => (payload && typeof payload === 'object' && 'buttons' in payload ? (payload.buttons as { label: string; data: string }[][]) : []);
const run = (t: Core, at: string) => roadmapReminders.run(t.deps, new Date(at));

const fiveItems = [
  { number: '1', title: 'Приказ о рабочей группе', due: '2026-10-15' },
  { number: '2', title: 'Анализ результатов ВПР', due: '2026-10-15' },
  { number: '3', title: 'План методической работы', due: '2026-10-15' },
  { number: '4', title: 'Посещение уроков', due: '2026-10-16' },
  { number: '5', title: 'Отчёт о работе наставников', due: '2026-10-16' },
];

describe('the road-map daily digest', () => {
  it('sends one digest at 10:00 local instead of five reminders, and covers them for good', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const ms = schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа А')!, fiveItems);
      await run(t, '2026-10-08T00:59:00Z'); // 09:59 in Yakutsk on 8 October
      expect(keysOf(t, s.admin)).toEqual([]);
      await run(t, '2026-10-08T01:00:00Z'); // 10:00: a week before three of them
      expect(keysOf(t, s.admin)).toEqual([`roadmap-digest:${s.admin}:2026-10-08`]);
      const digest = rows(t).find((r) => r.key.startsWith('roadmap-digest:'))!;
      const text = textOf(digest.payload);
      expect(text).toContain('Дорожная карта на сегодня: 3 пункта ждут внимания.');
      expect(text).toContain('Скоро (в течение недели):\n1. 1 Приказ о рабочей группе — 15.10.2026\n2. 2 Анализ результатов ВПР — 15.10.2026\n3. 3 План методической работы — 15.10.2026');
      expect(buttonsOf(digest.payload)[0]).toEqual([
        { kind: 'action', label: '1 ✓', data: doneAction.encode(ms[0]!.id) },
        { kind: 'action', label: '1 ⟳', data: postponeAction.encode(ms[0]!.id) },
      ]);

      // The next day two more come into their week: fewer than the threshold, so one by one; the three are not repeated.
      await run(t, '2026-10-08T05:00:00Z');
      await run(t, '2026-10-09T01:00:00Z');
      expect(keysOf(t, s.admin)).toEqual([`ms:${ms[3]!.id}:d7:2026-10-16:${s.admin}`, `ms:${ms[4]!.id}:d7:2026-10-16:${s.admin}`, `roadmap-digest:${s.admin}:2026-10-08`]);
      await run(t, '2026-10-10T01:00:00Z');
      expect(keysOf(t, s.admin)).toHaveLength(3);

      // The day before 15 October: three «завтра» in one digest; on the day, the three due today and two tomorrow in one.
      await run(t, '2026-10-14T01:00:00Z');
      expect(keysOf(t, s.admin)).toContain(`roadmap-digest:${s.admin}:2026-10-14`);
      await run(t, '2026-10-15T01:00:00Z');
      const today = rows(t).find((r) => r.key === `roadmap-digest:${s.admin}:2026-10-15`)!;
      expect(textOf(today.payload)).toMatch(/Сегодня срок:\n1\. 1 Приказ о рабочей группе — 15\.10\.2026\n2\. 2 .*\n3\. 3 .*\n\nСкоро \(в течение недели\):\n4\. 4 Посещение уроков — 16\.10\.2026\n5\. 5 /u);
      await run(t, '2026-10-15T03:00:00Z');
      expect(keysOf(t, s.admin).filter((k) => k.startsWith('ms:'))).toHaveLength(2);
      // The school's plan is not the other school's business.
      expect(keysOf(t, s.other)).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('sends a single reminder as before when a person has fewer than the threshold', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const ms = schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа Б')!, [{ number: '1', title: 'Открытый урок', due: '2026-10-15' }]);
      await run(t, '2026-10-14T01:00:00Z');
      await run(t, '2026-10-14T02:00:00Z');
      expect(keysOf(t, s.other)).toEqual([`ms:${ms[0]!.id}:d1:2026-10-15:${s.other}`]);
      expect(textOf(rows(t)[0]!.payload)).toBe('Завтра, 15.10.2026, срок по дорожной карте: 1 Открытый урок');
      expect(DIGEST_THRESHOLD).toBe(3);
    } finally {
      t.close();
    }
  });

  it('reminds of a span on its first day, then a week and a day before its end', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const [span, short] = schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа Б')!, [
        { number: '2.1', title: 'Мониторинг посещаемости', from: '2027-02-01', due: '2027-02-28' },
        { number: '2.2', title: 'Неделя математики', from: '2027-02-22', due: '2027-02-26' },
      ]);
      await run(t, '2027-01-31T01:00:00Z');
      expect(keysOf(t, s.other)).toEqual([]);
      await run(t, '2027-02-01T01:00:00Z'); // 10:00 on 1 February
      expect(keysOf(t, s.other)).toEqual([`ms:${span!.id}:start:2027-02-01:${s.other}`]);
      expect(textOf(rows(t)[0]!.payload)).toBe('Начинается период: 2.1 Мониторинг посещаемости, с 01.02.2027, срок до 28.02.2027.');
      await run(t, '2027-02-02T01:00:00Z');
      await run(t, '2027-02-19T01:00:00Z'); // a week before 26 February: the short span waits for its own start
      expect(keysOf(t, s.other)).toHaveLength(1);
      await run(t, '2027-02-21T01:00:00Z'); // a week before 28 February
      await run(t, '2027-02-22T01:00:00Z'); // the short span begins
      expect(keysOf(t, s.other)).toEqual([`ms:${short!.id}:start:2027-02-22:${s.other}`, `ms:${span!.id}:d7:2027-02-28:${s.other}`, `ms:${span!.id}:start:2027-02-01:${s.other}`].sort());
    } finally {
      t.close();
    }
  });

  it('folds span starts into the digest with the others', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа А')!, [
        { number: '1', title: 'Декада науки', from: '2027-02-01', due: '2027-02-28' },
        { number: '2', title: 'Пробный ОГЭ', due: '2027-02-02' },
        { number: '3', title: 'Родительское собрание', due: '2027-02-01' },
      ]);
      await run(t, '2027-02-01T01:00:00Z');
      expect(keysOf(t, s.admin)).toEqual([`roadmap-digest:${s.admin}:2027-02-01`]);
      const text = textOf(rows(t)[0]!.payload);
      expect(text).toContain('Сегодня срок:\n1. 3 Родительское собрание — 01.02.2027');
      expect(text).toContain('Скоро (в течение недели):\n2. 2 Пробный ОГЭ — 02.02.2027');
      expect(text).toContain('Начинается период:\n3. 1 Декада науки — с 01.02.2027 по 28.02.2027');
    } finally {
      t.close();
    }
  });

  it('lists the most urgent items when there are too many, with the rest counted', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const many = Array.from({ length: 14 }, (_, i) => ({ number: `${i + 1}`, title: `Мероприятие с очень длинным названием, которое не поместится в одну строку никак ${i + 1}`.repeat(3), due: i < 4 ? '2026-10-08' : '2026-10-14' }));
      schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа А')!, many);
      await run(t, '2026-10-08T01:00:00Z');
      const digest = rows(t).find((r) => r.key.startsWith('roadmap-digest:'))!;
      const text = textOf(digest.payload);
      expect(text).toContain('Дорожная карта на сегодня: 14 пунктов ждут внимания.');
      expect(text).toMatch(/Сегодня срок:\n1\. 1 /u);
      expect(text).toContain('…и ещё 4 пункта — все в /roadmap');
      expect(text.length).toBeLessThan(4000);
      expect(buttonsOf(digest.payload)).toHaveLength(DIGEST_MAX_ITEMS);
      expect(buttonsOf(digest.payload).flat().every((b) => b.label.length <= 40)).toBe(true);
      // The four not listed are covered too: they do not follow one by one.
      await run(t, '2026-10-08T02:00:00Z');
      expect(keysOf(t, s.admin)).toEqual([`roadmap-digest:${s.admin}:2026-10-08`]);
    } finally {
      t.close();
    }
  });

  it('shows, in a digest that goes anyway, what is still overdue from before, without counting it', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const [late] = schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа А')!, [
        { number: '1', title: 'Старый отчёт', due: '2026-09-20' },
        { number: '2', title: 'Приказ', due: '2026-10-15' },
        { number: '3', title: 'Справка', due: '2026-10-15' },
        { number: '4', title: 'Протокол', due: '2026-10-15' },
      ]);
      await run(t, '2026-09-20T01:00:00Z'); // the old one's day: one reminder of its own
      expect(keysOf(t, s.admin)).toEqual([`ms:${late!.id}:due:2026-09-20:${s.admin}`]);
      await run(t, '2026-10-08T01:00:00Z');
      const digest = rows(t).find((r) => r.key === `roadmap-digest:${s.admin}:2026-10-08`)!;
      const text = textOf(digest.payload);
      expect(text).toContain('Дорожная карта на сегодня: 4 пункта ждут внимания.');
      expect(text).toContain('Просрочено:\n4. 1 Старый отчёт — 20.09.2026');
      expect(buttonsOf(digest.payload)[3]?.[0]?.data).toBe(doneAction.encode(late!.id));
      // Quiet days bring nothing, however long the old one stays overdue.
      await run(t, '2026-10-09T01:00:00Z');
      expect(keysOf(t, s.admin)).toHaveLength(2);
    } finally {
      t.close();
    }
  });

  it('gives a coordinator many overdue items of others in one message, and holds a late catch-up until morning', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const ms = schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа Б')!, [
        { number: '1', title: 'Приказ', due: '2026-10-01' },
        { number: '2', title: 'Справка', due: '2026-10-01' },
        { number: '3', title: 'Протокол', due: '2026-10-01' },
      ]);
      // 23:30 on 4 October in Yakutsk: the service was down; three days overdue, and the admin's «срок прошёл».
      await run(t, '2026-10-04T14:30:00Z');
      expect(keysOf(t, s.coordinator)).toEqual([`roadmap-digest:${s.coordinator}:2026-10-04`]);
      const coordinator = rows(t).find((r) => r.key === `roadmap-digest:${s.coordinator}:2026-10-04`)!;
      expect(textOf(coordinator.payload)).toContain('Просрочено у ответственных:\n• 1 Приказ — 01.10.2026 (ответственные: Руководитель ОО)');
      expect(buttonsOf(coordinator.payload)).toEqual([]);
      const admin = rows(t).find((r) => r.key === `roadmap-digest:${s.other}:2026-10-04`)!;
      expect(textOf(admin.payload)).toContain('Просрочено:\n1. 1 Приказ — 01.10.2026\n2. 2 Справка — 01.10.2026\n3. 3 Протокол — 01.10.2026');
      expect(admin.at.toISOString()).toBe('2026-10-04T23:00:00.000Z'); // 08:00 local, when the quiet hours end
      await run(t, '2026-10-05T01:00:00Z');
      expect(keysOf(t, s.coordinator)).toHaveLength(1);
      expect(ms).toHaveLength(3);
    } finally {
      t.close();
    }
  });
});

describe('reminder notes', () => {
  it('counts reminders queued before digests existed as sent, so a first digest does not repeat them', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      const ms = schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа А')!, fiveItems);
      // Yesterday's week-before reminders, as the one-by-one sender queued them: in the outbox, no note in kv.
      await run(t, '2026-10-08T01:00:00Z');
      t.db.delete(kv).run();
      t.db.delete(outbox).where(sql`${outbox.dedupeKey} LIKE 'roadmap-digest:%'`).run();
      const account = t.db.select().from(accounts).where(eq(accounts.personId, s.admin)).get()!;
      enqueueOutbox(
        t.db,
        ms.slice(0, 3).map((m) => ({ accountId: account.id, platform: account.platform, chatId: account.chatId, payload: { text: 'старое' }, dedupeKey: `ms:${m.id}:d7:${m.due}:${s.admin}`, notBefore: new Date('2026-10-08T01:00:00Z') })),
      );
      await run(t, '2026-10-09T01:00:00Z');
      expect(keysOf(t, s.admin).filter((k) => k.startsWith('roadmap-digest:'))).toEqual([]);
    } finally {
      t.close();
    }
  });

  it('forgets notes a year old and keeps younger ones', async () => {
    const t = makeCore();
    try {
      const s = seed(t);
      schoolPlan(t, s.municipalityId, s.schoolIds.get('Школа А')!, fiveItems);
      await run(t, '2026-10-08T01:00:00Z');
      const notes = () => t.db.select().from(kv).all().filter((r) => r.key.startsWith('roadmap-'));
      const before = notes().length;
      expect(before).toBeGreaterThan(3);
      expect(forgetOldReminderNotes(t.db, '2027-10-08')).toBe(0);
      expect(forgetOldReminderNotes(t.db, '2027-10-09')).toBe(before);
      expect(notes()).toEqual([]);
    } finally {
      t.close();
    }
  });
});
