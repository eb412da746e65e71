// A notice or broadcast keeps the platform's id of the message it became, is
// pinned when it asks to be (a refused pin leaves the message sent), and an
// 'edit' row changes that message in place; what each platform refuses
// (an unknown message, VK past 24 hours, MAX past 7 days without buttons)
// fails the edit row and never marks the person as having blocked the bot;
// forgetting a person blanks the id with the rest of the row.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { Bot as MaxBot } from '@maxhub/max-bot-api';
import { Api } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { maxLimits, maxTransport } from '../../../bot/max/deliver.js';
import { RateLimiter } from '../../../bot/outbox/rate-limit.js';
import { OutboxSender, type OutboxTransport, type Pace } from '../../../bot/outbox/sender.js';
import { telegramLimits, telegramTransport } from '../../../bot/telegram/deliver.js';
import { createVk } from '../../../bot/vk/adapter.js';
import { vkLimits, vkTransport } from '../../../bot/vk/deliver.js';
import { closeDb, openDb } from '../../../db/client.js';
import { touchAccount } from '../../../db/repos/accounts.js';
import { erasePerson } from '../../../db/repos/erasures.js';
import { countOutbox, enqueueOutbox, getOutboxRow, markOutboxSent, pinnedCount, type OutboxRow } from '../../../db/repos/outbox.js';
import { accounts, type OutboxPayload, type PlatformName } from '../../../db/schema.js';
import { systemClock } from '../../../handlers/core/clock.js';
import { silentLog } from '../../../handlers/core/log.js';
import { FakeMax } from '../../e2e/fake-max.js';
import { FakeTelegram } from '../../e2e/fake-telegram.js';
import { FakeVk } from '../../e2e/fake-vk.js';
import { tempDir } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';
import { waitFor } from '../../helpers/wait.js';

const USER = 4242;
const DAY = 24 * 60 * 60 * 1000;
const pace: Pace = async () => {};
const keyboard = [[{ kind: 'action' as const, label: 'Ознакомлен(а)', data: 'bca:1:0' }]];

let n = 0;
function row(platform: PlatformName, payload: OutboxPayload): OutboxRow {
  n += 1;
  const now = new Date();
  return {
    id: n, accountId: 1, platform, chatId: String(USER), payload, priority: 0, dedupeKey: `test:${n}`, batch: 'broadcast:1',
    state: 'sending', attempts: 1, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null, platformMessageId: null,
  };
}

/** Each platform's transport over its fake, with the calls a test needs to read the fake back. */
interface Rig {
  transport: OutboxTransport;
  /** The text of the user's message by the id the transport reported. */
  textOf(messageId: string): string | undefined;
  pinned(): string | undefined;
  refuseNextPin(): void;
  unknownId: string;
  stop(): Promise<void>;
}

async function telegramRig(): Promise<Rig> {
  const server = await FakeTelegram.start();
  return {
    transport: telegramTransport(new Api(server.token, { apiRoot: server.apiRoot }), new RateLimiter(telegramLimits), silentLog),
    textOf: (id) => server.messages(USER).find((m) => m.message_id === Number(id))?.text,
    pinned: () => server.pinnedMessage(USER)?.text,
    refuseNextPin: () => server.failNext('pinChatMessage', 1, 400, 'Bad Request: not enough rights to manage pinned messages in the chat'),
    unknownId: '9999',
    stop: () => server.stop(),
  };
}

async function vkRig(): Promise<Rig & { server: FakeVk }> {
  const server = await FakeVk.start();
  const vk = createVk({ token: server.token, groupId: server.groupId, apiBaseUrl: server.apiBaseUrl, apiLimit: 20 });
  return {
    server,
    transport: vkTransport(vk, new RateLimiter(vkLimits), () => true, silentLog),
    textOf: (id) => server.messages(USER).find((m) => m.id === Number(id))?.text,
    pinned: () => server.pinnedMessage(USER)?.text,
    refuseNextPin: () => server.failNext('messages.pin', 1, 15, 'Access denied'),
    unknownId: '9999',
    stop: () => server.stop(),
  };
}

