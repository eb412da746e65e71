// Files in the playground. `:file PATH` sends a file from disk the way a
// messenger upload arrives: its name, type and size first, so the core's
// limits refuse a large file before it is read, and a read that stops at the
// limit whatever the size was. Every file the bot sends is saved under the
// playground folder with its own (sanitised) name, never over another one.
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { homedir } from 'node:os';
import type { IncomingFile, OutgoingFile } from '../../handlers/core/contract.js';
import { FileTooLargeError } from '../../handlers/core/errors.js';
import { storedFileName } from '../../handlers/core/files.js';

const MIME_BY_EXT: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

export function mimeOf(name: string): string {
  return MIME_BY_EXT[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Splits `:file` arguments into a path and a caption: a path in quotes, the
 * whole line when it names a file (a path with spaces), or the first word.
 */
export async function splitFileArgs(args: string): Promise<{ path: string; caption?: string } | undefined> {
  const text = args.trim();
  if (text === '') return undefined;
  const quoted = /^(["'])(.+?)\1(?:\s+([\s\S]*))?$/.exec(text);
  if (quoted) return { path: quoted[2] ?? '', caption: quoted[3]?.trim() || undefined };
  if (await isFile(text)) return { path: text };
  const [path = '', ...rest] = text.split(/\s+/);
  return { path, caption: rest.join(' ') || undefined };
}

/** A path as typed: `~/` is the home folder, anything relative is from the folder the playground runs in. */
export function expandPath(path: string): string {
  const home = path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
  return isAbsolute(home) ? home : resolve(home);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(expandPath(path))).isFile();
  } catch {
    return false;
  }
}

/** A file on disk as an upload; undefined when there is no such file. */
export async function fileFromDisk(path: string): Promise<IncomingFile | undefined> {
  const full = expandPath(path);
  let size: number;
  try {
    const info = await stat(full);
    if (!info.isFile()) return undefined;
    size = info.size;
  } catch {
    return undefined;
  }
  const name = basename(full);
  return { name, mime: mimeOf(name), size, fetch: ({ maxBytes }) => readWithin(full, maxBytes) };
}

/** Reads a file, stopping with FileTooLargeError once it passes `maxBytes` (it may have grown since it was measured). */
async function readWithin(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    total += buffer.length;
    if (total > maxBytes) throw new FileTooLargeError(maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

export interface SavedFile {
  /** Where it was written. */
  path: string;
  /** The path as printed: relative to the current folder when inside it. */
  shown: string;
  /** A file:// address a terminal lets one click, for pictures. */
  url?: string;
}

/** `name.ext`, then `name-2.ext`, `name-3.ext`, … */
function candidate(name: string, n: number): string {
  if (n === 1) return name;
  const ext = extname(name);
  const stem = ext === '' || ext === name ? name : name.slice(0, -ext.length);
  return `${stem}-${n}${ext === name ? '' : ext}`;
}

/** Writes a file the bot sent into `dir` under its sanitised name, adding a number rather than overwriting. */
export async function saveSentFile(dir: string, file: OutgoingFile): Promise<SavedFile> {
  await mkdir(dir, { recursive: true });
  const name = storedFileName(file.name);
  for (let n = 1; ; n += 1) {
    const path = join(dir, candidate(name, n));
    let handle;
    try {
      // 'wx' fails when the name is taken, so two saves at once never share a file.
      handle = await open(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(file.data);
    } finally {
      await handle.close();
    }
    const fromHere = relative(process.cwd(), path);
    const shown = fromHere !== '' && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
    return { path, shown, ...(file.mime.startsWith('image/') ? { url: pathToFileURL(path).href } : {}) };
  }
}
