// Small HTTP and parsing helpers shared by the loopback fakes (fake-telegram.ts, fake-vk.ts), so each fake keeps only its own API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Json = Record<string, unknown>;
export interface UploadedFile { filename: string; contentType: string; content: Buffer }

export const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v
    : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Starts an HTTP server on an ephemeral 127.0.0.1 port; `label` names the fake in the error message. */
export async function listenOnLoopback(label: string): Promise<{ server: Server; port: number }> {
  const server = createServer();
  // Like the platforms' servers, keep idle connections longer than any client does, so a client never
  // reuses a socket in the instant the server closes it (a reset that reads as a failed request).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${label}: unexpected server address`);
  return { server, port: address.port };
}

/** Answers the long polls still parked (with nothing new), lets those answers out, then closes the server. */
export async function closeWithLongPolls(server: Server, waiters: Set<() => void>): Promise<void> {
  for (const wake of [...waiters]) wake();
  await delay(10);
  await closeServer(server);
}

/** Stops accepting connections, destroys the open ones and resolves once the server has closed. */
export async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Minimal multipart/form-data parser (text fields and files): copes with grammY's terse headers (`filename=x` unquoted)
 * and standard FormData output, quoted or unquoted parameters.
 */
export function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string>; files: Map<string, UploadedFile> } {
  const fields: Record<string, string> = {};
  const files = new Map<string, UploadedFile>();
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!boundary) return { fields, files };
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  for (let pos = body.indexOf(delimiter); pos !== -1;) {
    let start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const end = body.indexOf(next, start);
    if (end === -1) break;
    const part = body.subarray(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = headerEnd === -1 ? '' : part.subarray(0, headerEnd).toString('utf8');
    const disposition = /^content-disposition:(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? /(?:^|;)\s*name=([^;]*)/i.exec(disposition)?.[1]?.trim();
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*filename=(.*)$/i.exec(disposition)?.[1]?.trim();
    const content = Buffer.from(part.subarray(headerEnd + 4));
    const partType = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
    if (name !== undefined && filename !== undefined) files.set(name, { filename, contentType: partType, content });
    else if (name !== undefined) fields[name] = content.toString('utf8');
    pos = end + 2;
  }
  return { fields, files };
}

/** Writes a Buffer as is or anything else as JSON; a no-op once the response is finished or its socket is gone. */
export function respond(res: ServerResponse, status: number, body: unknown, contentType = 'application/json'): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': contentType });
  res.end(Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

/** Drops timestamps that left the sliding one-second window. */
export function prune(window: number[], now: number): void {
  while (window.length > 0 && (window[0] ?? now) <= now - 1000) window.shift();
}

/** Parks a long poll until a waiter is woken, the client goes away or `deadline` (epoch ms) passes. */
export function parkLongPoll(waiters: Set<() => void>, res: ServerResponse, deadline: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      waiters.delete(done);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, deadline - Date.now());
    waiters.add(done);
    res.once('close', done);
  });
}
