// Threats against the way updates and files come in. A webhook is a port on
// the internet: anyone who finds it may post updates in any person's name,
// on any path, of any size. A file in an update is an address the bot will
// fetch: a forged one could point into the operator's own network, or at a
// stream that never ends. Each test attacks the real adapters over loopback
// HTTP, the way an outsider would, and checks that nothing gets through.
import { createServer, request, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { ConfigError, loadConfig, type Config } from '../../bot/config.js';
import { isFileHost, maxFileDomains, vkFileDomains } from '../../bot/download.js';
import { closeDb, openDb } from '../../db/client.js';
import { drivers, journeyOptions, type Driver } from '../e2e/drivers.js';
import { closeServer, listenOnLoopback } from '../e2e/fake-http.js';
import { tempDir } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const COORD = 8001;
const SECRET = 'opora-hook-secret-0123456789';
const MIB = 1024 * 1024;
const webhookPlatforms = ['telegram', 'max'] as const;
type WebhookPlatform = (typeof webhookPlatforms)[number];

let sequence = 0;

/** The app on a fresh database with one coordinator on the driver's messenger. */
async function startWithCoordinator(driver: Driver, path: string, config: (path: string) => Config): Promise<App> {
  const db = openDb(path);
  seedMunicipality(db, { platform: driver.platform, schools: [], people: [{ name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD }] });
  closeDb(db);
  return startApp(config(path), journeyOptions());
}

async function freePort(): Promise<number> {
  const { server, port } = await listenOnLoopback('free port');
  await closeServer(server);
  return port;
}

/** What the messenger would post when a person types `text`: a forger writes exactly the same. */
function commandUpdate(platform: WebhookPlatform, user: number, text: string): Record<string, unknown> {
  sequence += 1;
  const now = Date.now();
  if (platform === 'telegram') {
    const from = { id: user, is_bot: false, first_name: `User${user}`, language_code: 'ru' };
    const entities = [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 0 }];
    return { update_id: 500_000 + sequence, message: { message_id: sequence, date: Math.floor(now / 1000), chat: { id: user, type: 'private' }, from, text, entities } };
  }
  const sender = { user_id: user, first_name: `User${user}`, is_bot: false, last_activity_time: now };
  const recipient = { chat_id: 1_000_000 + user, chat_type: 'dialog', user_id: 9000 };
  return { update_type: 'message_created', timestamp: now, message: { sender, recipient, timestamp: now, body: { mid: `mid.forged${sequence}`, seq: sequence, text } }, user_locale: 'ru' };
}

interface Hook {
  driver: Driver;
  app: App;
  port: number;
  path: string;
  /** Posts to the webhook on 127.0.0.1 and resolves with the status. */
  post(options: { body?: unknown; secret?: string; path?: string; method?: string; host?: string }): Promise<number>;
  stop(): Promise<void>;
}

