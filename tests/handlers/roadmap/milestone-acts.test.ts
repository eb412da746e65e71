// What a school admin does with a road-map item, as the coordinator hears of
// it: «Выполнено» with a link or a file (the coordinators get it), «Отменить»
// within a day, «Перенести» told to the coordinators or, where the
// municipality wants a say, asked of them with «Принять» / «Оставить прежний
// срок»; and an item shared by «МКУ ЦИМО, руководители ОО» is everybody's.
import { beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { updateMunicipalitySettings } from '../../../db/repos/org.js';
import { createRoadmap, getMilestone, historyOfItem, insertItem, insertMilestones, milestonesOf } from '../../../db/repos/roadmaps.js';
import { files, outbox, type MessagePayload } from '../../../db/schema.js';
import { responsiblePeople } from '../../../handlers/roadmap/responsible.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality, type Seeded } from '../../helpers/seed.js';

const COORD = '201';
const ADMIN = '202';
const OTHER_ADMIN = '203';
const TEACHER = '204';

let t: TestCore;
let seeded: Seeded;
let milestoneId: number;
let sharedMilestoneId: number;
let itemId: number;

beforeEach(() => {
  t = makeCore({ timezone: 'Europe/Moscow' });
  seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [
      { short: 'Школа 1', statuses: ['low_results'] },
      { short: 'Школа 2', statuses: ['leader'] },
    ],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: 201 },
      { name: 'Директорова Дарья Сергеевна', role: 'school_admin', school: 'Школа 1', user: 202 },
      { name: 'Лидерова Лидия Ивановна', role: 'school_admin', school: 'Школа 2', user: 203 },
      { name: 'Учителева Ульяна Ивановна', role: 'teacher', school: 'Школа 1', user: 204 },
    ],
  });
  const roadmap = createRoadmap(t.db, { municipalityId: seeded.municipalityId, title: 'План', period: { year: 2026 }, sourceName: 'plan.docx', importedAt: new Date() });
  const item = insertItem(t.db, { roadmapId: roadmap.id, number: '1.1', title: 'Школьные дорожные карты', deadlineText: 'до 15.12.2026', responsibleText: 'Руководители ШНОР', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: '2026-12-15' }] }, position: 0 });
  const shared = insertItem(t.db, { roadmapId: roadmap.id, number: '2.1', title: 'Совещание по итогам ВПР', deadlineText: 'до 20.12.2026', responsibleText: 'МКУ ЦИМО, руководители ОО', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: '2026-12-20' }] }, position: 1 });
  insertMilestones(t.db, [{ itemId: item.id, due: '2026-12-15' }, { itemId: shared.id, due: '2026-12-20' }]);
  itemId = item.id;
  [milestoneId, sharedMilestoneId] = milestonesOf(t.db, [item.id, shared.id]).map((m) => m.id) as [number, number];
});

const say = (user: string, event: Parameters<typeof from>[1]) => t.core.handle(from(user, event));
const saidTo = (user: string, result: Awaited<ReturnType<typeof say>>) => [result.notice ?? '', ...result.replies.map((r) => r.text)].join('\n');
/** The notices queued for a messenger user, by their dedupe keys' prefix. */
const noticesTo = (user: string, prefix = 'roadmap:') =>
  t.db
    .select()
    .from(outbox)
    .where(eq(outbox.chatId, user))
    .all()
    .filter((row) => row.dedupeKey.startsWith(prefix))
    .map((row) => ({ key: row.dedupeKey, payload: row.payload as MessagePayload }));

async function markDone(user: string, evidence: Parameters<typeof from>[1] | 'none') {
  const asked = await say(user, press(`rmd:${milestoneId}`));
  expect(saidTo(user, asked)).toContain('Пришлите файл или ссылку — или нажмите «Без подтверждения»');
  return say(user, evidence === 'none' ? press(buttonData(asked.replies, 'Без подтверждения')) : evidence);
}

