// Self-check of the loopback Telegram and VK fakes using plain fetch, so journey failures can be trusted to be the bot's.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from './fake-telegram.js';
import { FakeVk } from './fake-vk.js';

const user = { id: 42, first_name: 'Ann', language_code: 'ru' };
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function startTelegram(options: Parameters<typeof FakeTelegram.start>[0] = {}): Promise<FakeTelegram> {
  const fake = await FakeTelegram.start(options);
  stops.push(() => fake.stop());
  return fake;
}

async function startVk(options: Parameters<typeof FakeVk.start>[0] = {}): Promise<FakeVk> {
  const fake = await FakeVk.start(options);
  stops.push(() => fake.stop());
  return fake;
}

async function tg(fake: FakeTelegram, method: string, payload: Record<string, unknown> = {}, token = fake.token): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload),
  });
  return { status: res.status, body: await res.json() };
}

async function vk(fake: FakeVk, method: string, params: Record<string, string | number> = {}): Promise<unknown> {
  const form = new URLSearchParams({ access_token: fake.token, v: '5.199' });
  for (const [key, value] of Object.entries(params)) form.set(key, String(value));
  const res = await fetch(`${fake.apiBaseUrl}/${method}`, { method: 'POST', body: form });
  return res.json();
}

/** Reads `obj.key` from an unknown JSON value, failing the test if the shape is wrong. */
function field(obj: unknown, key: string): unknown {
  if (typeof obj !== 'object' || obj === null || !(key in obj)) throw new Error(`no ${key} in ${JSON.stringify(obj)}`);
  return (obj as Record<string, unknown>)[key];
}

