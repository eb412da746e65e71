// /my: a person's own assignments; for a coordinator, also the supported
// schools without a mentor and the teachers of supported schools without a
// tutor, with buttons to assign them.
import { activeAssignmentsOfMunicipality, activeAssignmentsOfPerson, activeAssignmentsOfSchool } from '../../db/repos/assignments.js';
import { getSchool, isSupported, schoolsOf } from '../../db/repos/org.js';
import { getPerson, peopleOf, type Person } from '../../db/repos/people.js';
import { coordinatedMunicipalities, hasRole, requirePerson } from '../core/access.js';
import { defineAction, idArg } from '../core/actions.js';
import type { Button, Reply } from '../core/contract.js';
import type { Ctx } from '../core/context.js';
import { formatIsoDay } from '../core/format.js';
import { subjectLabel } from '../core/subjects.js';

export const assignMentorTo = defineAction('asg-s', idArg);
export const assignTutorTo = defineAction('asg-t', idArg);

const LIST_LIMIT = 8;

function nameAt(ctx: Ctx, p: Person | undefined): string {
  if (!p) return '—';
  const school = p.schoolId !== null ? getSchool(ctx.deps.db, p.schoolId) : undefined;
  return `${p.fullName ?? '—'}${school ? ` (${school.shortName})` : ''}`;
}

function ownLines(ctx: Ctx, person: Person): string[] {
  const { db } = ctx.deps;
  const lines: string[] = [];
  for (const a of activeAssignmentsOfPerson(db, person.id)) {
    const since = formatIsoDay(a.startsOn);
    if (a.kind === 'mentor_school' && a.helperId === person.id) {
      lines.push(ctx.t('my-mentor-school', { school: getSchool(db, a.schoolId ?? -1)?.name ?? '—', since }));
    } else if (a.kind === 'tutor_teacher' && a.helperId === person.id) {
      lines.push(ctx.t('my-tutor-teacher', { teacher: nameAt(ctx, getPerson(db, a.teacherId ?? -1)), subject: subjectLabel(ctx.t, a.subject), since }));
    } else if (a.kind === 'tutor_teacher') {
      lines.push(ctx.t('my-teacher-tutor', { tutor: nameAt(ctx, getPerson(db, a.helperId ?? -1)), subject: subjectLabel(ctx.t, a.subject), since }));
    }
  }
  if (hasRole(person, 'school_admin') && person.schoolId !== null) {
    for (const a of activeAssignmentsOfSchool(db, person.schoolId)) {
      if (a.kind === 'mentor_school') lines.push(ctx.t('my-school-mentor', { mentor: nameAt(ctx, getPerson(db, a.helperId ?? -1)), since: formatIsoDay(a.startsOn) }));
      if (a.kind === 'school_pair') {
        const other = a.schoolId === person.schoolId ? a.leaderSchoolId : a.schoolId;
        lines.push(ctx.t('my-school-pair', { school: getSchool(db, other ?? -1)?.name ?? '—', since: formatIsoDay(a.startsOn) }));
      }
    }
  }
  return lines;
}

function coordinatorReply(ctx: Ctx, municipalityId: number): Reply {
  const { db } = ctx.deps;
  const active = activeAssignmentsOfMunicipality(db, municipalityId);
  const supported = schoolsOf(db, municipalityId).filter(isSupported);
  const withoutMentor = supported.filter((s) => !active.some((a) => a.kind === 'mentor_school' && a.schoolId === s.id));
  const supportedIds = new Set(supported.map((s) => s.id));
  const withoutTutor = peopleOf(db, municipalityId, { role: 'teacher' }).filter(
    (p) => p.schoolId !== null && supportedIds.has(p.schoolId) && !active.some((a) => a.kind === 'tutor_teacher' && a.teacherId === p.id),
  );
  const lines = [
    ctx.t('my-coordinator-summary', {
      schools: supported.length,
      mentors: active.filter((a) => a.kind === 'mentor_school').length,
      tutors: active.filter((a) => a.kind === 'tutor_teacher').length,
      pairs: active.filter((a) => a.kind === 'school_pair').length,
    }),
  ];
  lines.push(withoutMentor.length ? ctx.t('my-unassigned-schools', { count: withoutMentor.length }) : ctx.t('my-all-schools-assigned'));
  lines.push(withoutTutor.length ? ctx.t('my-unassigned-teachers', { count: withoutTutor.length }) : ctx.t('my-all-teachers-assigned'));
  const more = (n: number) => (n > LIST_LIMIT ? [ctx.t('my-and-more', { count: n - LIST_LIMIT })] : []);
  lines.push(...more(withoutMentor.length), ...more(withoutTutor.length));
  const buttons: Button[][] = [
    ...withoutMentor.slice(0, LIST_LIMIT).map((s): Button[] => [
      { kind: 'action', label: ctx.t('my-button-mentor', { school: s.shortName }), data: assignMentorTo.encode(s.id) },
    ]),
    ...withoutTutor.slice(0, LIST_LIMIT).map((p): Button[] => [
      { kind: 'action', label: ctx.t('my-button-tutor', { teacher: p.fullName ?? '—' }), data: assignTutorTo.encode(p.id) },
    ]),
  ];
  return buttons.length ? { text: lines.join('\n'), buttons } : { text: lines.join('\n') };
}

export function myCommand(ctx: Ctx): Reply[] {
  const person = requirePerson(ctx);
  const own = ownLines(ctx, person);
  const replies: Reply[] = [];
  const coordinated = coordinatedMunicipalities(person);
  if (own.length > 0 || coordinated.length === 0) {
    replies.push({ text: own.length ? `${ctx.t('my-heading')}\n${own.map((l) => `• ${l}`).join('\n')}` : ctx.t('my-nothing') });
  }
  for (const municipalityId of coordinated) replies.push(coordinatorReply(ctx, municipalityId));
  return replies;
}
