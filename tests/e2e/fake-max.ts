// Loopback fake of the MAX Bot API (platform-api2.max.ru) so end-to-end tests can drive the real @maxhub/max-bot-api bot
// without touching the network: long polling and webhook delivery, messages with inline keyboards, callbacks and file uploads.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  closeWithLongPolls, delay, isRecord, listenOnLoopback, num, parkLongPoll, parseMultipart, prune, readBody, respond, str, type Json,
} from './fake-http.js';

export interface MaxSent { mid: string; userId: number; chatId: number; text: string; attachments: Json[]; edits: number; file?: { name: string; content: Buffer } }
export interface FakeMaxOptions { token?: string; perSecond?: number; latencyMs?: number }

type Handler = (query: URLSearchParams, body: Json, res: ServerResponse) => unknown;
interface StoredFile { id: number; token: string; name: string; content: Buffer }
interface Subscription { url: string; time: number; update_types: string[]; secret?: string }

const DEFAULT_TOKEN = 'max-test-token-abcdefghijklmnopqrstuvwxyz0123';
const BOT_ID = 9000;
/** A user's dialog with the bot has the fixed chat id DIALOG_BASE + user id; smaller chat ids do not exist. */
const DIALOG_BASE = 1_000_000;
const UPLOAD_TYPES = new Set(['image', 'video', 'audio', 'file']);
const OK = { success: true };
/** In a dialog MAX edits a message without buttons only within 7 days; one with an inline keyboard at any age. */
const EDIT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

class MaxApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}
const badPayload = (message: string): MaxApiError => new MaxApiError(400, 'proto.payload', message);
const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

function userJson(userId: number): Json {
  return { user_id: userId, first_name: `User${userId}`, last_name: '', name: `User${userId}`, is_bot: false, last_activity_time: Date.now() };
}

function parseJson(body: Buffer): Json {
  if (body.length === 0) return {};
  let json: unknown;
  try { json = JSON.parse(body.toString('utf8')); } catch { throw badPayload('Failed to parse JSON body'); }
  if (!isRecord(json)) throw badPayload('Request body must be a JSON object');
  return json;
}

/** MAX keyboard limits: ≤30 rows, ≤7 buttons a row, ≤210 buttons; text ≤128, callback payload ≤1024, link buttons need a url. */
function checkKeyboard(payload: unknown): void {
  const bad = (why: string): MaxApiError => badPayload(`inline_keyboard: ${why}`);
  const rows: unknown = isRecord(payload) ? payload.buttons : undefined;
  if (!Array.isArray(rows)) throw bad('payload.buttons must be an array of rows');
  if (rows.length > 30) throw bad(`${rows.length} rows, at most 30 allowed`);
  let total = 0;
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row)) throw bad('every row must be an array');
    if (row.length > 7) throw bad(`${row.length} buttons in a row, at most 7 allowed`);
    total += row.length;
    for (const button of row as unknown[]) {
      if (!isRecord(button) || typeof button.type !== 'string' || typeof button.text !== 'string' || button.text === '') throw bad('every button needs type and text');
      if (button.text.length > 128) throw bad(`button text "${button.text.slice(0, 40)}…" is longer than 128 characters`);
      if (button.type === 'callback' && (typeof button.payload !== 'string' || button.payload.length > 1024)) {
        throw bad('callback buttons need a payload string of at most 1024 characters');
      }
      if (button.type === 'link' && (typeof button.url !== 'string' || button.url === '')) throw bad('link buttons need a url');
    }
  }
  if (total > 210) throw bad(`${total} buttons, at most 210 allowed`);
}

function checkContent(text: string, attachments: Json[], format: unknown): void {
  if (text.length > 4000) throw badPayload('text: size must be between 0 and 4000');
  if (text.trim() === '' && attachments.length === 0) throw badPayload('text: message must have text or attachments');
  if (format !== undefined && format !== null && format !== 'markdown' && format !== 'html') throw badPayload('format: must be markdown or html');
}

