// «Динамика»: a round compared with the other rounds of its series
// (series.ts), a question at a time, as a compact table in chat, a line chart
// and the «Динамика» sheet of the round's XLSX. Readers of the municipality
// (coordinators, the region's curators) see every school and all schools
// together; a school's administrator sees only their school (school-view.ts
// leads there). Who is who is decided again on every press.
import { getMunicipality, schoolsOf } from '../../db/repos/org.js';
import type { Person } from '../../db/repos/people.js';
import { getRound, recipientsOf, responsesOf, type Round } from '../../db/repos/surveys.js';
import { mayRead, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed, UserError } from '../core/errors.js';
import type { Sheet } from '../core/spreadsheet.js';
import { trendChartPng, type TrendLine } from './chart.js';
import { compareRounds, type MeanRow, type QuestionTrend, type ShareRow, type Trend, type TrendRound } from './compare.js';
import { roundProgress } from './progress.js';
import { roundLabel, seriesOf } from './series.js';
import { DEFAULT_MIN_GROUP, protectsPeople } from './small-groups.js';
import { definitionOf } from './stored.js';
import type { AnswerValue, SurveyDefinition } from './types.js';

export const trendAction = defineAction('svd', idArg, idArg);
export const trendChartAction = defineAction('svdg', idArg, idArg);
/** «Дальше» and «Назад»: the same table, redrawn in place so the chat stays short. */
export const trendPageAction = defineAction('svdn', idArg, idArg);

/** What reading a trend needs: the database and a translator (the XLSX is written without a messenger update too). */
export type ReadCtx = Pick<Ctx, 'deps' | 't' | 'lang'>;

/** Whose figures a reader sees: every school, or one school only. */
export type Scope = { kind: 'all' } | { kind: 'school'; schoolId: number };

/** Telegram and VK allow 4096 characters and MAX 4000; a table stops short of that, with a pointer to the XLSX. */
const MAX_TEXT = 3500;
const MAX_CHART_LINES = 10;

export function minGroupSizeOf(ctx: Pick<Ctx, 'deps'>, municipalityId: number): number {
  return getMunicipality(ctx.deps.db, municipalityId)?.settings.surveyMinGroupSize ?? DEFAULT_MIN_GROUP;
}

/**
 * The school whose results `person` may read in `round`: they administer a
 * school of the round's municipality, and the round was sent there.
 */
export function headedSchool(ctx: Pick<Ctx, 'deps'>, person: Person, round: Round): number | undefined {
  const schoolId = person.schoolId;
  if (schoolId === null) return undefined;
  const admin = person.roles.some((g) => g.role === 'school_admin' && g.municipalityId === round.municipalityId);
  if (!admin || person.municipalityId !== round.municipalityId) return undefined;
  if (!schoolsOf(ctx.deps.db, round.municipalityId).some((s) => s.id === schoolId)) return undefined;
  return recipientsOf(ctx.deps.db, round.id).some((r) => r.schoolId === schoolId) ? schoolId : undefined;
}

/** The round and what its reader may see of it, or a polite refusal. */
export function scopedRound(ctx: Ctx, roundId: number): { round: Round; scope: Scope } {
  const person = requirePerson(ctx);
  const round = getRound(ctx.deps.db, roundId);
  const municipality = round ? getMunicipality(ctx.deps.db, round.municipalityId) : undefined;
  if (!round || !municipality) throw notAllowed();
  if (mayRead(person, municipality)) return { round, scope: { kind: 'all' } };
  const schoolId = headedSchool(ctx, person, round);
  if (schoolId === undefined) throw notAllowed();
  return { round, scope: { kind: 'school', schoolId } };
}

export interface RoundTrend {
  survey: SurveyDefinition;
  trend: Trend;
  minGroupSize: number;
  /** Whether small groups are withheld (small-groups.ts): «—» then means too few answers, otherwise a school that has not answered. */
  protects: boolean;
  /** Whether each round is still taking answers: its figures may yet change. */
  open: boolean[];
  schoolName: (id: number | null) => string;
}