describe('«Выполнено» and its undo', () => {
  it('keeps a link as evidence, tells the coordinator, and can be undone the same day', async () => {
    const done = await markDone(ADMIN, text('https://school1.example/karta.pdf'));
    expect(saidTo(ADMIN, done)).toContain('Отметил: выполнено');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'done', evidence: 'https://school1.example/karta.pdf' });
    const [notice] = noticesTo(COORD, 'roadmap:done:');
    expect(notice?.payload.text).toBe('Выполнен пункт дорожной карты: «1.1 Школьные дорожные карты». Отметил(а): Директорова Дарья Сергеевна (Школа 1). Подтверждение: https://school1.example/karta.pdf');

    t.clock.advance(3 * 3600_000);
    const undone = await say(ADMIN, press(buttonData(done.replies, 'Отменить')));
    expect(saidTo(ADMIN, undone)).toContain('Отметку «Выполнено» снял: «1.1 Школьные дорожные карты» снова в работе');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'open', doneAt: null, evidence: null });
    const actions = historyOfItem(t.db, itemId).map((h) => h.action);
    expect(actions).toEqual(['done', 'done-undone']);
    expect(historyOfItem(t.db, itemId)[1]?.details).toMatchObject({ evidence: 'https://school1.example/karta.pdf' });
  });

  it('keeps an uploaded file with the milestone and attaches it to the coordinator’s notice', async () => {
    const file = { name: 'приказ.pdf', mime: 'application/pdf', size: 9, fetch: () => Promise.resolve(Buffer.from('%PDF-1.4 ')) };
    await markDone(ADMIN, { kind: 'file', file });
    const milestone = getMilestone(t.db, milestoneId)!;
    expect(milestone.evidence).toBe('приказ.pdf');
    const stored = t.db.select().from(files).where(eq(files.id, milestone.evidenceFileId!)).get();
    expect(stored?.data.toString()).toBe('%PDF-1.4 ');
    expect(noticesTo(COORD, 'roadmap:done:')[0]?.payload).toMatchObject({ fileId: milestone.evidenceFileId });
  });

  it('needs no evidence, and then bothers nobody', async () => {
    const done = await markDone(ADMIN, 'none');
    expect(saidTo(ADMIN, done)).toContain('Отметил: выполнено');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'done', evidence: null });
    expect(noticesTo(COORD, 'roadmap:done:')).toEqual([]);
  });

  it('is undone only within a day, and only by the one who marked it or a coordinator', async () => {
    const done = await markDone(ADMIN, text('сделано'));
    const undo = buttonData(done.replies, 'Отменить');
    expect(saidTo(TEACHER, await say(TEACHER, press(undo)))).toMatch(/недоступно/);
    t.clock.advance(25 * 3600_000);
    expect(saidTo(ADMIN, await say(ADMIN, press(undo)))).toContain('Отменить отметку можно в течение суток');
    expect(getMilestone(t.db, milestoneId)?.state).toBe('done');
    expect(saidTo(ADMIN, await say(ADMIN, press(`rmu:${sharedMilestoneId}`)))).toContain('отменять нечего');
  });
});

async function postponeTo(user: string, date: string) {
  const asked = await say(user, press(`rmp:${milestoneId}`));
  expect(saidTo(user, asked)).toContain('Сейчас срок — 15.12.2026');
  return say(user, text(date));
}

