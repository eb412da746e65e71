// Loopback Telegram Bot API emulator so end-to-end tests can drive the real grammY bot without touching the network.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import {
  closeWithLongPolls, delay, isRecord, listenOnLoopback, nowSeconds, num, parkLongPoll, parseMultipart, prune, readBody, respond, str,
  type Json, type UploadedFile,
} from './fake-http.js';

export interface TgUser { id: number; first_name?: string; language_code?: string }
export interface SentMessage {
  message_id: number;
  chat_id: number;
  text?: string;
  caption?: string;
  document?: { file_name: string; size: number; content: Buffer };
  /** A photo as uploaded, with the size Telegram shows it at. */
  photo?: { width: number; height: number; size: number; content: Buffer };
  reply_markup?: unknown;
  edits: number;
}
export interface FakeTelegramOptions { token?: string; globalPerSecond?: number; perChatPerSecond?: number; latencyMs?: number }

interface StoredFile { file_id: string; file_unique_id: string; file_path: string; file_name: string; mime_type: string; content: Buffer }
interface ApiCall { params: Record<string, unknown>; files: Map<string, UploadedFile> }
type Handler = (call: ApiCall, res: ServerResponse) => unknown;

const DEFAULT_TOKEN = '123456:TEST-token-abcdefghijklmnopqrstuvwxyz';
const BOT_ID = 123456;
/** User messages take ids from a separate range so that bot message ids in a chat are exactly 1, 2, 3, … */
const USER_MESSAGE_ID_BASE = 1_000_000;
/** Fields that arrive JSON-serialised inside multipart / urlencoded bodies. */
const JSON_FIELDS = new Set(['reply_markup', 'commands', 'entities', 'caption_entities', 'link_preview_options', 'reply_parameters', 'scope', 'allowed_updates']);
const NOT_MODIFIED = 'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
const MIME_BY_EXT: Record<string, string> = { '.csv': 'text/csv', '.txt': 'text/plain', '.json': 'application/json', '.pdf': 'application/pdf' };

class TgError extends Error {
  constructor(readonly code: number, readonly description: string, readonly retryAfter?: number) {
    super(description);
  }
}
const badRequest = (what: string): TgError => new TgError(400, `Bad Request: ${what}`);

/** JSON with sorted keys, so two reply markups compare equal regardless of key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_key, value: unknown) =>
    isRecord(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value) ?? 'undefined';
/** An empty inline keyboard is how Telegram removes one, so it is stored as "no markup". */
const normalizeMarkup = (markup: unknown): unknown =>
  !isRecord(markup) || (Array.isArray(markup.inline_keyboard) && markup.inline_keyboard.length === 0) ? undefined : markup;

