// People: joining with an invite and consent (/start), linking a second
// messenger (/link), withdrawing consent (/forget), inviting (/invite) and
// bulk import of schools and people (/import).
import { registered, requireCoordinator, visibleTo } from '../core/access.js';
import type { Feature } from '../core/dispatch.js';
import { languageDialog } from '../general/index.js';
import { forgetDialog } from './forget.js';
import { importDialog, startImport } from './import/dialog.js';
import { inviteDialog } from './invite.js';
import { joinDialog, joinWithBareCode, joinWithCode } from './join.js';
import { linkCommand } from './link.js';

export const peopleFeature: Feature = (h) => {
  const join = joinDialog(h);
  const language = languageDialog(h.router);
  h.dialogs.register(join).register(forgetDialog).register(inviteDialog).register(importDialog);
  h.router
    .command({
      name: 'start',
      describe: 'cmd-start',
      visible: () => true,
      menu: true,
      run: (ctx, args) => (args.trim() ? joinWithCode(ctx, h, join, args.trim()) : h.dialogs.start(ctx, language, { greet: true })),
    })
    .command({
      name: 'invite',
      describe: 'cmd-invite',
      visible: visibleTo('coordinator'),
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, inviteDialog, { municipalityId: requireCoordinator(ctx).municipalityId }),
    })
    .command({
      name: 'import',
      describe: 'cmd-import',
      visible: visibleTo('coordinator'),
      run: (ctx) => h.dialogs.start(ctx, importDialog, startImport(ctx)),
    })
    .command({ name: 'link', describe: 'cmd-link', visible: registered, run: (ctx, args) => linkCommand(ctx, args) })
    .command({
      name: 'forget',
      describe: 'cmd-forget',
      visible: registered,
      run: (ctx) => (ctx.person ? h.dialogs.start(ctx, forgetDialog, {}) : [{ text: ctx.t('forget-nothing') }]),
    })
    .text((ctx, text) => joinWithBareCode(ctx, h, join, text));
};
