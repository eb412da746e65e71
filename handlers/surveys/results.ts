// What a survey round shows: for respondents, the rounds waiting for them; for
// a coordinator (or a curator of the region), the response rate per school
// and overall, who is missing (with a nudge), a compact summary of every
// question, a chart of one question, and XLSX or CSV exports. Only readers
// of the municipality see results; free-text answers stay with them. The
// export of an anonymous survey carries no respondent, no time and no school
// too small to hide a person (small-groups.ts decides which).
import { audit } from '../../db/repos/audit.js';
import { stringify } from 'csv-stringify/sync';
import { getMunicipality, schoolsOf } from '../../db/repos/org.js';
import { namesOf } from '../../db/repos/people.js';
import { getRound, getSurvey, openRoundsFor, recipientsOf, responsesOf, roundsOf, type Round } from '../../db/repos/surveys.js';
import { mayAdminister, mayRead, readableMunicipalities, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed, UserError } from '../core/errors.js';
import { formatDay, formatDayTime } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { buildXlsx, neutralize, XLSX_MIME } from '../core/spreadsheet.js';
import { aggregate, type QuestionReport } from './aggregate.js';
import { barChartPng } from './chart.js';
import { roundProgress } from './progress.js';
import { schoolRoundsReply } from './missing.js';
import { missingAction, nudgeAction } from './reminders.js';
import { closeAskAction, extendAction } from './round-admin.js';
import { definitionOf, formatAnswer, startRoundAction } from './respond.js';
import { schoolHeadReplies } from './school-view.js';
import { DEFAULT_MIN_GROUP, protectsPeople, roundTooSmall } from './small-groups.js';
import { trendButtons, trendSheet } from './trends.js';
import type { AnswerValue } from './types.js';

export const roundCardAction = defineAction('svr', idArg);
export const summaryAction = defineAction('svq', idArg);
// «Кто не ответил» (svm) is defined with the reminders, whose escalation message links to it too.
export { missingAction };
export const xlsxAction = defineAction('svx', idArg);
export const csvAction = defineAction('svc', idArg);
export const chartAction = defineAction('svg', idArg, idArg);


/** What reading results needs: the database and a translator, not a messenger update (the CLI has none). */
export type ReadCtx = Pick<Ctx, 'deps' | 't' | 'lang'>;

function readable(ctx: Ctx, roundId: number): Round {
  const round = getRound(ctx.deps.db, roundId);
  const municipality = round ? getMunicipality(ctx.deps.db, round.municipalityId) : undefined;
  if (!round || !municipality || !mayRead(requirePerson(ctx), municipality)) throw notAllowed();
  return round;
}

const zoneOf = (ctx: ReadCtx, round: Round) => municipalityZone(ctx.deps, round.municipalityId);
/** Short names of a municipality's schools, looked up once per table rather than once per row. */
function schoolNames(ctx: ReadCtx, round: Round): (id: number | null) => string {
  const names = new Map(schoolsOf(ctx.deps.db, round.municipalityId).map((s) => [s.id, s.shortName]));
  return (id) => (id === null ? '—' : (names.get(id) ?? '—'));
}

