// XLSX and DOCX files are ZIP archives, and a small one can unpack to
// gigabytes. This reads the archive's central directory (what each entry
// says it unpacks to) without inflating anything, so a bomb is refused before
// a parser sees it. Written by hand because the format is a few fixed records
// (PKWARE APPNOTE 4.3.12-4.3.16, ZIP64 included) and the zip libraries at hand
// inflate as they list, or keep the sizes private.
import { DocumentLimitError, DocumentReadError, documentLimits, type DocumentLimits } from './limits.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else no reader of ours supports. */
  method: number;
  packedSize: number;
  unpackedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

interface Directory {
  count: number;
  offset: number;
}

const unreadable = (what: string) => new DocumentReadError(`not a zip archive: ${what}`);

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

function u64(dv: DataView, at: number): number {
  if (at + 8 > dv.byteLength) throw unreadable('truncated record');
  return Number(dv.getBigUint64(at, true));
}

function findEnd(dv: DataView): number {
  const lowest = Math.max(0, dv.byteLength - END_SIZE - MAX_COMMENT);
  for (let at = dv.byteLength - END_SIZE; at >= lowest; at--) {
    if (dv.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw unreadable('no end of central directory');
}

function zip64Directory(dv: DataView, end: number): Directory {
  const locator = end - 20;
  if (locator < 0 || dv.getUint32(locator, true) !== ZIP64_LOCATOR) throw unreadable('no ZIP64 locator');
  const record = u64(dv, locator + 8);
  if (record + 56 > dv.byteLength || dv.getUint32(record, true) !== ZIP64_END) throw unreadable('no ZIP64 end record');
  return { count: u64(dv, record + 32), offset: u64(dv, record + 48) };
}

function directoryOf(dv: DataView): Directory {
  const end = findEnd(dv);
  const count = dv.getUint16(end + 10, true);
  const offset = dv.getUint32(end + 16, true);
  return count === U16_MAX || offset === U32_MAX ? zip64Directory(dv, end) : { count, offset };
}

/** Sizes marked 0xFFFFFFFF live in the ZIP64 extra field (id 1), in this order. */
function zip64Sizes(dv: DataView, extra: number, extraEnd: number, entry: ZipEntry): void {
  for (let at = extra; at + 4 <= extraEnd; ) {
    const id = dv.getUint16(at, true);
    const size = dv.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = () => ((field += 8), u64(dv, field - 8));
      if (entry.unpackedSize === U32_MAX) entry.unpackedSize = next();
      if (entry.packedSize === U32_MAX) entry.packedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
  throw unreadable('ZIP64 sizes missing');
}

function readEntry(dv: DataView, at: number): { entry: ZipEntry; next: number } {
  if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== DIRECTORY_ENTRY) throw unreadable('broken central directory');
  const nameLength = dv.getUint16(at + 28, true);
  const extraLength = dv.getUint16(at + 30, true);
  const commentLength = dv.getUint16(at + 32, true);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > dv.byteLength) throw unreadable('truncated central directory');
  const entry: ZipEntry = {
    name: Buffer.from(dv.buffer, dv.byteOffset + at + 46, nameLength).toString('utf8'),
    method: dv.getUint16(at + 10, true),
    packedSize: dv.getUint32(at + 20, true),
    unpackedSize: dv.getUint32(at + 24, true),
    localHeaderOffset: dv.getUint32(at + 42, true),
  };
  if ([entry.packedSize, entry.unpackedSize, entry.localHeaderOffset].includes(U32_MAX)) {
    zip64Sizes(dv, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry);
  }
  return { entry, next };
}

/**
 * The entries an archive's central directory lists. Throws DocumentReadError
 * when the data is not a ZIP archive, and DocumentLimitError (entries) before
 * listing more entries than allowed.
 */
export function readZipDirectory(data: Uint8Array, limits: DocumentLimits = documentLimits): ZipEntry[] {
  if (data.byteLength < END_SIZE) throw unreadable('too short');
  const dv = view(data);
  const { count, offset } = directoryOf(dv);
  if (count > limits.entries) throw new DocumentLimitError('entries', limits);
  const entries: ZipEntry[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    const { entry, next } = readEntry(dv, at);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Refuses an archive whose entries unpack to too much in total, or one entry packed suspiciously tight. */
export function checkZipEntries(entries: readonly ZipEntry[], limits: DocumentLimits = documentLimits): void {
  const total = entries.reduce((sum, e) => sum + e.unpackedSize, 0);
  if (total > limits.unpackedBytes) throw new DocumentLimitError('unpacked-size', limits);
  const tight = entries.some((e) => e.unpackedSize > limits.ratioFromBytes && e.unpackedSize > limits.ratio * Math.max(e.packedSize, 1));
  if (tight) throw new DocumentLimitError('ratio', limits);
}

/** The central-directory check in one call: the entries, once they pass every limit. */
export function checkZip(data: Uint8Array, limits: DocumentLimits = documentLimits): ZipEntry[] {
  const entries = readZipDirectory(data, limits);
  checkZipEntries(entries, limits);
  return entries;
}