export class FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly botUsername = 'opora_test_bot';
  readonly callbackAnswers: { callback_query_id: string; text?: string }[] = [];
  readonly commands: { commands: unknown; language_code?: string }[] = [];
  readonly stats: { calls: Record<string, number>; sendsAccepted: number; tooManyRequests: number; maxGlobalPerSecondSeen: number; maxPerChatPerSecondSeen: number } =
    { calls: {}, sendsAccepted: 0, tooManyRequests: 0, maxGlobalPerSecondSeen: 0, maxPerChatPerSecondSeen: 0 };

  private readonly waiters = new Set<() => void>();
  private readonly chats = new Map<number, SentMessage[]>();
  private readonly userMessageIds = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly messageFiles = new WeakMap<SentMessage, StoredFile>();
  private readonly messageDates = new WeakMap<SentMessage, number>();
  private readonly callbackIds = new Set<string>();
  private readonly blocked = new Set<number>();
  private readonly failures = new Map<string, { count: number; code: number; description: string }>();
  private readonly globalWindow: number[] = [];
  private readonly chatWindows = new Map<number, number[]>();
  /** The message pinned in each chat, by message_id. */
  private readonly pins = new Map<number, number>();
  private readonly methods: Map<string, Handler>;
  private updates: { update_id: number; update: Json }[] = [];
  private nextUpdateId = 1;
  private counter = 0;
  private stopped = false;

  private constructor(private readonly server: Server, port: number, private readonly options: FakeTelegramOptions) {
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = options.token ?? DEFAULT_TOKEN;
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void this.handle(req, res));
    const ok = (): true => true;
    this.methods = new Map<string, Handler>([
      ['getMe', () => ({ ...this.botUser(), can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false })],
      ['getUpdates', (call, res) => this.getUpdates(call, res)],
      ['deleteWebhook', ({ params }) => {
        if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') this.updates = [];
        return true;
      }],
      ['setWebhook', ok], ['sendChatAction', ok], ['deleteMyCommands', ok],
      ['setMyCommands', ({ params }) => {
        const language = str(params.language_code);
        this.commands.push({ commands: params.commands, ...(language === undefined ? {} : { language_code: language }) });
        return true;
      }],
      ['answerCallbackQuery', ({ params }) => this.answerCallbackQuery(params)],
      ['getFile', ({ params }) => this.getFile(params)],
      ['sendMessage', ({ params }) => this.sendMessage(params)],
      ['editMessageText', ({ params }) => this.editMessage(params, true)],
      ['editMessageReplyMarkup', ({ params }) => this.editMessage(params, false)],
      ['editMessageCaption', ({ params }) => this.editCaption(params)],
      ['pinChatMessage', ({ params }) => this.pinMessage(params)],
      ['sendDocument', (call) => this.sendDocument(call)],
      ['sendPhoto', (call) => this.sendPhoto(call)],
    ]);
  }

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const { server, port } = await listenOnLoopback('FakeTelegram');
    return new FakeTelegram(server, port, options);
  }

  userSends(user: TgUser, text: string): number {
    const command = /^\/\S+/.exec(text)?.[0];
    const entities = command === undefined ? undefined : [{ type: 'bot_command', offset: 0, length: command.length }];
    return this.pushRawUpdate({ message: { ...this.userMessageBase(user), text, entities } });
  }

  userSendsDocument(user: TgUser, fileName: string, content: Buffer, mime?: string): number {
    const file = this.registerFile(fileName, content, mime);
    return this.pushRawUpdate({ message: { ...this.userMessageBase(user), document: documentJson(file) } });
  }

  userPresses(user: TgUser, messageId: number, data: string): string {
    const id = `${user.id}${++this.counter}`;
    const sent = this.chats.get(user.id)?.find((m) => m.message_id === messageId);
    // An unknown message is delivered the way Telegram delivers an InaccessibleMessage (date 0).
    const message = sent ? this.toMessage(sent) : { message_id: messageId, chat: { id: user.id, type: 'private' }, date: 0 };
    this.pushRawUpdate({ callback_query: { id, from: userJson(user), message, chat_instance: `ci${user.id}`, data } });
    return id;
  }

  pushRawUpdate(update: Json): number {
    const given = num(update.update_id);
    const updateId = given ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    if (isRecord(update.callback_query) && typeof update.callback_query.id === 'string') this.callbackIds.add(update.callback_query.id);
    this.updates.push({ update_id: updateId, update: given === undefined ? { update_id: updateId, ...update } : update });
    for (const wake of [...this.waiters]) wake();
    return updateId;
  }

  messages(chatId: number): SentMessage[] { return [...(this.chats.get(chatId) ?? [])]; }

  lastMessage(chatId: number): SentMessage | undefined { return this.chats.get(chatId)?.at(-1); }

  /** The bot message pinned in a chat, as it reads now. */
  pinnedMessage(chatId: number): SentMessage | undefined {
    const id = this.pins.get(chatId);
    return id === undefined ? undefined : this.chats.get(chatId)?.find((m) => m.message_id === id);
  }

  waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> { return this.poll(predicate, timeoutMs, 'condition'); }

  async waitForMessages(chatId: number, count: number, timeoutMs = 5000): Promise<SentMessage[]> {
    await this.poll(() => this.messages(chatId).length >= count, timeoutMs, `${count} message(s) in chat ${chatId}`);
    return this.messages(chatId);
  }

  block(chatId: number): void { this.blocked.add(chatId); }

  failNext(method: string, count: number, errorCode = 500, description = 'Internal Server Error'): void {
    this.failures.set(method, { count, code: errorCode, description });
  }

  pendingUpdates(): number { return this.updates.length; }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await closeWithLongPolls(this.server, this.waiters);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req);
      const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
      if (download) {
        await delay(this.options.latencyMs ?? 0);
        const file = [...this.files.values()].find((f) => f.file_path === decodeURIComponent(download[2] ?? ''));
        if (download[1] !== this.token || !file) throw new TgError(404, 'Not Found');
        return respond(res, 200, file.content, file.mime_type);
      }
      const [, token, method = ''] = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname) ?? [];
      if (token === undefined) throw new TgError(404, 'Not Found');
      if (token !== this.token) throw new TgError(401, 'Unauthorized');
      this.stats.calls[method] = (this.stats.calls[method] ?? 0) + 1;
      if (method !== 'getUpdates' && (this.options.latencyMs ?? 0) > 0) await delay(this.options.latencyMs ?? 0);
      const call = parseCall(url, body, req.headers['content-type'] ?? '');
      const failure = this.failures.get(method);
      if (failure && failure.count > 0) {
        failure.count -= 1;
        throw new TgError(failure.code, failure.description, failure.code === 429 ? 1 : undefined);
      }
      const handler = this.methods.get(method);
      if (!handler) throw new TgError(404, 'Not Found: method not found');
      respond(res, 200, { ok: true, result: await handler(call, res) });
    } catch (error) {
      const e = error instanceof TgError ? error : new TgError(500, `Internal Server Error: ${String(error)}`);
      const parameters = e.retryAfter === undefined ? {} : { parameters: { retry_after: e.retryAfter } };
      respond(res, e.code >= 400 && e.code < 600 ? e.code : 500, { ok: false, error_code: e.code, description: e.description, ...parameters });
    }
  }

  private async getUpdates({ params }: ApiCall, res: ServerResponse): Promise<unknown[]> {
    const offset = num(params.offset);
    const limit = Math.min(100, Math.max(1, num(params.limit) ?? 100));
    if (offset !== undefined && offset < 0) this.updates = this.updates.slice(offset);
    else if (offset !== undefined) this.updates = this.updates.filter((u) => u.update_id >= offset);
    let closed = false;
    res.once('close', () => { closed = true; });
    const deadline = Date.now() + Math.max(0, num(params.timeout) ?? 0) * 1000;
    while (this.updates.length === 0 && !this.stopped && !closed && Date.now() < deadline) {
      await parkLongPoll(this.waiters, res, deadline);
    }
    return this.updates.slice(0, limit).map((u) => u.update);
  }

  private sendMessage(params: Json): Json {
    const chatId = this.chatId(params, true);
    const text = str(params.text) ?? '';
    checkText(text, 4096, 'message text is empty', 'message is too long');
    const reply_markup = normalizeMarkup(params.reply_markup);
    this.admit(chatId);
    return this.toMessage(this.store({ message_id: 0, chat_id: chatId, text, reply_markup, edits: 0 }));
  }

  private sendDocument({ params, files }: ApiCall): Json {
    const chatId = this.chatId(params, true);
    const ref = params.document;
    let upload = typeof ref === 'string' && ref.startsWith('attach://') ? files.get(ref.slice('attach://'.length)) : files.get('document');
    if (typeof ref === 'string' && !ref.startsWith('attach://')) { // re-sending an existing file by file_id
      const known = this.files.get(ref);
      if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
      upload = { filename: known.file_name, contentType: known.mime_type, content: known.content };
    }
    if (!upload) throw badRequest('there is no document in the request');
    if (upload.content.length === 0) throw badRequest('file must be non-empty');
    const caption = str(params.caption);
    if (caption !== undefined) checkText(caption, 1024, '', 'message caption is too long');
    const reply_markup = normalizeMarkup(params.reply_markup);
    this.admit(chatId);
    const file = this.registerFile(upload.filename, upload.content, upload.contentType === 'application/octet-stream' ? undefined : upload.contentType);
    const document = { file_name: file.file_name, size: file.content.length, content: file.content };
    const sent = this.store({ message_id: 0, chat_id: chatId, caption, document, reply_markup, edits: 0 });
    this.messageFiles.set(sent, file);
    return this.toMessage(sent);
  }

  /**
   * As the Bot API documents sendPhoto: an upload by multipart (or a known
   * file_id), at most 10 MB, width and height together at most 10000, their
   * ratio at most 20. Telegram shows a photo at most 1280 pixels on its long
   * side. Only PNG is understood here.
   */
  private sendPhoto({ params, files }: ApiCall): Json {
    const chatId = this.chatId(params, true);
    const ref = params.photo;
    let upload = typeof ref === 'string' && ref.startsWith('attach://') ? files.get(ref.slice('attach://'.length)) : files.get('photo');
    if (typeof ref === 'string' && !ref.startsWith('attach://')) {
      const known = this.files.get(ref);
      if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
      upload = { filename: known.file_name, contentType: known.mime_type, content: known.content };
    }
    if (!upload) throw badRequest('there is no photo in the request');
    if (upload.content.length === 0) throw badRequest('file must be non-empty');
    if (upload.content.length > 10 * 1024 * 1024) throw badRequest('PHOTO_SAVE_FILE_INVALID');
    const size = pngDimensions(upload.content);
    if (!size) throw badRequest('IMAGE_PROCESS_FAILED');
    if (size.width + size.height > 10_000 || Math.max(size.width, size.height) > 20 * Math.min(size.width, size.height)) {
      throw badRequest('PHOTO_INVALID_DIMENSIONS');
    }
    const caption = str(params.caption);
    if (caption !== undefined) checkText(caption, 1024, '', 'message caption is too long');
    const reply_markup = normalizeMarkup(params.reply_markup);
    this.admit(chatId);
    const scale = Math.min(1, 1280 / Math.max(size.width, size.height));
    const file = this.registerFile(`photo_${this.counter + 1}.jpg`, upload.content, 'image/jpeg');
    const photo = { width: Math.round(size.width * scale), height: Math.round(size.height * scale), size: upload.content.length, content: upload.content };
    const sent = this.store({ message_id: 0, chat_id: chatId, caption, photo, reply_markup, edits: 0 });
    this.messageFiles.set(sent, file);
    return this.toMessage(sent);
  }

  private editMessage(params: Json, withText: boolean): Json {
    const chatId = this.chatId(params, false);
    const messageId = num(params.message_id);
    const sent = this.chats.get(chatId)?.find((m) => m.message_id === messageId);
    if (!sent) throw badRequest('message to edit not found');
    const text = withText ? str(params.text) ?? '' : sent.text;
    if (withText) {
      checkText(text ?? '', 4096, 'message text is empty', 'message is too long');
      if (sent.text === undefined) throw badRequest('there is no text in the message to edit');
    }
    const reply_markup = normalizeMarkup(params.reply_markup);
    if (text === sent.text && canonical(reply_markup) === canonical(sent.reply_markup)) throw badRequest(NOT_MODIFIED);
    if (withText) this.admit(chatId);
    Object.assign(sent, { text, reply_markup, edits: sent.edits + 1 });
    return { ...this.toMessage(sent), edit_date: nowSeconds() };
  }

  /** As the Bot API: a caption only on a message that has a file; the same caption and markup again is "not modified". */
  private editCaption(params: Json): Json {
    const chatId = this.chatId(params, false);
    const sent = this.chats.get(chatId)?.find((m) => m.message_id === num(params.message_id));
    if (!sent) throw badRequest('message to edit not found');
    if (!sent.document && !sent.photo) throw badRequest('there is no caption in the message to edit');
    const caption = str(params.caption);
    if (caption !== undefined) checkText(caption, 1024, '', 'message caption is too long');
    const reply_markup = normalizeMarkup(params.reply_markup);
    if (caption === sent.caption && canonical(reply_markup) === canonical(sent.reply_markup)) throw badRequest(NOT_MODIFIED);
    this.admit(chatId);
    Object.assign(sent, { caption, reply_markup, edits: sent.edits + 1 });
    return { ...this.toMessage(sent), edit_date: nowSeconds() };
  }

  /** One pinned message a chat here (a private chat may hold more; the newest is what shows). */
  private pinMessage(params: Json): true {
    const chatId = this.chatId(params, true);
    const messageId = num(params.message_id);
    if (!this.chats.get(chatId)?.some((m) => m.message_id === messageId) || messageId === undefined) throw badRequest('message to pin not found');
    this.pins.set(chatId, messageId);
    return true;
  }

  private answerCallbackQuery(params: Json): true {
    const id = str(params.callback_query_id) ?? '';
    if (!this.callbackIds.has(id)) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    const text = str(params.text);
    this.callbackAnswers.push({ callback_query_id: id, ...(text === undefined ? {} : { text }) });
    return true;
  }

  private getFile(params: Json): Json {
    const file = this.files.get(str(params.file_id) ?? '');
    if (!file) throw badRequest('invalid file_id');
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.content.length, file_path: file.file_path };
  }

  private chatId(params: Json, sending: boolean): number {
    if (params.chat_id === undefined) throw badRequest('chat_id is empty');
    const chatId = num(params.chat_id);
    if (chatId === undefined || !Number.isInteger(chatId)) throw badRequest('chat not found');
    if (sending && this.blocked.has(chatId)) throw new TgError(403, 'Forbidden: bot was blocked by the user');
    return chatId;
  }

  /** Sliding one-second windows, global and per chat; refuses with 429 when a configured limit would be exceeded. */
  private admit(chatId: number): void {
    const now = Date.now();
    const chatWindow = this.chatWindows.get(chatId) ?? [];
    this.chatWindows.set(chatId, chatWindow);
    prune(this.globalWindow, now);
    prune(chatWindow, now);
    const { globalPerSecond, perChatPerSecond } = this.options;
    if ((globalPerSecond !== undefined && this.globalWindow.length >= globalPerSecond)
      || (perChatPerSecond !== undefined && chatWindow.length >= perChatPerSecond)) {
      this.stats.tooManyRequests += 1;
      throw new TgError(429, 'Too Many Requests: retry after 1', 1);
    }
    this.globalWindow.push(now);
    chatWindow.push(now);
    this.stats.maxGlobalPerSecondSeen = Math.max(this.stats.maxGlobalPerSecondSeen, this.globalWindow.length);
    this.stats.maxPerChatPerSecondSeen = Math.max(this.stats.maxPerChatPerSecondSeen, chatWindow.length);
  }

  private store(sent: SentMessage): SentMessage {
    const list = this.chats.get(sent.chat_id) ?? [];
    this.chats.set(sent.chat_id, list);
    sent.message_id = (list.at(-1)?.message_id ?? 0) + 1;
    list.push(sent);
    this.messageDates.set(sent, nowSeconds());
    this.stats.sendsAccepted += 1;
    return sent;
  }

  private registerFile(fileName: string, content: Buffer, mime?: string): StoredFile {
    const n = ++this.counter;
    const ext = extname(fileName);
    const file: StoredFile = {
      file_id: `BQACAgIAAxkB${n}${randomBytes(6).toString('hex')}`,
      file_unique_id: `AgAD${n}`,
      file_path: `documents/file_${n}${ext}`,
      file_name: fileName,
      mime_type: mime ?? MIME_BY_EXT[ext.toLowerCase()] ?? 'application/octet-stream',
      content,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  private botUser(): Json { return { id: BOT_ID, is_bot: true, first_name: 'Opora', username: this.botUsername }; }

  private userMessageBase(user: TgUser): Json {
    const id = (this.userMessageIds.get(user.id) ?? USER_MESSAGE_ID_BASE) + 1;
    this.userMessageIds.set(user.id, id);
    return { message_id: id, from: userJson(user), chat: { id: user.id, type: 'private', first_name: user.first_name ?? 'Tester' }, date: nowSeconds() };
  }

  private toMessage(sent: SentMessage): Json {
    const file = this.messageFiles.get(sent);
    return {
      message_id: sent.message_id, from: this.botUser(), chat: { id: sent.chat_id, type: 'private' },
      date: this.messageDates.get(sent) ?? nowSeconds(), text: sent.text, caption: sent.caption,
      document: file && !sent.photo ? documentJson(file) : undefined,
      photo: file && sent.photo ? [{ file_id: file.file_id, file_unique_id: file.file_unique_id, width: sent.photo.width, height: sent.photo.height, file_size: sent.photo.size }] : undefined,
      reply_markup: sent.reply_markup,
    };
  }

  private async poll(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !predicate(); await delay(20)) {
      if (Date.now() < deadline) continue;
      const chats = [...this.chats].map(([id, list]) => {
        const last = list.at(-1);
        return `  chat ${id}: ${list.length} message(s), last: ${JSON.stringify((last?.text ?? last?.caption ?? last?.document?.file_name ?? '').slice(0, 200))}`;
      });
      throw new Error([`FakeTelegram: timed out after ${timeoutMs}ms waiting for ${what}`, `pending updates: ${this.updates.length}`,
        `calls: ${JSON.stringify(this.stats.calls)}`, ...(chats.length > 0 ? chats : ['  no bot messages'])].join('\n'));
    }
  }
}

