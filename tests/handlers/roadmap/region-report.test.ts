// The region's report: a curator chooses a date and gets, for every
// municipality of the region, how the road map stood that day per section and
// per responsible body; a mark made after the date does not count yet, and a
// shared item counts for each of its bodies. A coordinator gets their own.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { createRoadmap, insertItem, insertMilestones } from '../../../db/repos/roadmaps.js';
import { municipalities, personRoles } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

let t: TestCore;

beforeAll(() => {
  t = makeCore({ timezone: 'Europe/Moscow' });
  const a = seedMunicipality(t.db, {
    platform: 'telegram',
    name: 'Район А',
    schools: [],
    people: [
      { name: 'Координатова Анна Ивановна', role: 'coordinator', user: 301 },
      { name: 'Куратова Кира Ивановна', role: 'curator', user: 303 },
    ],
  });
  const b = seedMunicipality(t.db, { platform: 'telegram', name: 'Район Б', schools: [], people: [] });
  // Both districts in the curator's region.
  const region = t.db.select().from(municipalities).where(eq(municipalities.id, a.municipalityId)).get()!.regionId;
  t.db.update(municipalities).set({ regionId: region }).where(eq(municipalities.id, b.municipalityId)).run();
  t.db.update(personRoles).set({ regionId: region }).run();

  const plan = (municipalityId: number) => createRoadmap(t.db, { municipalityId, title: 'План', period: { year: 2026 }, sourceName: 'plan.docx', importedAt: new Date() });
  const item = (roadmapId: number, number: string, section: string, responsibleText: string, due: string, position: number) =>
    insertItem(t.db, { roadmapId, number, section, title: `Пункт ${number}`, deadlineText: due, responsibleText, expectedResult: '', schedule: { kind: 'once', milestones: [{ due }] }, position });
  const ra = plan(a.municipalityId);
  const doneEarly = item(ra.id, '1.1', 'Организационные меры', 'УО', '2026-11-01', 0);
  const doneLate = item(ra.id, '1.2', 'Организационные меры', 'МКУ ЦИМО, руководители ОО', '2026-11-15', 1);
  const overdue = item(ra.id, '2.1', 'Методическая работа', 'МКУ ЦИМО', '2026-11-20', 2);
  insertMilestones(t.db, [
    { itemId: doneEarly.id, due: '2026-11-01', state: 'done', doneAt: new Date('2026-10-30T09:00:00Z') },
    { itemId: doneLate.id, due: '2026-11-15', state: 'done', doneAt: new Date('2026-12-05T09:00:00Z') },
    { itemId: overdue.id, due: '2026-11-20' },
  ]);
  const rb = plan(b.municipalityId);
  insertMilestones(t.db, [{ itemId: item(rb.id, '1', 'Организационные меры', 'УО', '2026-12-20', 0).id, due: '2026-12-20' }]);
});

async function report(user: string, date: string) {
  const overview = await t.core.handle(from(user, command('roadmap')));
  const asked = await t.core.handle(from(user, press(buttonData(overview.replies, 'Отчёт по региону на дату'))));
  expect(asked.replies.map((r) => r.text).join('\n')).toContain('На какую дату собрать отчёт?');
  expect((await t.core.handle(from(user, text('когда-нибудь')))).replies.map((r) => r.text).join('\n')).toContain('Не понял дату');
  const done = await t.core.handle(from(user, text(date)));
  const reply = done.replies.find((r) => r.file)!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(reply.file!.data as unknown as ArrayBuffer);
  const rows = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(1).map((row) => (row as CellValue[]).slice(1));
  return { text: reply.text, sections: rows('По разделам'), bodies: rows('По ответственным') };
}
type CellValue = string | number;

describe('the region report', () => {
  it('gives a curator every municipality of the region as it stood on the date', async () => {
    const { text: said, sections, bodies } = await report('303', '01.12.2026');
    expect(said).toBe('Отчёт по дорожной карте на 01.12.2026: 2 муниципалитета, по разделам и по ответственным.');
    expect(sections).toEqual([
      ['Муниципалитет', 'Раздел', 'Пунктов', 'Выполнено', 'Просрочено', 'В работе', 'Срок не понят'],
      ['Район А', 'Организационные меры', 2, 1, 1, 0, 0],
      ['Район А', 'Методическая работа', 1, 0, 1, 0, 0],
      ['Район Б', 'Организационные меры', 1, 0, 0, 1, 0],
    ]);
    expect(bodies).toEqual([
      ['Муниципалитет', 'Ответственные', 'Пунктов', 'Выполнено', 'Просрочено', 'В работе', 'Срок не понят'],
      ['Район А', 'уо', 1, 1, 0, 0, 0],
      ['Район А', 'мку цимо', 2, 0, 2, 0, 0],
      ['Район А', 'руководители оо', 1, 0, 1, 0, 0],
      ['Район Б', 'уо', 1, 0, 0, 1, 0],
    ]);
  });

  it('counts a later mark once its day has come, and gives a coordinator only their own municipality', async () => {
    const { text: said, sections } = await report('301', '10.12.2026');
    expect(said).toContain('1 муниципалитет,');
    expect(sections.slice(1)).toEqual([
      ['Район А', 'Организационные меры', 2, 2, 0, 0, 0],
      ['Район А', 'Методическая работа', 1, 0, 1, 0, 0],
    ]);
  });

  it('refuses a region the sender does not read', async () => {
    const result = await t.core.handle(from('301', press('rmg:999')));
    expect([result.notice, ...result.replies.map((r) => r.text)].join('\n')).toMatch(/недоступно/);
  });
});
