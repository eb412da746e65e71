// Joining with an invite: `/start CODE` (or a deep link, or the bare code)
// shows the 152-FZ consent as its own step; only after "I agree" is anything
// about the person stored. Then the missing profile fields are asked with
// buttons, and the person, their role and their account are written in one
// transaction.
import { audit } from '../../db/repos/audit.js';
import { accountsOfPerson, linkAccount } from '../../db/repos/accounts.js';
import { findInvite, getInvite, inviteProblem, useInvite, type Invite } from '../../db/repos/invites.js';
import { getMunicipality, getSchool, schoolsOf } from '../../db/repos/org.js';
import { getPerson, grantRole, insertPerson, updatePerson, type Person } from '../../db/repos/people.js';
import type { RoleName } from '../../db/schema.js';
import { ACCOUNT_POLICY, accountKey, chargeWrongTry, refuseIfLocked, type Charge } from '../core/attempts.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef, StepOutcome } from '../core/dialog.js';
import type { FeatureHost } from '../core/dispatch.js';
import { greeting } from '../core/help.js';
import { notifyPerson } from '../core/outbox.js';
import { pickOne } from '../core/pick.js';
import type { Outcome } from '../core/router.js';
import { isSubject, subjects } from '../core/subjects.js';

export type JoinData = {
  inviteId: number;
  consentAt?: number;
  name?: string;
  schoolId?: number;
  subjects: string[];
  schoolFilter?: string;
  /** The person, already in with a higher role, said yes to adding this lower one. */
  lowerRoleConfirmed?: boolean;
};

const ROLES_WITH_SCHOOL: readonly RoleName[] = ['mentor', 'tutor', 'school_admin', 'teacher'];
const ROLES_WITH_SUBJECTS: readonly RoleName[] = ['tutor', 'teacher'];
/** How far a role reaches, to tell a lower role from a higher one; mentor and tutor are peers. */
const ROLE_RANK: Record<RoleName, number> = { teacher: 1, school_admin: 2, tutor: 3, mentor: 3, coordinator: 4, curator: 5 };

/** The person an invite makes or extends: the imported person it names, or the sender if registered. */
function targetOf(ctx: Ctx, invite: Invite): Person | undefined {
  return invite.personId !== null ? getPerson(ctx.deps.db, invite.personId) : ctx.person;
}

/**
 * A personal invite is for its person only: another registered person may
 * not take it, and once that person has an account (a role offered by an
 * import), nobody else may redeem it from a fresh account either.
 */
function mayRedeem(ctx: Ctx, invite: Invite): boolean {
  if (invite.personId === null) return true;
  if (ctx.person) return ctx.person.id === invite.personId;
  return accountsOfPerson(ctx.deps.db, invite.personId).length === 0;
}

/** True when the invite would give a registered person a role they do not hold yet. */
function offersNewRole(target: Person | undefined, invite: Invite): boolean {
  if (!target?.consentAt) return false;
  const scope = invite.role === 'curator' ? null : invite.municipalityId;
  return !target.roles.some((r) => r.role === invite.role && r.municipalityId === scope);
}

/**
 * The sender's highest role when a general invite would add a lower one: a
 * coordinator opening the teacher invite they made for colleagues. Such an
 * invite is most likely not meant for them, so they are asked before the
 * role is added. A personal invite names its person and is not asked about.
 */
function higherRoleOf(ctx: Ctx, invite: Invite): RoleName | undefined {
  if (invite.personId !== null || !ctx.person?.consentAt) return undefined;
  const highest = ctx.person.roles.map((r) => r.role).sort((a, b) => ROLE_RANK[b] - ROLE_RANK[a])[0];
  return highest && ROLE_RANK[highest] > ROLE_RANK[invite.role] ? highest : undefined;
}