export function surveysCommand(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const now = ctx.deps.clock.now();
  const replies: Reply[] = [];
  const mine = openRoundsFor(ctx.deps.db, person.id, now);
  if (mine.length > 0) {
    // Each round with its deadline, and a button that says what it does: answer, or look again at what was sent.
    const titled = mine.map((m) => ({ ...m, title: getSurvey(ctx.deps.db, m.round.surveyId)?.title ?? '' }));
    const lines = titled.map(({ round, recipient, title }) =>
      ctx.t(!recipient.answeredAt ? 'surveys-mine-open' : definitionOf(ctx, round.surveyId).anonymous ? 'surveys-mine-done' : 'surveys-mine-answered', {
        title,
        until: formatDay(round.closesAt, zoneOf(ctx, round)),
      }),
    );
    replies.push({
      text: `${ctx.t('surveys-mine')}\n${lines.join('\n')}`,
      buttons: titled.map(({ round, recipient, title }): Button[] => [
        {
          kind: 'action',
          label: (recipient.answeredAt ? `✓ ${title}` : ctx.t('surveys-answer', { title })).slice(0, 40),
          data: startRoundAction.encode(round.id),
        },
      ]),
    });
  }
  // A school admin: the rounds that reached their school, each with its own missing list.
  const school = schoolRoundsReply(ctx);
  if (school) replies.push(school);
  // A school head: their school's results and its change over time (school-view.ts).
  replies.push(...schoolHeadReplies(ctx));
  const readable = readableMunicipalities(ctx, person);
  for (const municipality of readable) {
    const rounds = roundsOf(ctx.deps.db, municipality.id);
    if (rounds.length === 0) continue;
    replies.push({
      text: readable.length > 1 ? `🏛 ${municipality.name}\n${ctx.t('surveys-rounds')}` : ctx.t('surveys-rounds'),
      buttons: rounds.map((r): Button[] => {
        const p = roundProgress(ctx, r);
        return [{ kind: 'action', label: `${getSurvey(ctx.deps.db, r.surveyId)?.title ?? ''} ${p.answered}/${p.total}`.slice(0, 40), data: roundCardAction.encode(r.id) }];
      }),
    });
  }
  return replies.length ? replies : [{ text: ctx.t('surveys-none') }];
}

export function roundCard(ctx: Ctx, roundId: number): Reply {
  const round = readable(ctx, roundId);
  const survey = definitionOf(ctx, round.surveyId);
  const zone = zoneOf(ctx, round);
  const p = roundProgress(ctx, round);
  const closed = round.closesAt.getTime() <= ctx.deps.clock.now().getTime();
  const lines = [
    `📋 ${survey.title}`,
    ctx.t(round.closedEarlyAt ? 'survey-closed-early-at' : closed ? 'survey-closed-at' : 'survey-open-until', { date: formatDayTime(round.closesAt, zone) }),
    ctx.t('survey-rate', { answered: p.answered, total: p.total, percent: p.total ? Math.round((p.answered / p.total) * 100) : 0 }),
    '',
  ];
  const schoolName = schoolNames(ctx, round);
  lines.push(...[...p.bySchool].map(([school, s]) => `• ${schoolName(school)}: ${s.answered}/${s.total}`));
  const admin = mayAdminister(requirePerson(ctx), round.municipalityId);
  const buttons: Button[][] = [
    [{ kind: 'action', label: ctx.t('survey-button-summary'), data: summaryAction.encode(round.id) }, { kind: 'action', label: ctx.t('survey-button-missing'), data: missingAction.encode(round.id) }],
    [{ kind: 'action', label: 'XLSX', data: xlsxAction.encode(round.id) }, { kind: 'action', label: 'CSV', data: csvAction.encode(round.id) }],
    ...trendButtons(ctx, round),
  ];
  // Steering the round: remind, extend, close early (a closed round may be extended, which opens it again).
  const missing = recipientsOf(ctx.deps.db, round.id).filter((r) => !r.answeredAt).length;
  if (admin && !closed && missing > 0) buttons.push([{ kind: 'action', label: ctx.t('survey-remind-all', { count: missing }), data: nudgeAction.encode(round.id) }]);
  if (admin) {
    const extend: Button = { kind: 'action', label: ctx.t('survey-button-extend'), data: extendAction.encode(round.id) };
    buttons.push(closed ? [extend] : [extend, { kind: 'action', label: ctx.t('survey-button-close'), data: closeAskAction.encode(round.id) }]);
  }
  return { text: lines.join('\n'), buttons };
}

type Report = ReturnType<typeof report>;

