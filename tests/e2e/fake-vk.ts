// Loopback fake of the VK API and Bots Long Poll so end-to-end tests can drive the real vk-io bot without touching the network.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  closeWithLongPolls, delay, isRecord, listenOnLoopback, nowSeconds, num, parkLongPoll, parseMultipart, prune, readBody, respond, str,
  type Json, type UploadedFile,
} from './fake-http.js';
import { invalid, parseKeyboard, VkError } from './fake-vk-rules.js';

export interface VkSent {
  id: number;
  conversation_message_id: number;
  peer_id: number;
  text: string;
  keyboard?: unknown;
  random_id: number;
  attachment?: string;
  edits: number;
}
export interface FakeVkOptions {
  groupId?: number; token?: string; perSecond?: number; latencyMs?: number;
  /** Whether `execute` is offered (the real API has it; some emulators do not). Default true. */
  execute?: boolean;
}

type Handler = (params: Json) => unknown;
interface VkDoc { id: number; owner_id: number; title: string; size: number; ext: string; url: string; date: number; type: number; content: Buffer }
interface Draft { text: string; keyboard: unknown; attachment: string | undefined; random_id: number }

/** What `execute` answers: each call's result (false where it failed) and the errors of those that failed. */
class ExecuteResult {
  constructor(readonly response: unknown[], readonly errors: Json[]) {}
}

const DEFAULT_TOKEN = 'vk1.a.test-group-token-abcdefghijklmnopqrstuvwxyz';
const LP_VERSION = '5.199';
const CLIENT_INFO = {
  button_actions: ['text', 'vkpay', 'open_app', 'location', 'open_link', 'callback', 'intent_subscribe', 'intent_unsubscribe'],
  keyboard: true, inline_keyboard: true, carousel: true, lang_id: 0,
};
/** VK document type 1 is "text document", 8 is "unknown". */
const TEXT_DOC_EXTS = new Set(['txt', 'csv', 'json', 'md', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'rtf']);


/** VK lets a community edit its message for 24 hours; later edits answer error 909. */
const EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const extOf = (name: string): string => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/** Query string plus a urlencoded, JSON or multipart body, merged into one parameter object (the body wins). */
function parseParams(url: URL, body: Buffer, contentType: string): Json {
  const params: Json = Object.fromEntries(url.searchParams);
  if (body.length === 0) return params;
  if (contentType.startsWith('multipart/form-data')) return { ...params, ...parseMultipart(body, contentType).fields };
  if (contentType.startsWith('application/json')) {
    let json: unknown;
    try { json = JSON.parse(body.toString('utf8')); } catch { return params; }
    return isRecord(json) ? { ...params, ...json } : params;
  }
  return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
}

/** VK answers almost everything with 200, so the status comes after the body here. */
function reply(res: ServerResponse, body: unknown, status = 200, contentType = 'application/json'): void {
  respond(res, status, body, contentType);
}


export class FakeVk {
  readonly apiBaseUrl: string;
  readonly groupId: number;
  readonly token: string;
  readonly eventAnswers: { event_id: string; user_id: number; peer_id: number; event_data?: unknown }[] = [];
  readonly stats: { calls: Record<string, number>; requests: number; sendsAccepted: number; tooManyRequests: number; duplicatesSuppressed: number; maxPerSecondSeen: number } =
    { calls: {}, requests: 0, sendsAccepted: 0, tooManyRequests: 0, duplicatesSuppressed: 0, maxPerSecondSeen: 0 };

  private readonly origin: string;
  private readonly lpKey = hex(16);
  private readonly waiters = new Set<() => void>();
  private readonly updates: { ts: number; update: Json }[] = [];
  private readonly peers = new Map<number, { cmid: number; sent: VkSent[] }>();
  private readonly byRandomId = new Map<string, VkSent>();
  private readonly docs = new Map<number, VkDoc>();
  private readonly uploadSlots = new Set<string>();
  private readonly uploads = new Map<string, UploadedFile>();
  private readonly blocked = new Set<number>();
  private readonly failures = new Map<string, { count: number; code: number; message: string }>();
  private readonly window: number[] = [];
  /** When each bot message was sent, for the edit window. */
  private readonly sentAt = new WeakMap<VkSent, number>();
  /** The message pinned in each dialog. */
  private readonly pins = new Map<number, VkSent>();
  private readonly methods: Map<string, Handler>;
  private nextTs = 1;
  private nextMessageId = 1;
  private nextDocId = 1;
  private nextUploadSlot = 1;
  private stopped = false;