describe('«Перенести» reaches the coordinator', () => {
  it('moves the date at once by default and tells the coordinator', async () => {
    const moved = await postponeTo(ADMIN, '25.12.2026');
    expect(saidTo(ADMIN, moved)).toContain('Перенёс срок на 25.12.2026');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'postponed', postponedTo: '2026-12-25' });
    expect(noticesTo(COORD).map((n) => n.payload.text)).toEqual([
      'Срок пункта «1.1 Школьные дорожные карты» перенесён с 15.12.2026 на 25.12.2026. Перенёс(ла): Директорова Дарья Сергеевна (Школа 1).',
    ]);
  });

  it('waits for the coordinator where the municipality asks for it; acceptance moves the date and is told', async () => {
    updateMunicipalitySettings(t.db, seeded.municipalityId, { roadmapPostponeApproval: true });
    const asked = await postponeTo(ADMIN, '25.12.2026');
    expect(saidTo(ADMIN, asked)).toContain('Передал координатору просьбу перенести срок на 25.12.2026');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'open', postponedTo: null });
    const [request] = noticesTo(COORD, 'roadmap:postpone-request:');
    expect(request?.payload.text).toBe('Директорова Дарья Сергеевна (Школа 1) просит перенести срок пункта «1.1 Школьные дорожные карты» с 15.12.2026 на 25.12.2026.');
    const accept = buttonData([request!.payload], 'Принять перенос');

    expect(saidTo(OTHER_ADMIN, await say(OTHER_ADMIN, press(accept)))).toMatch(/недоступно/);
    const decided = await say(COORD, press(accept));
    expect(saidTo(COORD, decided)).toContain('Перенос принят: «1.1 Школьные дорожные карты», новый срок 25.12.2026');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'postponed', postponedTo: '2026-12-25' });
    expect(noticesTo(ADMIN, 'roadmap:postpone-decision:').map((n) => n.payload.text)).toEqual([
      'Координатор согласовал перенос: «1.1 Школьные дорожные карты», новый срок 25.12.2026. Напомню заранее.',
    ]);
    expect(saidTo(COORD, await say(COORD, press(buttonData([request!.payload], 'Оставить прежний срок'))))).toContain('уже решили');
    expect(historyOfItem(t.db, itemId).map((h) => [h.action, h.details.to])).toEqual([
      ['postpone-requested', '2026-12-25'],
      ['postpone-accepted', '2026-12-25'],
    ]);
  });

  it('keeps the date when the coordinator refuses, and a newer request makes the older one stale', async () => {
    updateMunicipalitySettings(t.db, seeded.municipalityId, { roadmapPostponeApproval: true });
    await postponeTo(ADMIN, '25.12.2026');
    await postponeTo(ADMIN, '28.12.2026');
    const [first, second] = noticesTo(COORD, 'roadmap:postpone-request:');
    expect(saidTo(COORD, await say(COORD, press(buttonData([first!.payload], 'Принять перенос'))))).toContain('уже неактуальна');
    const refused = await say(COORD, press(buttonData([second!.payload], 'Оставить прежний срок')));
    expect(saidTo(COORD, refused)).toContain('Срок оставлен прежним: «1.1 Школьные дорожные карты», 15.12.2026');
    expect(getMilestone(t.db, milestoneId)).toMatchObject({ state: 'open', postponedTo: null });
    expect(noticesTo(ADMIN, 'roadmap:postpone-decision:').map((n) => n.payload.text)).toEqual([
      'Координатор оставил прежний срок: «1.1 Школьные дорожные карты», 15.12.2026. Если нужно, обсудите с ним.',
    ]);
    expect(historyOfItem(t.db, itemId).map((h) => h.action)).toEqual(['postpone-requested', 'postpone-requested', 'postpone-refused']);
  });

  it('is switched by the coordinator from /roadmap, and back', async () => {
    const overview = await say(COORD, command('roadmap'));
    const on = await say(COORD, press(buttonData(overview.replies, 'Согласовывать переносы сроков')));
    expect(saidTo(COORD, on)).toContain('только после согласия координатора');
    expect(saidTo(ADMIN, await postponeTo(ADMIN, '25.12.2026'))).toContain('Передал координатору просьбу');
    const off = await say(COORD, press(buttonData(on.replies, 'Переносить сроки без согласования')));
    expect(saidTo(COORD, off)).toContain('вступает в силу сразу');
    expect(saidTo(OTHER_ADMIN, await say(OTHER_ADMIN, press(buttonData(on.replies, 'Переносить сроки без согласования'))))).toMatch(/недоступно/);
  });

  it('a coordinator’s own postponement needs nobody’s acceptance', async () => {
    updateMunicipalitySettings(t.db, seeded.municipalityId, { roadmapPostponeApproval: true });
    expect(saidTo(COORD, await postponeTo(COORD, '25.12.2026'))).toContain('Перенёс срок на 25.12.2026');
    expect(noticesTo(COORD)).toEqual([]);
  });
});

describe('an item shared by several bodies', () => {
  it('is every party’s: the coordinator and the admins of every school, each once', async () => {
    const p = (name: string) => seeded.personIds.get(name)!;
    const ids = responsiblePeople(t.db, seeded.municipalityId, null, 'МКУ ЦИМО, руководители ОО; Руководители ОО');
    expect(ids.sort()).toEqual([p('Координатова Елена Павловна'), p('Директорова Дарья Сергеевна'), p('Лидерова Лидия Ивановна')].sort());

    const mine = await say(OTHER_ADMIN, command('roadmap'));
    expect(saidTo(OTHER_ADMIN, mine)).toContain('2.1 Совещание по итогам ВПР');
    expect(saidTo(OTHER_ADMIN, mine)).not.toContain('1.1 Школьные');
    const overview = await say(COORD, command('roadmap'));
    const own = await say(COORD, press(buttonData(overview.replies, 'Мои пункты')));
    expect(saidTo(COORD, own)).toContain('2.1 Совещание по итогам ВПР');
    expect(saidTo(COORD, own)).not.toContain('1.1 Школьные');
  });
});

describe('the XLSX export', () => {
  it('lists the comment and the evidence apart', async () => {
    await markDone(ADMIN, text('https://school1.example/karta.pdf'));
    const exported = await say(COORD, press(`rmx:${seeded.municipalityId}`));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.replies[0]!.file!.data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(-2)).toEqual(['Комментарий', 'Подтверждение (ссылка или файл)']);
    expect((sheet.getRow(2).values as string[]).slice(1).at(-1)).toBe('https://school1.example/karta.pdf');
  });
});