export class FakeMax {
  readonly apiBaseUrl: string;
  readonly token: string;
  readonly botUsername = 'opora_test_bot';
  readonly callbackAnswers: { callback_id: string; notification?: string; message?: Json }[] = [];
  /** `markersSeen`: the marker of each answered GET /updates, `null` when none was passed. */
  readonly stats: { calls: Record<string, number>; sendsAccepted: number; tooManyRequests: number; maxPerSecondSeen: number; markersSeen: (number | null)[] } =
    { calls: {}, sendsAccepted: 0, tooManyRequests: 0, maxPerSecondSeen: 0, markersSeen: [] };

  private readonly waiters = new Set<() => void>();
  private readonly updates: { index: number; update: Json }[] = [];
  private readonly dialogs = new Map<number, MaxSent[]>();
  private readonly byMid = new Map<string, MaxSent>();
  private readonly meta = new WeakMap<MaxSent, { seq: number; timestamp: number }>();
  private readonly callbacks = new Map<string, string | undefined>(); // callback_id → mid of the pressed message
  private readonly files = new Map<number, StoredFile>();
  private readonly byToken = new Map<string, StoredFile>();
  private readonly uploadSlots = new Set<string>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly blocked = new Set<number>();
  private readonly failures = new Map<string, { count: number; status: number; code: string }>();
  private readonly window: number[] = [];
  /** The message pinned in each dialog, by user. */
  private readonly pins = new Map<number, MaxSent>();
  private readonly abort = new AbortController();
  private readonly routes: Map<string, Handler>;
  private deliveries: Promise<void> = Promise.resolve();
  private nextIndex = 1;
  private confirmed = 1; // updates below this index were confirmed by a marker
  private seq = 0;
  private stopped = false;

  private constructor(private readonly server: Server, port: number, private readonly options: FakeMaxOptions) {
    this.apiBaseUrl = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
    this.routes = new Map<string, Handler>([
      ['GET /me', () => this.botUser()],
      ['PATCH /me/commands', (_query, body) => ({ ...this.botUser(), commands: body.commands ?? [] })],
      ['GET /updates', (query, _body, res) => this.getUpdates(query, res)],
      ['GET /subscriptions', () => ({ subscriptions: [...this.subscriptions.values()].map(({ url, time, update_types }) => ({ url, time, update_types })) })],
      ['POST /subscriptions', (_query, body) => this.subscribe(body)],
      ['DELETE /subscriptions', (query) => { this.subscriptions.delete(query.get('url') ?? ''); return OK; }],
      ['POST /messages', (query, body) => this.send(query, body)],
      ['PUT /messages', (query, body) => { this.edit(query.get('message_id') ?? '', body); return OK; }],
      ['POST /answers', (query, body) => this.answer(query, body)],
      ['POST /uploads', (query) => {
        if (!UPLOAD_TYPES.has(query.get('type') ?? '')) throw badPayload('type: must be one of image, video, audio, file');
        const slot = hex(8);
        this.uploadSlots.add(slot);
        return { url: `${this.apiBaseUrl}/upload/${slot}` };
      }],
      ['POST /chats/:id/actions', () => OK],
      ['PUT /chats/:id/pin', (query, body) => this.pin(query, body)],
    ]);
  }

  static async start(options: FakeMaxOptions = {}): Promise<FakeMax> {
    const { server, port } = await listenOnLoopback('FakeMax');
    return new FakeMax(server, port, options);
  }

  chatIdOf(userId: number): number { return DIALOG_BASE + userId; }

  userSends(userId: number, text: string): string { return this.queueUserMessage(userId, text, []); }

  userStarts(userId: number, payload?: string): void {
    this.pushRawUpdate({ update_type: 'bot_started', timestamp: Date.now(), chat_id: this.chatIdOf(userId), user: userJson(userId), payload: payload ?? null, user_locale: 'ru' });
  }

