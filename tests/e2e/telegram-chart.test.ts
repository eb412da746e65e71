// A coordinator opens a question's chart in Telegram: it shows in the chat as
// a picture with the question as its caption, and the PNG follows as a file
// to save or put in a report. A picture Telegram would not take as a photo
// goes as a file only.
import { Resvg } from '@resvg/resvg-js';
import { Api, InputFile } from 'grammy';
import { describe, expect, it } from 'vitest';
import { sendReply } from '../../bot/telegram/deliver.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { parseSurveyDefinition } from '../../handlers/surveys/definition.js';
import { launchRound } from '../../handlers/surveys/launch.js';
import { createI18n } from '../../locales/i18n.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 9101;
const TEACHER = 9102;
const QUESTION = 'Сколько уроков коллег из школы-партнёра вы посетили за эту четверть, считая онлайн-трансляции и записи уроков?';

function png(width: number, height: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#2f6fde"/></svg>`;
  return Buffer.from(new Resvg(svg).render().asPng());
}

describe('survey charts in Telegram', () => {
  const clock = new FakeClock('2026-12-02T08:00:00Z'); // 11:00 in Moscow
  const run = journey('telegram', {
    clock,
    seed: (db) => {
      const seeded = seedMunicipality(db, {
        platform: 'telegram',
        schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
        people: [
          { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
          { name: 'Учителева Ольга Петровна', role: 'teacher', school: 'Школа 1', user: TEACHER },
        ],
      });
      const parsed = parseSurveyDefinition({
        key: 'visits',
        title: 'Взаимопосещения',
        anonymous: false,
        level: 'person',
        questions: [{ id: 'visits', type: 'single', text: QUESTION, options: [{ value: 'none', label: 'Ни одного' }, { value: 'some', label: 'Один-два' }] }],
      });
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const settings = { defaultTimezone: 'Europe/Moscow', quietHours: { start: '21:00', end: '08:00' }, dialogTtlMinutes: 60, links: {} };
      db.transaction((tx) =>
        launchRound(tx, { i18n: createI18n(), settings }, {
          municipalityId: seeded.municipalityId,
          survey: { definition: parsed.survey },
          audience: { roles: ['teacher'] },
          opensAt: clock.now(),
          closesAt: new Date(clock.now().getTime() + 7 * 24 * 3600_000),
          createdBy: null,
        }),
      );
    },
  });

  it('shows the chart in the chat as a photo captioned with the question, and sends the PNG as a file too', async () => {
    await run.driver.waitForText(TEACHER, /Новый опрос: «Взаимопосещения»/);
    await actOn(run.driver, TEACHER, { press: 'Начать' }, /Сколько уроков/);
    await actOn(run.driver, TEACHER, { press: 'Один-два' }, /Проверьте ответы/);
    await actOn(run.driver, TEACHER, { press: 'Отправить' }, /Ответы сохранены/);

    await actOn(run.driver, COORD, { say: '/surveys' }, /Запущенные опросы/);
    await actOn(run.driver, COORD, { press: 'Взаимопосещения 1/1' }, /Ответили: 1 из 1/);
    await actOn(run.driver, COORD, { press: 'Итоги' }, /Диаграмм|Один-два: 1/);
    const before = run.driver.server.messages(COORD).length;
    run.driver.press(COORD, 'Диаграмма 1');
    await run.driver.waitForCount(COORD, before + 2);
    const [photo, file] = run.driver.server.messages(COORD).slice(before);
    expect(photo?.caption).toBe(QUESTION);
    expect(photo?.photo?.width).toBe(800);
    expect(photo?.photo?.content.subarray(1, 4).toString()).toBe('PNG');
    expect(file?.document?.file_name).toBe('question-1.png');
    expect(file?.document?.content.equals(photo?.photo?.content ?? Buffer.alloc(0))).toBe(true);
  });

  it('sends a picture past the photo limits (width plus height over 10,000) as a file only', async () => {
    const api = new Api(run.driver.server.token, { apiRoot: run.driver.server.apiRoot });
    const tall = png(400, 9800);
    // The emulator refuses it as Telegram does.
    await expect(api.sendPhoto(COORD, new InputFile(tall, 'tall.png'))).rejects.toThrow(/PHOTO_INVALID_DIMENSIONS/);
    const before = run.driver.server.messages(COORD).length;
    await sendReply(api, String(COORD), { text: 'Длинная диаграмма', file: { name: 'tall.png', mime: 'image/png', data: tall } });
    const sent = run.driver.server.messages(COORD).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.document?.file_name).toBe('tall.png');
    expect(sent[0]?.caption).toBe('Длинная диаграмма');
  });

  it('sends an XLSX as a file, as before', async () => {
    const before = run.driver.server.messages(COORD).length;
    await actOn(run.driver, COORD, { say: '/surveys' }, /Запущенные опросы/);
    await actOn(run.driver, COORD, { press: 'Взаимопосещения 1/1' }, /Ответили: 1 из 1/);
    await actOn(run.driver, COORD, { press: 'XLSX' }, /Выгрузка готова/);
    const sent = run.driver.server.messages(COORD).slice(before);
    expect(sent.some((m) => m.photo)).toBe(false);
    expect(run.driver.lastDocumentName(COORD)).toMatch(/\.xlsx$/);
  });
});