  private constructor(private readonly server: Server, port: number, private readonly options: FakeVkOptions) {
    this.origin = `http://127.0.0.1:${port}`;
    this.apiBaseUrl = `${this.origin}/method`;
    this.groupId = options.groupId ?? 777;
    this.token = options.token ?? DEFAULT_TOKEN;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
    this.methods = new Map<string, Handler>([
      ['groups.getById', () => ({ groups: [{ id: this.groupId, name: 'Opora test', screen_name: 'opora_test', type: 'group' }] })],
      ['groups.getLongPollServer', (p) => {
        if (num(p.group_id) !== this.groupId) throw invalid('group_id is invalid');
        return { key: this.lpKey, server: `${this.origin}/lp`, ts: String(this.nextTs) };
      }],
      ['messages.send', (p) => this.send(p)],
      ['messages.edit', (p) => this.edit(p)],
      ['messages.pin', (p) => this.pin(p)],
      ['messages.sendMessageEventAnswer', (p) => this.answerEvent(p)],
      ['messages.setActivity', () => 1],
      ['users.get', (p) => (str(p.user_ids) ?? '').split(',').filter((id) => id.trim() !== '')
        .map((id) => ({ id: Number(id), first_name: 'User', last_name: id.trim(), can_access_closed: true, is_closed: false }))],
      ['docs.getMessagesUploadServer', () => {
        const slot = String(this.nextUploadSlot++);
        this.uploadSlots.add(slot);
        return { upload_url: `${this.origin}/upload/${slot}` };
      }],
      ['docs.save', (p) => this.saveDoc(p)],
    ]);
    if (options.execute !== false) this.methods.set('execute', (p) => this.execute(p));
  }

  static async start(options: FakeVkOptions = {}): Promise<FakeVk> {
    const { server, port } = await listenOnLoopback('FakeVk');
    return new FakeVk(server, port, options);
  }

  userSends(userId: number, text: string, payload?: string): number {
    return this.queueUserMessage(userId, text, [], payload);
  }

  userSendsDocument(userId: number, title: string, content: Buffer, ext?: string): number {
    const doc = this.createDoc(userId, title, content, ext ?? (extOf(title) || 'txt'));
    return this.queueUserMessage(userId, '', [{ type: 'doc', doc: docJson(doc) }]);
  }

  userPressesCallback(userId: number, conversationMessageId: number, payload: unknown): string {
    const eventId = hex(6);
    const object = { user_id: userId, peer_id: userId, event_id: eventId, payload, conversation_message_id: conversationMessageId };
    this.pushRawUpdate({ type: 'message_event', event_id: hex(20), v: LP_VERSION, object, group_id: this.groupId });
    return eventId;
  }

  /** The content of a document the bot attached, by its attachment string ("doc-777_3"). */
  documentContent(attachment: string): Buffer | undefined {
    return this.docByAttachment(attachment)?.content;
  }

  documentTitle(attachment: string): string | undefined {
    return this.docByAttachment(attachment)?.title;
  }

  private docByAttachment(attachment: string): VkDoc | undefined {
    const id = /^doc-?\d+_(\d+)$/.exec(attachment)?.[1];
    return id === undefined ? undefined : this.docs.get(Number(id));
  }

  pushRawUpdate(update: Json): void {
    this.updates.push({ ts: this.nextTs++, update });
    for (const wake of [...this.waiters]) wake();
  }

  messages(peerId: number): VkSent[] { return [...(this.peers.get(peerId)?.sent ?? [])]; }

  lastMessage(peerId: number): VkSent | undefined { return this.peers.get(peerId)?.sent.at(-1); }

  /** The bot message pinned in a dialog, as it reads now. */
  pinnedMessage(peerId: number): VkSent | undefined { return this.pins.get(peerId); }

  /** Makes the bot's messages to a peer older, as if sent `ms` earlier: past 24 hours VK refuses to edit them. */
  age(peerId: number, ms: number): void {
    for (const sent of this.peers.get(peerId)?.sent ?? []) this.sentAt.set(sent, (this.sentAt.get(sent) ?? Date.now()) - ms);
  }

  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> { return this.poll(predicate, timeoutMs, 'condition'); }

  async waitForMessages(peerId: number, count: number, timeoutMs = 5000): Promise<VkSent[]> {
    await this.poll(() => this.messages(peerId).length >= count, timeoutMs, `${count} message(s) to peer ${peerId}`);
    return this.messages(peerId);
  }

  block(peerId: number): void { this.blocked.add(peerId); }

