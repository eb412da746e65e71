// Linking a second messenger: /link gives a one-time code, and /link CODE in
// the other messenger attaches that account to the same person. Codes are six
// characters (people type them), so wrong tries are limited per account and
// per open code (handlers/core/attempts.ts); issuing a code is never limited.
import { linkAccount } from '../../db/repos/accounts.js';
import { openLinkCodes } from '../../db/repos/attempts.js';
import { consumeLinkCode, createLinkCode, normalizeCode } from '../../db/repos/invites.js';
import { getPerson, type Person } from '../../db/repos/people.js';
import { ACCOUNT_POLICY, LINK_CODE_POLICY, accountKey, chargeWrongTry, linkCodeKey, refuseIfLocked, type Charge } from '../core/attempts.js';
import type { Ctx } from '../core/context.js';
import type { Outcome } from '../core/router.js';

const LINK_CODE_MINUTES = 15;

export function linkCommand(ctx: Ctx, args: string): Outcome {
  if (!args.trim()) return issueCode(ctx);
  if (ctx.person) return { text: ctx.t('link-already', { name: ctx.person.fullName ?? '—' }) };
  return refuseIfLocked(ctx, [accountKey(ctx, 'link'), linkCodeKey(normalizeCode(args))]) ?? redeemCode(ctx, args);
}

function issueCode(ctx: Ctx): Outcome {
  if (!ctx.person) return { text: ctx.t('link-need-registration') };
  const expiresAt = new Date(ctx.deps.clock.now().getTime() + LINK_CODE_MINUTES * 60_000);
  const code = createLinkCode(ctx.deps.db, ctx.person.id, expiresAt);
  return { text: ctx.t('link-code', { code, minutes: LINK_CODE_MINUTES }) };
}

function redeemCode(ctx: Ctx, typed: string): Outcome {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  const linked = db.transaction((tx): Person | undefined => {
    const personId = consumeLinkCode(tx, typed, now);
    if (personId === undefined) return undefined;
    const person = getPerson(tx, personId);
    if (!person || person.erasedAt) return undefined;
    linkAccount(tx, ctx.account.id, personId);
    return person;
  });
  if (!linked) return chargeWrongTry(ctx, wrongTryCharges(ctx)) ?? { text: ctx.t('link-bad-code') };
  return { text: ctx.t('link-done', { name: linked.fullName ?? '—' }) };
}

/** A wrong code counts against the account and against every code it could have been a guess at. */
function wrongTryCharges(ctx: Ctx): Charge[] {
  const open = openLinkCodes(ctx.deps.db, ctx.deps.clock.now()).map((code) => ({ key: linkCodeKey(code), policy: LINK_CODE_POLICY }));
  return [{ key: accountKey(ctx, 'link'), policy: ACCOUNT_POLICY }, ...open];
}
