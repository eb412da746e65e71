// The programme's year on the road map, on every messenger: an item shared by
// «МКУ ЦИМО, руководители ОО» reminds the coordinator and both schools' admins,
// each once; a school admin marks her item done with a file the coordinator
// receives, undoes a mistaken mark and marks it again with a link; in a
// municipality whose coordinator chose to approve postponements, the other admin asks
// for a new date, the coordinator accepts in one tap and she is told; the
// XLSX export lists the evidence, and the region report counts by body.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRoadmap, getMilestone, insertItem, insertMilestones, milestonesOf } from '../../db/repos/roadmaps.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 9101;
const ADMIN = 9102;
const OTHER_ADMIN = 9103;

describe.each(messengers)('the road map through the year on %s', (platform) => {
  const milestone = { own: 0, shared: 0 };
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
      const roadmap = createRoadmap(db, { municipalityId: seeded.municipalityId, title: 'План', period: { year: 2026 }, sourceName: 'приказ.docx', importedAt: new Date('2026-09-01T00:00:00Z') });
      const own = insertItem(db, { roadmapId: roadmap.id, number: '1.1', title: 'Разработка школьных дорожных карт', deadlineText: 'до 15.10.2026', responsibleText: 'Руководители ШНОР', expectedResult: 'Утверждённые карты', schedule: { kind: 'once', milestones: [{ due: '2026-10-15' }] }, position: 0 });
      const shared = insertItem(db, { roadmapId: roadmap.id, number: '2.1', title: 'Совещание по итогам ВПР', deadlineText: 'до 20.10.2026', responsibleText: 'МКУ ЦИМО, руководители ОО', expectedResult: 'Протокол', schedule: { kind: 'once', milestones: [{ due: '2026-10-20' }] }, position: 1 });
      insertMilestones(db, [{ itemId: own.id, due: '2026-10-15' }, { itemId: shared.id, due: '2026-10-20' }]);
      [milestone.own, milestone.shared] = milestonesOf(db, [own.id, shared.id]).map((m) => m.id) as [number, number];
    },
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);
  const count = (user: number, pattern: RegExp) => run.driver.messages(user).filter((m) => pattern.test(m.text)).length;
  const tick = async (at: string) => {
    clock.set(at);
    await run.app.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 250));
  };

  it('reminds every party of a shared item, each once, and each finds it among their own', async () => {
    await tick('2026-10-13T01:00:00Z'); // 10:00 on 13 October, a week before 20 October
    for (const user of [COORD, ADMIN, OTHER_ADMIN]) await run.driver.waitForText(user, /Через неделю, 20\.10\.2026, срок по дорожной карте: 2\.1 Совещание по итогам ВПР/);
    await tick('2026-10-13T02:00:00Z');
    for (const user of [COORD, ADMIN, OTHER_ADMIN]) expect(count(user, /Через неделю, 20\.10\.2026/)).toBe(1);
    const mine = await act(OTHER_ADMIN, { say: '/roadmap' }, /Ваши пункты дорожной карты/);
    expect(mine.text).toContain('20.10.2026 — 2.1 Совещание по итогам ВПР');
    expect(mine.text).not.toContain('1.1');
    await act(COORD, { say: '/roadmap' }, /Пунктов: 2/);
    const own = await act(COORD, { press: 'Мои пункты' }, /Ваши пункты дорожной карты/);
    expect(own.text).toContain('2.1 Совещание по итогам ВПР');
  });

  it('takes «Выполнено» with a file the coordinator receives, undoes it, and takes it again with a link', async () => {
    await tick('2026-10-14T01:00:00Z'); // the day before 15 October
    await run.driver.waitForText(ADMIN, /Завтра, 15\.10\.2026, срок по дорожной карте: 1\.1/);
    await run.driver.settled(ADMIN);
    await act(ADMIN, { press: 'Выполнено' }, /Пришлите файл или ссылку — или нажмите «Без подтверждения»/);
    await act(ADMIN, { file: ['приказ-12.pdf', Buffer.from('%PDF-1.4 приказ')] }, /Отметил: выполнено/);
    await run.driver.waitForText(COORD, /Выполнен пункт дорожной карты: «1\.1 Разработка школьных дорожных карт»\. Отметил\(а\): Директорова Дарья Сергеевна \(Школа А\)\. Подтверждение: приказ-12\.pdf/);
    await run.driver.settled(COORD);
    expect(run.driver.lastDocumentName(COORD)).toBe('приказ-12.pdf');

    await act(ADMIN, { press: 'Отменить' }, /Отметку «Выполнено» снял: «1\.1 Разработка школьных дорожных карт» снова в работе/);
    expect(getMilestone(run.app.db, milestone.own)?.state).toBe('open');
    const reminder = run.driver.messages(ADMIN).findLast((m) => /Завтра, 15\.10\.2026/.test(m.text))!;
    run.driver.pressRaw(ADMIN, reminder.id, reminder.buttons.find((b) => b.label === 'Выполнено')!.data);
    await run.driver.waitForText(ADMIN, /Пришлите файл или ссылку/, run.driver.messages(ADMIN).length - 1);
    await run.driver.settled(ADMIN);
    await act(ADMIN, { say: 'https://school-a.example/karta.pdf' }, /Отметил: выполнено/);
    expect(getMilestone(run.app.db, milestone.own)).toMatchObject({ state: 'done', evidence: 'https://school-a.example/karta.pdf' });
  });

  it('asks the coordinator before a postponement where the municipality wants it, and tells the decision', async () => {
    await act(COORD, { say: '/roadmap' }, /Пунктов: 2/);
    await act(COORD, { press: 'Согласовывать переносы сроков' }, /новый срок вступает в силу только после согласия координатора/);
    await tick('2026-10-19T01:00:00Z'); // the day before 20 October
    await run.driver.waitForText(OTHER_ADMIN, /Завтра, 20\.10\.2026, срок по дорожной карте: 2\.1/);
    await run.driver.settled(OTHER_ADMIN);
    await act(OTHER_ADMIN, { press: 'Перенести' }, /Сейчас срок — 20\.10\.2026\. На какую дату перенести\?/);
    await act(OTHER_ADMIN, { say: '30.10.2026' }, /Передал координатору просьбу перенести срок на 30\.10\.2026/);
    expect(getMilestone(run.app.db, milestone.shared)?.postponedTo).toBeNull();
    await run.driver.waitForText(COORD, /Лидерова Лидия Ивановна \(Школа Б\) просит перенести срок пункта «2\.1 Совещание по итогам ВПР» с 20\.10\.2026 на 30\.10\.2026/);
    await run.driver.settled(COORD);
    await act(COORD, { press: 'Принять перенос' }, /Перенос принят: «2\.1 Совещание по итогам ВПР», новый срок 30\.10\.2026/);
    await run.driver.waitForText(OTHER_ADMIN, /Координатор согласовал перенос: «2\.1 Совещание по итогам ВПР», новый срок 30\.10\.2026/);
    expect(getMilestone(run.app.db, milestone.shared)).toMatchObject({ state: 'postponed', postponedTo: '2026-10-30' });
    expect(count(ADMIN, /согласовал перенос/)).toBe(0);
  });

  it('lists the evidence in the XLSX export', async () => {
    await act(COORD, { say: '/roadmap' }, /Пунктов: 2/);
    await act(COORD, { press: 'Скачать XLSX' }, /Выгрузка готова/);
    await run.driver.settled(COORD);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD) as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(2).map((row) => (row as string[]).slice(1));
    const own = rows.find((row) => row[1] === '1.1')!;
    expect(own.at(-1)).toBe('https://school-a.example/karta.pdf');
    expect(rows.find((row) => row[1] === '2.1')?.at(5)).toBe('30.10.2026');
  });

  it('makes the region report at a chosen date', async () => {
    await act(COORD, { say: '/roadmap' }, /Пунктов: 2/);
    await act(COORD, { press: 'Отчёт по региону на дату' }, /На какую дату собрать отчёт\?/);
    await act(COORD, { say: '16.10.2026' }, /Отчёт по дорожной карте на 16\.10\.2026: 1 муниципалитет/);
    expect(run.driver.lastDocumentName(COORD)).toBe('roadmap-2026-10-16.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD) as unknown as ArrayBuffer);
    const bodies = workbook.getWorksheet('По ответственным')!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(2));
    expect(bodies).toEqual([
      ['руководители шнор', 1, 1, 0, 0, 0],
      ['мку цимо', 1, 0, 0, 1, 0],
      ['руководители оо', 1, 0, 0, 1, 0],
    ]);
  });
});
