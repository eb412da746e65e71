// The road map on both messengers, in a UTC+9 municipality with a fake clock:
// a bad file is refused, the plan is pasted and imported, the responsible
// body confirmed; the school admin gets the 7-day and 1-day reminders at
// 10:00 local, marks an item done with a comment; the other goes overdue and
// reaches the coordinator; restarts in between send nothing twice. Last, a
// table with a header nobody could read: the coordinator chooses its
// columns by buttons, and the next table with that header is read alike.
import { describe, expect, it } from 'vitest';
import { milestones } from '../../db/schema.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 9001;
const ADMIN = 9002;
const OTHER_ADMIN = 9003;

const plan = [
  'План мероприятий («дорожная карта») на 2026 год',
  '№ п/п\tМероприятия\tСроки\tОтветственные\tРезультат',
  '1.\tОрганизационные меры\t\t\t',
  '1.1\tРазработка школьных дорожных карт\tдо 15.10.2026\tРуководители ШНОР\tУтверждённые карты',
  '1.2\tАнализ результатов ВПР\tдо 20.10.2026\tруководители ШНОР\tАналитическая справка',
].join('\n');

/** A plan whose header names no column: "Графа А…Г", the deadline last. */
const unlabelled = (...items: string[]) => Buffer.from(['План на 2026 год', 'Графа А;Графа Б;Графа В;Графа Г', ...items].join('\n'), 'utf8');