/** The series of `round` compared, as `scope` may see it. */
export function roundTrend(ctx: ReadCtx, round: Round, scope: Scope): RoundTrend {
  const series = seriesOf(ctx, round);
  const rows = responsesOf(
    ctx.deps.db,
    series.map((r) => r.id),
  );
  const rounds: TrendRound[] = series.map((r) => {
    const audienceBySchool = new Map<number, number>();
    for (const [school, s] of roundProgress(ctx, r).bySchool) if (school !== null) audienceBySchool.set(school, s.total);
    return {
      roundId: r.id,
      label: roundLabel(ctx, r),
      survey: definitionOf(ctx, r.surveyId),
      responses: rows.filter((x) => x.roundId === r.id).map((x) => ({ schoolId: x.schoolId, answers: x.answers as Record<string, AnswerValue> })),
      audienceBySchool,
    };
  });
  const minGroupSize = minGroupSizeOf(ctx, round.municipalityId);
  const survey = definitionOf(ctx, round.surveyId);
  const trend = compareRounds(rounds, survey, {
    minGroupSize,
    overall: scope.kind === 'all',
    ...(scope.kind === 'school' ? { schools: new Set([scope.schoolId]) } : {}),
  });
  const names = new Map(schoolsOf(ctx.deps.db, round.municipalityId).map((s) => [s.id, s.shortName]));
  const now = ctx.deps.clock.now().getTime();
  const open = series.map((r) => r.closesAt.getTime() > now);
  return { survey, trend, minGroupSize, protects: protectsPeople(survey), open, schoolName: (id) => (id === null ? ctx.t('trend-all-schools') : (names.get(id) ?? '—')) };
}

const locale = (ctx: Pick<Ctx, 'lang'>) => (ctx.lang === 'en' ? 'en' : 'ru');

/** A mean as people read it: a scale's «3,0», «4,25»; a number's «310», «12,5». */
export function formatMean(ctx: Pick<Ctx, 'lang'>, value: number, scale = true): string {
  return new Intl.NumberFormat(locale(ctx), { minimumFractionDigits: scale ? 1 : 0, maximumFractionDigits: 2 }).format(value);
}

/** A change with its sign: «+1,25», «−0,5», «±0». */
export function formatChange(ctx: Pick<Ctx, 'lang'>, value: number, format: (v: number) => string): string {
  if (value === 0) return '±0';
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

const percent = (share: number) => Math.round(share * 1000) / 10;
const formatPercent = (ctx: Pick<Ctx, 'lang'>, value: number) => new Intl.NumberFormat(locale(ctx), { maximumFractionDigits: 1 }).format(value);

function optionLabel(ctx: ReadCtx, q: QuestionTrend, value: string | boolean): string {
  if (typeof value === 'boolean') return ctx.t(value ? 'survey-yes' : 'survey-no');
  const question = q.question;
  return question.type === 'single' || question.type === 'multiple' ? (question.options.find((o) => o.value === value)?.label ?? value) : value;
}

/** A cell of the chat table: the figure, «—» when withheld, «·» when the round did not ask the question. */
function cell(q: QuestionTrend, row: MeanRow | ShareRow, i: number, figure: string | undefined): string {
  if (figure !== undefined) return figure;
  return row.withheld[i] && q.asked[i] ? '—' : '·';
}

function meanLine(ctx: ReadCtx, rt: RoundTrend, q: QuestionTrend, row: MeanRow, name: string): string {
  if (row.means.every((m) => m === null) && row.withheld.some((w, i) => w && q.asked[i])) return `• ${name}: ${ctx.t(rt.protects ? 'trend-too-few' : 'trend-no-answer')}`;
  const scale = q.question.type === 'scale';
  const cells = row.means.map((m, i) => cell(q, row, i, m === null ? undefined : formatMean(ctx, m, scale)));
  const change = row.change === null ? '' : ` (Δ ${formatChange(ctx, row.change, (v) => formatMean(ctx, v, scale))})`;
  return `• ${name}: ${cells.join(' → ')}${change}`;
}

function shareLines(ctx: ReadCtx, rt: RoundTrend, q: QuestionTrend & { kind: 'share' }, row: ShareRow, name: string): string[] {
  if (row.shares.every((s) => s === null) && row.withheld.some((w, i) => w && q.asked[i])) return [`• ${name}: ${ctx.t(rt.protects ? 'trend-too-few' : 'trend-no-answer')}`];
  return [
    `• ${name}:`,
    ...q.options.map((value, o) => {
      const cells = row.shares.map((s, i) => cell(q, row, i, s ? `${formatPercent(ctx, percent(s[o] ?? 0))}%` : undefined));
      const change = row.change[o];
      const delta = change === null || change === undefined ? '' : ` (Δ ${formatChange(ctx, percent(change), (v) => formatPercent(ctx, v))} ${ctx.t('trend-points')})`;
      return `   ${optionLabel(ctx, q, value)}: ${cells.join(' → ')}${delta}`;
    }),
  ];
}

/** The lines of one question's table, a school a block; all schools together first, as the headline a long table must not lose. */
function questionBlocks(ctx: ReadCtx, rt: RoundTrend, q: QuestionTrend): string[] {
  const first = <R extends { schoolId: number | null }>(rows: readonly R[]) => [...rows.filter((r) => r.schoolId === null), ...rows.filter((r) => r.schoolId !== null)];
  if (q.kind === 'mean') return first(q.rows).map((row) => meanLine(ctx, rt, q, row, rt.schoolName(row.schoolId)));
  return first(q.rows).map((row) => shareLines(ctx, rt, q, row, rt.schoolName(row.schoolId)).join('\n'));
}

/** The rounds compared, numbered, with their labels; a round still taking answers says so. */
function legend(ctx: ReadCtx, rt: RoundTrend): string {
  return `${ctx.t('trend-rounds')} ${rt.trend.rounds.map((r, i) => `${i + 1}) ${r.label}${rt.open[i] ? ` ${ctx.t('trend-open')}` : ''}`).join('; ')}`;
}