function report(ctx: ReadCtx, round: Round) {
  const survey = definitionOf(ctx, round.surveyId);
  const rows = responsesOf(ctx.deps.db, [round.id]);
  const p = roundProgress(ctx, round);
  const audienceBySchool = new Map<number, number>();
  for (const [school, s] of p.bySchool) if (school !== null) audienceBySchool.set(school, s.total);
  const minGroupSize = getMunicipality(ctx.deps.db, round.municipalityId)?.settings.surveyMinGroupSize ?? DEFAULT_MIN_GROUP;
  return {
    survey,
    rows,
    progress: p,
    minGroupSize,
    /** An anonymous round with too few responses: no answer of it is shown anywhere. */
    withheld: roundTooSmall(survey.anonymous, rows.length, minGroupSize),
    // A school's own signed report is shown per school, as in «Динамика» and the school head's view; people's answers keep the minimum.
    result: aggregate(
      survey,
      rows.map((r) => ({ schoolId: r.schoolId, answers: r.answers as Record<string, AnswerValue> })),
      { minGroupSize: protectsPeople(survey) ? minGroupSize : 1, audienceBySchool },
    ),
  };
}

/** What a reader is told instead of the answers of an anonymous round with too few responses. */
function tooFewNotice(ctx: ReadCtx, rep: Pick<Report, 'rows' | 'minGroupSize' | 'withheld'>): string | undefined {
  return rep.withheld ? ctx.t('survey-too-few', { count: rep.rows.length, min: rep.minGroupSize }) : undefined;
}

/** The notice for a round whose answers are withheld (see tooFewNotice); undefined when they are shown. */
export function withheldNotice(ctx: ReadCtx, round: Round): string | undefined {
  return tooFewNotice(ctx, report(ctx, round));
}

function questionLine(ctx: Ctx, q: QuestionReport): string {
  const f = q.figures;
  const head = `${q.text} (${ctx.t('survey-answered', { count: f.answered })})`;
  if (f.type === 'number') return `${head}\n   ${ctx.t('survey-figures-number', { mean: f.mean ?? '—', median: f.median ?? '—', sum: f.sum })}`;
  if (f.type === 'text') return `${head}\n${f.texts.slice(0, 10).map((x) => `   «${x.text}»`).join('\n')}`;
  if (f.type === 'date') return `${head}\n   ${f.earliest ?? '—'} … ${f.latest ?? '—'}`;
  const options = f.options.map((o) => `   ${o.label ?? (typeof o.value === 'boolean' ? ctx.t(o.value ? 'survey-yes' : 'survey-no') : String(o.value))}: ${o.count} (${Math.round(o.share * 100)}%)`);
  const averages = f.type === 'scale' ? [`   ${ctx.t('survey-figures-scale', { mean: f.mean ?? '—', median: f.median ?? '—' })}`] : [];
  return [head, ...options, ...averages].join('\n');
}

export function summaryReply(ctx: Ctx, roundId: number): Reply[] {
  const round = readable(ctx, roundId);
  const rep = report(ctx, round);
  const { survey, result, progress: p } = rep;
  const lines = [`📊 ${survey.title}`, ctx.t('survey-rate', { answered: result.overall.responses, total: p.total, percent: Math.round((result.overall.rate ?? 0) * 100) }), ''];
  const notice = tooFewNotice(ctx, rep);
  if (notice) return [{ text: [...lines, notice].join('\n') }];
  lines.push(...result.questions.map((q, i) => `${i + 1}. ${questionLine(ctx, q)}`));
  const charts: Button[][] = result.questions
    .map((q, i) => ({ q, i }))
    .filter(({ q }) => q.figures.type !== 'text' && q.figures.type !== 'date' && q.figures.type !== 'number')
    .slice(0, 8)
    .map(({ i }) => [{ kind: 'action', label: ctx.t('survey-chart', { n: i + 1 }), data: chartAction.encode(round.id, i) }]);
  return [{ text: lines.join('\n'), buttons: charts }];
}

export function chartReply(ctx: Ctx, roundId: number, index: number): Reply {
  const round = readable(ctx, roundId);
  const rep = report(ctx, round);
  if (rep.withheld) throw new UserError('too-few', 'survey-too-few', { count: rep.rows.length, min: rep.minGroupSize });
  const q = rep.result.questions[index];
  if (!q || !('options' in q.figures)) throw new UserError('gone', 'stale-button');
  const bars = q.figures.options.map((o) => ({
    label: o.label ?? (typeof o.value === 'boolean' ? ctx.t(o.value ? 'survey-yes' : 'survey-no') : String(o.value)),
    count: o.count,
    share: o.share,
  }));
  return { text: q.text, file: { name: `question-${index + 1}.png`, mime: 'image/png', data: barChartPng(q.text, bars) } };
}

