// The MAX adapter's pure parts: updates in the documented shapes become the
// core's events, buttons become a keyboard MAX accepts, and the platform's
// errors are read the way the outbox needs.
import { MaxError } from '@maxhub/max-bot-api';
import { describe, expect, it } from 'vitest';
import { classifyMaxError } from '../../../bot/max/deliver.js';
import { toIncoming } from '../../../bot/max/incoming.js';
import { inlineKeyboard } from '../../../bot/max/render.js';

const noFetch = async () => Buffer.alloc(0);
const user = { user_id: 10001, first_name: 'Анна', last_name: 'Петрова', is_bot: false, last_activity_time: 1770679783000, name: 'Анна' };
const created = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  update_type: 'message_created',
  timestamp: 1770679787821,
  message: { recipient: { chat_id: 555, chat_type: 'dialog', user_id: 9000 }, timestamp: 1770679787821, body: { mid: 'mid.1', seq: 1, ...body }, sender: user },
  user_locale: 'ru',
  ...extra,
});

describe('MAX updates', () => {
  it('reads text, commands with arguments and the sender', () => {
    expect(toIncoming(created({ text: 'Добрый день' }), noFetch)?.incoming).toEqual({
      platform: 'max',
      updateId: 'message:mid.1',
      chatId: '10001',
      sender: { id: '10001', name: 'Анна Петрова', languageCode: 'ru' },
      event: { kind: 'text', text: 'Добрый день' },
    });
    expect(toIncoming(created({ text: '/link  K7Q2MZ ' }), noFetch)?.incoming.event).toEqual({ kind: 'command', name: 'link', args: 'K7Q2MZ' });
  });

  it('reads bot_started with its payload as /start with the invite code', () => {
    const started = toIncoming({ update_type: 'bot_started', timestamp: 5, chat_id: 555, user, payload: 'AB12CD34', user_locale: 'ru' }, noFetch);
    expect(started?.incoming.event).toEqual({ kind: 'command', name: 'start', args: 'AB12CD34' });
    expect(toIncoming({ update_type: 'bot_started', timestamp: 6, chat_id: 555, user, payload: null }, noFetch)?.incoming.event).toEqual({ kind: 'command', name: 'start', args: '' });
  });

  it('reads a pressed button with the message it belongs to', () => {
    const pressed = toIncoming(
      { update_type: 'message_callback', timestamp: 7, callback: { timestamp: 7, callback_id: 'cb-1', payload: 'rsvp:4:yes', user }, message: created({ text: 'Семинар' }).message, user_locale: 'en' },
      noFetch,
    );
    expect(pressed?.callbackId).toBe('cb-1');
    expect(pressed?.incoming).toMatchObject({ updateId: 'callback:cb-1', chatId: '10001', messageId: 'mid.1', event: { kind: 'action', data: 'rsvp:4:yes' }, sender: { languageCode: 'en' } });
  });

  it('reads a document with its name and size, downloading only when asked and within the limit', async () => {
    let fetched: { url: string; maxBytes: number } | undefined;
    const file = { type: 'file', payload: { url: 'https://files.example/1', token: 't' }, filename: 'план.xlsx', size: 2048 };
    const parsed = toIncoming(created({ text: 'вот план', attachments: [file] }), async (url, limits) => {
      fetched = { url, maxBytes: limits.maxBytes };
      return Buffer.from('x');
    });
    expect(parsed?.incoming.event).toMatchObject({ kind: 'file', file: { name: 'план.xlsx', size: 2048 }, caption: 'вот план' });
    expect(fetched).toBeUndefined();
    if (parsed?.incoming.event.kind === 'file') await parsed.incoming.event.file.fetch({ maxBytes: 1_000_000 });
    expect(fetched).toEqual({ url: 'https://files.example/1', maxBytes: 1_000_000 });
  });

  it('ignores group chats, other bots, other update types and garbage', () => {
    expect(toIncoming(created({ text: 'x' }, { message: { ...created({}).message, recipient: { chat_id: 1, chat_type: 'chat' } } }), noFetch)).toBeUndefined();
    expect(toIncoming(created({ text: 'x' }, { message: { ...created({}).message, sender: { ...user, is_bot: true } } }), noFetch)).toBeUndefined();
    expect(toIncoming({ update_type: 'message_removed', timestamp: 1, message_id: 'm', chat_id: 1, user_id: 1 }, noFetch)).toBeUndefined();
    expect(toIncoming('garbage', noFetch)).toBeUndefined();
  });
});

describe('MAX keyboards', () => {
  it('makes callback and link buttons, wrapping rows longer than seven', () => {
    const row = Array.from({ length: 9 }, (_, i) => ({ kind: 'action' as const, label: String(i + 1), data: `d:${i}` }));
    const keyboard = inlineKeyboard([row, [{ kind: 'url', label: 'Сайт', url: 'https://example.ru' }]]);
    expect(keyboard?.payload.buttons.map((r) => r.length)).toEqual([7, 2, 1]);
    expect(keyboard?.payload.buttons[0]?.[0]).toEqual({ type: 'callback', text: '1', payload: 'd:0' });
    expect(keyboard?.payload.buttons[2]?.[0]).toEqual({ type: 'link', text: 'Сайт', url: 'https://example.ru' });
    expect(inlineKeyboard([])).toBeUndefined();
  });
});

describe('MAX errors', () => {
  it('tells a blocked person, a rate limit, a server error and a bad message apart', () => {
    expect(classifyMaxError(new MaxError(403, { code: 'chat.denied', message: 'dialog is blocked' })).kind).toBe('blocked');
    expect(classifyMaxError(new MaxError(404, { code: 'chat.not.found', message: 'Chat 1 not found' })).kind).toBe('blocked');
    expect(classifyMaxError(new MaxError(429, { code: 'too.many.requests', message: 'Too many requests' }))).toEqual({ kind: 'rate-limited', retryAfterMs: 1000 });
    expect(classifyMaxError(new MaxError(503, { code: 'internal.error', message: 'down' })).kind).toBe('retry');
    expect(classifyMaxError(new MaxError(400, { code: 'proto.payload', message: 'text too long' })).kind).toBe('failed');
    expect(classifyMaxError(new TypeError('fetch failed')).kind).toBe('retry');
  });
});