export function trendReply(ctx: Ctx, roundId: number, index: number, edit = false): Reply {
  const { round, scope } = scopedRound(ctx, roundId);
  const rt = roundTrend(ctx, round, scope);
  const { survey, trend } = rt;
  const head = [ctx.t('trend-title', { title: survey.title }), ...(scope.kind === 'school' ? [`🏫 ${rt.schoolName(scope.schoolId)}`] : [])];
  if (trend.rounds.length < 2) return { text: [...head, '', ctx.t('trend-single-round')].join('\n'), edit };
  if (trend.questions.length === 0) return { text: [...head, legend(ctx, rt), '', ctx.t('trend-nothing-to-compare')].join('\n'), edit };
  const n = Math.min(Math.max(index, 0), trend.questions.length - 1);
  if (n !== index) throw new UserError('gone', 'stale-button');
  const q = trend.questions[n]!;
  const lines = [
    ...head,
    legend(ctx, rt),
    '',
    ctx.t('trend-question', { n: n + 1, total: trend.questions.length, text: q.text }),
    ctx.t(q.kind === 'mean' ? 'trend-kind-mean' : 'trend-kind-share'),
  ];
  let text = lines.join('\n');
  const blocks = questionBlocks(ctx, rt, q);
  // Only the notes the table needs: what a withheld cell means, and a round that did not ask the question.
  const withheld = q.rows.some((r) => r.withheld.some((w, i) => w && q.asked[i]));
  const notes = [
    ...(withheld ? [ctx.t(rt.protects ? 'trend-legend' : 'trend-legend-schools', { min: rt.minGroupSize })] : []),
    ...(q.asked.some((a) => !a) ? [ctx.t('trend-legend-absent')] : []),
    ...(survey.anonymous ? [ctx.t('trend-anonymous')] : []),
  ];
  const footer = notes.length ? ['', ...notes].join('\n') : '';
  let shown = 0;
  for (const block of blocks) {
    if (text.length + block.length + footer.length + 200 > MAX_TEXT) break;
    text += `\n${block}`;
    shown += 1;
  }
  if (shown < blocks.length) text += `\n${ctx.t('trend-more-in-xlsx', { count: blocks.length - shown })}`;
  text += footer;
  const nav: Button[] = [];
  if (n > 0) nav.push({ kind: 'action', label: ctx.t('trend-previous'), data: trendPageAction.encode(round.id, n - 1) });
  if (n < trend.questions.length - 1) nav.push({ kind: 'action', label: ctx.t('trend-next'), data: trendPageAction.encode(round.id, n + 1) });
  const buttons: Button[][] = [...(nav.length ? [nav] : []), [{ kind: 'action', label: ctx.t('trend-chart'), data: trendChartAction.encode(round.id, n) }]];
  return { text, buttons, edit };
}

/** Whether a round has anything to compare: the card shows «Динамика» only then. */
export function trendButtons(ctx: ReadCtx, round: Round): Button[][] {
  return seriesOf(ctx, round).length >= 2 ? [[{ kind: 'action', label: ctx.t('trend-button'), data: trendAction.encode(round.id, 0) }]] : [];
}