type Cell = string | number | null;
interface Table {
  header: string[];
  rows: Cell[][];
}

function answerCells(ctx: ReadCtx, survey: Report['survey'], answers: Record<string, AnswerValue>): Cell[] {
  return survey.questions.map((q) => {
    const value = answers[q.id];
    return typeof value === 'number' ? value : value === undefined ? '' : formatAnswer(ctx, q, value);
  });
}

/** Raw answers of a named survey: one row per response, with its school, respondent and time. */
function namedTable(ctx: ReadCtx, round: Round, { survey, rows }: Pick<Report, 'survey' | 'rows'>): Table {
  const zone = zoneOf(ctx, round);
  const schoolName = schoolNames(ctx, round);
  const names = namesOf(ctx.deps.db, rows.flatMap((r) => (r.personId === null ? [] : [r.personId])));
  const header = [ctx.t('col-school'), ctx.t('col-respondent'), ctx.t('col-submitted'), ...survey.questions.map((q) => q.text)];
  const body = rows.map((r) => [
    schoolName(r.schoolId),
    (r.personId !== null ? names.get(r.personId) : undefined) ?? '—',
    formatDayTime(r.submittedAt, zone),
    ...answerCells(ctx, survey, r.answers as Record<string, AnswerValue>),
  ]);
  return { header, rows: body };
}

/** Cells compared one by one: numbers as numbers, text in Russian order, then by code points so no two differing rows tie. */
function compareCells(a: readonly Cell[], b: readonly Cell[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (typeof x === 'number' && typeof y === 'number' && x !== y) return x - y;
    const [p, q] = [String(x), String(y)];
    const order = p.localeCompare(q, 'ru') || (p < q ? -1 : p > q ? 1 : 0);
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Raw answers of an anonymous survey. No time at all: even the day would
 * match a row to the person who left the missing list that day. A school only
 * when small-groups.ts shows it apart; the other rows share one label. Rows
 * are sorted by what they say, so their order tells nothing of who answered
 * first.
 */
function anonymousTable(ctx: ReadCtx, round: Round, { survey, rows, result, withheld }: Pick<Report, 'survey' | 'rows' | 'result' | 'withheld'>): Table {
  const shown = new Set(result.schools.filter((s) => !s.suppressed).map((s) => s.schoolId));
  const schoolName = schoolNames(ctx, round);
  const together = ctx.t('survey-schools-together');
  const body = (withheld ? [] : rows).map((r) => {
    const apart = r.schoolId !== null && shown.has(r.schoolId);
    return { apart, cells: [apart ? schoolName(r.schoolId) : together, ...answerCells(ctx, survey, r.answers as Record<string, AnswerValue>)] };
  });
  body.sort((a, b) => Number(b.apart) - Number(a.apart) || compareCells(a.cells, b.cells));
  return { header: [ctx.t('col-school'), ...survey.questions.map((q) => q.text)], rows: body.map((r) => r.cells) };
}

/** Raw answers: one row per response; the respondent and the time only for named surveys. */
function rawTable(ctx: ReadCtx, round: Round, rep: Pick<Report, 'survey' | 'rows' | 'result' | 'withheld'>): Table {
  return rep.survey.anonymous ? anonymousTable(ctx, round, rep) : namedTable(ctx, round, rep);
}

/** Free-text answers of an anonymous survey, question by question, sorted and with no school at all. */
function freeTextTable(ctx: ReadCtx, { result, withheld }: Pick<Report, 'result' | 'withheld'>): Table {
  const rows = (withheld ? [] : result.questions).flatMap((q) => (q.figures.type === 'text' ? q.figures.texts.map((x): Cell[] => [q.text, x.text]) : []));
  return { header: [ctx.t('col-question'), ctx.t('col-answer')], rows };
}

/** Exports carry names (for named surveys): each one is audited. */
function auditExport(ctx: Ctx, round: Round, format: string): void {
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId: round.municipalityId, action: 'export.personal-data', details: { what: 'survey', roundId: round.id, format } });
}

