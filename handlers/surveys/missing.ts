// «Кто не ответил», by name, and reminders to exactly those people. The
// coordinator (and a curator, who only reads) sees the whole municipality; a
// school's admins see their own school only, for a survey answered for the
// school and for one sent to their teachers alike. Whoever may remind gets
// «Напомнить всем не ответившим (N)» and one button per person, page by
// page. A person is reminded by hand at most MANUAL_CAP times per round and
// never twice within MANUAL_GAP_HOURS, however many people press; the answer
// says who was reminded and who was not, and why. Every press re-checks who
// pressed and what they may reach.
import { DateTime } from 'luxon';
import { getMunicipality, getSchool, schoolsOf } from '../../db/repos/org.js';
import { namesOf, type Person } from '../../db/repos/people.js';
import { getRound, recipient, recipientsOf, roundsForSchools, type Recipient, type Round } from '../../db/repos/surveys.js';
import { hasRole, mayAdminister, mayRead, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { notAllowed, UserError } from '../core/errors.js';
import { municipalityZone, outsideQuietHours } from '../core/local-time.js';
import { roundProgress } from './progress.js';
import { capReason, MANUAL_CAP, MANUAL_GAP_HOURS, nudgeAction, remindByHand, schoolMissingAction, shortName, type ManualOutcome } from './reminders.js';
import { definitionOf } from './respond.js';

/** Further pages of the municipality's missing list (the first is «Кто не ответил», svm). */
export const missingPageAction = defineAction('svmp', idArg, idArg);
/** Paging through one school's list (redraws the message; the list itself opens with svk). */
export const schoolPageAction = defineAction('svkp', idArg, idArg, idArg);
/** «Напомнить: Иванова А. И.»: one recipient of a round. */
export const remindOneAction = defineAction('svp', idArg, idArg);
/** «Напомнить всем не ответившим (N)» of one school. */
export const remindSchoolAction = defineAction('svks', idArg, idArg);

/** People per page: each has a button, and a keyboard of more than a few rows is hard to read on a phone. */
export const MISSING_PAGE = 8;
/** Up to this many names are said in the answer after «Напомнить всем»; beyond it, only how many. */
const NAMES_SAID = 5;

function roundOf(ctx: Ctx, roundId: number): Round {
  const round = getRound(ctx.deps.db, roundId);
  if (!round) throw new UserError('gone', 'survey-gone');
  return round;
}

/** A school admin of this school, in this municipality. */
function adminsSchool(person: Person, municipalityId: number, schoolId: number | null): boolean {
  return schoolId !== null && person.schoolId === schoolId && person.roles.some((g) => g.role === 'school_admin' && g.municipalityId === municipalityId);
}

/** Who may see a round's whole missing list: its readers. */
function municipalityReader(ctx: Ctx, round: Round): Person {
  const person = requirePerson(ctx);
  const municipality = getMunicipality(ctx.deps.db, round.municipalityId);
  if (!municipality || !mayRead(person, municipality)) throw notAllowed();
  return person;
}

/** Who may see one school's missing list: the round's readers and that school's admins. */
function schoolReader(ctx: Ctx, round: Round, schoolId: number): Person {
  const person = requirePerson(ctx);
  const municipality = getMunicipality(ctx.deps.db, round.municipalityId);
  const school = getSchool(ctx.deps.db, schoolId);
  if (!municipality || !school || school.municipalityId !== round.municipalityId) throw notAllowed();
  if (!mayRead(person, municipality) && !adminsSchool(person, round.municipalityId, schoolId)) throw notAllowed();
  return person;
}

/** Coordinators of the municipality remind anyone; a school admin only the people of their school. */
function mayRemind(person: Person, round: Round, schoolId: number | null): boolean {
  return mayAdminister(person, round.municipalityId) || adminsSchool(person, round.municipalityId, schoolId);
}

const isOpen = (ctx: Ctx, round: Round) => round.closesAt.getTime() > ctx.deps.clock.now().getTime();

/** Not yet answered, by school and then by name, so that pages stay put while people answer elsewhere in the list. */
function missingOf(ctx: Ctx, round: Round, schoolId?: number): { rows: Recipient[]; names: Map<number, string>; school: (id: number | null) => string } {
  const all = recipientsOf(ctx.deps.db, round.id).filter((r) => !r.answeredAt && (schoolId === undefined || r.schoolId === schoolId));
  const names = namesOf(ctx.deps.db, all.map((r) => r.personId));
  const schools = new Map(schoolsOf(ctx.deps.db, round.municipalityId).map((s) => [s.id, s.shortName]));
  const school = (id: number | null) => (id === null ? '—' : (schools.get(id) ?? '—'));
  const rows = all.sort(
    (a, b) => school(a.schoolId).localeCompare(school(b.schoolId), 'ru') || (names.get(a.personId) ?? '').localeCompare(names.get(b.personId) ?? '', 'ru') || a.personId - b.personId,
  );
  return { rows, names, school };
}

interface PageSpec {
  heading: string;
  none: string;
  /** The school beside each name (the whole municipality's list), or not (one school's). */
  withSchool: boolean;
  remind: boolean;
  remindAll: string;
  page: (n: number) => string;
}

function missingPage(ctx: Ctx, round: Round, missing: ReturnType<typeof missingOf>, page: number, spec: PageSpec): Reply {
  const { rows, names, school } = missing;
  if (rows.length === 0) return { text: spec.none };
  const pages = Math.ceil(rows.length / MISSING_PAGE);
  const at = Math.min(Math.max(page, 0), pages - 1);
  const shown = rows.slice(at * MISSING_PAGE, (at + 1) * MISSING_PAGE);
  const lines = shown.map((r) => {
    const name = names.get(r.personId) ?? '—';
    const base = spec.withSchool ? `• ${name} (${school(r.schoolId)})` : `• ${name}`;
    return r.manualReminders > 0 ? `${base} — ${ctx.t('survey-missing-reminded', { count: r.manualReminders })}` : base;
  });
  const text = [spec.heading, ...lines, ...(pages > 1 ? [ctx.t('survey-missing-page', { page: at + 1, pages })] : [])].join('\n');
  const buttons: Button[][] = [];
  if (spec.remind) {
    buttons.push([{ kind: 'action', label: ctx.t('survey-remind-all', { count: rows.length }), data: spec.remindAll }]);
    for (const r of shown) buttons.push([{ kind: 'action', label: ctx.t('survey-remind-one', { name: shortName(names.get(r.personId)) }).slice(0, 40), data: remindOneAction.encode(round.id, r.personId) }]);
  }
  const nav: Button[] = [];
  if (at > 0) nav.push({ kind: 'action', label: ctx.t('survey-missing-prev'), data: spec.page(at - 1) });
  if (at < pages - 1) nav.push({ kind: 'action', label: ctx.t('survey-missing-next'), data: spec.page(at + 1) });
  if (nav.length) buttons.push(nav);
  return buttons.length ? { text, buttons } : { text };
}

/** The municipality's list: «Кто не ответил» on a round's card, and its pages (redrawn in place). */
export function missingReply(ctx: Ctx, roundId: number, page = 0, edit = false): Reply {
  const round = roundOf(ctx, roundId);
  const person = municipalityReader(ctx, round);
  const missing = missingOf(ctx, round);
  return {
    ...missingPage(ctx, round, missing, page, {
      heading: ctx.t('survey-missing-heading', { count: missing.rows.length }),
      none: ctx.t('survey-missing-none'),
      withSchool: true,
      remind: isOpen(ctx, round) && mayAdminister(person, round.municipalityId),
      remindAll: nudgeAction.encode(round.id),
      page: (n) => missingPageAction.encode(round.id, n),
    }),
    ...(edit ? { edit: true } : {}),
  };
}

/** One school's list, for its admins (linked from their escalation message and /surveys) and for the coordinator. */
export function schoolMissingReply(ctx: Ctx, roundId: number, schoolId: number, page = 0, edit = false): Reply {
  const round = roundOf(ctx, roundId);
  const person = schoolReader(ctx, round, schoolId);
  const title = definitionOf(ctx, round.surveyId).title;
  const schoolName = getSchool(ctx.deps.db, schoolId)?.shortName ?? '—';
  const missing = missingOf(ctx, round, schoolId);
  return {
    ...missingPage(ctx, round, missing, page, {
      heading: ctx.t('survey-school-missing-heading', { title, school: schoolName, count: missing.rows.length }),
      none: ctx.t('survey-school-missing-none', { title, school: schoolName }),
      withSchool: false,
      remind: isOpen(ctx, round) && mayRemind(person, round, schoolId),
      remindAll: remindSchoolAction.encode(round.id, schoolId),
      page: (n) => schoolPageAction.encode(round.id, schoolId, n),
    }),
    ...(edit ? { edit: true } : {}),
  };
}

/** For /surveys: a school admin's rounds that reached their school, each opening the school's missing list. */
export function schoolRoundsReply(ctx: Ctx): Reply | undefined {
  const person = requirePerson(ctx);
  const schoolId = person.schoolId;
  const municipalityId = person.roles.find((g) => g.role === 'school_admin' && g.municipalityId !== null)?.municipalityId;
  if (!hasRole(person, 'school_admin') || schoolId === null || municipalityId === undefined || municipalityId === null) return undefined;
  const rounds = roundsForSchools(ctx.deps.db, municipalityId, [schoolId]);
  if (rounds.length === 0) return undefined;
  return {
    text: ctx.t('surveys-school-rounds'),
    buttons: rounds.map((r): Button[] => {
      const own = roundProgress(ctx, r).bySchool.get(schoolId) ?? { answered: 0, total: 0 };
      return [{ kind: 'action', label: `${definitionOf(ctx, r.surveyId).title} ${own.answered}/${own.total}`.slice(0, 40), data: schoolMissingAction.encode(r.id, schoolId, 0) }];
    }),
  };
}

/** When the reminders go: now, or at the end of the municipality's quiet hours. */
function sendingAt(ctx: Ctx, round: Round): { now: Date; notBefore: Date; held?: string } {
  const now = ctx.deps.clock.now();
  const zone = municipalityZone(ctx.deps, round.municipalityId);
  const notBefore = outsideQuietHours(now, zone, ctx.deps.settings.quietHours);
  return notBefore > now ? { now, notBefore, held: ctx.t('push-held', { time: DateTime.fromJSDate(notBefore, { zone }).toFormat('HH:mm') }) } : { now, notBefore };
}

function openForReminders(ctx: Ctx, round: Round): void {
  if (!isOpen(ctx, round)) throw new UserError('closed', 'survey-remind-closed');
}

/** What a press of «Напомнить всем» did, in words: how many went, and who was left out and why (by name when few). */
function outcomeText(ctx: Ctx, outcome: ManualOutcome, held: string | undefined): string {
  const names = namesOf(ctx.deps.db, outcome.skipped.map((s) => s.personId));
  const listed = (ids: number[]) => (ids.length <= NAMES_SAID ? ` (${ids.map((id) => shortName(names.get(id))).join(', ')})` : '');
  const capped = outcome.skipped.filter((s) => s.reason !== 'unreachable').map((s) => s.personId);
  const unreachable = outcome.skipped.filter((s) => s.reason === 'unreachable').map((s) => s.personId);
  const lines = [ctx.t('survey-reminded', { count: outcome.reminded.length })];
  if (capped.length) lines.push(ctx.t('survey-reminded-capped', { count: capped.length, names: listed(capped), cap: MANUAL_CAP, hours: MANUAL_GAP_HOURS }));
  if (unreachable.length) lines.push(ctx.t('survey-reminded-unreachable', { count: unreachable.length, names: listed(unreachable) }));
  if (held && outcome.reminded.length) lines.push(held);
  return lines.join('\n');
}

function remindRows(ctx: Ctx, round: Round, rows: Recipient[]): Reply {
  const at = sendingAt(ctx, round);
  const title = definitionOf(ctx, round.surveyId).title;
  const outcome = ctx.deps.db.transaction((tx) => remindByHand(tx, ctx.deps, round, title, rows, at.now, at.notBefore));
  if (outcome.reminded.length) ctx.deps.wakeOutbox();
  return { text: outcomeText(ctx, outcome, at.held) };
}

/** «Напомнить всем не ответившим (N)» of the whole round: its coordinators only. */
export function remindAll(ctx: Ctx, roundId: number): Reply {
  const round = roundOf(ctx, roundId);
  if (!mayAdminister(requirePerson(ctx), round.municipalityId)) throw notAllowed();
  openForReminders(ctx, round);
  return remindRows(ctx, round, recipientsOf(ctx.deps.db, round.id).filter((r) => !r.answeredAt));
}

/** «Напомнить всем не ответившим (N)» of one school: its admins and the coordinators. */
export function remindSchool(ctx: Ctx, roundId: number, schoolId: number): Reply {
  const round = roundOf(ctx, roundId);
  const person = schoolReader(ctx, round, schoolId);
  if (!mayRemind(person, round, schoolId)) throw notAllowed();
  openForReminders(ctx, round);
  return remindRows(ctx, round, recipientsOf(ctx.deps.db, round.id).filter((r) => !r.answeredAt && r.schoolId === schoolId));
}

/** «Напомнить: Иванова А. И.»: the coordinators, or an admin of that person's school. */
export function remindOne(ctx: Ctx, roundId: number, personId: number): Reply {
  const round = roundOf(ctx, roundId);
  const person = requirePerson(ctx);
  const row = recipient(ctx.deps.db, round.id, personId);
  // Someone no longer among the recipients: a stale button for a coordinator, and nothing to say about them to anyone else.
  if (!row) throw mayAdminister(person, round.municipalityId) ? new UserError('gone', 'stale-button') : notAllowed();
  if (!mayRemind(person, round, row.schoolId)) throw notAllowed();
  openForReminders(ctx, round);
  const name = shortName(namesOf(ctx.deps.db, [personId]).get(personId));
  if (row.answeredAt) return { text: ctx.t('survey-remind-answered', { name }) };
  const at = sendingAt(ctx, round);
  const capped = capReason(row, at.now);
  if (capped === 'cap') return { text: ctx.t('survey-remind-cap', { name, cap: MANUAL_CAP }) };
  if (capped === 'recent' && row.lastRemindedAt) {
    const zone = municipalityZone(ctx.deps, round.municipalityId);
    const next = DateTime.fromMillis(row.lastRemindedAt.getTime() + MANUAL_GAP_HOURS * 3_600_000, { zone }).toFormat('dd.MM HH:mm');
    return { text: ctx.t('survey-remind-recent', { name, hours: MANUAL_GAP_HOURS, next }) };
  }
  const title = definitionOf(ctx, round.surveyId).title;
  const outcome = ctx.deps.db.transaction((tx) => remindByHand(tx, ctx.deps, round, title, [row], at.now, at.notBefore));
  if (outcome.reminded.length === 0) return { text: ctx.t('survey-remind-unreachable', { name }) };
  ctx.deps.wakeOutbox();
  const left = MANUAL_CAP - row.manualReminders - 1;
  return { text: [ctx.t('survey-remind-sent', { name, left }), ...(at.held ? [at.held] : [])].join('\n') };
}