describe.each(messengers)('the road map on %s', (platform) => {
  const clock = new FakeClock('2026-10-01T00:00:00Z'); // 09:00 in Yakutsk
  const run = journey(platform, {
    clock,
    seed: (db) => seedMunicipality(db, {
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
    }),
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);
  const count = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;
  const tick = async (at: string) => {
    clock.set(at);
    await run.app.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 250));
  };

  it('refuses a corrupt file, then imports pasted text and confirms the responsible body', async () => {
    await act(COORD, { say: '/roadmap' }, /Дорожная карта ещё не загружена/);
    await act(COORD, { press: 'Загрузить дорожную карту' }, /Пришлите приказ с дорожной картой/);
    await act(COORD, { file: ['приказ.docx', Buffer.from('это не docx')] }, /Не получается прочитать файл/);
    const preview = await act(COORD, { say: plan }, /пунктов — 2, разделов — 1/);
    expect(preview.text).toContain('Сроки понял у 2, не понял у 0');
    const saved = await act(COORD, { press: 'Импортировать' }, /Кому напоминать о пунктах, где ответственный — «Руководители ШНОР»/);
    expect(saved.text).toContain('Дорожная карта сохранена. Новых пунктов: 2');
    await act(COORD, { press: '★ Руководителям поддерживаемых школ' }, /ответственные заданы/);
  });

  it('reminds a week and a day before, at 10:00 local, once across restarts', async () => {
    await tick('2026-10-07T13:00:00Z'); // 22:00 on 7 October: nothing yet
    expect(count(ADMIN, /срок по дорожной карте/)).toBe(0);
    await tick('2026-10-08T01:00:00Z'); // 10:00 on 8 October, a week before 15 October
    await run.driver.waitForText(ADMIN, /Через неделю, 15\.10\.2026, срок по дорожной карте: 1\.1 Разработка школьных дорожных карт/);
    await run.restart();
    await tick('2026-10-08T02:00:00Z');
    expect(count(ADMIN, /Через неделю, 15\.10\.2026/)).toBe(1);
    await tick('2026-10-14T01:00:00Z'); // the day before
    await run.driver.waitForText(ADMIN, /Завтра, 15\.10\.2026, срок по дорожной карте: 1\.1/);
    expect(count(OTHER_ADMIN, /дорожной карте/)).toBe(0);
  });

  it('takes "done" with a comment on the due date', async () => {
    await tick('2026-10-15T01:00:00Z');
    await run.driver.waitForText(ADMIN, /Сегодня срок по дорожной карте: 1\.1/);
    await run.driver.settled(ADMIN);
    const dueToday = run.driver.messages(ADMIN).filter((m) => /Сегодня срок по дорожной карте: 1\.1/.test(m.text)).at(-1)!;
    run.driver.pressRaw(ADMIN, dueToday.id, dueToday.buttons.find((b) => b.label === 'Выполнено')!.data);
    await run.driver.waitForText(ADMIN, /Отмечаю выполненным/);
    await act(ADMIN, { say: 'Карта утверждена приказом № 12' }, /Отметил: выполнено/);
    const done = run.app.db.select().from(milestones).all().find((m) => m.state === 'done');
    expect(done?.evidence).toBe('Карта утверждена приказом № 12');
  });

  it('tells the coordinator about the overdue item once', async () => {
    await tick('2026-10-23T01:00:00Z'); // three days after 20 October
    await run.driver.waitForText(COORD, /Просрочен пункт дорожной карты: 1\.2 Анализ результатов ВПР \(срок 20\.10\.2026\)/);
    await run.restart();
    await tick('2026-10-24T01:00:00Z');
    expect(count(COORD, /Просрочен пункт/)).toBe(1);
    expect(count(COORD, /Просрочен пункт дорожной карты: 1\.1/)).toBe(0);
    const view = await act(COORD, { say: '/roadmap' }, /Пунктов: 2\. Выполнено: 1, просрочено: 1/);
    expect(view.text).toContain('⚠️ 1.2 Анализ результатов ВПР — 20.10.2026');
  });

  it('sends the weekly digest on the day and hour the coordinator chose, once', async () => {
    await act(COORD, { say: '/digest' }, /В какой день присылать/);
    await act(COORD, { press: 'пятница' }, /Во сколько/);
    await act(COORD, { press: '11:00' }, /Буду присылать сводку: пятница, 11:00/);
    await tick('2026-10-30T01:30:00Z'); // Friday 10:30 local: not yet
    expect(count(COORD, /Сводка за неделю/)).toBe(0);
    await tick('2026-10-30T02:00:00Z'); // Friday 11:00
    const digest = await run.driver.waitForText(COORD, /Сводка за неделю: 23\.10\.2026 — 30\.10\.2026/);
    expect(digest.text).toContain('Просрочено пунктов: 1.');
    await tick('2026-10-30T03:00:00Z');
    expect(count(COORD, /Сводка за неделю/)).toBe(1);
  });

  it('lets the coordinator choose the columns of an unreadable header, then reads the same header alike', async () => {
    await act(COORD, { say: '/roadmap' }, /Пунктов: 2/);
    await act(COORD, { press: 'Загрузить дорожную карту' }, /Пришлите приказ с дорожной картой/);
    const first = unlabelled('1;Совещание директоров;ИМЦ;до 10.11.2026', '2;Семинар для наставников;ИМЦ;до 20.11.2026');
    const ask = await act(COORD, { file: ['план.csv', first] }, /В каком столбце мероприятия\?/);
    expect(ask.text).toContain('[1] Графа А · [2] Графа Б · [3] Графа В · [4] Графа Г');
    expect(ask.text).toContain('[2] Совещание директоров');
    await act(COORD, { press: 'Столбец 2: Графа Б' }, /А сроки\?/);
    await act(COORD, { press: 'Столбец 4: Графа Г' }, /И ответственные\?/);
    const preview = await act(COORD, { press: 'Столбец 3: Графа В' }, /«план\.csv»: пунктов — 2, разделов — 0/);
    expect(preview.text).toContain('Сроки понял у 2, не понял у 0');
    expect(preview.text).not.toContain('в прошлый раз');
    await act(COORD, { press: 'Импортировать' }, /Дорожная карта сохранена\. Новых пунктов: 2/);

    await act(COORD, { say: '/roadmap' }, /Пунктов: 2/);
    await act(COORD, { press: 'Загрузить дорожную карту' }, /Пришлите приказ с дорожной картой/);
    const second = unlabelled('1;Совещание директоров;ИМЦ;до 10.11.2026', '2;Семинар для наставников;ИМЦ;до 27.11.2026', '3;Круглый стол;ИМЦ;декабрь 2026');
    const again = await act(COORD, { file: ['план-2.csv', second] }, /«план-2\.csv»: пунктов — 3/);
    expect(again.text).toContain('Сроки понял у 3, не понял у 0');
    expect(again.text).toContain('Столбцы взял те же, что вы выбрали в прошлый раз');
    expect(again.buttons.map((b) => b.label)).toContain('Выбрать столбцы заново');
    const saved = await act(COORD, { press: 'Импортировать' }, /Дорожная карта сохранена/);
    expect(saved.text).toContain('Новых пунктов: 1, обновлено: 1, без изменений: 1');
  });
});
