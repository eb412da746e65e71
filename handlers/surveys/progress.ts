// How far a round has got: who answered, as units. The survey feature's
// public face for the rest of the bot (road map's weekly digest shows it), so
// that nothing outside reaches into results.ts; exported from index.ts.
import { recipientsOf, type Round } from '../../db/repos/surveys.js';
import type { Ctx } from '../core/context.js';
import { definitionOf } from './respond.js';

export interface RoundProgress {
  answered: number;
  total: number;
  bySchool: Map<number | null, { answered: number; total: number }>;
}

/** Who answered, as units: schools for a school-level survey, people otherwise. */
export function roundProgress(ctx: Pick<Ctx, 'deps'>, round: Round): RoundProgress {
  const survey = definitionOf(ctx, round.surveyId);
  const recipients = recipientsOf(ctx.deps.db, round.id);
  const bySchool = new Map<number | null, { answered: number; total: number }>();
  if (survey.level === 'school') {
    for (const r of recipients) {
      const s = bySchool.get(r.schoolId) ?? { answered: 0, total: 1 };
      bySchool.set(r.schoolId, { total: 1, answered: s.answered || (r.answeredAt ? 1 : 0) });
    }
  } else {
    for (const r of recipients) {
      const s = bySchool.get(r.schoolId) ?? { answered: 0, total: 0 };
      bySchool.set(r.schoolId, { total: s.total + 1, answered: s.answered + (r.answeredAt ? 1 : 0) });
    }
  }
  let answered = 0;
  let total = 0;
  for (const s of bySchool.values()) {
    answered += s.answered;
    total += s.total;
  }
  return { answered, total, bySchool };
}
