// The list of commands a person may use, for /help and the greeting.
import type { Ctx } from './context.js';
import type { Router } from './router.js';

export function commandList(ctx: Ctx, router: Router): string {
  return router
    .commands()
    .filter((c) => c.visible(ctx))
    .map((c) => `/${c.name} — ${ctx.t(c.describe)}`)
    .join('\n');
}

export function greeting(ctx: Ctx, router: Router): string {
  const name = ctx.person?.fullName ?? undefined;
  const hello = name ? ctx.t('greeting-known', { name }) : `${ctx.t('greeting-new')}\n\n${ctx.t('greeting-need-invite')}`;
  return `${hello}\n\n${ctx.t('commands-heading')}\n${commandList(ctx, router)}`;
}