/** The app in webhook mode, configured from the environment as an operator would. */
async function startHook(platform: WebhookPlatform, dir: string): Promise<Hook> {
  const driver = await drivers[platform]();
  const port = await freePort();
  const prefix = platform === 'telegram' ? 'TELEGRAM' : 'MAX';
  const path = `/${platform}/hook`;
  const env = {
    ...driver.env(),
    [`${prefix}_WEBHOOK_URL`]: `https://127.0.0.1:${port}${path}`,
    [`${prefix}_WEBHOOK_SECRET`]: SECRET,
    [`${prefix}_WEBHOOK_PORT`]: String(port),
    LOG_LEVEL: 'silent',
  };
  const app = await startWithCoordinator(driver, join(dir, `${platform}.db`), (db) => loadConfig({ ...env, DATABASE_PATH: db }));
  const header = platform === 'telegram' ? 'x-telegram-bot-api-secret-token' : 'x-max-bot-api-secret';
  return {
    driver,
    app,
    port,
    path,
    post: async ({ body, secret, path: at = path, method = 'POST', host = '127.0.0.1' }) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(secret === undefined ? {} : { [header]: secret }) };
      const response = await fetch(`http://${host}:${port}${at}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      await response.arrayBuffer();
      return response.status;
    },
    stop: async () => {
      await app.stop();
      await driver.stop();
    },
  };
}

/** A genuine /help, then: it is answered, and nothing the forger asked for was. */
async function onlyGenuineAnswered(hook: Hook, platform: WebhookPlatform): Promise<void> {
  const since = hook.driver.messages(COORD).length;
  expect(await hook.post({ secret: SECRET, body: commandUpdate(platform, COORD, '/help') })).toBe(200);
  await hook.driver.waitForText(COORD, /Вот команды/, since);
  await hook.driver.settled(COORD);
  expect(hook.driver.messages(COORD).filter((m) => /Журнал/.test(m.text))).toEqual([]);
}

/** Sends a body in pieces without announcing its length (chunked), and resolves with the status once the answer came. */
function postChunked(port: number, path: string, headers: Record<string, string>, body: Buffer, announced?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, ...(announced ? { 'content-length': String(announced) } : {}) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      if (announced) req.destroy();
    });
    req.on('error', (error) => (announced ? undefined : reject(error)));
    for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024));
    if (!announced) req.end();
  });
}

describe('Threat: a webhook opened without a secret takes anyone as the messenger', () => {
  it('start-up stops and names TELEGRAM_WEBHOOK_SECRET and MAX_WEBHOOK_SECRET when they are missing', () => {
    let error: unknown;
    try {
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/tg',
        MAX_BOT_TOKEN: 'f9LHodD0cOIEr0gCxuvowdetqQYLt6Ym',
        MAX_WEBHOOK_URL: 'https://bot.example.ru/max',
        OPORA_LANG: 'en',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set',
      'MAX_WEBHOOK_SECRET: required when MAX_WEBHOOK_URL is set',
    ]);
  });

  it.each(webhookPlatforms)('%s: an adapter handed an empty secret refuses to start and opens no port', async (platform) => {
    const { dir, cleanup } = tempDir();
    const driver = await drivers[platform]();
    const port = await freePort();
    try {
      const webhook = { url: `https://127.0.0.1:${port}/hook`, secret: '', host: '127.0.0.1', port };
      const config = driver.config(join(dir, 'opora.db'));
      const withHook: Config = platform === 'telegram' ? { ...config, telegram: config.telegram && { ...config.telegram, webhook } } : { ...config, max: config.max && { ...config.max, webhook } };
      const started = startApp(withHook, journeyOptions());
      await expect(started).rejects.toThrow(/secret/);
      await expect(fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toThrow();
      // Refused by Opora itself before it registered anything with the messenger.
      expect(driver.server.stats.calls[platform === 'telegram' ? 'setWebhook' : 'POST /subscriptions'] ?? 0).toBe(0);
    } finally {
      await driver.stop();
      cleanup();
    }
  });
});

