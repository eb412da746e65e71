// Linking a second messenger: /link gives a one-time code, and /link CODE in
// the other messenger attaches that account to the same person.
import { linkAccount } from '../../db/repos/accounts.js';
import { consumeLinkCode, createLinkCode } from '../../db/repos/invites.js';
import { getPerson } from '../../db/repos/people.js';
import type { Ctx } from '../core/context.js';
import type { Outcome } from '../core/router.js';

const LINK_CODE_MINUTES = 15;

export function linkCommand(ctx: Ctx, args: string): Outcome {
  const { db, clock } = ctx.deps;
  const now = clock.now();
  if (!args.trim()) {
    if (!ctx.person) return { text: ctx.t('link-need-registration') };
    const code = createLinkCode(db, ctx.person.id, new Date(now.getTime() + LINK_CODE_MINUTES * 60_000));
    return { text: ctx.t('link-code', { code, minutes: LINK_CODE_MINUTES }) };
  }
  if (ctx.person) return { text: ctx.t('link-already', { name: ctx.person.fullName ?? '—' }) };
  const linked = db.transaction((tx) => {
    const personId = consumeLinkCode(tx, args, now);
    if (personId === undefined) return undefined;
    const person = getPerson(tx, personId);
    if (!person || person.erasedAt) return undefined;
    linkAccount(tx, ctx.account.id, personId);
    return person;
  });
  if (!linked) return { text: ctx.t('link-bad-code') };
  return { text: ctx.t('link-done', { name: linked.fullName ?? '—' }) };
}
