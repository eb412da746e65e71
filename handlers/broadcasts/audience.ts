// Whom a broadcast goes to. Besides the core's presets and one school: several
// schools (toggled), one role within them, those who have not answered an
// open survey round, those who came to a seminar, and a typed list of names.
// The last three become a list of person ids, which the core's audiences
// already reach; nothing new is needed there. Every round, seminar and
// school is checked against the dialog's municipality, so a forged value
// reaches no one outside it.
import { getSchool, schoolsOf } from '../../db/repos/org.js';
import { peopleOf } from '../../db/repos/people.js';
import { attendeesOf, getSeminar, seminarsBetween } from '../../db/repos/seminars.js';
import { getRound, getSurvey, recipientsOf, roundsOf } from '../../db/repos/surveys.js';
import { audiencePresets, presetAudience } from '../core/audience.js';
import type { Ctx } from '../core/context.js';
import type { Choice, Step, StepOutcome } from '../core/dialog.js';
import { formatDay } from '../core/format.js';
import { municipalityZone } from '../core/local-time.js';
import { normalizeRu } from '../core/text.js';
import type { BroadcastData } from './data.js';

type Outcome = StepOutcome<BroadcastData>;

const back = (ctx: Ctx): Choice[] => [{ label: ctx.t('broadcast-back'), value: 'back' }];
/** Leaving the audience step: what an earlier choice left behind is forgotten. */
const fresh = (data: BroadcastData): BroadcastData => ({ ...data, picked: undefined, notFound: undefined, ambiguous: undefined });
const toConfirm = (data: BroadcastData, audience: BroadcastData['audience']): Outcome => ({ next: 'confirm', data: { ...data, audience } });
/** How far back a seminar's attendees may be written to. */
const SEMINAR_DAYS = 120;
const MAX_NAMES = 200;

export const audienceStep: Step<BroadcastData> = {
  prompt: (ctx, data) => ({
    text: ctx.t('broadcast-ask-audience'),
    choices: [
      ...audiencePresets.map((p) => [{ label: ctx.t(`audience-${p}`), value: p }]),
      ...schoolsOf(ctx.deps.db, data.municipalityId).map((s) => [{ label: s.shortName, value: `school:${s.id}` }]),
      [{ label: ctx.t('broadcast-audience-schools'), value: 'schools' }],
      [{ label: ctx.t('broadcast-audience-round'), value: 'round' }],
      [{ label: ctx.t('broadcast-audience-seminar'), value: 'seminar' }],
      [{ label: ctx.t('broadcast-audience-names'), value: 'names' }],
    ],
  }),
  accept: (ctx, data, answer) => {
    if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
    const clean = fresh(data);
    if (['schools', 'round', 'seminar', 'names'].includes(answer.value)) return { next: answer.value, data: clean };
    const preset = audiencePresets.find((p) => p === answer.value);
    if (preset) return toConfirm(clean, presetAudience(preset));
    const school = getSchool(ctx.deps.db, Number(answer.value.replace('school:', '')));
    if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
    return toConfirm(clean, { schoolIds: [school.id] });
  },
};

/** Schools toggled on and off in place, then «Дальше» to choose whom in them. */
export const schoolsStep: Step<BroadcastData> = {
  prompt: (ctx, data) => ({
    text: ctx.t('broadcast-ask-schools'),
    choices: [
      ...schoolsOf(ctx.deps.db, data.municipalityId).map((s) => [{ label: `${data.picked?.includes(s.id) ? '✓ ' : ''}${s.shortName}`, value: `s:${s.id}` }]),
      [{ label: ctx.t('broadcast-schools-done'), value: 'done' }, ...back(ctx)],
    ],
  }),
  accept: (ctx, data, answer) => {
    if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
    if (answer.value === 'back') return { next: 'audience', data };
    const picked = data.picked ?? [];
    if (answer.value === 'done') return picked.length > 0 ? { next: 'role', data } : { reask: ctx.t('broadcast-schools-none') };
    const school = getSchool(ctx.deps.db, Number(answer.value.replace('s:', '')));
    if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
    const next = picked.includes(school.id) ? picked.filter((id) => id !== school.id) : [...picked, school.id];
    return { next: 'schools', data: { ...data, picked: next }, inPlace: true };
  },
};

const schoolRoles = ['teachers', 'admins', 'helpers'] as const;

export const roleStep: Step<BroadcastData> = {
  prompt: (ctx, data) => ({
    text: ctx.t('broadcast-ask-role', { count: data.picked?.length ?? 0 }),
    choices: [[{ label: ctx.t('broadcast-role-all'), value: 'all' }], ...schoolRoles.map((p) => [{ label: ctx.t(`audience-${p}`), value: p }]), back(ctx)],
  }),
  accept: (ctx, data, answer) => {
    if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
    if (answer.value === 'back') return { next: 'schools', data };
    const schoolIds = data.picked ?? [];
    if (answer.value === 'all') return toConfirm(data, { schoolIds });
    const preset = schoolRoles.find((p) => p === answer.value);
    return preset ? toConfirm(data, { schoolIds, roles: presetAudience(preset).roles }) : { reask: ctx.t('dialog-choose-button') };
  },
};

/** A list of person ids as an audience; an empty one would mean everyone, so it is never made. */
function toPeople(ctx: Ctx, data: BroadcastData, ids: number[], emptyKey: string): Outcome {
  return ids.length === 0 ? { reask: ctx.t(emptyKey) } : toConfirm(data, { personIds: [...new Set(ids)] });
}

