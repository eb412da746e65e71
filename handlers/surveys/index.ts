// Monitoring surveys: /survey launches a round, /surveys lists the rounds
// waiting for a person and, for a coordinator, the rounds with their results;
// the buttons start or resume answering, open results and exports, and let
// a coordinator steer a round (close early, extend, remind the missing by
// name) and a school head remind the missing of their own school.
import { requireCoordinator, registered, visibleTo } from '../core/access.js';
import type { Feature } from '../core/dispatch.js';
import { builderDialog } from './builder.js';
import { launchDialog } from './launch.js';
import { registerOverTime } from './over-time.js';
import { missingPageAction, missingReply, remindAll, remindOne, remindOneAction, remindSchool, remindSchoolAction, schoolMissingReply, schoolPageAction } from './missing.js';
import { nudgeAction, schoolMissingAction } from './reminders.js';
import { closeAction, closeAsk, closeAskAction, closeNow, extendAction, extendDialog, requireAdminOfRound } from './round-admin.js';
import { answerDialog, startRound, startRoundAction } from './respond.js';
import {
  chartAction,
  chartReply,
  csvAction,
  csvReply,
  missingAction,
  roundCard,
  roundCardAction,
  summaryAction,
  summaryReply,
  surveysCommand,
  xlsxAction,
  xlsxReply,
} from './results.js';

// What other features may use: a round's progress (road map's weekly digest).
export { roundProgress, type RoundProgress } from './progress.js';

export const surveysFeature: Feature = (h) => {
  const builder = builderDialog((ctx, municipalityId, surveyId) => {
    const launch = h.dialogs.start(ctx, launchDialog, { municipalityId, surveyId }, 'audience');
    return { replies: [{ text: ctx.t('builder-saved') }, ...launch.replies] };
  });
  h.dialogs.register(answerDialog).register(launchDialog).register(builder).register(extendDialog);
  registerOverTime(h);
  h.router
    .command({
      name: 'survey',
      describe: 'cmd-survey',
      visible: visibleTo('coordinator'),
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, launchDialog, { municipalityId: requireCoordinator(ctx).municipalityId }),
    })
    .command({
      name: 'newsurvey',
      describe: 'cmd-newsurvey',
      visible: visibleTo('coordinator'),
      run: (ctx) => h.dialogs.start(ctx, builder, { municipalityId: requireCoordinator(ctx).municipalityId, questions: [] }),
    })
    .command({ name: 'surveys', describe: 'cmd-surveys', visible: registered, menu: true, run: (ctx) => surveysCommand(ctx) })
    .action(startRoundAction, (ctx, [roundId]) => startRound(ctx, roundId, (data, step) => h.dialogs.start(ctx, answerDialog, data, step), h.dialogs.active(ctx)))
    .action(roundCardAction, (ctx, [id]) => roundCard(ctx, id))
    .action(summaryAction, (ctx, [id]) => summaryReply(ctx, id))
    .action(missingAction, (ctx, [id]) => missingReply(ctx, id))
    .action(missingPageAction, (ctx, [id, page]) => missingReply(ctx, id, page, true))
    .action(schoolMissingAction, (ctx, [id, school, page]) => schoolMissingReply(ctx, id, school, page))
    .action(schoolPageAction, (ctx, [id, school, page]) => schoolMissingReply(ctx, id, school, page, true))
    .action(nudgeAction, (ctx, [id]) => remindAll(ctx, id))
    .action(remindSchoolAction, (ctx, [id, school]) => remindSchool(ctx, id, school))
    .action(remindOneAction, (ctx, [id, person]) => remindOne(ctx, id, person))
    .action(closeAskAction, (ctx, [id]) => closeAsk(ctx, id, roundCardAction.encode(id)))
    .action(closeAction, (ctx, [id]) => closeNow(ctx, id, roundCardAction.encode(id)))
    .action(extendAction, (ctx, [id]) => {
      // Checked before the dialog opens, so that nobody else even sees the question.
      requireAdminOfRound(ctx, id);
      return h.dialogs.start(ctx, extendDialog, { roundId: id });
    })
    .action(xlsxAction, (ctx, [id]) => xlsxReply(ctx, id))
    .action(csvAction, (ctx, [id]) => csvReply(ctx, id))
    .action(chartAction, (ctx, [id, index]) => chartReply(ctx, id, index));
};
