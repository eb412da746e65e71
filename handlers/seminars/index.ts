// Seminars: /seminar announces one (or a series of sessions), /seminars lists
// them for the coordinator, the card buttons record answers, reminders can be
// shaped per seminar and switched off per person, /here confirms attendance with the event's
// code, ratings come back after the event; /topic and /topics collect topic
// requests for the next sessions.
import type { RoleName } from '../../db/schema.js';
import { hasRole, registered, requireCoordinator, requirePerson, visibleTo } from '../core/access.js';
import { notAllowed } from '../core/errors.js';
import { invitedSeminars } from './invited.js';
import type { Feature } from '../core/dispatch.js';
import { rsvpAction, seminarCardAction } from './card.js';
import { announceNow, announceNowAction, seminarDialog } from './create.js';
import {
  attendancePage,
  attendancePageAction,
  attendanceToggleAction,
  coordinatorCard,
  seminarList,
  toggleAttendance,
  topicDialog,
  topicsReport,
} from './manage.js';
import {
  askCancel,
  askCancelOne,
  askCancelRest,
  cancelAskAction,
  cancelConfirmAction,
  cancelOneAction,
  cancelRestAction,
  cancelRestConfirmAction,
  confirmCancel,
  confirmCancelRest,
} from './cancel.js';
import { exportCsvAction, exportXlsxAction, seminarCsv, seminarXlsx, seriesXlsx, seriesXlsxAction } from './export.js';
import { materialsAction, materialsDialog, seminarForMaterials } from './materials.js';
import { changeableSeminar, editAction, editDialog } from './edit.js';
import { answerRsvp, checkIn, commentDialog, feedbackAction, rate } from './respond.js';
import { remindersOffAction, remindersOnAction, setReminders } from './opt-out.js';

/** Who seminars are announced to and who may look them up in /seminars. */
const INVITED_ROLES: RoleName[] = ['school_admin', 'teacher', 'mentor', 'tutor'];
const SEMINAR_ROLES: RoleName[] = ['coordinator', ...INVITED_ROLES];

export const seminarsFeature: Feature = (h) => {
  h.dialogs.register(seminarDialog).register(commentDialog).register(topicDialog).register(editDialog).register(materialsDialog);
  h.router
    .command({
      name: 'seminar',
      describe: 'cmd-seminar',
      visible: visibleTo('coordinator'),
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, seminarDialog, { municipalityId: requireCoordinator(ctx).municipalityId }),
    })
    .command({
      name: 'seminars',
      describe: 'cmd-seminars',
      visible: visibleTo(...SEMINAR_ROLES),
      // A coordinator manages seminars; everyone else sees the ones they are invited to.
      run: (ctx) => {
        if (hasRole(ctx.person, 'coordinator')) return seminarList(ctx);
        if (!hasRole(requirePerson(ctx), ...INVITED_ROLES)) throw notAllowed();
        return invitedSeminars(ctx);
      },
    })
    .command({
      name: 'here',
      describe: 'cmd-here',
      visible: registered,
      run: (ctx, args) => checkIn(ctx, args) ?? { text: ctx.t('attendance-bad-code') },
    })
    .command({
      name: 'topic',
      describe: 'cmd-topic',
      visible: visibleTo('school_admin', 'teacher'),
      run: (ctx) => {
        requirePerson(ctx);
        return h.dialogs.start(ctx, topicDialog, {});
      },
    })
    .command({ name: 'topics', describe: 'cmd-topics', visible: visibleTo('coordinator'), run: (ctx) => topicsReport(ctx) })
    .action(rsvpAction, (ctx, [seminarId, answer]) => answerRsvp(ctx, seminarId, answer))
    .action(announceNowAction, (ctx, [seminarId]) => announceNow(ctx, seminarId))
    .action(seminarCardAction, (ctx, [seminarId]) => coordinatorCard(ctx, seminarId))
    .action(editAction, (ctx, [seminarId]) => {
      changeableSeminar(ctx, seminarId);
      return h.dialogs.start(ctx, editDialog, { seminarId });
    })
    .action(exportXlsxAction, (ctx, [seminarId]) => seminarXlsx(ctx, seminarId))
    .action(exportCsvAction, (ctx, [seminarId]) => seminarCsv(ctx, seminarId))
    .action(seriesXlsxAction, (ctx, [seminarId]) => seriesXlsx(ctx, seminarId))
    .action(materialsAction, (ctx, [seminarId]) => {
      seminarForMaterials(ctx, seminarId);
      return h.dialogs.start(ctx, materialsDialog, { seminarId });
    })
    .action(cancelAskAction, (ctx, [seminarId]) => askCancel(ctx, seminarId))
    .action(cancelConfirmAction, (ctx, [seminarId, who]) => confirmCancel(ctx, seminarId, who))
    .action(cancelOneAction, (ctx, [seminarId]) => askCancelOne(ctx, seminarId))
    .action(cancelRestAction, (ctx, [seminarId]) => askCancelRest(ctx, seminarId))
    .action(cancelRestConfirmAction, (ctx, [seminarId, who]) => confirmCancelRest(ctx, seminarId, who))
    .action(attendancePageAction, (ctx, [seminarId, page]) => attendancePage(ctx, seminarId, page))
    .action(attendanceToggleAction, (ctx, [seminarId, personId, page]) => toggleAttendance(ctx, seminarId, personId, page))
    .action(remindersOffAction, (ctx, [personId]) => setReminders(ctx, personId, false))
    .action(remindersOnAction, (ctx, [personId]) => setReminders(ctx, personId, true))
    .action(feedbackAction, (ctx, [seminarId, rating]) => rate(ctx, seminarId, Number(rating), (data) => h.dialogs.start(ctx, commentDialog, data)))
    .text((ctx, text) => (/^[A-Za-z0-9]{6}$/.test(text.trim()) && ctx.person ? checkIn(ctx, text) : undefined));
};