function parseCall(url: URL, body: Buffer, contentType: string): ApiCall {
  const params: Json = {};
  let files = new Map<string, UploadedFile>();
  const addStrings = (entries: Iterable<[string, string]>): void => {
    for (const [key, value] of entries) {
      if (!JSON_FIELDS.has(key)) params[key] = value;
      else try { params[key] = JSON.parse(value) as unknown; } catch { params[key] = value; }
    }
  };
  addStrings(url.searchParams);
  if (body.length === 0) return { params, files };
  if (contentType.startsWith('multipart/form-data')) {
    const parsed = parseMultipart(body, contentType);
    addStrings(Object.entries(parsed.fields));
    files = parsed.files;
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    addStrings(new URLSearchParams(body.toString('utf8')));
  } else {
    let json: unknown;
    try { json = JSON.parse(body.toString('utf8')); } catch { throw badRequest("can't parse request JSON object"); }
    if (isRecord(json)) Object.assign(params, json);
  }
  return { params, files };
}

/** Telegram limits count UTF-16 code units (`text.length`), not code points. */
function checkText(text: string, max: number, emptyError: string, longError: string): void {
  if (emptyError !== '' && text.trim().length === 0) throw badRequest(emptyError);
  if (text.length > max) throw badRequest(longError);
}

function userJson(user: TgUser): Json {
  return { id: user.id, is_bot: false, first_name: user.first_name ?? 'Tester', language_code: user.language_code };
}

/** Width and height from a PNG's header. */
function pngDimensions(data: Buffer): { width: number; height: number } | undefined {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function documentJson(file: StoredFile): Json {
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_name: file.file_name, mime_type: file.mime_type, file_size: file.content.length };
}
