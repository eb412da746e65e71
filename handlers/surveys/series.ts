// Which rounds belong together over time: the rounds of one survey (its key)
// in the municipality, the rounds a launch chained by previous_round_id, and
// the three stages of the shipped monitoring (entry, intermediate, final),
// which are three surveys with their own keys but one school's year. Ordered
// by opening; only rounds that have opened count.
import { getSurvey, roundsOf, type Round } from '../../db/repos/surveys.js';
import type { Ctx } from '../core/context.js';
import { formatDay } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';

/** Keys that make one series although they differ, and the stage each names. */
const STAGES: Readonly<Record<string, { series: string; stage: 'entry' | 'intermediate' | 'final' }>> = {
  'monitoring-entry': { series: 'monitoring', stage: 'entry' },
  'monitoring-intermediate': { series: 'monitoring', stage: 'intermediate' },
  'monitoring-final': { series: 'monitoring', stage: 'final' },
};

/** The most rounds compared at once: a messenger line holds about this many figures. */
export const MAX_ROUNDS = 8;
/** How far back a municipality's rounds are read to find a series. */
const LOOKBACK = 500;

const seriesKey = (key: string) => STAGES[key]?.series ?? key;

/**
 * The rounds of `round`'s series that have opened by `now`, oldest first, the
 * newest MAX_ROUNDS of them (always with `round` itself).
 */
export function seriesOf(ctx: Pick<Ctx, 'deps'>, round: Round, now = ctx.deps.clock.now()): Round[] {
  const db = ctx.deps.db;
  const all = roundsOf(db, round.municipalityId, LOOKBACK);
  const keys = new Map<number, string>();
  const keyOf = (surveyId: number) => {
    let key = keys.get(surveyId);
    if (key === undefined) keys.set(surveyId, (key = seriesKey(getSurvey(db, surveyId)?.key ?? '')));
    return key;
  };
  const wanted = keyOf(round.surveyId);
  const members = new Set(all.filter((r) => keyOf(r.surveyId) === wanted).map((r) => r.id));
  members.add(round.id);
  // A chain by previous_round_id joins rounds whatever their keys; followed both ways until it stops growing.
  for (let grown = true; grown; ) {
    grown = false;
    for (const r of all) {
      const linked = r.previousRoundId !== null && (members.has(r.previousRoundId) || members.has(r.id));
      if (!linked) continue;
      for (const id of [r.id, r.previousRoundId as number]) {
        if (members.has(id) || !all.some((x) => x.id === id)) continue;
        members.add(id);
        grown = true;
      }
    }
  }
  const opened = all.filter((r) => members.has(r.id) && (r.id === round.id || r.opensAt.getTime() <= now.getTime()));
  if (!opened.some((r) => r.id === round.id)) opened.push(round);
  opened.sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime() || a.id - b.id);
  const upTo = opened.findIndex((r) => r.id === round.id);
  // The newest rounds, but never dropping the one being looked at.
  const start = Math.max(0, Math.min(opened.length - MAX_ROUNDS, upTo));
  return opened.slice(start, start + MAX_ROUNDS);
}

/** The rounds of `round`'s series that opened before it, the latest first. */
export function earlierInSeries(ctx: Pick<Ctx, 'deps'>, round: Round): Round[] {
  const series = seriesOf(ctx, round, round.opensAt);
  return series.slice(0, Math.max(0, series.findIndex((r) => r.id === round.id))).reverse();
}

/** How a round is named in a table: its own label, the monitoring stage, or the day it opened. */
export function roundLabel(ctx: Pick<Ctx, 'deps' | 't'>, round: Round): string {
  const day = formatDay(round.opensAt, municipalityZone(ctx.deps, round.municipalityId));
  if (round.label.trim()) return `${round.label.trim()} (${day})`;
  const stage = STAGES[getSurvey(ctx.deps.db, round.surveyId)?.key ?? '']?.stage;
  return stage ? `${ctx.t(`trend-stage-${stage}`)} (${day})` : day;
}
