// The chat import of tables people really write: the columns chosen by
// buttons when the header says nothing (and only by someone who may edit
// the road map), the choice kept per municipality for the same header, the
// tables left out named in the preview, and «По разделам» only for a plan
// that has sections.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { personRoles } from '../../../db/schema.js';
import { createI18n } from '../../../locales/i18n.js';
import { keptRows, MAX_KEPT_CHARS, previewLines, rememberColumns, rememberedColumns } from '../../../handlers/roadmap/column-choice.js';
import { previewText } from '../../../handlers/roadmap/preview.js';
import { planRoadmap, readRoadmap, tableShape } from '../../../handlers/roadmap/store.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';
import { wholeOrderDocx } from '../../fixtures/roadmap-layouts/documents.js';

const COORD = 100;
let t: TestCore;
let municipalityId: number;
let coordinatorId: number;

beforeEach(() => {
  t = makeCore();
  const seeded = seedMunicipality(t.db, { platform: 'telegram', schools: [], people: [{ name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD }] });
  municipalityId = seeded.municipalityId;
  coordinatorId = seeded.personIds.get('Координатова Елена Павловна') ?? 0;
});

const send = async (event: Parameters<typeof from>[1]) => (await t.core.handle(from(String(COORD), event))).replies;
const words = (replies: { text: string }[]) => replies.map((r) => r.text).join('\n');
const unlabelled = ['Графа А\tГрафа Б\tГрафа В', '1\tСовещание директоров\tмарт 2027', '2\tСеминар для наставников\tапрель 2027'].join('\n');

async function startImport() {
  const view = await send(command('roadmap'));
  return send(press(buttonData(view, 'Загрузить дорожную карту')));
}

describe('choosing columns in chat', () => {
  it('asks for the title, then the deadline, then the responsible, offering «Нет такого столбца» for the optional ones', async () => {
    await startImport();
    const asked = await send(text(unlabelled));
    expect(words(asked)).toContain('В каком столбце мероприятия?');
    expect(words(asked)).not.toContain('Нет такого столбца');
    const deadline = await send(press(buttonData(asked, 'Столбец 2: Графа Б')));
    expect(words(deadline)).toContain('А сроки?');
    expect(() => buttonData(deadline, 'Столбец 2: Графа Б')).toThrow();
    const responsible = await send(press(buttonData(deadline, 'Столбец 3: Графа В')));
    const preview = await send(press(buttonData(responsible, 'Нет такого столбца')));
    expect(words(preview)).toContain('пунктов — 2, разделов — 0');
    expect(buttonData(preview, 'Выбрать столбцы заново')).toBeTruthy();
    const again = await send(press(buttonData(preview, 'Выбрать столбцы заново')));
    expect(words(again)).toContain('В каком столбце мероприятия?');
  });

  it('asks again when the columns chosen give no item', async () => {
    await startImport();
    const asked = await send(text(['Графа А\tГрафа Б\tГрафа В\tГрафа Г', '1\tСовещание директоров\tмарт 2027\t', '2\tСеминар\tапрель 2027\t'].join('\n')));
    const deadline = await send(press(buttonData(asked, 'Столбец 4: Графа Г')));
    const responsible = await send(press(buttonData(deadline, 'Столбец 3: Графа В')));
    const again = await send(press(buttonData(responsible, 'Нет такого столбца')));
    expect(words(again)).toContain('С этими столбцами не нашёл ни одного пункта');
    expect(words(again)).toContain('В каком столбце мероприятия?');
  });

  it('lets nobody choose who may no longer edit the road map', async () => {
    await startImport();
    const asked = await send(text(unlabelled));
    t.db.delete(personRoles).where(eq(personRoles.personId, coordinatorId)).run();
    const refused = await send(press(buttonData(asked, 'Столбец 2: Графа Б')));
    expect(words(refused)).toContain('Это действие вам недоступно');
    expect(words(refused)).not.toContain('А сроки?');
  });

  it('remembers a choice per municipality and table shape, as long as it fits the table', () => {
    rememberColumns(t.db, municipalityId, 'abc', { title: 1, deadline: 2 });
    expect(rememberedColumns(t.db, municipalityId, 'abc', 3)).toEqual({ title: 1, deadline: 2 });
    expect(rememberedColumns(t.db, municipalityId, 'abc', 2)).toBeUndefined();
    expect(rememberedColumns(t.db, municipalityId + 1, 'abc', 3)).toBeUndefined();
    expect(rememberedColumns(t.db, municipalityId, 'other', 3)).toBeUndefined();
  });
});

