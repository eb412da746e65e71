import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bot/config.js';

describe('configuration', () => {
  it('starts the playground with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.telegram).toBeUndefined();
    expect(config.vk).toBeUndefined();
    expect(config.databasePath).toBe('./data/opora.db');
    expect(config.defaultTimezone).toBe('Europe/Moscow');
    expect(config.quietHours).toEqual({ start: '21:00', end: '08:00' });
  });

  it('reads messenger credentials', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
      VK_GROUP_TOKEN: 'vk1.a.abcdefghijklmnopqrstuvwxyz',
      VK_GROUP_ID: '777',
      VK_API_BASE_URL: 'http://127.0.0.1:9000/method',
      MAX_BOT_TOKEN: 'f9LHodD0cOIEr0gCxuvowdetqQYLt6Ym',
      MAX_API_BASE_URL: 'http://127.0.0.1:9100',
    });
    expect(config.telegram).toMatchObject({ token: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', apiRoot: 'http://127.0.0.1:8081' });
    expect(config.vk).toMatchObject({ groupId: 777, apiLimit: 20, apiBaseUrl: 'http://127.0.0.1:9000/method' });
    expect(config.max).toEqual({ token: 'f9LHodD0cOIEr0gCxuvowdetqQYLt6Ym', apiBaseUrl: 'http://127.0.0.1:9100', rateLimit: 30, webhook: undefined });
  });

  it('turns the MAX webhook on only with a token, and names the missing one', () => {
    const config = loadConfig({ MAX_BOT_TOKEN: 'f9LHodD0cOIEr0gCxuvowdetqQYLt6Ym', MAX_WEBHOOK_URL: 'https://bot.example.ru/max', MAX_WEBHOOK_SECRET: 'secret-1-0123456789' });
    expect(config.max?.webhook).toEqual({ url: 'https://bot.example.ru/max', secret: 'secret-1-0123456789', host: '127.0.0.1', port: 8444 });
    expect(() => loadConfig({ MAX_WEBHOOK_URL: 'https://bot.example.ru/max', MAX_WEBHOOK_SECRET: 'secret-1-0123456789' })).toThrow(/MAX_BOT_TOKEN: нужен, когда задан MAX_WEBHOOK_URL/);
  });

  it('refuses a webhook without its secret, naming the variable', () => {
    const telegram = { TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/tg' };
    const max = { MAX_BOT_TOKEN: 'f9LHodD0cOIEr0gCxuvowdetqQYLt6Ym', MAX_WEBHOOK_URL: 'https://bot.example.ru/max' };
    expect(() => loadConfig(telegram)).toThrow(/TELEGRAM_WEBHOOK_SECRET: нужен, когда задан TELEGRAM_WEBHOOK_URL/);
    expect(() => loadConfig({ ...max, MAX_WEBHOOK_SECRET: '  ' })).toThrow(/MAX_WEBHOOK_SECRET: нужен, когда задан MAX_WEBHOOK_URL/);
    expect(() => loadConfig({ ...telegram, ...max })).toThrow(ConfigError);
  });

  it('refuses a webhook secret short enough to guess', () => {
    const telegram = { TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/tg', TELEGRAM_WEBHOOK_SECRET: 'x' };
    expect(() => loadConfig(telegram)).toThrow(/TELEGRAM_WEBHOOK_SECRET: не меньше 16/);
  });

  it('listens on 127.0.0.1 unless a webhook host is given', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.ru/tg',
      TELEGRAM_WEBHOOK_SECRET: 'tg-secret-0123456789',
      MAX_BOT_TOKEN: 'f9LHodD0cOIEr0gCxuvowdetqQYLt6Ym',
      MAX_WEBHOOK_URL: 'https://bot.example.ru/max',
      MAX_WEBHOOK_SECRET: 'max-secret-0123456789',
      MAX_WEBHOOK_HOST: '0.0.0.0',
    });
    expect(config.telegram?.webhook).toEqual({ url: 'https://bot.example.ru/tg', secret: 'tg-secret-0123456789', host: '127.0.0.1', port: 8443 });
    expect(config.max?.webhook?.host).toBe('0.0.0.0');
    expect(() => loadConfig({ TELEGRAM_WEBHOOK_HOST: 'bad host/' })).toThrow(/TELEGRAM_WEBHOOK_HOST/);
  });

  it('names every bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({
        TELEGRAM_BOT_TOKEN: 'not-a-token',
        VK_GROUP_TOKEN: 'vk1.a.abcdefghijklmnopqrstuvwxyz',
        DEFAULT_TIMEZONE: 'Mars/Olympus',
        QUIET_HOURS: '25:00-08:00',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['TELEGRAM_BOT_TOKEN', 'VK_GROUP_ID', 'DEFAULT_TIMEZONE', 'QUIET_HOURS', 'LOG_LEVEL']) {
      expect(message).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(5);
    // Russian unless asked otherwise, in the words of whoever runs the service, with the plural right.
    expect(message).toMatch(/^Opora не может запуститься: в настройках 5 ошибок:/);
    expect(message).toContain('DEFAULT_TIMEZONE: это не часовой пояс IANA');
    expect(message).toMatch(/LOG_LEVEL: Неверный вариант/);
  });

  it('speaks English with OPORA_LANG=en', () => {
    expect(() => loadConfig({ OPORA_LANG: 'en', QUIET_HOURS: '9-5' })).toThrow(/^Opora cannot start: the configuration has 1 problem:\n {2}- QUIET_HOURS: expected HH:MM-HH:MM/);
  });
});