function scopeName(ctx: Ctx, invite: Invite): string {
  const school = invite.schoolId !== null ? getSchool(ctx.deps.db, invite.schoolId) : undefined;
  return school?.shortName ?? getMunicipality(ctx.deps.db, invite.municipalityId)?.name ?? '—';
}

function missingStep(ctx: Ctx, invite: Invite, data: JoinData): string | undefined {
  if (!data.lowerRoleConfirmed && higherRoleOf(ctx, invite)) return 'lower-role';
  const target = targetOf(ctx, invite);
  // A new role is never given silently: the person reads the consent again, with the role named, and agrees.
  if (data.consentAt === undefined && (!target?.consentAt || offersNewRole(target, invite))) return 'consent';
  if (!target?.fullName && !data.name) return 'name';
  if (ROLES_WITH_SCHOOL.includes(invite.role) && !(data.schoolId ?? invite.schoolId ?? target?.schoolId)) return 'school';
  if (ROLES_WITH_SUBJECTS.includes(invite.role) && data.subjects.length === 0 && !target?.subjects.length) return 'subjects';
  return undefined;
}

function loadInvite(ctx: Ctx, data: JoinData): Invite {
  const invite = getInvite(ctx.deps.db, data.inviteId);
  if (!invite) throw new Error(`invite ${data.inviteId} vanished`);
  return invite;
}

function proceed(ctx: Ctx, h: FeatureHost, invite: Invite, data: JoinData): StepOutcome<JoinData> {
  const step = missingStep(ctx, invite, data);
  return step ? { next: step, data } : { done: complete(ctx, h, invite, data) };
}

/** Writes the person, their role and their account link, all or nothing. */
function complete(ctx: Ctx, h: FeatureHost, invite: Invite, data: JoinData): Outcome {
  const { db, clock, i18n } = ctx.deps;
  const now = clock.now();
  const problem = inviteProblem(getInvite(db, invite.id), now);
  if (problem) return { text: ctx.t(`invite-${problem}`) };
  if (!mayRedeem(ctx, invite)) return { text: ctx.t('invite-for-someone-else') };
  const municipality = getMunicipality(db, invite.municipalityId);
  if (!municipality) return { text: ctx.t('invite-unknown') };
  const person = db.transaction((tx) => {
    if (!useInvite(tx, invite)) return undefined;
    const target = invite.personId !== null ? getPerson(tx, invite.personId) : ctx.person;
    const schoolId = data.schoolId ?? invite.schoolId ?? target?.schoolId ?? null;
    const chosenSubjects = data.subjects.length > 0 ? data.subjects : (target?.subjects ?? []);
    let personId: number;
    if (target) {
      personId = target.id;
      updatePerson(tx, target.id, {
        fullName: target.fullName ?? data.name ?? null,
        schoolId,
        subjects: chosenSubjects,
        consentAt: data.consentAt !== undefined ? new Date(data.consentAt) : (target.consentAt ?? now),
        language: ctx.lang,
        municipalityId: target.municipalityId ?? municipality.id,
      });
    } else {
      personId = insertPerson(tx, {
        municipalityId: municipality.id,
        schoolId,
        fullName: data.name ?? null,
        subjects: chosenSubjects,
        language: ctx.lang,
        consentAt: new Date(data.consentAt ?? now.getTime()),
      }).id;
    }
    grantRole(tx, {
      personId,
      role: invite.role,
      municipalityId: invite.role === 'curator' ? null : municipality.id,
      regionId: municipality.regionId,
    });
    audit(tx, { at: now, actorId: invite.createdBy, municipalityId: municipality.id, action: 'role.granted', details: { personId, role: invite.role, inviteId: invite.id } });
    linkAccount(tx, ctx.account.id, personId);
    const joined = getPerson(tx, personId);
    if (invite.createdBy !== null && joined) {
      const school = joined.schoolId ? getSchool(tx, joined.schoolId) : undefined;
      notifyPerson(
        tx,
        i18n,
        invite.createdBy,
        (t) => ({
          text: t('joined-notice', { name: joined.fullName ?? '—', role: t(`role-${invite.role}`), school: school?.shortName ?? municipality.name }),
        }),
        { dedupeKey: `joined:${invite.id}:${personId}`, notBefore: now },
      );
    }
    return joined;
  });
  if (!person) return { text: ctx.t('invite-used') };
  ctx.deps.wakeOutbox();
  const joinedCtx: Ctx = { ...ctx, person };
  return { text: `${ctx.t('joined', { role: ctx.t(`role-${invite.role}`) })}\n\n${greeting(joinedCtx, h.router)}` };
}

