// Threats from the documents people upload. A zip bomb (an XLSX or DOCX of a
// few hundred kilobytes that unpacks to hundreds of megabytes) is refused
// from its central directory before any parser sees it, with a message
// naming the limit, while everyone else is still answered; an archive that
// understates its sizes is caught at the stated size; tables are capped in
// rows, and in cells however they are merged; a parse that runs past its
// time limit is stopped and its thread ended; stored file names lose the bidi overrides and other invisible
// characters that disguise an extension.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DocumentLimitError, DocumentReadError, documentLimits } from '../../handlers/core/documents/limits.js';
import { parseDocument } from '../../handlers/core/documents/parse-document.js';
import { documentWorkers, stopIdleDocumentWorkers } from '../../handlers/core/documents/worker-pool.js';
import { checkZip } from '../../handlers/core/documents/zip-directory.js';
import type { IncomingEvent } from '../../handlers/core/contract.js';
import { storedFileName } from '../../handlers/core/files.js';
import { readTable } from '../../handlers/people/import/table.js';
import { readRoadmapDocument, RoadmapDocumentError } from '../../handlers/roadmap/table/read.js';
import { buttonData, command, from, makeCore, type TestCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const MB = 1024 * 1024;
const COORDINATOR = '7001';
const TEACHER = '7002';

/** Text repeated `times` times, compressed without ever holding the whole. */
interface Part {
  text: string;
  times: number;
}

interface Entry {
  name: string;
  parts: Part[];
  /** Write this as the unpacked size instead of the true one. */
  statedSize?: number;
}

interface Packed {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
  statedSize: number;
}

/**
 * Raw deflate of the parts: each distinct text is compressed once and its
 * stream repeated, which is valid deflate because every piece ends
 * byte-aligned and non-final.
 */
function pack(entry: Entry): Packed {
  const compressed = new Map<string, { bytes: Buffer; piece: Buffer }>();
  const pieces: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const { text, times } of entry.parts) {
    let known = compressed.get(text);
    if (!known) {
      const bytes = Buffer.from(text, 'utf8');
      known = { bytes, piece: deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH }) };
      compressed.set(text, known);
    }
    for (let i = 0; i < times; i++) {
      pieces.push(known.piece);
      crc = crc32(known.bytes, crc);
    }
    size += known.bytes.length * times;
  }
  pieces.push(deflateRawSync(Buffer.alloc(0)));
  return { name: Buffer.from(entry.name, 'utf8'), data: Buffer.concat(pieces), crc, size, statedSize: entry.statedSize ?? size };
}

