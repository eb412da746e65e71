// A coordinator's first session in the terminal playground, typed line by
// line into `npm start` with no credentials, as the README shows it: the
// demo schools and people imported from the files in demo/, the road map
// loaded from the sample order, a survey of one's own launched from a YAML
// file and answered by a teacher, and its chart and XLSX saved into the
// playground folder. Then an evening launch whose invitations wait for the
// morning, shown by moving the playground clock.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';
import { afternoonZone } from '../../resilience/crash-helpers.js';
import { Terminal } from './terminal.js';

describe('a playground session with files', { timeout: 150_000 }, () => {
  const { dir, cleanup } = tempDir();
  const saved = join(dir, 'playground');
  let terminal: Terminal;

  /** The path a "сохранён:" line printed, and the file:// address under it if any. */
  const savedPath = (printed: string, name: RegExp): { path: string; url?: string } => {
    const line = printed.split('\n').find((l) => name.test(l) && l.includes('сохранён:'));
    const path = line?.split('сохранён: ')[1]?.trim() ?? '';
    const url = printed.split('\n').find((l) => l.startsWith('🖼 '))?.slice(3).trim();
    return { path, ...(url ? { url } : {}) };
  };

  beforeAll(async () => {
    // A zone where it is about 14:00 now, so invitations are not held for quiet hours until the test moves the clock.
    terminal = Terminal.start({ DATABASE_PATH: join(dir, 'opora.db'), DEFAULT_TIMEZONE: afternoonZone() });
    await terminal.until(/От чьего имени писать\?/);
    await terminal.press('Соколова Ирина Павловна', /Вы пишете от имени Соколова Ирина Павловна \(координатор\)/);
    await terminal.type('/start', /Выберите язык/);
    await terminal.press('Русский', /Здравствуйте, Соколова Ирина Павловна!/);
  }, 180_000);
  afterAll(() => {
    terminal.kill();
    cleanup();
  });

  it('imports the demo schools from demo/schools.xlsx', async () => {
    await terminal.type('/import', /Пришлите файл XLSX или CSV/);
    const preview = await terminal.type(':file demo/schools.xlsx', /Файл «schools\.xlsx»: школы, строк к импорту: 4/);
    expect(preview).toContain('📤 schools.xlsx');
    expect(preview).toContain('Будет добавлено: 3, обновлено: 1');
    await terminal.press('Импортировать', /Импорт завершён\. Добавлено: 3, обновлено: 1/);
  });

  it('imports the demo people from demo/people.csv and saves their invites as a file', async () => {
    await terminal.type('/import', /Пришлите файл XLSX или CSV/);
    await terminal.type(':file demo/people.csv', /Файл «people\.csv»: люди, строк к импорту: 8/);
    const done = await terminal.press('Импортировать', /invites\.xlsx.*сохранён: .+/);
    expect(done).toContain('Импорт завершён. Добавлено: 8');
    const { path } = savedPath(done, /invites\.xlsx/);
    expect(path).toBe(join(saved, 'invites.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const names: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => n > 1 && names.push(row.getCell(1).value));
    expect(names).toHaveLength(8);
    expect(names).toContain('Тихонов Алексей Петрович');
  });

  it('refuses a file over the import limit and a file that is not there, politely', async () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, `ФИО;Роль\n${'Иванов Иван;учитель\n'.repeat(300_000)}`);
    await terminal.type('/import', /Пришлите файл XLSX или CSV/);
    const refused = await terminal.type(`:file ${big}`, /слишком большой|больше/);
    expect(refused).toContain('📤 big.csv');
    const missing = await terminal.type(':file demo/no-such-file.xlsx', /не найден/);
    expect(missing).toContain('«demo/no-such-file.xlsx»');
    await terminal.type('/cancel', /.+/);
  });

  it('loads the road map from demo/roadmap.docx', async () => {
    await terminal.type('/roadmap', /Загрузить дорожную карту/);
    await terminal.press('Загрузить дорожную карту', /Пришлите приказ с дорожной картой/);
    const preview = await terminal.type(':file demo/roadmap.docx', /«roadmap\.docx»: пунктов — 12, разделов — 4/);
    expect(preview).toContain('Сроки понял у 12, не понял у 0');
    let answer = await terminal.press('Импортировать', /Кому напоминать|Готово/);
    while (!/Готово, ответственные заданы/.test(answer)) answer = await terminal.press('Координаторам', /Кому напоминать|Готово, ответственные заданы/);
  });

  it('launches a survey from demo/survey.yaml; a teacher answers it from her notice', async () => {
    await terminal.type('/survey', /Какой опрос запускаем/);
    await terminal.type(':file demo/survey.yaml', /Кого опрашиваем\?/);
    await terminal.press('Педагоги', /Сколько дней принимать ответы/);
    await terminal.press('7 дн.', /Повторять опрос/);
    await terminal.press('Нет, один раз', /Запустить опрос «Открытые уроки и взаимопосещения»/);
    const since = terminal.position;
    await terminal.press('Запустить', /Опрос запущен/);
    await terminal.until(/📬 Уведомление для Миронова Светлана Юрьевна:\n\nНовый опрос: «Открытые уроки и взаимопосещения»/, since);

    await terminal.type(':who', /От чьего имени писать\?/);
    await terminal.press('Миронова Светлана Юрьевна', /Вы пишете от имени Миронова Светлана Юрьевна/);
    await terminal.press('Начать', /Сколько уроков коллег/);
    await terminal.press('Один-два', /Вопрос 2 из 3/);
    await terminal.press('4', /Вопрос 3 из 3/);
    const summary = await terminal.press('Пропустить', /Проверьте ответы/);
    expect(summary).toContain('Один-два');
    await terminal.press('Отправить', /Ответы сохранены/);
  });

  it('shows the coordinator the chart as a picture saved in the playground folder, and the XLSX', async () => {
    await terminal.type(':who', /От чьего имени писать\?/);
    await terminal.press('Соколова Ирина Павловна', /Вы пишете от имени Соколова Ирина Павловна/);
    await terminal.type('/surveys', /Запущенные опросы/);
    await terminal.press('Открытые уроки и взаимопосещения 1/2', /Ответили: 1 из 2/);
    const results = await terminal.press('Итоги', /Диаграмма 1/);
    expect(results).toContain('Один-два: 1 (100%)');
    const chart = await terminal.press('Диаграмма 1', /question-1\.png.*сохранён: .+\n🖼 file:\/\/.+/);
    // The question is the chart's caption, in full.
    expect(chart).toContain('Сколько уроков коллег из школы-партнёра вы посетили за эту четверть, считая онлайн-трансляции и записи уроков?');
    const picture = savedPath(chart, /question-1\.png/);
    expect(picture.path).toBe(join(saved, 'question-1.png'));
    expect(readFileSync(picture.path).subarray(1, 4).toString()).toBe('PNG');
    expect(fileURLToPath(picture.url ?? '')).toBe(picture.path);

    // The same chart again is saved beside the first, not over it.
    await terminal.type('/surveys', /Запущенные опросы/);
    await terminal.press('Открытые уроки и взаимопосещения 1/2', /Ответили: 1 из 2/);
    await terminal.press('Итоги', /Диаграмма 1/);
    const again = await terminal.press('Диаграмма 1', /question-1\.png.*сохранён: .+question-1-2\.png/);
    expect(savedPath(again, /question-1\.png/).path).toBe(join(saved, 'question-1-2.png'));
    expect(existsSync(join(saved, 'question-1.png'))).toBe(true);

    await terminal.type('/surveys', /Запущенные опросы/);
    await terminal.press('Открытые уроки и взаимопосещения 1/2', /Ответили: 1 из 2/);
    const exported = await terminal.press('XLSX', /\.xlsx.*сохранён: .+/);
    const { path, url } = savedPath(exported, /\.xlsx/);
    expect(url).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => cells.push(...(row.values as unknown[])));
    expect(cells).toContain('Один-два');
    expect(cells).toContain('Миронова Светлана Юрьевна');
  });

  it('holds an evening launch for the morning and shows it when the clock is moved there', async () => {
    const moved = await terminal.type(':time 22:00', /Часы переведены: .+ 22:00/);
    expect(moved).toContain('🕒');
    await terminal.type('/survey', /Какой опрос запускаем/);
    await terminal.press('Отзыв о семинаре', /Кого опрашиваем\?/);
    await terminal.press('Педагоги', /Сколько дней принимать ответы/);
    await terminal.press('7 дн.', /Повторять опрос/);
    await terminal.press('Нет, один раз', /Запустить опрос «Отзыв о семинаре»/);
    const launched = await terminal.press('Запустить', /⏰ .*придут в .+ 08:00 .*«:time 08:00»/);
    expect(launched).toContain('Опрос запущен');
    expect(launched).not.toMatch(/Новый опрос: «Отзыв о семинаре»/);

    const clock = await terminal.type(':time', /Ближайшее отложенное уведомление — в .+ 08:00/);
    expect(clock).toMatch(/Часы песочницы: .+ 22:0\d/);

    const morning = await terminal.type(':time 08:00', /📬 Уведомление для Миронова Светлана Юрьевна:\n\nНовый опрос: «Отзыв о семинаре»/);
    expect(morning).toMatch(/Часы переведены: .+ 08:00/);
    await terminal.until(/📬 Уведомление для Гусева Анна Викторовна:\n\nНовый опрос: «Отзыв о семинаре»/, terminal.position - morning.length);
    expect(await terminal.type(':time', /Отложенных уведомлений нет/)).toBeTruthy();
  });

  it('leaves on :quit', async () => {
    expect(await terminal.quit()).toBe(0);
  });
});