async function maxRig(): Promise<Rig & { server: FakeMax }> {
  const server = await FakeMax.start();
  const api = new MaxBot(server.token, { clientOptions: { baseUrl: server.apiBaseUrl } }).api;
  return {
    server,
    transport: maxTransport(api, new RateLimiter(maxLimits), silentLog),
    textOf: (id) => server.messages(USER).find((m) => m.mid === id)?.text,
    pinned: () => server.pinnedMessage(USER)?.text,
    refuseNextPin: () => server.failNext('PUT /chats/:id/pin', 1, 403, 'chat.denied'),
    unknownId: 'mid.unknown',
    stop: () => server.stop(),
  };
}

const rigs = { telegram: telegramRig, vk: vkRig, max: maxRig } as const;

describe.each(['telegram', 'vk', 'max'] as const)('pin and edit on %s', (platform) => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it('keeps the message id, pins when asked, and a refused pin leaves the message sent', async () => {
    rig = await rigs[platform]();
    const plain = await rig.transport.send(row(platform, { text: 'Без закрепления' }), pace);
    expect(plain).toMatchObject({ kind: 'sent', messageId: expect.any(String) });
    expect(plain).not.toHaveProperty('pinned');
    const pinned = await rig.transport.send(row(platform, { text: 'Закрепить', pin: true }), pace);
    expect(pinned).toMatchObject({ kind: 'sent', pinned: true });
    expect(rig.pinned()).toBe('Закрепить');

    rig.refuseNextPin();
    const refused = await rig.transport.send(row(platform, { text: 'Не дали закрепить', pin: true }), pace);
    expect(refused).toMatchObject({ kind: 'sent', pinned: false });
    if (refused.kind !== 'sent' || !refused.messageId) throw new Error('no id');
    expect(rig.textOf(refused.messageId)).toBe('Не дали закрепить');
    expect(rig.pinned()).toBe('Закрепить');
  });

  it('edits a sent message in place, keeping its buttons; an unknown message fails the row only', async () => {
    rig = await rigs[platform]();
    const sent = await rig.transport.send(row(platform, { text: 'Педсовет в 14:00', buttons: keyboard }), pace);
    if (sent.kind !== 'sent' || !sent.messageId) throw new Error('no id');
    const edited = await rig.transport.send(row(platform, { kind: 'edit', messageId: sent.messageId, text: 'Педсовет в 15:00', buttons: keyboard }), pace);
    expect(edited).toEqual({ kind: 'sent', messageId: sent.messageId });
    expect(rig.textOf(sent.messageId)).toBe('Педсовет в 15:00');

    const missing = await rig.transport.send(row(platform, { kind: 'edit', messageId: rig.unknownId, text: 'Куда-то' }), pace);
    expect(missing.kind).toBe('failed');
  });
});