describe.each(webhookPlatforms)('Threat: forged updates posted to the %s webhook', (platform) => {
  let hook: Hook;
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    hook = await startHook(platform, dir);
  });
  afterAll(async () => {
    await hook.stop();
    cleanup();
  });

  it("a forged /audit in the coordinator's name, without the secret or with a wrong one, is refused with 401 and never answered", async () => {
    for (const secret of [undefined, '', 'wrong-secret', `${SECRET}x`, SECRET.slice(0, -1)]) {
      expect(await hook.post({ secret, body: commandUpdate(platform, COORD, '/audit') })).toBe(401);
    }
    await onlyGenuineAnswered(hook, platform);
  });

  it('the same forgery with the secret on any other path gets 404, with another method 405, and is never answered', async () => {
    for (const path of ['/', '/other', `${hook.path}/more`, hook.path.toUpperCase(), `/x${hook.path}`, `//x${hook.path}`]) {
      expect(await hook.post({ path, secret: SECRET, body: commandUpdate(platform, COORD, '/audit') })).toBe(404);
    }
    expect(await hook.post({ method: 'GET', secret: SECRET })).toBe(405);
    expect(await hook.post({ method: 'PUT', secret: SECRET, body: commandUpdate(platform, COORD, '/audit') })).toBe(405);
    await onlyGenuineAnswered(hook, platform);
  });

  it('a body over 1 MiB, announced or streamed without a length, is cut off with 413 and never answered', async () => {
    const padded = Buffer.from(JSON.stringify({ ...commandUpdate(platform, COORD, '/audit'), padding: 'x'.repeat(1.5 * MIB) }));
    const headers = { 'content-type': 'application/json', [platform === 'telegram' ? 'x-telegram-bot-api-secret-token' : 'x-max-bot-api-secret']: SECRET };
    expect(await postChunked(hook.port, hook.path, headers, padded.subarray(0, 64 * 1024), 2 * MIB)).toBe(413);
    expect(await postChunked(hook.port, hook.path, headers, padded)).toBe(413);
    await onlyGenuineAnswered(hook, platform);
  });

  it('by default the port answers on 127.0.0.1 only, for a reverse proxy on the same machine', async () => {
    await expect(hook.post({ host: '127.0.0.2', secret: SECRET, body: commandUpdate(platform, COORD, '/audit') })).rejects.toThrow();
    expect(await hook.post({ body: commandUpdate(platform, COORD, '/audit') })).toBe(401);
  });
});

/** Counts every TCP connection made to it, whatever is said over it: a foreign host the bot must never reach. */
async function startForeignHost(): Promise<{ origin: string; connections: () => number; close: () => Promise<void> }> {
  const server = createServer((_req, res) => res.end('internal report'));
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.2:${port}`, connections: () => connections, close: () => closeServer(server) };
}

interface Front {
  origin: string;
  /** Resolves once the bot has hung up on the endless file. */
  endlessClosed: Promise<number>;
  close: () => Promise<void>;
}

/**
 * Stands in front of a fake messenger as its API address, passing every call
 * through, and adds what a hostile file server does: `/endless` streams a file
 * of no announced size for ever, `/away` redirects to the foreign host.
 */
async function startFront(target: string, foreign: string): Promise<Front> {
  const { server, port } = await listenOnLoopback('front');
  let hungUp: (sent: number) => void = () => {};
  const endlessClosed = new Promise<number>((resolve) => (hungUp = resolve));
  server.on('request', (req, res) => {
    if (req.url === '/endless') return streamForever(res, hungUp);
    if (req.url === '/away') return void res.writeHead(302, { location: `${foreign}/report.csv` }).end();
    const upstream = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return { origin: `http://127.0.0.1:${port}`, endlessClosed, close: () => closeServer(server) };
}