describe('FakeTelegram', () => {
  it('answers getMe and rejects a wrong token or unknown method', async () => {
    const fake = await startTelegram();
    expect(await tg(fake, 'getMe')).toEqual({
      status: 200,
      body: { ok: true, result: expect.objectContaining({ id: 123456, is_bot: true, username: 'opora_test_bot' }) },
    });
    expect(await tg(fake, 'getMe', {}, '1:wrong')).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect((await tg(fake, 'getNothing')).status).toBe(404);
    expect(fake.stats.calls).toMatchObject({ getMe: 1, getNothing: 1 });
  });

  it('holds a long poll until an update arrives, then drops it once confirmed', async () => {
    const fake = await startTelegram();
    const poll = tg(fake, 'getUpdates', { timeout: 5 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const updateId = fake.userSends(user, '/start hello');
    const { body } = await poll;
    expect(body).toEqual({
      ok: true,
      result: [expect.objectContaining({
        update_id: updateId,
        message: expect.objectContaining({ text: '/start hello', chat: expect.objectContaining({ id: 42 }), entities: [{ type: 'bot_command', offset: 0, length: 6 }] }),
      })],
    });
    expect(fake.pendingUpdates()).toBe(1);
    expect((await tg(fake, 'getUpdates', { offset: updateId + 1, timeout: 0 })).body).toEqual({ ok: true, result: [] });
    expect(fake.pendingUpdates()).toBe(0);
  });

  it('stop() answers a hanging long poll with an empty result', async () => {
    const fake = await FakeTelegram.start();
    const poll = tg(fake, 'getUpdates', { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fake.stop();
    expect((await poll).body).toEqual({ ok: true, result: [] });
  });

  it('stores sendMessage and refuses an edit that changes nothing', async () => {
    const fake = await startTelegram();
    const reply_markup = { inline_keyboard: [[{ text: 'Yes', callback_data: 'y' }]] };
    const sent = await tg(fake, 'sendMessage', { chat_id: 42, text: 'Hi', reply_markup });
    expect(sent.body).toMatchObject({ ok: true, result: { message_id: 1, text: 'Hi', chat: { id: 42, type: 'private' } } });
    const same = await tg(fake, 'editMessageText', { chat_id: 42, message_id: 1, text: 'Hi', reply_markup });
    expect(same.status).toBe(400);
    expect(field(same.body, 'description')).toMatch(/^Bad Request: message is not modified/);
    expect((await tg(fake, 'editMessageText', { chat_id: 42, message_id: 1, text: 'Hi' })).status).toBe(200);
    expect(fake.lastMessage(42)).toMatchObject({ text: 'Hi', reply_markup: undefined, edits: 1 });
    expect((await tg(fake, 'sendMessage', { chat_id: 42, text: 'x'.repeat(4097) })).body)
      .toMatchObject({ ok: false, error_code: 400, description: 'Bad Request: message is too long' });
  });

  it('refuses with 429 beyond the per-chat limit and counts it', async () => {
    const fake = await startTelegram({ perChatPerSecond: 1 });
    expect((await tg(fake, 'sendMessage', { chat_id: 42, text: 'one' })).status).toBe(200);
    expect(await tg(fake, 'sendMessage', { chat_id: 42, text: 'two' })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    });
    expect((await tg(fake, 'sendMessage', { chat_id: 43, text: 'other chat' })).status).toBe(200);
    expect(fake.messages(42).map((m) => m.text)).toEqual(['one']);
    expect(fake.stats).toMatchObject({ sendsAccepted: 2, tooManyRequests: 1, maxPerChatPerSecondSeen: 1, maxGlobalPerSecondSeen: 2 });
  });

  it('accepts grammY-style multipart documents and serves user files via getFile', async () => {
    const fake = await startTelegram();
    const boundary = '----------abc123';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42\r\n--${boundary}\r\n`),
      Buffer.from(`content-disposition:form-data;name="document"\r\n\r\nattach://f1\r\n--${boundary}\r\n`),
      Buffer.from(`content-disposition:form-data;name="reply_markup"\r\n\r\n{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}\r\n--${boundary}\r\n`),
      Buffer.from(`content-disposition:form-data;name="f1";filename=report 1.csv\r\ncontent-type:application/octet-stream\r\n\r\n`),
      Buffer.from('a,b\r\n1,2\r\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendDocument`, {
      method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body,
    });
    expect(res.status).toBe(200);
    expect(fake.lastMessage(42)).toMatchObject({
      document: { file_name: 'report 1.csv', size: 10, content: Buffer.from('a,b\r\n1,2\r\n') },
      reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] },
    });

    fake.userSendsDocument(user, 'in.txt', Buffer.from('hello'));
    const [update] = field(await tg(fake, 'getUpdates', {}).then((r) => r.body), 'result') as unknown[];
    const fileId = field(field(field(update, 'message'), 'document'), 'file_id');
    const file = field((await tg(fake, 'getFile', { file_id: fileId })).body, 'result');
    const download = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${String(field(file, 'file_path'))}`);
    expect(await download.text()).toBe('hello');
  });
});

describe('FakeVk', () => {
  it('delivers a message_new through getLongPollServer + a_check', async () => {
    const fake = await startVk();
    const server = field(await vk(fake, 'groups.getLongPollServer', { group_id: fake.groupId }), 'response');
    const url = new URL(String(field(server, 'server')));
    url.search = new URLSearchParams({ act: 'a_check', key: String(field(server, 'key')), ts: String(field(server, 'ts')), wait: '5' }).toString();
    const poll = fetch(url).then((res) => res.json());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.userSends(5, 'привет', '{"cmd":"start"}')).toBe(1);
    const result = await poll;
    expect(result).toMatchObject({
      updates: [{
        type: 'message_new', v: '5.199', group_id: 777,
        object: { message: { from_id: 5, peer_id: 5, text: 'привет', conversation_message_id: 1, payload: '{"cmd":"start"}' }, client_info: { inline_keyboard: true } },
      }],
    });
    expect(field(result, 'updates')).toEqual([expect.objectContaining({ event_id: expect.stringMatching(/^[0-9a-f]{40}$/) })]);
    expect(Number(field(result, 'ts'))).toBe(Number(field(server, 'ts')) + 1);
    expect(await vk(fake, 'groups.getLongPollServer', { group_id: 1 })).toMatchObject({ error: { error_code: 100 } });
  });

  it('suppresses a messages.send that repeats a random_id', async () => {
    const fake = await startVk();
    fake.userSends(5, 'hi');
    const first = await vk(fake, 'messages.send', { peer_id: 5, random_id: 1234, message: 'Hello' });
    const again = await vk(fake, 'messages.send', { peer_id: 5, random_id: 1234, message: 'Hello' });
    expect(first).toEqual({ response: 1 });
    expect(again).toEqual(first);
    expect(fake.messages(5)).toEqual([expect.objectContaining({ id: 1, conversation_message_id: 2, text: 'Hello', random_id: 1234, edits: 0 })]);
    expect(fake.stats).toMatchObject({ sendsAccepted: 1, duplicatesSuppressed: 1 });
    expect(await vk(fake, 'messages.send', { peer_id: 5, message: 'no random id' })).toMatchObject({ error: { error_code: 100 } });
    expect(await vk(fake, 'messages.send', { peer_id: 5, random_id: 1, message: 'x'.repeat(4097) })).toMatchObject({ error: { error_code: 914 } });
  });

  it('answers error 6 beyond perSecond', async () => {
    const fake = await startVk({ perSecond: 3 });
    const results = await Promise.all([1, 2, 3, 4].map((i) => vk(fake, 'messages.send', { peer_id: 5, random_id: i, message: `m${i}` })));
    expect(results.filter((r) => typeof r === 'object' && r !== null && 'response' in r)).toHaveLength(3);
    expect(results).toContainEqual({ error: expect.objectContaining({ error_code: 6, error_msg: 'Too many requests per second' }) });
    expect(fake.stats).toMatchObject({ tooManyRequests: 1, maxPerSecondSeen: 3, sendsAccepted: 3 });
  });

  it('uploads a document and sends it as an attachment', async () => {
    const fake = await startVk();
    const uploadUrl = String(field(field(await vk(fake, 'docs.getMessagesUploadServer', { peer_id: 5, type: 'doc' }), 'response'), 'upload_url'));
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('a;b\n1;2\n')]), 'report.csv');
    const uploaded = await (await fetch(uploadUrl, { method: 'POST', body: form })).json();
    const saved = field(await vk(fake, 'docs.save', { file: String(field(uploaded, 'file')), title: 'Report' }), 'response');
    expect(saved).toMatchObject({ type: 'doc', doc: { owner_id: -777, title: 'Report', size: 8, ext: 'csv' } });
    const doc = field(saved, 'doc');
    const attachment = `doc${String(field(doc, 'owner_id'))}_${String(field(doc, 'id'))}`;
    expect(await vk(fake, 'messages.send', { peer_id: 5, random_id: 9, attachment })).toEqual({ response: 1 });
    expect(fake.lastMessage(5)).toMatchObject({ attachment, text: '' });
    expect(await (await fetch(String(field(doc, 'url')))).text()).toBe('a;b\n1;2\n');
  });
});