function header(signature: number, fields: [number, 2 | 4][]): Buffer {
  const out = Buffer.alloc(4 + fields.reduce((n, [, w]) => n + w, 0));
  out.writeUInt32LE(signature, 0);
  let at = 4;
  for (const [value, width] of fields) {
    if (width === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
    at += width;
  }
  return out;
}

/** A ZIP archive as Office writes one: deflated entries, a central directory, its end record. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries.map(pack)) {
    const common: [number, 2 | 4][] = [[20, 2], [0, 2], [8, 2], [0, 2], [0x5821, 2], [e.crc, 4], [e.data.length, 4], [e.statedSize, 4], [e.name.length, 2], [0, 2]];
    const local = Buffer.concat([header(0x04034b50, common), e.name, e.data]);
    directory.push(header(0x02014b50, [[20, 2], ...common, [0, 2], [0, 2], [0, 2], [0, 4], [offset, 4]]), e.name);
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(directory);
  const end = header(0x06054b50, [[0, 2], [0, 2], [entries.length, 2], [entries.length, 2], [central.length, 4], [offset, 4], [0, 2]]);
  return Buffer.concat([...locals, central, end]);
}

const once = (text: string): Part => ({ text, times: 1 });
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const PARAGRAPH = '<w:p><w:r><w:t>План мероприятий на 2025 год</w:t></w:r></w:p>';
/** 2,000 cells of a bomb row; cells after a row's first may leave out their address. */
const BOMB_CELLS = '<c t="inlineStr"><is><t>шк</t></is></c>'.repeat(2000);

const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (line: number, name: string, status: string) => once(`<row r="${line}">${textCell(`A${line}`, name)}${textCell(`B${line}`, status)}</row>`);

/** Rows of 2,000 cells after line `after`, adding up to `mb` megabytes. */
function bombRows(after: number, mb: number): Part[] {
  const count = Math.ceil((mb * MB) / Buffer.byteLength(BOMB_CELLS));
  return Array.from({ length: count }, (_, i) => [once(`<row r="${after + i + 1}"><c r="A${after + i + 1}"><v>1</v></c>`), { text: BOMB_CELLS, times: 1 }, once('</row>')]).flat();
}

/** A workbook of one sheet: a header row and `rows` schools; with `bombMb`, that many megabytes of rows of cells after them. */
function workbook(rows: number, options: { bombMb?: number; statedSheetSize?: number } = {}): Buffer {
  const sheet: Entry = {
    name: 'xl/worksheets/sheet1.xml',
    statedSize: options.statedSheetSize,
    parts: [
      once(`${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`),
      row(1, 'Наименование', 'Статус'),
      ...Array.from({ length: rows }, (_, i) => row(i + 2, `МБОУ «Школа № ${i + 1}»`, 'лидер')),
      ...(options.bombMb ? bombRows(rows + 1, options.bombMb) : []),
      once('</sheetData></worksheet>'),
    ],
  };
  return zip([
    { name: '[Content_Types].xml', parts: [once(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)] },
    { name: '_rels/.rels', parts: [once(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)] },
    { name: 'xl/workbook.xml', parts: [once(`${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Школы" sheetId="1" r:id="rId1"/></sheets></workbook>`)] },
    { name: 'xl/_rels/workbook.xml.rels', parts: [once(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)] },
    sheet,
  ]);
}

/** A Word document whose body is `body`, repeated `times` times. */
function wordDocument(body: string, times = 1): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zip([
    { name: '[Content_Types].xml', parts: [once(`${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`)] },
    { name: '_rels/.rels', parts: [once(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`)] },
    { name: 'word/document.xml', parts: [once(`${XML}<w:document xmlns:w="${W}"><w:body>`), { text: body, times }, once('</w:body></w:document>')] },
  ]);
}

const fileEvent = (name: string, data: Buffer): IncomingEvent => ({ kind: 'file', file: { name, size: data.length, fetch: () => Promise.resolve(data) } });
const texts = (result: { replies: { text?: string }[] }) => result.replies.map((r) => r.text ?? '').join('\n');

let t: TestCore | undefined;
afterEach(() => t?.close());

/** A core with a coordinator and a teacher who both write to the bot on Telegram. */
function coreWithPeople(): TestCore {
  const core = makeCore();
  seedMunicipality(core.db, {
    platform: 'telegram',
    schools: [{ short: 'СШ № 1', statuses: ['leader'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: Number(COORDINATOR) },
      { name: 'Учителева Анна Сергеевна', role: 'teacher', school: 'СШ № 1', user: Number(TEACHER) },
    ],
  });
  return core;
}

describe('a zip bomb sent to /import', () => {
  let bomb: Buffer;
  beforeAll(() => {
    // 210 MB of sheet XML (over five million cells), a few hundred kilobytes packed.
    bomb = workbook(3, { bombMb: 210 });
  });

  it('is a real workbook: the same file with a few rows imports', async () => {
    const rows = await readTable('школы.xlsx', workbook(3));
    expect(rows.map((r) => r.cells)).toEqual([['Наименование', 'Статус'], ['МБОУ «Школа № 1»', 'лидер'], ['МБОУ «Школа № 2»', 'лидер'], ['МБОУ «Школа № 3»', 'лидер']]);
  });

  it('is refused from its central directory, naming the limit, while another person is answered', async () => {
    expect(bomb.length).toBeLessThan(2 * MB);
    expect(() => checkZip(bomb)).toThrow(DocumentLimitError);
    t = coreWithPeople();
    expect(texts(await t.core.handle(from(COORDINATOR, command('import'))))).toMatch(/Пришлите файл XLSX или CSV/);
    const [imported, help] = await Promise.all([
      t.core.handle(from(COORDINATOR, fileEvent('школы.xlsx', bomb))),
      t.core.handle(from(TEACHER, command('help'))),
    ]);
    expect(texts(imported)).toMatch(/Файл слишком большой в распакованном виде: больше 100 МБ/);
    expect(texts(help)).toMatch(/Вот команды, которые вам доступны/);
    expect(documentWorkers().busy).toBe(0);
  });

  it('is caught at its stated size when the directory understates it', async () => {
    const lying = workbook(3, { bombMb: 210, statedSheetSize: 64 * 1024 });
    expect(() => checkZip(lying)).not.toThrow();
    await expect(parseDocument({ kind: 'xlsx', data: lying, sheets: 'all' })).rejects.toBeInstanceOf(DocumentReadError);
    await expect(readTable('школы.xlsx', lying)).rejects.toMatchObject({ key: 'import-file-corrupt' });
  });
});

describe('a Word document sent as a road map', () => {
  it('is refused when one part is packed too tightly (a bomb)', async () => {
    const small = await parseDocument({ kind: 'docx', data: wordDocument(PARAGRAPH, 2) });
    expect(small).toContain('План мероприятий на 2025 год');
    // 60 MB of paragraphs: under the total limit, but packed a thousand to one.
    const batch = PARAGRAPH.repeat(16_000);
    const bomb = wordDocument(batch, Math.ceil((60 * MB) / Buffer.byteLength(batch)));
    t = coreWithPeople();
    const roadmap = await t.core.handle(from(COORDINATOR, command('roadmap')));
    const asked = await t.core.handle(from(COORDINATOR, { kind: 'action', data: buttonData(roadmap.replies, 'Загрузить дорожную карту') }));
    expect(texts(asked)).toMatch(/Пришлите приказ с дорожной картой/);
    const refused = await t.core.handle(from(COORDINATOR, fileEvent('приказ.docx', bomb)));
    expect(texts(refused)).toMatch(/Файл сжат подозрительно сильно: одна его часть распаковывается больше чем в 100 раз/);
  });

  it('is refused when its tables ask for more cells than the limit through merged columns', async () => {
    const row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p><w:r><w:t>Мероприятие</w:t></w:r></w:p></w:tc></w:tr>';
    const table = (rows: number) => wordDocument(`<w:tbl>${row.repeat(rows)}</w:tbl>`);
    await expect(parseDocument({ kind: 'docx', data: table(3) })).resolves.toContain('colspan="1000"');
    // 2,000 rows of one cell a thousand columns wide: two million cells once laid out.
    const error = await readRoadmapDocument('приказ.docx', table(2000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RoadmapDocumentError);
    expect(error).toMatchObject({ code: 'limit', key: 'document-limit-cells' });
  });
});

describe('a table longer than the row limit', () => {
  it('is refused by /import with the limit named', async () => {
    const lines = ['Наименование;Статус', ...Array.from({ length: documentLimits.rows + 1 }, (_, i) => `МБОУ «Школа № ${i + 1}»;лидер`)];
    t = coreWithPeople();
    await t.core.handle(from(COORDINATOR, command('import')));
    const refused = await t.core.handle(from(COORDINATOR, fileEvent('школы.csv', Buffer.from(lines.join('\n')))));
    expect(texts(refused)).toMatch(/В таблице больше 20\s000 строк/);
  });
});

describe('a parse past its time limit', () => {
  it('is stopped, its thread ended, and the next parse still works', async () => {
    await stopIdleDocumentWorkers();
    expect(documentWorkers()).toEqual({ alive: 0, busy: 0 });
    const text = Array.from({ length: 20_000 }, (_, i) => `${i};${'слово '.repeat(30)};"кавычки ""внутри"""`).join('\n');
    const error = await parseDocument({ kind: 'csv', text, delimiters: [';', ','] }, { limits: { timeoutMs: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentLimitError);
    expect(error).toMatchObject({ limit: 'time', key: 'document-limit-time' });
    expect(documentWorkers()).toEqual({ alive: 0, busy: 0 });
    await expect(parseDocument({ kind: 'json', text: '{"ok": true}' })).resolves.toEqual({ ok: true });
  });

  it('is answered politely, naming the limit', () => {
    const limit = new DocumentLimitError('time');
    t = makeCore();
    expect(t.deps.i18n.t('ru', limit.key, limit.args)).toMatch(/^Не успел прочитать файл за 20 секунд/);
  });
});

describe('stored file names', () => {
  it('lose the right-to-left override that disguises an extension', () => {
    expect(storedFileName('отчёт\u202Excod.exe')).toBe('отчётxcod.exe');
  });

  it('lose every bidi control, zero-width and other invisible character', () => {
    const invisible = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u2028', '\u2029', '\u00AD'];
    expect(storedFileName(`пл${invisible.join('')}ан.docx`)).toBe('план.docx');
    expect(storedFileName('счёт\u0085\u009b.pdf')).toBe('счёт__.pdf');
    expect(storedFileName('\u202E\u2066.bashrc')).toBe('bashrc');
    expect(storedFileName(`${'я'.repeat(119)}😀.txt`)).toBe('я'.repeat(119));
  });
});
