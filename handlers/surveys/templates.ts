// The survey templates the product ships: YAML files in ./templates/, written
// in Russian like any other content, read once and checked with the same
// rules as a coordinator's upload. A broken template is a bug in the release,
// so it fails loudly instead of being skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSurveyFile } from './definition.js';
import type { SurveyDefinition } from './types.js';

export const templatesFolder = join(dirname(fileURLToPath(import.meta.url)), 'templates');

let cache: readonly SurveyDefinition[] | undefined;

/** Reads one template file; its key must match its file name, so a file is easy to find from a key. */
export function readTemplate(path: string): SurveyDefinition {
  const loaded = loadSurveyFile(readFileSync(path, 'utf8'), 'yaml');
  if (!loaded.ok) throw new Error(`survey template ${path} is invalid:\n- ${loaded.problems.join('\n- ')}`);
  const expected = basename(path, '.yaml');
  if (loaded.survey.key !== expected) throw new Error(`survey template ${path} has key "${loaded.survey.key}", expected "${expected}"`);
  return loaded.survey;
}

function readAll(): readonly SurveyDefinition[] {
  const names = readdirSync(templatesFolder)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  return names.map((name) => readTemplate(join(templatesFolder, name)));
}

/** Every shipped template, ordered by key; read once, and copied on each call so no caller can change another's. */
export function templates(): SurveyDefinition[] {
  cache ??= readAll();
  return structuredClone([...cache]);
}

export function templateByKey(key: string): SurveyDefinition | undefined {
  return templates().find((t) => t.key === key);
}