  userSendsDocument(userId: number, name: string, content: Buffer): string {
    return this.queueUserMessage(userId, '', [this.fileJson(this.storeFile(name, content))]);
  }

  userPresses(userId: number, mid: string, payload: string): string {
    const [callback_id, sent, timestamp] = [hex(16), this.byMid.get(mid), Date.now()];
    const message = sent?.userId === userId ? this.toMessage(sent) : null;
    this.callbacks.set(callback_id, message ? mid : undefined);
    this.pushRawUpdate({ update_type: 'message_callback', timestamp, callback: { timestamp, callback_id, payload, user: userJson(userId) }, message, user_locale: 'ru' });
    return callback_id;
  }

  pushRawUpdate(update: Json): void {
    this.updates.push({ index: this.nextIndex++, update });
    for (const wake of [...this.waiters]) wake();
    for (const sub of this.subscriptions.values()) {
      if (sub.update_types.length > 0 && !sub.update_types.includes(String(update.update_type))) continue;
      this.deliveries = this.deliveries.then(() => this.deliver(sub, update));
    }
  }

  messages(userId: number): MaxSent[] { return [...(this.dialogs.get(userId) ?? [])]; }

  /** The bot message pinned in a user's dialog, as it reads now. */
  pinnedMessage(userId: number): MaxSent | undefined { return this.pins.get(userId); }

  /** Makes the bot's messages to a user older, as if sent `ms` earlier (past 7 days one without buttons cannot be edited). */
  age(userId: number, ms: number): void {
    for (const sent of this.dialogs.get(userId) ?? []) {
      const meta = this.meta.get(sent);
      if (meta) meta.timestamp -= ms;
    }
  }

  block(userId: number): void { this.blocked.add(userId); }

