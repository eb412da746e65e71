// The admin command line speaks Russian, with plural forms, so no English
// reaches a Russian operator; OPORA_LANG=en switches it to English.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../e2e/cli.js';
import { tempDir } from '../helpers/core.js';

/** What a failing command says on standard error. */
function cliError(args: string[], env: Record<string, string>): string {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'bot/cli.ts', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
  } catch (error) {
    return String((error as { stderr: Buffer }).stderr);
  }
  throw new Error('the command did not fail');
}

describe('the command line in Russian', () => {
  const { dir, cleanup } = tempDir();
  const env = { DATABASE_PATH: join(dir, 'o.db') };
  afterAll(cleanup);

  it('creates an invite and says how many uses it has, in Russian', () => {
    const one = runCli(['invite', '--role', 'coordinator', '--municipality', 'Тестовый район'], env);
    expect(one).toMatch(/^Приглашение: координатор, Тестовый район; 1 использование, действует до \d{2}\.\d{2}\.\d{4}\./);
    expect(one).toMatch(/Отправьте боту: \/start [A-Z2-9]{8}/);
    expect(runCli(['invite', '--role', 'teacher', '--municipality', 'Тестовый район', '--uses', '3'], env)).toContain('педагог, Тестовый район; 3 использования,');
    expect(runCli(['invite', '--role', 'teacher', '--municipality', 'Тестовый район', '--uses', '25'], env)).toContain('; 25 использований,');
  });

  it('reads an import without writing it and says so', () => {
    const file = join(dir, 'schools.csv');
    writeFileSync(file, 'Наименование ОО;Краткое наименование;Статус\nМБОУ «Школа № 1»;Школа № 1;ШНОР\n');
    const output = runCli(['import', file, '--municipality', 'Тестовый район', '--dry-run'], env);
    expect(output).toContain('Пробный запуск: ничего не записано.');
    expect(output).not.toMatch(/Dry run|nothing was written/);
  });

  it('queues a broadcast and counts its recipients with the right form', () => {
    const output = runCli(['broadcast', '--municipality', 'Тестовый район', '--text', 'Методический день в пятницу'], env);
    // Nobody has joined yet: «0 получателей».
    expect(output).toMatch(/^Рассылка в очереди: 0 получателей\. Разошлёт её работающая «Опора»\.\n\d+\n$/);
  });

  it('explains a mistake in Russian', () => {
    expect(cliError(['invite', '--municipality', 'Тестовый район'], env)).toContain('--role — одно из: coordinator,');
    expect(cliError(['broadcast', '--municipality', 'Нет такого'], env)).toContain('Нужен параметр --text.');
    expect(cliError(['broadcast', '--municipality', 'Нет такого', '--text', 'Привет всем'], env)).toContain('Муниципалитет «Нет такого» не найден.');
    expect(cliError(['nonsense'], env)).toMatch(/^Не знаю команды «nonsense»\.\n\nКомандная строка «Опоры»/);
  });

  it('prints its help in Russian', () => {
    const help = runCli(['help'], env);
    expect(help).toContain('Создаёт приглашение');
    expect(help).not.toContain('Creates an invite');
  });

  it('speaks English when OPORA_LANG=en', () => {
    const output = runCli(['invite', '--role', 'teacher', '--municipality', 'Тестовый район', '--uses', '2'], { ...env, OPORA_LANG: 'en' });
    expect(output).toMatch(/^Invite for teacher in Тестовый район; 2 uses, valid until/);
    expect(output).toContain('Send the bot: /start');
  });
});
