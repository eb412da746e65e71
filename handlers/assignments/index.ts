// Assignments: /assign and /my, and the assign buttons of /my.
import { getPerson } from '../../db/repos/people.js';
import { getSchool } from '../../db/repos/org.js';
import { registered, requireAdminOf, requireCoordinator, visibleTo } from '../core/access.js';
import type { Feature } from '../core/dispatch.js';
import { UserError } from '../core/errors.js';
import { assignDialog } from './assign.js';
import { assignMentorTo, assignTutorTo, myCommand } from './my.js';

export const assignmentsFeature: Feature = (h) => {
  h.dialogs.register(assignDialog);
  h.router
    .command({ name: 'my', describe: 'cmd-my', visible: registered, menu: true, run: (ctx) => myCommand(ctx) })
    .command({
      name: 'assign',
      describe: 'cmd-assign',
      visible: visibleTo('coordinator'),
      menu: true,
      run: (ctx) => h.dialogs.start(ctx, assignDialog, { municipalityId: requireCoordinator(ctx).municipalityId }),
    })
    .action(assignMentorTo, (ctx, [schoolId]) => {
      const school = getSchool(ctx.deps.db, schoolId);
      if (!school) throw new UserError('gone', 'assign-invalid');
      requireAdminOf(ctx, school.municipalityId);
      return h.dialogs.start(ctx, assignDialog, { municipalityId: school.municipalityId, kind: 'mentor_school', schoolId: school.id }, 'mentor');
    })
    .action(assignTutorTo, (ctx, [teacherId]) => {
      const teacher = getPerson(ctx.deps.db, teacherId);
      if (!teacher || teacher.municipalityId === null || teacher.erasedAt) throw new UserError('gone', 'assign-invalid');
      requireAdminOf(ctx, teacher.municipalityId);
      const only = teacher.subjects.length === 1 ? teacher.subjects[0] : undefined;
      const data = { municipalityId: teacher.municipalityId, kind: 'tutor_teacher' as const, teacherId: teacher.id, subject: only };
      return h.dialogs.start(ctx, assignDialog, data, 'tutor');
    });
};