  failNext(route: string, count: number, status = 500, code = 'internal.error'): void { this.failures.set(route, { count, status, code }); }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !predicate(); await delay(20)) {
      if (Date.now() < deadline) continue;
      const dialogs = [...this.dialogs].map(([id, list]) => `  user ${id}: ${list.length} message(s), last: ${JSON.stringify(list.at(-1)?.text.slice(0, 200) ?? '')}`);
      throw new Error([`FakeMax: timed out after ${timeoutMs}ms waiting for condition`, `queued updates: ${this.updates.length}, next index: ${this.nextIndex}`,
        `calls: ${JSON.stringify(this.stats.calls)}`, ...(dialogs.length > 0 ? dialogs : ['  no bot messages'])].join('\n'));
    }
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.abort.abort(); // webhook deliveries in flight give up
    await closeWithLongPolls(this.server, this.waiters);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const fileId = /^\/files\/(\d+)$/.exec(url.pathname)?.[1];
      if (fileId !== undefined && req.method === 'GET') {
        const file = this.files.get(Number(fileId));
        if (!file) throw new MaxApiError(404, 'not.found', `File ${fileId} not found`);
        return respond(res, 200, file.content, 'application/octet-stream');
      }
      const slot = /^\/upload\/(\w+)$/.exec(url.pathname)?.[1];
      if (slot !== undefined && req.method === 'POST') return respond(res, 200, this.upload(slot, body, req.headers['content-type'] ?? ''));
      const route = `${req.method ?? 'GET'} ${url.pathname.replace(/^\/chats\/-?\d+/, '/chats/:id')}`;
      const chatInPath = /^\/chats\/(-?\d+)/.exec(url.pathname)?.[1];
      // Handlers read the chat of a /chats/{chat_id}/… path as this parameter.
      if (chatInPath !== undefined) url.searchParams.set(':chat_id', chatInPath);
      if ((req.headers.authorization ?? url.searchParams.get('access_token')) !== this.token) throw new MaxApiError(401, 'verify.token', 'Invalid access_token');
      this.stats.calls[route] = (this.stats.calls[route] ?? 0) + 1;
      if (route !== 'GET /updates') {
        if ((this.options.latencyMs ?? 0) > 0) await delay(this.options.latencyMs ?? 0);
        this.admit();
      }
      const failure = this.failures.get(route);
      if (failure && failure.count > 0) {
        failure.count -= 1;
        throw new MaxApiError(failure.status, failure.code, `Injected failure of ${route}`);
      }
      const handler = this.routes.get(route);
      if (!handler) throw new MaxApiError(404, 'not.found', `Path ${url.pathname} not found`);
      respond(res, 200, await handler(url.searchParams, parseJson(body), res));
    } catch (error) {
      const e = error instanceof MaxApiError ? error : new MaxApiError(500, 'internal.error', `Internal error: ${String(error)}`);
      respond(res, e.status, { code: e.code, message: e.message });
    }
  }

  /** Sliding one-second window over every API call but GET /updates; refuses with 429 when `perSecond` would be exceeded. */
  private admit(): void {
    const now = Date.now();
    prune(this.window, now);
    if (this.options.perSecond !== undefined && this.window.length >= this.options.perSecond) {
      this.stats.tooManyRequests += 1;
      throw new MaxApiError(429, 'too.many.requests', 'Too many requests');
    }
    this.window.push(now);
    this.stats.maxPerSecondSeen = Math.max(this.stats.maxPerSecondSeen, this.window.length);
  }

  /**
   * Long poll as MAX documents it: `marker` confirms every update below it and asks for all from it on; without a
   * marker (or with `null`) only the latest update comes back. The answer's `marker` points at the next update expected.
   */
  private async getUpdates(query: URLSearchParams, res: ServerResponse): Promise<Json> {
    const marker = num(query.get('marker'));
    if (marker !== undefined) this.confirmed = Math.max(this.confirmed, marker);
    while ((this.updates[0]?.index ?? Infinity) < this.confirmed) this.updates.shift();
    const types = (query.get('types') ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
    const limit = Math.min(1000, Math.max(1, num(query.get('limit')) ?? 100));
    const wanted = (): { index: number; update: Json }[] =>
      this.updates.filter((u) => u.index >= (marker ?? this.confirmed) && (types.length === 0 || types.includes(String(u.update.update_type))));
    const pending = (): { index: number; update: Json }[] => (marker === undefined ? wanted().slice(-1) : wanted());
    let closed = false;
    res.once('close', () => { closed = true; });
    const deadline = Date.now() + Math.min(90, Math.max(0, num(query.get('timeout')) ?? 30)) * 1000;
    while (pending().length === 0 && !this.stopped && !closed && Date.now() < deadline) {
      await parkLongPoll(this.waiters, res, deadline);
    }
    const all = pending();
    const batch = all.slice(0, limit);
    this.stats.markersSeen.push(marker ?? null);
    return { updates: batch.map((u) => u.update), marker: all.length > limit ? (batch.at(-1)?.index ?? this.nextIndex) + 1 : this.nextIndex };
  }

  private subscribe(body: Json): Json {
    const url = str(body.url);
    if (url === undefined || !/^https:\/\/[^/]/.test(url)) throw badPayload('url: must be a valid HTTPS URL');
    const secret = str(body.secret);
    if (secret !== undefined && !/^[\w-]{5,256}$/.test(secret)) throw badPayload('secret: must match ^[a-zA-Z0-9_-]{5,256}$');
    const update_types = Array.isArray(body.update_types) ? body.update_types.filter((t): t is string => typeof t === 'string') : [];
    this.subscriptions.set(url, { url, time: Date.now(), update_types, ...(secret === undefined ? {} : { secret }) });
    return OK;
  }

  /** POSTs one update to a subscriber over plain http (the SDK always registers https:// URLs), retrying a few times. */
  private async deliver(sub: Subscription, update: Json): Promise<void> {
    const target = new URL(sub.url);
    target.protocol = 'http:';
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(sub.secret === undefined ? {} : { 'x-max-bot-api-secret': sub.secret }) };
    for (let attempt = 0; attempt < 4; attempt += 1) {
      if (attempt > 0) await delay(100 * attempt);
      if (this.stopped || this.subscriptions.get(sub.url) !== sub) return;
      try {
        const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(5000)]);
        const res = await fetch(target, { method: 'POST', headers, body: JSON.stringify(update), signal });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch { /* retried */ }
    }
  }

  private send(query: URLSearchParams, body: Json): Json {
    const userId = this.recipient(query);
    if (this.blocked.has(userId)) throw new MaxApiError(403, 'chat.denied', 'chat.denied: dialog is blocked by the user');
    const text = str(body.text) ?? '';
    const attachments = this.checkAttachments(body.attachments) ?? [];
    checkContent(text, attachments, body.format);
    const file = this.fileOf(attachments);
    const sent: MaxSent = { mid: `mid.${hex(16)}`, userId, chatId: this.chatIdOf(userId), text, attachments, edits: 0, ...(file ? { file } : {}) };
    this.dialogs.set(userId, [...(this.dialogs.get(userId) ?? []), sent]);
    this.byMid.set(sent.mid, sent);
    this.meta.set(sent, { seq: ++this.seq, timestamp: Date.now() });
    this.stats.sendsAccepted += 1;
    return { message: this.toMessage(sent) };
  }

  /** `user_id=U` and `chat_id=chatIdOf(U)` both address U's dialog. */
  private recipient(query: URLSearchParams): number {
    const userId = num(query.get('user_id'));
    if (userId !== undefined && (!Number.isInteger(userId) || userId <= 0)) throw new MaxApiError(404, 'user.not.found', `User ${userId} not found`);
    if (userId !== undefined) return userId;
    const chatId = num(query.get('chat_id'));
    if (chatId === undefined) throw badPayload('chat_id or user_id is required');
    if (!Number.isInteger(chatId) || chatId <= DIALOG_BASE) throw new MaxApiError(404, 'chat.not.found', `Chat ${chatId} not found`);
    return chatId - DIALOG_BASE;
  }

  /** Text kept unless given; attachments kept when absent or null, replaced otherwise (`[]` removes the keyboard). */
  private edit(mid: string, body: Json): void {
    const sent = this.byMid.get(mid);
    if (!sent) throw new MaxApiError(404, 'not.found', `Message ${mid} not found`);
    const age = Date.now() - (this.meta.get(sent)?.timestamp ?? Date.now());
    // MAX does not document the code of this refusal; the shape is its usual one.
    if (age > EDIT_WINDOW_MS && !sent.attachments.some((a) => a.type === 'inline_keyboard')) throw badPayload('message: too old to edit');
    const text = body.text === undefined ? sent.text : str(body.text) ?? '';
    const attachments = this.checkAttachments(body.attachments) ?? sent.attachments;
    checkContent(text, attachments, body.format);
    Object.assign(sent, { text, attachments, edits: sent.edits + 1, file: this.fileOf(attachments) });
    if (sent.file === undefined) delete sent.file;
  }

  /** PUT /chats/{chat_id}/pin with `message_id`: the message must be in that dialog. */
  private pin(query: URLSearchParams, body: Json): Json {
    const chatId = num(query.get(':chat_id'));
    if (chatId === undefined || !Number.isInteger(chatId) || chatId <= DIALOG_BASE) throw new MaxApiError(404, 'chat.not.found', `Chat ${chatId} not found`);
    const userId = chatId - DIALOG_BASE;
    if (this.blocked.has(userId)) throw new MaxApiError(403, 'chat.denied', 'chat.denied: dialog is blocked by the user');
    const sent = this.byMid.get(str(body.message_id) ?? '');
    if (!sent || sent.userId !== userId) throw new MaxApiError(404, 'not.found', `Message ${str(body.message_id)} not found`);
    this.pins.set(userId, sent);
    return OK;
  }

  private answer(query: URLSearchParams, body: Json): Json {
    const callback_id = query.get('callback_id') ?? '';
    if (!this.callbacks.has(callback_id)) throw badPayload(`callback_id: unknown callback ${callback_id}`);
    const notification = str(body.notification);
    const message = isRecord(body.message) ? body.message : undefined;
    if (notification === undefined && message === undefined) throw badPayload('answer: message or notification is required');
    if (message) this.edit(this.callbacks.get(callback_id) ?? '', message);
    this.callbackAnswers.push({ callback_id, ...(notification === undefined ? {} : { notification }), ...(message ? { message } : {}) });
    return OK;
  }

  /** Validates the attachments of a new message body; file tokens become full file attachments. Absent/null → undefined. */
  private checkAttachments(raw: unknown): Json[] | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw)) throw badPayload('attachments: must be an array');
    if (raw.filter((a) => isRecord(a) && a.type === 'inline_keyboard').length > 1) throw badPayload('attachments: only one inline_keyboard is allowed');
    return raw.map((item: unknown) => {
      if (!isRecord(item) || typeof item.type !== 'string') throw badPayload('attachments: every attachment needs a type');
      if (item.type === 'inline_keyboard') checkKeyboard(item.payload);
      if (item.type !== 'file') return item;
      const file = this.byToken.get(str(isRecord(item.payload) ? item.payload.token : undefined) ?? '');
      if (!file) throw new MaxApiError(400, 'attachment.invalid', 'Invalid attachment: unknown or missing file token');
      return this.fileJson(file);
    });
  }

  private fileOf(attachments: Json[]): { name: string; content: Buffer } | undefined {
    const payload = attachments.find((a) => a.type === 'file')?.payload;
    const file = this.byToken.get(str(isRecord(payload) ? payload.token : undefined) ?? '');
    return file ? { name: file.name, content: file.content } : undefined;
  }

  /** Second step of an upload: multipart/form-data with the file in field `data` → `{ token }`. */
  private upload(slot: string, body: Buffer, contentType: string): Json {
    if (!this.uploadSlots.has(slot)) throw new MaxApiError(404, 'not.found', 'Upload url is unknown or already used');
    const data = parseMultipart(body, contentType).files.get('data');
    if (!data) throw badPayload('upload: multipart field "data" with a file is required');
    this.uploadSlots.delete(slot);
    return { token: this.storeFile(data.filename, data.content).token };
  }

  private storeFile(name: string, content: Buffer): StoredFile {
    const file: StoredFile = { id: this.files.size + 1, token: hex(16), name, content };
    this.files.set(file.id, file);
    this.byToken.set(file.token, file);
    return file;
  }

  private fileJson(file: StoredFile): Json {
    return { type: 'file', payload: { url: `${this.apiBaseUrl}/files/${file.id}`, token: file.token }, filename: file.name, size: file.content.length };
  }

  private botUser(): Json {
    return { user_id: BOT_ID, first_name: 'Opora', name: 'Opora', username: this.botUsername, is_bot: true, last_activity_time: Date.now() };
  }

  private toMessage(sent: MaxSent): Json {
    const meta = this.meta.get(sent) ?? { seq: 0, timestamp: Date.now() };
    return {
      sender: this.botUser(), recipient: { chat_id: sent.chatId, chat_type: 'dialog', user_id: sent.userId }, timestamp: meta.timestamp,
      body: { mid: sent.mid, seq: meta.seq, text: sent.text, attachments: sent.attachments },
    };
  }

  private queueUserMessage(userId: number, text: string, attachments: Json[]): string {
    const [mid, timestamp] = [`mid.${hex(16)}`, Date.now()];
    const message = {
      sender: userJson(userId), recipient: { chat_id: this.chatIdOf(userId), chat_type: 'dialog', user_id: BOT_ID }, timestamp,
      body: { mid, seq: ++this.seq, text, ...(attachments.length > 0 ? { attachments } : {}) },
    };
    this.pushRawUpdate({ update_type: 'message_created', timestamp, message, user_locale: 'ru' });
    return mid;
  }
}
