// Consultations: /log (a dialog, or one line), /mylog, and /consultations for
// coordinators, with the buttons that go with them: plans per pair, sessions
// planned ahead, and the teacher's rating.
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
import { municipalityPlans, municipalityPlansAction, myPlans, myPlansAction, pairAction, pairCard, planDialog, plannablePair, setPlanAction } from './plan.js';
import {
  planAheadAction,
  plannedCard,
  plannedCardAction,
  plannedDialog,
  plannedDone,
  plannedDoneAction,
  plannedMissed,
  plannedMissedAction,
  plannedMoveAction,
  startMove,
  startPlanned,
} from './planned.js';
import { rate, rateAction, ratingCommentDialog, skipRating, skipRatingAction } from './rating.js';

export const consultationsFeature: Feature = (h) => {
  h.dialogs.register(logDialog);
  h.dialogs.register(planDialog);
  h.dialogs.register(plannedDialog);
  h.dialogs.register(ratingCommentDialog);
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
    .action(nudgeAction, (ctx, [id]) => nudge(ctx, id))
    .action(myPlansAction, (ctx) => myPlans(ctx))
    .action(municipalityPlansAction, (ctx, [municipalityId]) => municipalityPlans(ctx, municipalityId))
    .action(pairAction, (ctx, [id]) => pairCard(ctx, id))
    .action(setPlanAction, (ctx, [id]) => h.dialogs.start(ctx, planDialog, { assignmentId: plannablePair(ctx, id).id }))
    .action(planAheadAction, (ctx) => h.dialogs.start(ctx, plannedDialog, startPlanned(ctx)))
    .action(plannedCardAction, (ctx, [id]) => plannedCard(ctx, id))
    .action(plannedDoneAction, (ctx, [id]) => plannedDone(ctx, id))
    .action(plannedMissedAction, (ctx, [id]) => plannedMissed(ctx, id))
    .action(plannedMoveAction, (ctx, [id]) => {
      const moving = startMove(ctx, id);
      return 'data' in moving ? h.dialogs.start(ctx, plannedDialog, moving.data, 'date') : moving.reply;
    })
    .action(rateAction, (ctx, [id, rating]) => rate(ctx, id, rating, (consultationId) => h.dialogs.start(ctx, ratingCommentDialog, { consultationId })))
    .action(skipRatingAction, (ctx, [id]) => skipRating(ctx, id));
};