export function joinDialog(h: FeatureHost): DialogDef<JoinData> {
  return {
    name: 'join',
    version: 1,
    first: 'consent',
    // A person may read the consent text carefully; the invite's own expiry still applies.
    ttlMinutes: 7 * 24 * 60,
    steps: {
      'lower-role': {
        prompt: (ctx, data) => {
          const invite = loadInvite(ctx, data);
          const current = higherRoleOf(ctx, invite) ?? invite.role;
          return {
            text: ctx.t('join-lower-role', { current: ctx.t(`role-${current}`), role: ctx.t(`role-${invite.role}`), scope: scopeName(ctx, invite) }),
            choices: [[{ label: ctx.t('join-lower-role-yes'), value: 'yes' }], [{ label: ctx.t('join-lower-role-no'), value: 'no' }]],
          };
        },
        accept: (ctx, data, answer) => {
          if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
          // Nothing is used up on «Нет»: the invite stays for the colleague it was meant for.
          if (answer.value !== 'yes') return { done: { text: ctx.t('join-lower-role-kept') } };
          return proceed(ctx, h, loadInvite(ctx, data), { ...data, lowerRoleConfirmed: true });
        },
      },
      consent: {
        prompt: (ctx, data) => {
          const invite = loadInvite(ctx, data);
          const municipality = getMunicipality(ctx.deps.db, invite.municipalityId);
          const target = targetOf(ctx, invite);
          const offer = offersNewRole(target, invite)
            ? `${ctx.t('join-role-offer', { role: ctx.t(`role-${invite.role}`), scope: scopeName(ctx, invite) })}\n\n`
            : '';
          return {
            text: `${offer}${ctx.t('consent-text', { operator: municipality?.name ?? '—' })}`,
            choices: [[{ label: ctx.t('consent-agree'), value: 'agree' }], [{ label: ctx.t('consent-decline'), value: 'decline' }]],
          };
        },
        accept: (ctx, data, answer) => {
          if (answer.kind !== 'choice' || answer.value !== 'agree') return { done: { text: ctx.t('consent-declined') } };
          return proceed(ctx, h, loadInvite(ctx, data), { ...data, consentAt: ctx.deps.clock.now().getTime() });
        },
      },
      name: {
        prompt: (ctx) => ({ text: ctx.t('join-ask-name'), acceptsText: true }),
        accept: (ctx, data, answer) => {
          const name = answer.kind === 'text' ? answer.text.replace(/\s+/g, ' ').trim() : '';
          const words = name.split(' ').filter(Boolean);
          if (words.length < 2 || name.length > 100 || /[\d@#/\\<>=]/.test(name)) return { reask: ctx.t('join-name-invalid') };
          return proceed(ctx, h, loadInvite(ctx, data), { ...data, name });
        },
      },
      school: pickOne<JoinData>({
        step: 'school',
        filterKey: 'schoolFilter',
        question: (ctx) => ctx.t('join-ask-school'),
        items: (ctx, data) => schoolsOf(ctx.deps.db, loadInvite(ctx, data).municipalityId).map((s) => ({ label: s.shortName, value: String(s.id) })),
        onPick: (ctx, data, value) => {
          const invite = loadInvite(ctx, data);
          const school = getSchool(ctx.deps.db, Number(value));
          if (!school || school.municipalityId !== invite.municipalityId) return { reask: ctx.t('join-ask-school') };
          return proceed(ctx, h, invite, { ...data, schoolId: school.id });
        },
      }),
      subjects: {
        prompt: (ctx, data) => {
          const choices = subjects.map((s) => ({ label: `${data.subjects.includes(s) ? '✓ ' : ''}${ctx.t(`subject-${s}`)}`, value: s }));
          const rows = [];
          for (let i = 0; i < choices.length; i += 2) rows.push(choices.slice(i, i + 2));
          return { text: ctx.t('join-ask-subjects'), choices: [...rows, [{ label: ctx.t('join-subjects-done'), value: 'done' }]] };
        },
        accept: (ctx, data, answer) => {
          if (answer.kind !== 'choice') return { reask: ctx.t('dialog-choose-button') };
          if (answer.value === 'done') {
            if (data.subjects.length === 0) return { reask: ctx.t('join-subjects-none') };
            return proceed(ctx, h, loadInvite(ctx, data), data);
          }
          if (!isSubject(answer.value)) return { reask: ctx.t('dialog-choose-button') };
          const toggled = data.subjects.includes(answer.value)
            ? data.subjects.filter((s) => s !== answer.value)
            : [...data.subjects, answer.value];
          return { next: 'subjects', data: { ...data, subjects: toggled }, inPlace: true };
        },
      },
    },
  };
}

/** `/start CODE`, a deep link or a bare code: checks the invite and opens the join dialog. */
export function joinWithCode(ctx: Ctx, h: FeatureHost, dialog: DialogDef<JoinData>, code: string): Outcome {
  const locked = refuseIfLocked(ctx, [accountKey(ctx, 'invite')]);
  if (locked) return locked;
  const now = ctx.deps.clock.now();
  const invite = findInvite(ctx.deps.db, code);
  if (!invite) return chargeWrongTry(ctx, inviteCharges(ctx)) ?? { text: ctx.t('invite-unknown') };
  const problem = inviteProblem(invite, now);
  if (problem) return { text: ctx.t(`invite-${problem}`) };
  if (!mayRedeem(ctx, invite)) return { text: ctx.t('invite-for-someone-else') };
  const target = targetOf(ctx, invite);
  if (target && target.id === ctx.person?.id && target.roles.some((r) => r.role === invite.role && r.municipalityId === (invite.role === 'curator' ? null : invite.municipalityId))) {
    return { text: ctx.t('invite-already-joined') };
  }
  const data: JoinData = { inviteId: invite.id, subjects: [] };
  const step = missingStep(ctx, invite, data);
  if (!step) return complete(ctx, h, invite, data);
  return h.dialogs.start(ctx, dialog, data, step === 'lower-role' ? step : dialog.first);
}

/** Invite codes are eight letters and digits; a person may paste one without /start. */
export function looksLikeCode(text: string): boolean {
  return /^[A-Za-z0-9]{8}$/.test(text.replace(/[\s-]/g, ''));
}

/** An unknown invite code is a wrong try, counted per account; only codes nobody issued count, not expired or used ones. */
const inviteCharges = (ctx: Ctx): Charge[] => [{ key: accountKey(ctx, 'invite'), policy: ACCOUNT_POLICY }];

/**
 * A bare message shaped like an invite code: a known code opens the join as
 * /start would; an unknown one is a counted wrong try and is left to other
 * readers (undefined), unless the account is or just got locked out.
 */
export function joinWithBareCode(ctx: Ctx, h: FeatureHost, dialog: DialogDef<JoinData>, text: string): Outcome | undefined {
  if (!looksLikeCode(text)) return undefined;
  if (findInvite(ctx.deps.db, text)) return joinWithCode(ctx, h, dialog, text);
  return refuseIfLocked(ctx, [accountKey(ctx, 'invite')]) ?? chargeWrongTry(ctx, inviteCharges(ctx));
}
