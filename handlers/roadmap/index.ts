// The road map: /roadmap shows progress (or one's own items) and leads to the
// import; the buttons of reminders mark deadlines done, postponed or
// commented, a mistaken «Выполнено» is undone, and a coordinator accepts or
// refuses a postponement. Every button checks its presser again.
import { registered, requireCoordinator, requirePerson, visibleTo } from '../core/access.js';
import { digestDialog } from './digest.js';
import type { Feature } from '../core/dispatch.js';
import { UserError } from '../core/errors.js';
import { getSchool } from '../../db/repos/org.js';
import { requireEditor, roadmapImportDialog } from './import-dialog.js';
import { commentDialog, doneDialog, postponeDialog } from './milestones.js';
import { ownMilestone } from './own.js';
import { acceptPostponeAction, decidePostpone, refusePostponeAction } from './postpone.js';
import { commentAction, doneAction, exportAction, exportRoadmap, importAction, mineAction, myItems, postponeAction, regionReportAction, roadmapCommand, undoAction } from './progress.js';
import { undoDone } from './undo.js';
import { approvalAction, toggleApproval } from './settings.js';
import { regionReportDialog, reportMunicipalities } from './region-report.js';

export const roadmapFeature: Feature = (h) => {
  h.dialogs.register(digestDialog).register(roadmapImportDialog).register(doneDialog).register(postponeDialog).register(commentDialog).register(regionReportDialog);
  h.router
    .command({ name: 'roadmap', describe: 'cmd-roadmap', visible: registered, menu: true, run: (ctx) => roadmapCommand(ctx) })
    .command({ name: 'digest', describe: 'cmd-digest', visible: visibleTo('coordinator'), run: (ctx) => {
        requireCoordinator(ctx);
        return h.dialogs.start(ctx, digestDialog, {});
      },
    })
    .action(importAction, (ctx, [schoolId]) => {
      const person = requirePerson(ctx);
      const school = schoolId === 0 ? undefined : getSchool(ctx.deps.db, schoolId);
      const municipalityId = school?.municipalityId ?? person.municipalityId;
      if (municipalityId === null || (schoolId !== 0 && !school)) throw new UserError('gone', 'stale-button');
      requireEditor(ctx, municipalityId, school?.id ?? null);
      return h.dialogs.start(ctx, roadmapImportDialog, { municipalityId, schoolId: school?.id ?? null });
    })
    .action(exportAction, (ctx, [municipalityId]) => exportRoadmap(ctx, municipalityId))
    .action(doneAction, (ctx, [id]) => {
      const { milestone } = ownMilestone(ctx, id);
      if (milestone.state === 'done') return { text: ctx.t('roadmap-already-done') };
      return h.dialogs.start(ctx, doneDialog, { milestoneId: id });
    })
    .action(postponeAction, (ctx, [id]) => {
      ownMilestone(ctx, id);
      return h.dialogs.start(ctx, postponeDialog, { milestoneId: id });
    })
    .action(commentAction, (ctx, [id]) => {
      ownMilestone(ctx, id);
      return h.dialogs.start(ctx, commentDialog, { milestoneId: id });
    })
    .action(undoAction, (ctx, [id]) => undoDone(ctx, id))
    .action(acceptPostponeAction, (ctx, [id]) => decidePostpone(ctx, id, true))
    .action(refusePostponeAction, (ctx, [id]) => decidePostpone(ctx, id, false))
    .action(mineAction, (ctx) => myItems(ctx))
    .action(approvalAction, (ctx, [municipalityId]) => toggleApproval(ctx, municipalityId))
    .action(regionReportAction, (ctx, [regionId]) => {
      reportMunicipalities(ctx, regionId);
      return h.dialogs.start(ctx, regionReportDialog, { regionId });
    });
};