  failNext(method: string, count: number, errorCode = 10, message = 'Internal server error'): void {
    this.failures.set(method, { count, code: errorCode, message });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await closeWithLongPolls(this.server, this.waiters);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const contentType = req.headers['content-type'] ?? '';
      if (url.pathname === '/lp') return await this.longPoll(url, res);
      if ((this.options.latencyMs ?? 0) > 0) await delay(this.options.latencyMs ?? 0);
      const method = /^\/method\/([\w.]+)$/.exec(url.pathname)?.[1];
      if (method !== undefined) return reply(res, this.callApi(method, parseParams(url, body, contentType), req.headers.authorization));
      const slot = /^\/upload\/(\d+)$/.exec(url.pathname)?.[1];
      if (slot !== undefined && req.method === 'POST' && this.uploadSlots.has(slot)) {
        const file = parseMultipart(body, contentType).files.get('file');
        if (!file) return reply(res, { error: 'ERR_UPLOAD_FILE_NOT_UPLOADED: file not uploaded' });
        const token = hex(16);
        this.uploads.set(token, file);
        return reply(res, { file: token });
      }
      const doc = this.docs.get(Number(/^\/doc\/(\d+)$/.exec(url.pathname)?.[1]));
      if (doc) return reply(res, doc.content, 200, 'application/octet-stream');
      reply(res, { error: 'not found' }, 404);
    } catch (error) {
      reply(res, { error: { error_code: 10, error_msg: `Internal server error: ${String(error)}`, request_params: [] } });
    }
  }

  private callApi(method: string, params: Json, authorization: string | undefined): Json {
    this.stats.calls[method] = (this.stats.calls[method] ?? 0) + 1;
    this.stats.requests += 1;
    try {
      this.admit();
      const handler = this.methods.get(method);
      if (!handler) throw new VkError(3, 'Unknown method passed');
      const token = str(params.access_token) ?? /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      if (token !== this.token) throw new VkError(5, 'User authorization failed: invalid access_token (4).');
      if (str(params.v) === undefined) throw new VkError(8, 'Invalid request: v (version) is required');
      const failure = this.failures.get(method);
      if (failure && failure.count > 0) {
        failure.count -= 1;
        throw new VkError(failure.code, failure.message);
      }
      const result = handler(params);
      return result instanceof ExecuteResult ? { response: result.response, ...(result.errors.length > 0 ? { execute_errors: result.errors } : {}) } : { response: result };
    } catch (error) {
      const e = error instanceof VkError ? error : new VkError(10, `Internal server error: ${String(error)}`);
      const echoed = Object.entries(params).filter(([key]) => key !== 'access_token')
        .map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
      const request_params = e.code === 5 ? [] : [{ key: 'method', value: method }, ...echoed];
      return { error: { error_code: e.code, error_msg: e.message, request_params } };
    }
  }

  /** Sliding one-second window over every API call; refuses with error 6 when `perSecond` would be exceeded. */
  private admit(): void {
    const now = Date.now();
    prune(this.window, now);
    if (this.options.perSecond !== undefined && this.window.length >= this.options.perSecond) {
      this.stats.tooManyRequests += 1;
      throw new VkError(6, 'Too many requests per second');
    }
    this.window.push(now);
    this.stats.maxPerSecondSeen = Math.max(this.stats.maxPerSecondSeen, this.window.length);
  }

  private async longPoll(url: URL, res: ServerResponse): Promise<void> {
    const query = url.searchParams;
    if (query.get('act') !== 'a_check' || query.get('key') !== this.lpKey) return reply(res, { failed: 2 });
    const ts = Number(query.get('ts'));
    if (!Number.isInteger(ts) || ts < 1 || ts > this.nextTs) return reply(res, { failed: 1, ts: String(this.nextTs) });
    let closed = false;
    res.once('close', () => { closed = true; });
    const deadline = Date.now() + Math.min(90, Math.max(0, Number(query.get('wait')) || 0)) * 1000;
    while (this.nextTs === ts && !this.stopped && !closed && Date.now() < deadline) {
      await parkLongPoll(this.waiters, res, deadline);
    }
    reply(res, { ts: String(this.nextTs), updates: this.updates.filter((u) => u.ts >= ts).map((u) => u.update) });
  }

  /**
   * `execute` as VK runs it for the code Opora sends: `return [API.m({…}), …];`
   * with one call per line. It counts as one call against the limit; a call
   * that fails gives `false` in the response and an entry in execute_errors,
   * and the others still run.
   */
  private execute(params: Json): unknown {
    const code = str(params.code) ?? '';
    const calls = code.split('\n').map((line) => /^\s*(?:return \[)?API\.([\w.]+)\((.*)\)(?:,|\];)?\s*$/.exec(line)).filter((m) => m !== null);
    if (calls.length === 0 || calls.length > 25) throw new VkError(12, 'Unable to compile code');
    const errors: Json[] = [];
    const response = calls.map(([, method = '', args = '{}']) => {
      this.stats.calls[method] = (this.stats.calls[method] ?? 0) + 1;
      try {
        const handler = this.methods.get(method);
        if (!handler || method === 'execute') throw new VkError(3, 'Unknown method passed');
        const failure = this.failures.get(method);
        if (failure && failure.count > 0) {
          failure.count -= 1;
          throw new VkError(failure.code, failure.message);
        }
        const parsed: unknown = JSON.parse(args);
        return handler(isRecord(parsed) ? parsed : {});
      } catch (error) {
        const e = error instanceof VkError ? error : new VkError(10, `Internal server error: ${String(error)}`);
        errors.push({ method, error_code: e.code, error_msg: e.message });
        return false;
      }
    });
    return new ExecuteResult(response, errors);
  }

  private send(params: Json): unknown {
    if (params.random_id === undefined || params.random_id === '') throw invalid('random_id is a required parameter');
    const randomId = num(params.random_id);
    if (randomId === undefined || !Number.isInteger(randomId)) throw invalid('random_id must be an integer');
    const draft: Draft = { text: str(params.message) ?? '', keyboard: parseKeyboard(params.keyboard), attachment: str(params.attachment)?.trim() || undefined, random_id: randomId };
    this.checkContent(draft.text, draft.attachment);
    const peerIds = Array.isArray(params.peer_ids) ? params.peer_ids.join(',') : str(params.peer_ids);
    if (peerIds === undefined) {
      const peerId = num(params.peer_id) ?? num(params.user_id);
      if (peerId === undefined) throw invalid('peer_id is undefined');
      return this.deliver(peerId, draft).id;
    }
    const ids = peerIds.split(',').map((id) => Number(id.trim()));
    if (ids.length > 100 || ids.some((id) => !Number.isInteger(id) || id === 0)) throw invalid('peer_ids is invalid');
    return ids.map((peer_id) => {
      try {
        const sent = this.deliver(peer_id, draft);
        return { peer_id, message_id: sent.id, conversation_message_id: sent.conversation_message_id };
      } catch (error) {
        if (!(error instanceof VkError)) throw error;
        return { peer_id, error: { code: error.code, description: error.message } };
      }
    });
  }

  /** Stores one message; a repeated non-zero random_id for the same peer returns the earlier message instead, as VK does. */
  private deliver(peerId: number, draft: Draft): VkSent {
    if (this.blocked.has(peerId)) throw new VkError(901, "Can't send messages for users without permission");
    const key = `${peerId}:${draft.random_id}`;
    const earlier = draft.random_id === 0 ? undefined : this.byRandomId.get(key);
    if (earlier) {
      this.stats.duplicatesSuppressed += 1;
      return earlier;
    }
    const peer = this.peer(peerId);
    const sent: VkSent = { id: this.nextMessageId++, conversation_message_id: ++peer.cmid, peer_id: peerId, ...draft, edits: 0 };
    peer.sent.push(sent);
    this.sentAt.set(sent, Date.now());
    this.byRandomId.set(key, sent);
    this.stats.sendsAccepted += 1;
    return sent;
  }

  private edit(params: Json): 1 {
    const sent = this.findSent(params);
    if (Date.now() - (this.sentAt.get(sent) ?? Date.now()) > EDIT_WINDOW_MS) throw new VkError(909, "Can't edit this message, because it's too old");
    const text = str(params.message) ?? '';
    const attachment = str(params.attachment)?.trim() || sent.attachment;
    this.checkContent(text, attachment);
    Object.assign(sent, { text, keyboard: parseKeyboard(params.keyboard), attachment, edits: sent.edits + 1 });
    return 1;
  }

  /** A bot message of the peer by conversation_message_id (or `cmid`) or by message_id, as messages.edit and messages.pin take it. */
  private findSent(params: Json): VkSent {
    const cmid = num(params.conversation_message_id) ?? num(params.cmid);
    const id = num(params.message_id);
    if (cmid === undefined && id === undefined) throw invalid('message_id and conversation_message_id is undefined');
    const sent = this.peers.get(num(params.peer_id) ?? 0)?.sent
      .find((m) => (cmid !== undefined ? m.conversation_message_id === cmid : m.id === id));
    if (!sent) throw invalid('message not found');
    return sent;
  }

  /** messages.pin answers the pinned message; a blocked dialog refuses as sending does. */
  private pin(params: Json): Json {
    const peerId = num(params.peer_id) ?? 0;
    if (this.blocked.has(peerId)) throw new VkError(901, "Can't send messages for users without permission");
    const sent = this.findSent(params);
    this.pins.set(peerId, sent);
    return { id: sent.id, conversation_message_id: sent.conversation_message_id, peer_id: peerId, from_id: -this.groupId, date: nowSeconds(), text: sent.text };
  }

  private checkContent(text: string, attachment: string | undefined): void {
    if (text.trim() === '' && attachment === undefined) throw invalid('message is empty or invalid');
    if (text.length > 4096) throw new VkError(914, 'Message is too long');
    for (const item of attachment?.split(',') ?? []) {
      const doc = /^doc(-?\d+)_(\d+)/.exec(item.trim());
      if (doc && this.docs.get(Number(doc[2]))?.owner_id !== Number(doc[1])) throw invalid(`attachment ${item} is not found`);
    }
  }

  private answerEvent(params: Json): 1 {
    const event_id = str(params.event_id);
    const user_id = num(params.user_id);
    const peer_id = num(params.peer_id);
    if (!event_id || user_id === undefined || peer_id === undefined) throw invalid('event_id, user_id and peer_id are required');
    let event_data: unknown = params.event_data;
    if (typeof event_data === 'string') {
      try { event_data = JSON.parse(event_data); } catch { /* keep the raw string */ }
    }
    if (isRecord(event_data) && event_data.type === 'show_snackbar' && typeof event_data.text === 'string' && event_data.text.length > 90) {
      throw invalid('event_data: snackbar text is longer than 90 characters');
    }
    this.eventAnswers.push({ event_id, user_id, peer_id, ...(event_data === undefined ? {} : { event_data }) });
    return 1;
  }

  private saveDoc(params: Json): Json {
    const token = str(params.file) ?? '';
    const upload = this.uploads.get(token);
    if (!upload) throw invalid('file is invalid');
    this.uploads.delete(token);
    const doc = this.createDoc(-this.groupId, str(params.title) || upload.filename, upload.content, extOf(upload.filename));
    return { type: 'doc', doc: docJson(doc) };
  }

  private createDoc(ownerId: number, title: string, content: Buffer, ext: string): VkDoc {
    const id = this.nextDocId++;
    const doc: VkDoc = {
      id, owner_id: ownerId, title, size: content.length, ext, url: `${this.origin}/doc/${id}`,
      date: nowSeconds(), type: TEXT_DOC_EXTS.has(ext) ? 1 : 8, content,
    };
    this.docs.set(id, doc);
    return doc;
  }

  private peer(peerId: number): { cmid: number; sent: VkSent[] } {
    const peer = this.peers.get(peerId) ?? { cmid: 0, sent: [] };
    this.peers.set(peerId, peer);
    return peer;
  }

  private queueUserMessage(userId: number, text: string, attachments: Json[], payload?: string): number {
    const cmid = ++this.peer(userId).cmid;
    const message = {
      date: nowSeconds(), from_id: userId, id: 0, out: 0, peer_id: userId, text, conversation_message_id: cmid,
      fwd_messages: [], important: false, random_id: 0, attachments, is_hidden: false, ...(payload === undefined ? {} : { payload }),
    };
    this.pushRawUpdate({ type: 'message_new', event_id: hex(20), v: LP_VERSION, object: { message, client_info: CLIENT_INFO }, group_id: this.groupId });
    return cmid;
  }

  private async poll(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !predicate(); await delay(20)) {
      if (Date.now() < deadline) continue;
      const peers = [...this.peers].map(([id, peer]) => `  peer ${id}: ${peer.sent.length} message(s), last: ${JSON.stringify(peer.sent.at(-1)?.text.slice(0, 200) ?? '')}`);
      throw new Error([`FakeVk: timed out after ${timeoutMs}ms waiting for ${what}`, `queued updates: ${this.updates.length}, next ts: ${this.nextTs}`,
        `calls: ${JSON.stringify(this.stats.calls)}`, ...(peers.length > 0 ? peers : ['  no bot messages'])].join('\n'));
    }
  }
}

function docJson(doc: VkDoc): Json {
  return { id: doc.id, owner_id: doc.owner_id, title: doc.title, size: doc.size, ext: doc.ext, url: doc.url, date: doc.date, type: doc.type };
}
