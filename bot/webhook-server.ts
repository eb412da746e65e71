// A webhook is a port anyone can reach. This server lets through only what
// the messenger itself sends: a POST to exactly the registered path, carrying
// the secret Opora registered, with a body of sane size. Everything else is
// answered here and never reaches an adapter or the core. Both webhook
// adapters use it, so the rules cannot drift apart.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Log } from '../handlers/core/log.js';
import type { WebhookConfig } from './config.js';

/** Updates are a few kilobytes; a megabyte leaves room and stops a flood. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** The update is confirmed once handled, but not later than this, so the messenger does not resend it needlessly. */
const ACK_WITHIN_MS = 10_000;
/** A slow or stalled sender cannot hold a connection open for longer than this. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface WebhookServerOptions extends WebhookConfig {
  /** The header the messenger puts the secret in. */
  secretHeader: string;
  /** Hands one parsed update on; resolves once it is handled. */
  onUpdate: (update: Record<string, unknown>) => Promise<void>;
  log: Log;
  bodyLimit?: number;
}

type Verdict = { status: number; headers?: Record<string, string> } | { update: Record<string, unknown> };

/** Starts listening on the configured host and port; refuses to start without a secret. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<Server> {
  if (options.secret.trim() === '') throw new Error('a webhook needs a secret: anyone could post updates to it otherwise');
  const path = new URL(options.url).pathname;
  const server = createServer((req, res) => void serve(req, res, options, path));
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

async function serve(req: IncomingMessage, res: ServerResponse, options: WebhookServerOptions, path: string): Promise<void> {
  const verdict = await check(req, options, path).catch(() => undefined);
  if (verdict === undefined) return void req.destroy(); // the sender went away mid-body
  if ('status' in verdict) {
    if (!req.complete) discard(req, options.bodyLimit ?? WEBHOOK_BODY_LIMIT);
    if (verdict.status === 401) options.log.warn({ path }, 'webhook request without the right secret refused');
    return answer(res, verdict.status, verdict.headers);
  }
  try {
    await Promise.race([options.onUpdate(verdict.update), new Promise((resolve) => setTimeout(resolve, ACK_WITHIN_MS).unref())]);
    answer(res, 200);
  } catch (error) {
    options.log.error({ err: error }, 'webhook update failed');
    answer(res, 500);
  }
}

/** Path, method and secret first (nothing is read from a stranger), then the body within the limit. */
async function check(req: IncomingMessage, options: WebhookServerOptions, path: string): Promise<Verdict> {
  const limit = options.bodyLimit ?? WEBHOOK_BODY_LIMIT;
  // The request target as sent, query aside: no resolving, so `//host/path` is not the path.
  if ((req.url ?? '').split('?')[0] !== path) return { status: 404 };
  if (req.method !== 'POST') return { status: 405, headers: { allow: 'POST' } };
  if (!sameSecret(req.headers[options.secretHeader.toLowerCase()], options.secret)) return { status: 401 };
  if (Number(req.headers['content-length'] ?? 0) > limit) return { status: 413 };
  const body = await readWithin(req, limit);
  if (body === undefined) return { status: 413 };
  const update = parseObject(body);
  return update ? { update } : { status: 400 };
}

/** Constant time whatever the lengths: both sides are hashed to the same size first. */
function sameSecret(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header), digest(secret));
}

/** The body, or undefined as soon as it grows past `limit`; nothing past the limit is kept. */
function readWithin(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData).off('end', onEnd);
      resolve(undefined);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

/** Lets the rest of a refused body drain unread so the sender gets the answer, but cuts the connection if it keeps coming. */
function discard(req: IncomingMessage, limit: number): void {
  let extra = 0;
  req.on('error', () => {}); // a sender that hangs up is no error of ours
  req.on('data', (chunk: Buffer) => {
    extra += chunk.length;
    if (extra > limit) req.destroy();
  });
}

function parseObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
  res.end(status === 200 ? 'OK' : '');
}