describe('what each platform refuses to edit', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('Telegram: the same text again is "not modified", which is done', async () => {
    const rig = await telegramRig();
    stops.push(rig.stop);
    const sent = await rig.transport.send(row('telegram', { text: 'Тот же текст' }), pace);
    if (sent.kind !== 'sent' || !sent.messageId) throw new Error('no id');
    expect(await rig.transport.send(row('telegram', { kind: 'edit', messageId: sent.messageId, text: 'Тот же текст' }), pace)).toMatchObject({ kind: 'sent' });
  });

  it('Telegram: a document is edited by its caption, the file and buttons stay', async () => {
    const server = await FakeTelegram.start();
    stops.push(() => server.stop());
    const file = { name: 'план.pdf', mime: 'application/pdf', data: Buffer.from('%PDF-1.4 план') };
    const transport = telegramTransport(new Api(server.token, { apiRoot: server.apiRoot }), new RateLimiter(telegramLimits), silentLog, () => file);
    const sent = await transport.send(row('telegram', { text: 'План на неделю', fileId: 1, buttons: keyboard }), pace);
    if (sent.kind !== 'sent' || !sent.messageId) throw new Error('no id');
    const outcome = await transport.send(row('telegram', { kind: 'edit', messageId: sent.messageId, text: 'План на две недели', buttons: keyboard, caption: true }), pace);
    expect(outcome).toMatchObject({ kind: 'sent' });
    const [message] = server.messages(USER);
    expect(message).toMatchObject({ caption: 'План на две недели', edits: 1, document: { file_name: 'план.pdf' } });
    expect(message?.reply_markup).toBeDefined();
  });

  it('VK: a message older than 24 hours answers 909', async () => {
    const rig = await vkRig();
    stops.push(rig.stop);
    const sent = await rig.transport.send(row('vk', { text: 'Старое' }), pace);
    if (sent.kind !== 'sent' || !sent.messageId) throw new Error('no id');
    rig.server.age(USER, DAY + 60_000);
    const outcome = await rig.transport.send(row('vk', { kind: 'edit', messageId: sent.messageId, text: 'Новое' }), pace);
    expect(outcome).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^909/) });
    expect(rig.textOf(sent.messageId)).toBe('Старое');
  });

  it('MAX: past 7 days only a message with buttons can be edited', async () => {
    const rig = await maxRig();
    stops.push(rig.stop);
    const bare = await rig.transport.send(row('max', { text: 'Без кнопок' }), pace);
    const withButtons = await rig.transport.send(row('max', { text: 'С кнопкой', buttons: keyboard }), pace);
    if (bare.kind !== 'sent' || !bare.messageId || withButtons.kind !== 'sent' || !withButtons.messageId) throw new Error('no id');
    rig.server.age(USER, 8 * DAY);
    expect((await rig.transport.send(row('max', { kind: 'edit', messageId: bare.messageId, text: 'Поздно' }), pace)).kind).toBe('failed');
    expect(await rig.transport.send(row('max', { kind: 'edit', messageId: withButtons.messageId, text: 'Можно' }), pace)).toMatchObject({ kind: 'sent' });
    expect(rig.textOf(withButtons.messageId)).toBe('Можно');
    // The keyboard stays: the edit leaves attachments as they were.
    expect(rig.server.messages(USER)[1]?.attachments.some((a) => a.type === 'inline_keyboard')).toBe(true);
  });
});

describe('the sender records what the transport learnt', () => {
  const { dir, cleanup } = tempDir();
  it('keeps the platform id on the row and counts the pins of a batch', async () => {
    const server = await FakeTelegram.start();
    const db = openDb(join(dir, 'pins.db'));
    const now = new Date();
    const account = touchAccount(db, 'telegram', String(USER), String(USER), now);
    enqueueOutbox(db, [{ accountId: account.id, platform: 'telegram', chatId: String(USER), payload: { text: 'Закрепим', pin: true }, dedupeKey: 'p1', batch: 'broadcast:7', notBefore: now }]);
    const sender = new OutboxSender({ db, clock: systemClock, log: silentLog }, telegramTransport(new Api(server.token, { apiRoot: server.apiRoot }), new RateLimiter(telegramLimits), silentLog), { idleMs: 20 });
    sender.start();
    try {
      await waitFor(() => countOutbox(db).sent === 1);
      const [message] = server.messages(USER);
      expect(getOutboxRow(db, 1)?.platformMessageId).toBe(String(message?.message_id));
      expect(pinnedCount(db, 'broadcast:7')).toBe(1);
      expect(server.pinnedMessage(USER)?.text).toBe('Закрепим');
    } finally {
      await sender.stop();
      await server.stop();
      closeDb(db);
      cleanup();
    }
  });
});

describe('forgetting a person', () => {
  const { dir, cleanup } = tempDir();
  it('blanks the id of the messages they were sent along with the text', () => {
    const db = openDb(join(dir, 'forget.db'));
    try {
      const seeded = seedMunicipality(db, { platform: 'telegram', schools: [], people: [{ name: 'Учителева Ульяна Ивановна', role: 'teacher', user: USER }] });
      const personId = seeded.personIds.get('Учителева Ульяна Ивановна')!;
      const account = db.select().from(accounts).where(eq(accounts.personId, personId)).get()!;
      const now = new Date();
      enqueueOutbox(db, [{ accountId: account.id, platform: 'telegram', chatId: account.chatId, payload: { text: 'Педсовет' }, dedupeKey: 'f1', batch: 'broadcast:3', notBefore: now }]);
      markOutboxSent(db, 1, now, '17');
      erasePerson(db, personId, now);
      expect(getOutboxRow(db, 1)).toMatchObject({ state: 'sent', chatId: '', platformMessageId: null, payload: { text: '' } });
    } finally {
      closeDb(db);
      cleanup();
    }
  });
});
