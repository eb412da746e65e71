import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../db/repos/audit.js';
import { answerErrorKeys } from '../../handlers/surveys/answer.js';
import { createI18n, messageIds } from '../../locales/i18n.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('locales', () => {
  it('Russian and English define the same keys', () => {
    const ru = messageIds('ru').sort();
    const en = messageIds('en').sort();
    expect(en.filter((k) => !ru.includes(k))).toEqual([]);
    expect(ru.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('every key the code asks for exists', () => {
    const i18n = createI18n();
    const used = new Set<string>();
    for (const file of ['handlers', 'bot', 'scheduler'].flatMap(sourceFiles)) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?<![.\w])t\(\s*'([a-z][\w-]*)'/g)) used.add(m[1] ?? '');
      for (const m of source.matchAll(/(?:describe|key|reask):\s*'([a-z][\w-]*)'/g)) used.add(m[1] ?? '');
      for (const m of source.matchAll(/new UserError\(\s*'[\w-]+',\s*'([a-z][\w-]*)'/g)) used.add(m[1] ?? '');
    }
    for (const key of answerErrorKeys) used.add(key);
    for (const action of auditActions) used.add(`audit-${action.replace('.', '-')}`);
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((k) => !i18n.has(k))).toEqual([]);
  });

  it('formats plurals in Russian', () => {
    const i18n = createI18n();
    expect(i18n.t('ru', 'people-count', { count: 1 })).toBe('1 человек');
    expect(i18n.t('ru', 'people-count', { count: 3 })).toBe('3 человека');
    expect(i18n.t('ru', 'people-count', { count: 11 })).toBe('11 человек');
    expect(i18n.t('en', 'people-count', { count: 1 })).toBe('1 person');
    expect(i18n.t('en', 'people-count', { count: 5 })).toBe('5 people');
  });
});