function streamForever(res: ServerResponse, hungUp: (sent: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  res.writeHead(200, { 'content-type': 'text/csv' });
  res.on('close', () => hungUp(sent));
  const pump = (): void => {
    let room = true;
    while (room && !res.destroyed) {
      room = res.write(chunk);
      sent += chunk.length;
    }
    if (!res.destroyed) res.once('drain', pump);
  };
  pump();
}

/** A message with a file attachment at `url` and no size, as a forger (or a messenger that omits it) would send. */
function fileUpdate(platform: 'max' | 'vk', user: number, url: string): Record<string, unknown> {
  sequence += 1;
  const now = Date.now();
  if (platform === 'vk') {
    const message = { date: Math.floor(now / 1000), from_id: user, id: 0, out: 0, peer_id: user, text: '', conversation_message_id: 90_000 + sequence, attachments: [{ type: 'doc', doc: { title: 'отчёт.csv', ext: 'csv', url } }] };
    return { type: 'message_new', event_id: `forged-${sequence}`, v: '5.199', object: { message, client_info: { button_actions: ['text', 'callback'] } } };
  }
  const sender = { user_id: user, first_name: `User${user}`, is_bot: false, last_activity_time: now };
  const recipient = { chat_id: 1_000_000 + user, chat_type: 'dialog', user_id: 9000 };
  const body = { mid: `mid.file${sequence}`, seq: sequence, text: '', attachments: [{ type: 'file', payload: { url, token: 'forged' }, filename: 'отчёт.csv' }] };
  return { update_type: 'message_created', timestamp: now, message: { sender, recipient, timestamp: now, body }, user_locale: 'ru' };
}

describe.each(['max', 'vk'] as const)('Threat: file addresses in %s updates point where the bot should not go', (platform) => {
  let driver: Driver;
  let app: App;
  let foreign: Awaited<ReturnType<typeof startForeignHost>>;
  let front: Front;
  const { dir, cleanup } = tempDir();

  beforeAll(async () => {
    driver = await drivers[platform]();
    foreign = await startForeignHost();
    const fake = driver.config('unused');
    const apiBase = platform === 'max' ? fake.max?.apiBaseUrl : fake.vk?.apiBaseUrl;
    front = await startFront(new URL(apiBase ?? '').origin, foreign.origin);
    app = await startWithCoordinator(driver, join(dir, 'opora.db'), (path) => {
      const config = driver.config(path);
      if (platform === 'max') return { ...config, max: config.max && { ...config.max, apiBaseUrl: front.origin } };
      return { ...config, vk: config.vk && { ...config.vk, apiBaseUrl: `${front.origin}/method` } };
    });
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    await front.close();
    await foreign.close();
    cleanup();
  });

  /** The coordinator starts an import and sends a file at `url`; resolves with the answer matching `expected`. */
  const sendFileAt = async (url: string, expected: RegExp) => {
    const since = driver.messages(COORD).length;
    driver.say(COORD, '/import');
    await driver.waitForText(COORD, /Пришлите файл XLSX или CSV/, since);
    driver.pushRaw(fileUpdate(platform, COORD, url));
    return driver.waitForText(COORD, expected, since);
  };

  it('an attachment on a foreign host, over http or https, or behind a redirect, is never fetched and the person is asked to resend', async () => {
    for (const url of [`${foreign.origin}/report.csv`, `${foreign.origin.replace('http:', 'https:')}/report.csv`, `${front.origin}/away`]) {
      const answer = await sendFileAt(url, /Не получилось забрать этот файл|Простите, что-то пошло не так/);
      expect(answer.text).toMatch(/Не получилось забрать этот файл/);
      await driver.settled(COORD);
    }
    expect(foreign.connections()).toBe(0);
  });

  it('a file of no announced size that never ends is cut off at the limit and the person is told it is too big', async () => {
    const answer = await sendFileAt(`${front.origin}/endless`, /Файл слишком большой/);
    expect(answer.text).toContain('до 5 МБ');
    const sent = await front.endlessClosed;
    expect(sent).toBeGreaterThan(5 * MIB);
    expect(sent).toBeLessThan(64 * MIB);
  });
});

describe('Threat: a look-alike address passes for the messenger', () => {
  it('only https on the messenger domains and their subdomains, or the configured API origin as it is, counts as the messenger', () => {
    const max = { domains: maxFileDomains, origins: ['http://127.0.0.1:9100'] };
    const vk = { domains: vkFileDomains, origins: [] };
    const allowed = (url: string, hosts: typeof max | typeof vk) => isFileHost(new URL(url), hosts);
    expect(allowed('https://fd.oneme.ru/getfile?id=1', max)).toBe(true);
    expect(allowed('https://i.okcdn.ru/x', max)).toBe(true);
    expect(allowed('http://127.0.0.1:9100/files/1', max)).toBe(true);
    expect(allowed('https://psv4.userapi.com/c1/doc.csv', vk)).toBe(true);
    for (const url of [
      'http://fd.oneme.ru/getfile', // not https
      'https://fd.oneme.ru:8443/getfile', // another port
      'https://evilmax.ru/x', // ends like, is not
      'https://max.ru.evil.example/x',
      'https://user:pass@max.ru/x',
      'http://127.0.0.1:9101/files/1', // the API host, another port
      'https://169.254.169.254/latest/meta-data',
    ]) {
      expect(allowed(url, max)).toBe(false);
    }
    expect(allowed('https://vk.com.evil.example/doc', vk)).toBe(false);
  });
});