function openRoundsOf(ctx: Ctx, municipalityId: number) {
  const now = ctx.deps.clock.now().getTime();
  return roundsOf(ctx.deps.db, municipalityId, 20).filter((r) => r.opensAt.getTime() <= now && r.closesAt.getTime() > now);
}

export const roundStep: Step<BroadcastData> = {
  prompt: (ctx, data) => {
    const zone = municipalityZone(ctx.deps, data.municipalityId);
    const rounds = openRoundsOf(ctx, data.municipalityId);
    const label = (r: (typeof rounds)[number]) =>
      ctx.t('broadcast-round-label', { title: [getSurvey(ctx.deps.db, r.surveyId)?.title, r.label].filter(Boolean).join(' — '), closes: formatDay(r.closesAt, zone) });
    return {
      text: ctx.t(rounds.length > 0 ? 'broadcast-ask-round' : 'broadcast-no-rounds'),
      choices: [...rounds.map((r) => [{ label: label(r), value: `r:${r.id}` }]), back(ctx)],
    };
  },
  accept: (ctx, data, answer) => {
    if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
    if (answer.value === 'back') return { next: 'audience', data };
    const round = getRound(ctx.deps.db, Number(answer.value.replace('r:', '')));
    if (!round || !openRoundsOf(ctx, data.municipalityId).some((r) => r.id === round.id)) return { reask: ctx.t('dialog-choose-button') };
    const missing = recipientsOf(ctx.deps.db, round.id).filter((r) => r.answeredAt === null).map((r) => r.personId);
    return toPeople(ctx, data, missing, 'broadcast-round-all-answered');
  },
};

function recentSeminars(ctx: Ctx, municipalityId: number) {
  const now = ctx.deps.clock.now();
  const from = new Date(now.getTime() - SEMINAR_DAYS * 86_400_000);
  return seminarsBetween(ctx.deps.db, municipalityId, from, now).reverse().slice(0, 10);
}

export const seminarStep: Step<BroadcastData> = {
  prompt: (ctx, data) => {
    const zone = municipalityZone(ctx.deps, data.municipalityId);
    const seminars = recentSeminars(ctx, data.municipalityId);
    return {
      text: ctx.t(seminars.length > 0 ? 'broadcast-ask-seminar' : 'broadcast-no-seminars'),
      choices: [...seminars.map((s) => [{ label: `${s.title}, ${formatDay(s.startsAt, zone)}`, value: `m:${s.id}` }]), back(ctx)],
    };
  },
  accept: (ctx, data, answer) => {
    if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
    if (answer.value === 'back') return { next: 'audience', data };
    const seminar = getSeminar(ctx.deps.db, Number(answer.value.replace('m:', '')));
    if (!seminar || seminar.municipalityId !== data.municipalityId) return { reask: ctx.t('dialog-choose-button') };
    return toPeople(ctx, data, attendeesOf(ctx.deps.db, seminar.id), 'broadcast-seminar-nobody');
  },
};

/** Every typed word starts a word of the name: «Иванова», «Иванова А», «анна иванова» all find Иванова Анна Петровна. */
function nameMatches(fullName: string, typed: string[]): boolean {
  const words = normalizeRu(fullName).split(/\s+/u);
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

export const namesStep: Step<BroadcastData> = {
  prompt: (ctx) => ({ text: ctx.t('broadcast-ask-names'), choices: [back(ctx)], acceptsText: true }),
  accept: (ctx, data, answer) => {
    if (answer.kind === 'choice') return { next: 'audience', data };
    if (answer.kind !== 'text') return { reask: ctx.t('broadcast-ask-names') };
    const typed = answer.text.split(/[,;\n]+/u).map((s) => s.trim()).filter(Boolean).slice(0, MAX_NAMES);
    const people = peopleOf(ctx.deps.db, data.municipalityId).filter((p) => p.fullName);
    const found: number[] = [];
    const notFound: string[] = [];
    const ambiguous: string[] = [];
    for (const name of typed) {
      const words = normalizeRu(name).replace(/[.]/gu, ' ').split(/\s+/u).filter(Boolean);
      const matches = people.filter((p) => nameMatches(p.fullName ?? '', words));
      if (matches.length === 1 && matches[0]) found.push(matches[0].id);
      else (matches.length === 0 ? notFound : ambiguous).push(name.slice(0, 60));
    }
    const next = { ...data, notFound, ambiguous };
    // Nobody found: the reask says so, and which names fit several people.
    if (found.length === 0) return { reask: `${ctx.t('broadcast-names-none')}${namesNote(ctx, { ...next, notFound: [] })}` };
    return toPeople(ctx, next, found, 'broadcast-names-none');
  },
};

/** Lines for the preview: who of the typed names is not in the broadcast, and why. */
export function namesNote(ctx: Ctx, data: BroadcastData): string {
  const lines = [
    data.notFound?.length ? ctx.t('broadcast-names-missing', { names: data.notFound.join(', ') }) : '',
    data.ambiguous?.length ? ctx.t('broadcast-names-ambiguous', { names: data.ambiguous.join(', ') }) : '',
  ].filter(Boolean);
  return lines.length ? `\n\n${lines.join('\n')}` : '';
}
