// What a survey round shows: for respondents, the rounds waiting for them; for
// a coordinator (or a curator of the region), the response rate per school
// and overall, who is missing (with a nudge), a compact summary of every
// question, a chart of one question, and XLSX or CSV exports. Only readers
// of the municipality see results; free-text answers stay with them.
import { audit } from '../../db/repos/audit.js';
import { stringify } from 'csv-stringify/sync';
import { getMunicipality, schoolsOf } from '../../db/repos/org.js';
import { namesOf } from '../../db/repos/people.js';
import { getRound, getSurvey, openRoundsFor, recipientsOf, responsesOf, roundsOf, type Round } from '../../db/repos/surveys.js';
import { mayAdminister, mayRead, readableMunicipalities, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { UserError } from '../core/errors.js';
import { formatDay, formatDayTime } from '../core/format.js';
import { notifyPerson } from '../core/outbox.js';
import { buildXlsx, neutralize, XLSX_MIME } from '../core/spreadsheet.js';
import { aggregate, type QuestionReport } from './aggregate.js';
import { barChartPng } from './chart.js';
import type { AnswerValue } from './definition.js';
import { definitionOf, formatAnswer, startRoundAction } from './respond.js';

export const roundCardAction = defineAction('svr', idArg);
export const summaryAction = defineAction('svq', idArg);
export const missingAction = defineAction('svm', idArg);
export const nudgeAction = defineAction('svn', idArg);
export const xlsxAction = defineAction('svx', idArg);
export const csvAction = defineAction('svc', idArg);
export const chartAction = defineAction('svg', idArg, idArg);

export const DEFAULT_MIN_GROUP = 3;

/** What reading results needs: the database and a translator, not a messenger update (the CLI has none). */
export type ReadCtx = Pick<Ctx, 'deps' | 't' | 'lang'>;

function readable(ctx: Ctx, roundId: number): Round {
  const round = getRound(ctx.deps.db, roundId);
  const municipality = round ? getMunicipality(ctx.deps.db, round.municipalityId) : undefined;
  if (!round || !municipality || !mayRead(requirePerson(ctx), municipality)) throw new UserError('forbidden', 'error-forbidden');
  return round;
}

const zoneOf = (ctx: ReadCtx, round: Round) => getMunicipality(ctx.deps.db, round.municipalityId)?.timezone ?? ctx.deps.settings.defaultTimezone;
/** Short names of a municipality's schools, looked up once per table rather than once per row. */
function schoolNames(ctx: ReadCtx, round: Round): (id: number | null) => string {
  const names = new Map(schoolsOf(ctx.deps.db, round.municipalityId).map((s) => [s.id, s.shortName]));
  return (id) => (id === null ? '—' : (names.get(id) ?? '—'));
}

/** Who answered, as units: schools for a school-level survey, people otherwise. */
export function progress(ctx: ReadCtx, round: Round): { answered: number; total: number; bySchool: Map<number | null, { answered: number; total: number }> } {
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

export function surveysCommand(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const now = ctx.deps.clock.now();
  const replies: Reply[] = [];
  const mine = openRoundsFor(ctx.deps.db, person.id, now);
  if (mine.length > 0) {
    replies.push({
      text: ctx.t('surveys-mine'),
      buttons: mine.map(({ round, recipient }): Button[] => [
        {
          kind: 'action',
          label: `${recipient.answeredAt ? '✓ ' : ''}${getSurvey(ctx.deps.db, round.surveyId)?.title ?? ''}`.slice(0, 40),
          data: startRoundAction.encode(round.id),
        },
      ]),
    });
  }
  const readable = readableMunicipalities(ctx, person);
  for (const municipality of readable) {
    const rounds = roundsOf(ctx.deps.db, municipality.id);
    if (rounds.length === 0) continue;
    replies.push({
      text: readable.length > 1 ? `🏛 ${municipality.name}\n${ctx.t('surveys-rounds')}` : ctx.t('surveys-rounds'),
      buttons: rounds.map((r): Button[] => {
        const p = progress(ctx, r);
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
  const p = progress(ctx, round);
  const closed = round.closesAt.getTime() <= ctx.deps.clock.now().getTime();
  const lines = [
    `📋 ${survey.title}`,
    ctx.t(closed ? 'survey-closed-at' : 'survey-open-until', { date: formatDayTime(round.closesAt, zone) }),
    ctx.t('survey-rate', { answered: p.answered, total: p.total, percent: p.total ? Math.round((p.answered / p.total) * 100) : 0 }),
    '',
  ];
  const schoolName = schoolNames(ctx, round);
  lines.push(...[...p.bySchool].map(([school, s]) => `• ${schoolName(school)}: ${s.answered}/${s.total}`));
  const admin = mayAdminister(requirePerson(ctx), round.municipalityId);
  const buttons: Button[][] = [
    [{ kind: 'action', label: ctx.t('survey-button-summary'), data: summaryAction.encode(round.id) }, { kind: 'action', label: ctx.t('survey-button-missing'), data: missingAction.encode(round.id) }],
    [{ kind: 'action', label: 'XLSX', data: xlsxAction.encode(round.id) }, { kind: 'action', label: 'CSV', data: csvAction.encode(round.id) }],
  ];
  if (admin && !closed) buttons.push([{ kind: 'action', label: ctx.t('survey-button-nudge'), data: nudgeAction.encode(round.id) }]);
  return { text: lines.join('\n'), buttons };
}

/** Those who have not answered yet, by school. */
export function missingList(ctx: Ctx, round: Round): string[] {
  const missing = recipientsOf(ctx.deps.db, round.id).filter((r) => !r.answeredAt);
  const names = namesOf(ctx.deps.db, missing.map((r) => r.personId));
  const schoolName = schoolNames(ctx, round);
  return missing.map((r) => `• ${names.get(r.personId) ?? '—'} (${schoolName(r.schoolId)})`);
}

export function missingReply(ctx: Ctx, roundId: number): Reply {
  const round = readable(ctx, roundId);
  const missing = missingList(ctx, round);
  return { text: missing.length ? `${ctx.t('survey-missing-heading', { count: missing.length })}\n${missing.join('\n')}` : ctx.t('survey-missing-none') };
}

/** Reminds everyone who has not answered, at most once a day per round. */
export function nudgeMissing(ctx: Ctx, roundId: number): Reply {
  const round = readable(ctx, roundId);
  if (!mayAdminister(requirePerson(ctx), round.municipalityId)) throw new UserError('forbidden', 'error-forbidden');
  const now = ctx.deps.clock.now();
  const day = formatDay(now, zoneOf(ctx, round));
  const title = definitionOf(ctx, round.surveyId).title;
  let count = 0;
  ctx.deps.db.transaction((tx) => {
    for (const r of recipientsOf(tx, round.id).filter((x) => !x.answeredAt)) {
      const queued = notifyPerson(
        tx,
        ctx.deps.i18n,
        r.personId,
        (t) => ({ text: t('survey-reminder', { title }), buttons: [[{ kind: 'action', label: t('survey-continue'), data: startRoundAction.encode(round.id) }]] }),
        { dedupeKey: `round:${round.id}:nudge:${day}:${r.personId}`, notBefore: now },
      );
      if (queued) count++;
    }
  });
  ctx.deps.wakeOutbox();
  return { text: ctx.t('survey-nudged', { count }) };
}

type Report = ReturnType<typeof report>;

function report(ctx: ReadCtx, round: Round) {
  const survey = definitionOf(ctx, round.surveyId);
  const rows = responsesOf(ctx.deps.db, [round.id]);
  const p = progress(ctx, round);
  const audienceBySchool = new Map<number, number>();
  for (const [school, s] of p.bySchool) if (school !== null) audienceBySchool.set(school, s.total);
  const minGroupSize = getMunicipality(ctx.deps.db, round.municipalityId)?.settings.surveyMinGroupSize ?? DEFAULT_MIN_GROUP;
  return {
    survey,
    rows,
    progress: p,
    result: aggregate(
      survey,
      rows.map((r) => ({ schoolId: r.schoolId, answers: r.answers as Record<string, AnswerValue> })),
      { minGroupSize, audienceBySchool },
    ),
  };
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
  const { survey, result, progress: p } = report(ctx, round);
  const lines = [`📊 ${survey.title}`, ctx.t('survey-rate', { answered: result.overall.responses, total: p.total, percent: Math.round((result.overall.rate ?? 0) * 100) }), ''];
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
  const { result } = report(ctx, round);
  const q = result.questions[index];
  if (!q || !('options' in q.figures)) throw new UserError('gone', 'stale-button');
  const bars = q.figures.options.map((o) => ({
    label: o.label ?? (typeof o.value === 'boolean' ? ctx.t(o.value ? 'survey-yes' : 'survey-no') : String(o.value)),
    count: o.count,
    share: o.share,
  }));
  return { text: q.text, file: { name: `question-${index + 1}.png`, mime: 'image/png', data: barChartPng(q.text, bars) } };
}

/** Raw answers: one row per response; the respondent only for named surveys. */
function rawTable(ctx: ReadCtx, round: Round, { survey, rows }: Pick<Report, 'survey' | 'rows'>): { header: string[]; rows: (string | number | null)[][] } {
  const zone = zoneOf(ctx, round);
  const schoolName = schoolNames(ctx, round);
  const names = survey.anonymous ? new Map<number, string>() : namesOf(ctx.deps.db, rows.flatMap((r) => (r.personId === null ? [] : [r.personId])));
  const header = [ctx.t('col-school'), ...(survey.anonymous ? [] : [ctx.t('col-respondent')]), ctx.t('col-submitted'), ...survey.questions.map((q) => q.text)];
  const body = rows.map((r) => {
    const answers = r.answers as Record<string, AnswerValue>;
    return [
      schoolName(r.schoolId),
      ...(survey.anonymous ? [] : [(r.personId !== null ? names.get(r.personId) : undefined) ?? '—']),
      formatDayTime(r.submittedAt, zone),
      ...survey.questions.map((q) => {
        const value = answers[q.id];
        return typeof value === 'number' ? value : value === undefined ? '' : formatAnswer(ctx, q, value);
      }),
    ];
  });
  return { header, rows: body };
}

/** Exports carry names (for named surveys): each one is audited. */
function auditExport(ctx: Ctx, round: Round, format: string): void {
  audit(ctx.deps.db, { at: ctx.deps.clock.now(), actorId: ctx.person?.id ?? null, municipalityId: round.municipalityId, action: 'export.personal-data', details: { what: 'survey', roundId: round.id, format } });
}

export async function xlsxReply(ctx: Ctx, roundId: number): Promise<Reply> {
  const round = readable(ctx, roundId);
  auditExport(ctx, round, 'xlsx');
  const { data, rows, survey } = await exportXlsx(ctx, round);
  return { text: ctx.t('survey-exported', { count: rows }), file: { name: `${survey.key}-${round.id}.xlsx`, mime: XLSX_MIME, data } };
}

/** The XLSX of a round: raw answers, and response rates and figures per school. */
export async function roundXlsx(ctx: ReadCtx, round: Round): Promise<Buffer> {
  return (await exportXlsx(ctx, round)).data;
}

async function exportXlsx(ctx: ReadCtx, round: Round): Promise<{ data: Buffer; rows: number; survey: Report['survey'] }> {
  const rep = report(ctx, round);
  const { result } = rep;
  const raw = rawTable(ctx, round, rep);
  const schoolName = schoolNames(ctx, round);
  const perSchool = result.schools.map((s) => [schoolName(s.schoolId), s.responses, s.audience, s.rate === null ? '' : Math.round(s.rate * 1000) / 10]);
  const numbers = result.questions.filter((q) => q.figures.type === 'number' || q.figures.type === 'scale');
  const figuresBySchool = result.schools.map((s) => [
    schoolName(s.schoolId),
    ...numbers.map((q) => {
      const school = q.bySchool.find((b) => b.schoolId === s.schoolId);
      if (!school || school.suppressed) return '—';
      const f = school.figures;
      return f.type === 'number' ? f.sum : f.type === 'scale' ? (f.mean ?? '') : '';
    }),
  ]);
  const data = await buildXlsx([
    { name: ctx.t('export-raw-sheet'), header: raw.header, rows: raw.rows },
    {
      name: ctx.t('export-schools-sheet'),
      header: [ctx.t('col-school'), ctx.t('col-responses'), ctx.t('col-audience'), ctx.t('col-rate'), ...numbers.map((q) => q.text)],
      rows: perSchool.map((row, i) => [...row, ...(figuresBySchool[i]?.slice(1) ?? [])]),
    },
  ]);
  return { data, rows: raw.rows.length, survey: rep.survey };
}

export function csvReply(ctx: Ctx, roundId: number): Reply {
  const round = readable(ctx, roundId);
  auditExport(ctx, round, 'csv');
  const { data, rows } = exportCsv(ctx, round);
  return { text: ctx.t('survey-exported', { count: rows }), file: { name: `round-${round.id}.csv`, mime: 'text/csv', data } };
}

/** The raw answers of a round as CSV (UTF-8 with a byte-order mark, so Excel reads Cyrillic). */
export function roundCsv(ctx: ReadCtx, round: Round): Buffer {
  return exportCsv(ctx, round).data;
}

function exportCsv(ctx: ReadCtx, round: Round): { data: Buffer; rows: number } {
  const raw = rawTable(ctx, round, { survey: definitionOf(ctx, round.surveyId), rows: responsesOf(ctx.deps.db, [round.id]) });
  return { data: Buffer.from(stringify([raw.header, ...raw.rows].map((row) => row.map((c) => neutralize(c))), { bom: true }), 'utf8'), rows: raw.rows.length };
}