/** The lines of a question's chart: a school each (means), or an option each for all schools or the reader's school (shares). */
function chartLines(rt: RoundTrend, ctx: ReadCtx, q: QuestionTrend): { lines: TrendLine[]; of?: string } {
  if (q.kind === 'mean') {
    const withFigures = q.rows.filter((r) => r.means.some((m) => m !== null));
    const line = (r: MeanRow): TrendLine => ({ label: rt.schoolName(r.schoolId), values: r.means });
    const schools = withFigures.filter((r) => r.schoolId !== null).slice(0, MAX_CHART_LINES);
    return { lines: [...schools, ...withFigures.filter((r) => r.schoolId === null)].map(line) };
  }
  const row = q.rows.find((r) => r.schoolId === null && r.shares.some((s) => s !== null)) ?? q.rows.find((r) => r.shares.some((s) => s !== null));
  if (!row) return { lines: [] };
  return {
    of: rt.schoolName(row.schoolId),
    lines: q.options.map((value, o) => ({ label: optionLabel(ctx, q, value), values: row.shares.map((s) => (s ? percent(s[o] ?? 0) : null)) })),
  };
}

export function trendChartReply(ctx: Ctx, roundId: number, index: number): Reply {
  const { round, scope } = scopedRound(ctx, roundId);
  const rt = roundTrend(ctx, round, scope);
  if (rt.trend.rounds.length < 2) return { text: ctx.t('trend-single-round') };
  const q = rt.trend.questions[index];
  if (!q) throw new UserError('gone', 'stale-button');
  const { lines, of } = chartLines(rt, ctx, q);
  if (lines.length === 0) return { text: ctx.t('trend-chart-empty', { min: rt.minGroupSize }) };
  const values = lines.flatMap((l) => l.values.filter((v): v is number => v !== null));
  const question = q.question;
  const range =
    q.kind === 'share'
      ? { min: 0, max: 100, unit: '%' }
      : question.type === 'scale'
        ? { min: question.min, max: question.max }
        : { min: Math.min(0, ...values), max: Math.max(1, ...values) * 1.1 };
  const title = of ? `${q.text} — ${of}` : q.text;
  const data = trendChartPng(title, rt.trend.rounds.map((r) => r.label), lines, { ...range, lang: ctx.lang });
  return { text: title.slice(0, 1000), file: { name: `trend-${round.id}-${index + 1}.png`, mime: 'image/png', data } };
}

type Cell = string | number | null;
const rounded = (x: number) => Math.round(x * 100) / 100;

/**
 * The «Динамика» sheet of a round's XLSX: every compared question, a row per
 * school (and all schools) and figure, a column per round and the change
 * from the first shown round to the last. «—» marks a cell withheld as a
 * small group; an empty cell, a round that did not ask the question.
 */
export function trendSheet(ctx: ReadCtx, round: Round): Sheet {
  const rt = roundTrend(ctx, round, { kind: 'all' });
  const { trend } = rt;
  const header = [ctx.t('col-question'), ctx.t('col-school'), ctx.t('trend-col-figure'), ...trend.rounds.map((r) => r.label), ctx.t('trend-col-change')];
  const at = (q: QuestionTrend, row: MeanRow | ShareRow, i: number, value: number | null | undefined): Cell =>
    value !== null && value !== undefined ? value : row.withheld[i] && q.asked[i] ? '—' : '';
  const rows: Cell[][] = [];
  if (trend.rounds.length < 2 || trend.questions.length === 0) rows.push([ctx.t(trend.rounds.length < 2 ? 'trend-single-round' : 'trend-nothing-to-compare')]);
  for (const q of trend.rounds.length < 2 ? [] : trend.questions) {
    for (const row of q.rows) {
      const school = rt.schoolName(row.schoolId);
      if (q.kind === 'mean') {
        const r = row as MeanRow;
        rows.push([q.text, school, ctx.t('trend-figure-mean'), ...r.means.map((m, i) => at(q, r, i, m === null ? null : rounded(m))), r.change === null ? '' : rounded(r.change)]);
        continue;
      }
      const r = row as ShareRow;
      q.options.forEach((value, o) => {
        const change = r.change[o];
        rows.push([
          q.text,
          school,
          ctx.t('trend-figure-share', { option: optionLabel(ctx, q, value) }),
          ...r.shares.map((s, i) => at(q, r, i, s ? percent(s[o] ?? 0) : null)),
          change === null || change === undefined ? '' : percent(change),
        ]);
      });
    }
  }
  return { name: ctx.t('trend-sheet'), header, rows };
}
