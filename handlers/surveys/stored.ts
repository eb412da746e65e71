// A stored survey's definition, validated once per database: kept apart from
// respond.ts so that the files respond.ts uses (prefill, the series of rounds)
// can read definitions without importing it back.
import type { DbOrTx } from '../../db/client.js';
import { getSurvey } from '../../db/repos/surveys.js';
import type { Ctx } from '../core/context.js';
import { parseSurveyDefinition } from './definition.js';
import type { SurveyDefinition } from './types.js';

/**
 * Definitions never change once stored, so each is validated once. The cache
 * is per database: ids are only unique within one, and a process may hold
 * more than one (tests, the command line beside the bot).
 */
const definitions = new WeakMap<DbOrTx, Map<number, SurveyDefinition>>();

/** The validated definition of a stored survey. */
export function definitionOf(ctx: Pick<Ctx, 'deps'>, surveyId: number): SurveyDefinition {
  const db = ctx.deps.db;
  let cache = definitions.get(db);
  if (!cache) definitions.set(db, (cache = new Map()));
  const cached = cache.get(surveyId);
  if (cached) return cached;
  const row = getSurvey(db, surveyId);
  const parsed = row ? parseSurveyDefinition(row.definition) : undefined;
  if (!parsed?.ok) throw new Error(`survey ${surveyId} has no valid definition`);
  cache.set(surveyId, parsed.survey);
  return parsed.survey;
}

