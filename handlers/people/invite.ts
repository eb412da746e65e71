// /invite: a coordinator creates an invitation for a role and a scope (a school
// or the whole municipality), for one person or a group, and gets a Telegram
// deep link, a VK link and a short code to pass on.
import { audit } from '../../db/repos/audit.js';
import { createInvite, type Invite } from '../../db/repos/invites.js';
import { getMunicipality, getSchool, schoolsOf } from '../../db/repos/org.js';
import type { RoleName } from '../../db/schema.js';
import { requireAdminOf, requireCoordinator } from '../core/access.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef } from '../core/dialog.js';
import { formatDay } from '../core/format.js';
import { inviteLinks } from '../core/invite-links.js';
import { municipalityZone } from '../core/local-time.js';
import { pickOne } from '../core/pick.js';

export const INVITE_DAYS = 14;
/** The roles a coordinator may hand out, by invite or by import; curators are invited from the admin command line. */
export const INVITABLE: readonly RoleName[] = ['teacher', 'school_admin', 'tutor', 'mentor', 'coordinator'];

export type InviteData = { municipalityId: number; role?: RoleName; schoolId?: number | null; schoolFilter?: string };

/** The links and code of an invite, as a reply with link buttons. */
export function inviteReply(ctx: Ctx, invite: Invite): Reply {
  const { links } = ctx.deps.settings;
  const municipality = getMunicipality(ctx.deps.db, invite.municipalityId);
  const school = invite.schoolId !== null ? getSchool(ctx.deps.db, invite.schoolId) : undefined;
  const zone = municipalityZone(ctx.deps, invite.municipalityId);
  const lines = [
    ctx.t('invite-ready', {
      role: ctx.t(`role-${invite.role}`),
      scope: school?.shortName ?? municipality?.name ?? '—',
      until: formatDay(invite.expiresAt, zone),
      uses: invite.maxUses,
    }),
  ];
  const buttons: Button[][] = [];
  for (const link of inviteLinks(links, invite.code)) {
    lines.push(`${link.label}: ${link.url}`);
    buttons.push([{ kind: 'url', label: link.label, url: link.url }]);
  }
  lines.push(ctx.t('invite-code', { code: invite.code }));
  return buttons.length > 0 ? { text: lines.join('\n'), buttons } : { text: lines.join('\n') };
}

export const inviteDialog: DialogDef<InviteData> = {
  name: 'invite',
  version: 1,
  first: 'role',
  steps: {
    role: {
      prompt: (ctx) => ({
        text: ctx.t('invite-ask-role'),
        choices: INVITABLE.map((role) => [{ label: ctx.t(`role-${role}`), value: role }]),
      }),
      accept: (ctx, data, answer) => {
        const role = INVITABLE.find((r) => answer.kind === 'choice' && r === answer.value);
        if (!role) return { reask: ctx.t('dialog-choose-button') };
        return role === 'coordinator' ? { next: 'uses', data: { ...data, role, schoolId: null } } : { next: 'scope', data: { ...data, role } };
      },
    },
    scope: pickOne<InviteData>({
      step: 'scope',
      filterKey: 'schoolFilter',
      question: (ctx) => ctx.t('invite-ask-scope'),
      items: (ctx, data) => schoolsOf(ctx.deps.db, data.municipalityId).map((s) => ({ label: s.shortName, value: String(s.id) })),
      extra: (ctx) => [{ label: ctx.t('invite-scope-municipality'), value: 'all' }],
      onPick: (ctx, data, value) => {
        if (value === 'all') return { next: 'uses', data: { ...data, schoolId: null } };
        const school = getSchool(ctx.deps.db, Number(value));
        if (!school || school.municipalityId !== data.municipalityId) return { reask: ctx.t('invite-ask-scope') };
        return { next: 'uses', data: { ...data, schoolId: school.id } };
      },
    }),
    uses: {
      prompt: (ctx) => ({
        text: ctx.t('invite-ask-uses'),
        choices: [
          [{ label: ctx.t('invite-uses-one'), value: '1' }],
          [{ label: ctx.t('invite-uses-group', { count: 50 }), value: '50' }],
          [{ label: ctx.t('invite-uses-group', { count: 300 }), value: '300' }],
        ],
      }),
      accept: (ctx, data, answer) => {
        const maxUses = answer.kind === 'choice' ? Number(answer.value) : NaN;
        if (![1, 50, 300].includes(maxUses) || !data.role) return { reask: ctx.t('dialog-choose-button') };
        const person = requireAdminOf(ctx, data.municipalityId);
        const now = ctx.deps.clock.now();
        const invite = createInvite(ctx.deps.db, {
          role: data.role,
          municipalityId: data.municipalityId,
          schoolId: data.schoolId ?? null,
          maxUses,
          createdBy: person.id,
          expiresAt: new Date(now.getTime() + INVITE_DAYS * 24 * 3600_000),
        });
        audit(ctx.deps.db, { at: now, actorId: person.id, municipalityId: data.municipalityId, action: 'invite.created', details: { role: data.role, schoolId: data.schoolId ?? null, maxUses, inviteId: invite.id } });
        return { done: inviteReply(ctx, invite) };
      },
    },
  },
};

export function startInvite(ctx: Ctx): InviteData {
  return { municipalityId: requireCoordinator(ctx).municipalityId };
}