describe('what the column choice keeps and shows', () => {
  it('gives one shape to tables with the same header, whatever their rows', async () => {
    const first = await readRoadmap('a.txt', Buffer.from(unlabelled), undefined, 2027);
    const second = await readRoadmap('b.txt', Buffer.from(`${unlabelled}\n3\tКруглый стол\tмай 2027`), undefined, 2027);
    const other = await readRoadmap('c.txt', Buffer.from(unlabelled.replace('Графа В', 'Графа Д')), undefined, 2027);
    if (first.kind !== 'needs-columns' || second.kind !== 'needs-columns' || other.kind !== 'needs-columns') throw new Error('expected a column choice');
    expect(second.shape).toBe(first.shape);
    expect(other.shape).not.toBe(first.shape);
    expect(tableShape([['  Графа  А ', 'Графа Б 2025']], 2)).toBe(tableShape([['графа а', 'ГРАФА Б 2026']], 2));
  });

  it('asks too when the header it read gives no item with a deadline', async () => {
    const noDeadlines = ['Мероприятие\tПримечание\tОтветственный', 'Совещание директоров\tпо плану УО\tИМЦ', 'Семинар\tв школе № 3\tИМЦ'].join('\n');
    const reading = await readRoadmap('plan.txt', Buffer.from(noDeadlines), undefined, 2027);
    expect(reading.kind).toBe('needs-columns');
  });

  it('shows the first rows with numbered columns, long cells cut', () => {
    const lines = previewLines([['1', 'Проведение методических совещаний с руководителями школ', '', 'март']]);
    expect(lines).toEqual(['[1] 1 · [2] Проведение методических… · [4] март']);
  });

  it('keeps rows without their blank tail, and refuses to keep too much', () => {
    expect(keptRows([['a', 'b', '', ' '], [], ['', '']])).toEqual([['a', 'b'], [], []]);
    const huge = Array.from({ length: 2000 }, () => ['x'.repeat(MAX_KEPT_CHARS / 1000), 'y']);
    expect(keptRows(huge)).toBeUndefined();
  });
});

describe('the preview', () => {
  const i18n = createI18n();
  it('names the tables left out and why', async () => {
    const plan = await planRoadmap('приказ.docx', await wholeOrderDocx(), undefined, 2030);
    expect(previewText({ t: (key, args) => i18n.t('ru', key, args) }, plan, 'приказ.docx')).toContain('Пропустил таблицы без сроков: «Критерии отбора школ», «Полномочия участников».');
    const en = previewText({ t: (key, args) => i18n.t('en', key, args) }, { ...plan, warnings: [{ code: 'table-left-out', text: 'no-title: Контакты' }, { code: 'table-left-out', text: 'no-title: Полномочия' }] }, 'x');
    expect(en).toContain('Left out tables without activities: «Контакты», «Полномочия».');
  });
});

describe('«По разделам»', () => {
  const flat = ['№\tМероприятие\tСрок\tОтветственный', '1\tСовещание директоров\tдо 10.12.2026\tИМЦ', '2\tСеминар\tдо 20.12.2026\tИМЦ'].join('\n');
  const sectioned = ['№\tМероприятие\tСрок\tОтветственный', '1.\tОрганизационные меры\t\t', '1.1\tСовещание директоров\tдо 10.12.2026\tИМЦ'].join('\n');

  for (const [name, plan, shown] of [['without sections', flat, false], ['with sections', sectioned, true]] as const) {
    it(`is ${shown ? '' : 'not '}shown for a plan ${name}`, async () => {
      await startImport();
      const preview = await send(text(plan));
      await send(press(buttonData(preview, 'Импортировать')));
      const view = words(await send(command('roadmap')));
      expect(view).toContain('Пунктов:');
      expect(view.includes('По разделам')).toBe(shown);
    });
  }
});
