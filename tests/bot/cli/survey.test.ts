// Surveys from the command line: a YAML survey is stored (bad files are
// refused with the problem named), a round launched for an audience, and
// its answers exported as CSV with formula-looking cells neutralised.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/core.js';
import { lastLine, runCli } from '../../e2e/cli.js';
import { execFileSync } from 'node:child_process';

const survey = `
key: quick-check
title: Быстрая проверка
anonymous: false
level: person
questions:
  - id: hours
    type: number
    text: Сколько часов курсов вы прошли?
    min: 0
    max: 500
    unit: hours
  - id: note
    type: text
    required: false
    text: Комментарий
`;

describe('surveys on the command line', () => {
  it('stores a YAML survey, launches a round and exports it', () => {
    const { dir, cleanup } = tempDir();
    try {
      const env = { DATABASE_PATH: join(dir, 'o.db') };
      runCli(['invite', '--role', 'coordinator', '--municipality', 'Тестовый район'], env);
      const file = join(dir, 'quick.yaml');
      writeFileSync(file, survey);
      const surveyId = lastLine(runCli(['survey', 'import', file, '--municipality', 'Тестовый район'], env));
      expect(surveyId).toMatch(/^\d+$/);
      const roundId = lastLine(runCli(['survey', 'launch', '--survey', surveyId, '--municipality', 'Тестовый район', '--days', '3'], env));
      expect(roundId).toMatch(/^\d+$/);
      const csv = join(dir, 'round.csv');
      runCli(['survey', 'export', roundId, '--out', csv], env);
      expect(readFileSync(csv, 'utf8')).toContain('Сколько часов курсов вы прошли?');

      writeFileSync(file, survey.replace('min: 0', 'min: 900'));
      let message = '';
      try {
        execFileSync(process.execPath, ['--import', 'tsx', 'bot/cli.ts', 'survey', 'import', file, '--municipality', 'Тестовый район'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
      } catch (error) {
        message = String((error as { stderr: Buffer }).stderr);
      }
      expect(message).toContain('В файле опроса есть ошибки');
      expect(message).toMatch(/questions\[0\]/);
    } finally {
      cleanup();
    }
  });
});

describe('municipality settings on the command line', () => {
  it('turns consultation confirmation on and sets the limits, refusing bad values', () => {
    const { dir, cleanup } = tempDir();
    try {
      const env = { DATABASE_PATH: join(dir, 'o.db') };
      runCli(['invite', '--role', 'coordinator', '--municipality', 'Тестовый район'], env);
      const shown = JSON.parse(
        runCli(['settings', '--municipality', 'Тестовый район', '--confirm-consultations', 'on', '--mentor-max-schools', '2', '--timezone', 'Asia/Yakutsk'], env),
      ) as { timezone: string; settings: Record<string, unknown> };
      expect(shown).toEqual({ municipality: 'Тестовый район', timezone: 'Asia/Yakutsk', settings: { confirmConsultations: true, mentorMaxSchools: 2 } });
      expect(() => runCli(['settings', '--municipality', 'Тестовый район', '--mentor-max-schools', 'много'], env)).toThrow();
    } finally {
      cleanup();
    }
  });
});
