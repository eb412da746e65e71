// The central directory states what each entry unpacks to, but a crafted
// archive can understate it, and the zip readers inside exceljs and mammoth
// only notice after inflating everything. Inside the parsing worker, each
// entry is inflated once with its stated size as a hard ceiling, so the
// directory's numbers, already checked against the limits, are also true.
import { inflateRawSync } from 'node:zlib';
import { DocumentReadError } from './limits.js';
import type { ZipEntry } from './zip-directory.js';

const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

function packedData(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > data.byteLength || dv.getUint32(at, true) !== LOCAL_HEADER) throw new DocumentReadError(`no local header for ${entry.name}`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  if (start + entry.packedSize > data.byteLength) throw new DocumentReadError(`truncated entry ${entry.name}`);
  return data.subarray(start, start + entry.packedSize);
}

function unpackedLength(packed: Uint8Array, entry: ZipEntry): number {
  if (entry.method === STORED) return packed.byteLength;
  if (entry.method !== DEFLATED) throw new DocumentReadError(`unsupported compression in ${entry.name}`);
  try {
    return inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.unpackedSize) }).byteLength;
  } catch {
    throw new DocumentReadError(`${entry.name} does not unpack to its stated size`);
  }
}

/** Throws DocumentReadError unless every entry unpacks to exactly the size the directory states. */
export function verifyZipEntries(data: Uint8Array, entries: readonly ZipEntry[]): void {
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.unpackedSize === 0) continue;
    const length = unpackedLength(packedData(data, entry), entry);
    if (length !== entry.unpackedSize) throw new DocumentReadError(`${entry.name} does not unpack to its stated size`);
  }
}
