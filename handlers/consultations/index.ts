// Consultations: /log (a dialog, or one line), /mylog, and /consultations for
// coordinators, with the buttons that go with them.
import { visibleTo } from '../core/access.js';
import type { Feature } from '../core/dispatch.js';
import { UserError } from '../core/errors.js';
import { confirmAction, confirmTookPlace, editData, logDialog, startLog } from './log.js';
import {
  consultationsCommand,
  municipalityReport,
  deleteAction,
  editAction,
  entryAction,
  entryCard,
  exportAction,
  exportXlsx,
  myLog,
  nudge,
  nudgeAction,
  ownEntry,
  removeEntry,
  reportAction,
} from './report.js';

export const consultationsFeature: Feature = (h) => {
  h.dialogs.register(logDialog);
  h.router
    .command({
      name: 'log',
      describe: 'cmd-log',
      visible: visibleTo('mentor', 'tutor'),
      menu: true,
      run: (ctx, args) => startLog(ctx, args, (data, step) => h.dialogs.start(ctx, logDialog, data, step), h.dialogs.active(ctx)),
    })
    .command({ name: 'mylog', describe: 'cmd-mylog', visible: visibleTo('mentor', 'tutor'), run: (ctx) => myLog(ctx) })
    .command({ name: 'consultations', describe: 'cmd-consultations', visible: visibleTo('coordinator', 'curator'), run: (ctx) => consultationsCommand(ctx) })
    .action(confirmAction, (ctx, [id]) => confirmTookPlace(ctx, id))
    .action(entryAction, (ctx, [id]) => entryCard(ctx, id))
    .action(deleteAction, (ctx, [id]) => removeEntry(ctx, id))
    .action(editAction, (ctx, [id]) => {
      const { entry, editable, days } = ownEntry(ctx, id);
      if (!editable) throw new UserError('too-old', 'log-too-old', { days });
      return h.dialogs.start(ctx, logDialog, editData(entry), 'field');
    })
    .action(reportAction, (ctx, [period, municipalityId]) => municipalityReport(ctx, municipalityId, period, { edit: true }))
    .action(exportAction, (ctx, [period, municipalityId]) => exportXlsx(ctx, period, municipalityId))
    .action(nudgeAction, (ctx, [id]) => nudge(ctx, id));
};