export async function xlsxReply(ctx: Ctx, roundId: number): Promise<Reply> {
  const round = readable(ctx, roundId);
  auditExport(ctx, round, 'xlsx');
  const { data, rows, survey, notice } = await exportXlsx(ctx, round);
  return { text: notice ?? ctx.t('survey-exported', { count: rows }), file: { name: `${survey.key}-${round.id}.xlsx`, mime: XLSX_MIME, data } };
}

/** The XLSX of a round: raw answers, response rates and figures per school, and (anonymous surveys) the free text apart. */
export async function roundXlsx(ctx: ReadCtx, round: Round): Promise<Buffer> {
  return (await exportXlsx(ctx, round)).data;
}

/** Response rates per school, with the sum or mean of each number and scale question where the school is shown apart. */
function schoolsTable(ctx: ReadCtx, round: Round, { result }: Pick<Report, 'result'>): Table {
  const schoolName = schoolNames(ctx, round);
  const numbers = result.questions.filter((q) => q.figures.type === 'number' || q.figures.type === 'scale');
  const figure = (schoolId: number, q: QuestionReport): Cell => {
    const school = q.bySchool.find((b) => b.schoolId === schoolId);
    if (!school || school.suppressed) return '—';
    const f = school.figures;
    return f.type === 'number' ? f.sum : f.type === 'scale' ? (f.mean ?? '') : '';
  };
  return {
    header: [ctx.t('col-school'), ctx.t('col-responses'), ctx.t('col-audience'), ctx.t('col-rate'), ...numbers.map((q) => q.text)],
    rows: result.schools.map((s) => [schoolName(s.schoolId), s.responses, s.audience, s.rate === null ? '' : Math.round(s.rate * 1000) / 10, ...numbers.map((q) => figure(s.schoolId, q))]),
  };
}

interface Exported {
  data: Buffer;
  rows: number;
  /** Said instead of "exported" when the answers of an anonymous round are withheld. */
  notice: string | undefined;
}

async function exportXlsx(ctx: ReadCtx, round: Round): Promise<Exported & { survey: Report['survey'] }> {
  const rep = report(ctx, round);
  const raw = rawTable(ctx, round, rep);
  const texts = rep.survey.anonymous && rep.result.questions.some((q) => q.type === 'text') ? [{ name: ctx.t('export-texts-sheet'), ...freeTextTable(ctx, rep) }] : [];
  const data = await buildXlsx([{ name: ctx.t('export-raw-sheet'), ...raw }, { name: ctx.t('export-schools-sheet'), ...schoolsTable(ctx, round, rep) }, ...texts, trendSheet(ctx, round)]);
  return { data, rows: raw.rows.length, survey: rep.survey, notice: tooFewNotice(ctx, rep) };
}

export function csvReply(ctx: Ctx, roundId: number): Reply {
  const round = readable(ctx, roundId);
  auditExport(ctx, round, 'csv');
  const { data, rows, notice } = exportCsv(ctx, round);
  return { text: notice ?? ctx.t('survey-exported', { count: rows }), file: { name: `round-${round.id}.csv`, mime: 'text/csv', data } };
}

/** The raw answers of a round as CSV (UTF-8 with a byte-order mark, so Excel reads Cyrillic), as in the XLSX's first sheet. */
export function roundCsv(ctx: ReadCtx, round: Round): Buffer {
  return exportCsv(ctx, round).data;
}

function exportCsv(ctx: ReadCtx, round: Round): Exported {
  const rep = report(ctx, round);
  const raw = rawTable(ctx, round, rep);
  const data = Buffer.from(stringify([raw.header, ...raw.rows].map((row) => row.map((c) => neutralize(c))), { bom: true }), 'utf8');
  return { data, rows: raw.rows.length, notice: tooFewNotice(ctx, rep) };
}
