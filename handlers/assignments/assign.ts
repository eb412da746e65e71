// /assign: the coordinator gives a supported school a mentor, a teacher a
// tutor in a subject, or pairs a leader school with a partner school. A mentor
// never mentors their own school; a tutor whose subjects do not match, or a
// mentor carrying too many schools, is warned about before confirming. The
// previous assignment ends and stays in the history; both sides are told.
import { audit } from '../../db/repos/audit.js';
import {
  activeAssignmentsOfMunicipality,
  createAssignment,
  endAssignment,
  type Assignment,
} from '../../db/repos/assignments.js';
import { getMunicipality, getSchool, isSupported, schoolsOf, type School } from '../../db/repos/org.js';
import { getPerson, peopleOf, type Person } from '../../db/repos/people.js';
import type { AssignmentKind } from '../../db/schema.js';
import type { Tx } from '../../db/client.js';
import { localDate } from '../core/local-time.js';
import { hasRole, requireAdminOf } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { DialogDef, StepOutcome } from '../core/dialog.js';
import { notifyPerson } from '../core/outbox.js';
import { pickOne } from '../core/pick.js';
import { subjectKey, subjectLabel } from '../core/subjects.js';

export const DEFAULT_MENTOR_MAX_SCHOOLS = 3;

export type AssignData = {
  municipalityId: number;
  kind?: AssignmentKind;
  helperId?: number;
  schoolId?: number;
  leaderSchoolId?: number;
  teacherId?: number;
  subject?: string;
  filter?: string;
};

const kinds: readonly AssignmentKind[] = ['mentor_school', 'tutor_teacher', 'school_pair'];

function missingStep(data: AssignData): string | undefined {
  switch (data.kind) {
    case undefined:
      return 'kind';
    case 'mentor_school':
      return data.helperId === undefined ? 'mentor' : data.schoolId === undefined ? 'school' : 'confirm';
    case 'tutor_teacher':
      if (data.teacherId === undefined) return 'teacher';
      if (data.helperId === undefined) return 'tutor';
      return data.subject === undefined ? 'subject' : 'confirm';
    case 'school_pair':
      return data.leaderSchoolId === undefined ? 'leader' : data.schoolId === undefined ? 'partner' : 'confirm';
  }
}

function proceed(data: AssignData): StepOutcome<AssignData> {
  return { next: missingStep(data) ?? 'confirm', data: { ...data, filter: undefined } };
}

const personLabel = (ctx: Ctx, p: Person) => {
  const school = p.schoolId !== null ? getSchool(ctx.deps.db, p.schoolId) : undefined;
  return school ? `${p.fullName ?? '—'} (${school.shortName})` : (p.fullName ?? '—');
};

/** What the coordinator should know before confirming; a refusal comes as `refuse`. */
export function checkAssignment(ctx: Ctx, data: AssignData): { refuse?: string; warnings: string[] } {
  const { db } = ctx.deps;
  const warnings: string[] = [];
  const helper = data.helperId !== undefined ? getPerson(db, data.helperId) : undefined;
  if (data.kind === 'mentor_school' && helper) {
    if (helper.schoolId !== null && helper.schoolId === data.schoolId) return { refuse: ctx.t('assign-own-school'), warnings };
    const municipality = getMunicipality(db, data.municipalityId);
    const max = municipality?.settings.mentorMaxSchools ?? DEFAULT_MENTOR_MAX_SCHOOLS;
    const load = activeAssignmentsOfMunicipality(db, data.municipalityId).filter(
      (a) => a.kind === 'mentor_school' && a.helperId === helper.id && a.schoolId !== data.schoolId,
    ).length;
    if (load + 1 > max) warnings.push(ctx.t('assign-mentor-overloaded', { count: load + 1, max }));
  }
  if (data.kind === 'tutor_teacher' && helper && data.subject && !helper.subjects.map(subjectKey).includes(subjectKey(data.subject))) {
    warnings.push(ctx.t('assign-subject-mismatch', { subject: subjectLabel(ctx.t, data.subject) }));
  }
  if (data.kind === 'school_pair' && data.leaderSchoolId === data.schoolId) return { refuse: ctx.t('assign-same-school'), warnings };
  return { warnings };
}

function describe(ctx: Ctx, data: AssignData): string {
  const { db } = ctx.deps;
  const helper = data.helperId !== undefined ? getPerson(db, data.helperId) : undefined;
  const school = data.schoolId !== undefined ? getSchool(db, data.schoolId) : undefined;
  const teacher = data.teacherId !== undefined ? getPerson(db, data.teacherId) : undefined;
  const leader = data.leaderSchoolId !== undefined ? getSchool(db, data.leaderSchoolId) : undefined;
  switch (data.kind) {
    case 'mentor_school':
      return ctx.t('assign-summary-mentor', { mentor: helper ? personLabel(ctx, helper) : '—', school: school?.shortName ?? '—' });
    case 'tutor_teacher':
      return ctx.t('assign-summary-tutor', {
        tutor: helper ? personLabel(ctx, helper) : '—',
        teacher: teacher ? personLabel(ctx, teacher) : '—',
        subject: data.subject ? subjectLabel(ctx.t, data.subject) : '—',
      });
    default:
      return ctx.t('assign-summary-pair', { leader: leader?.shortName ?? '—', partner: school?.shortName ?? '—' });
  }
}

/** A teacher's subjects as keys, each once, whatever form they were stored in. */
const subjectsOfTeacher = (teacher: Person): string[] => [...new Set(teacher.subjects.map(subjectKey))];

/** The subjects the coordinator chooses from: the teacher's own, or «другое» when none is known. */
function subjectChoices(ctx: Ctx, data: AssignData): string[] {
  const teacher = data.teacherId !== undefined ? getPerson(ctx.deps.db, data.teacherId) : undefined;
  const own = teacher ? subjectsOfTeacher(teacher) : [];
  return own.length > 0 ? own : ['other'];
}

/** The people of a municipality holding a role, as choices. */
const roleChoices = (ctx: Ctx, data: AssignData, role: 'mentor' | 'tutor' | 'teacher', onlySupported = false) =>
  peopleOf(ctx.deps.db, data.municipalityId, { role })
    .filter((p) => {
      if (!onlySupported) return true;
      const school = p.schoolId !== null ? getSchool(ctx.deps.db, p.schoolId) : undefined;
      return school !== undefined && isSupported(school);
    })
    .map((p) => ({ label: personLabel(ctx, p), value: String(p.id) }));

function pickPerson(ctx: Ctx, data: AssignData, value: string, role: 'mentor' | 'tutor' | 'teacher'): Person | undefined {
  const person = getPerson(ctx.deps.db, Number(value));
  if (!person || person.erasedAt || person.municipalityId !== data.municipalityId || !hasRole(person, role)) return undefined;
  return person;
}

function pickSchool(ctx: Ctx, data: AssignData, value: string): School | undefined {
  const school = getSchool(ctx.deps.db, Number(value));
  return school && school.municipalityId === data.municipalityId ? school : undefined;
}

export const assignDialog: DialogDef<AssignData> = {
  name: 'assign',
  version: 1,
  first: 'kind',
  steps: {
    kind: {
      prompt: (ctx) => ({ text: ctx.t('assign-ask-kind'), choices: kinds.map((k) => [{ label: ctx.t(`assign-kind-${k}`), value: k }]) }),
      accept: (ctx, data, answer) => {
        const kind = kinds.find((k) => answer.kind === 'choice' && answer.value === k);
        return kind ? proceed({ ...data, kind }) : { reask: ctx.t('dialog-choose-button') };
      },
    },
    mentor: pickOne<AssignData>({
      step: 'mentor',
      filterKey: 'filter',
      question: (ctx) => ctx.t('assign-ask-mentor'),
      items: (ctx, data) => roleChoices(ctx, data, 'mentor'),
      onPick: (ctx, data, value) => {
        const mentor = pickPerson(ctx, data, value, 'mentor');
        if (!mentor) return { reask: ctx.t('assign-ask-mentor') };
        if (data.schoolId !== undefined && mentor.schoolId === data.schoolId) return { reask: ctx.t('assign-own-school') };
        return proceed({ ...data, helperId: mentor.id });
      },
    }),
    school: pickOne<AssignData>({
      step: 'school',
      filterKey: 'filter',
      question: (ctx) => ctx.t('assign-ask-school'),
      items: (ctx, data) =>
        schoolsOf(ctx.deps.db, data.municipalityId)
          .filter(isSupported)
          .map((s) => ({ label: s.shortName, value: String(s.id) })),
      onPick: (ctx, data, value) => {
        const school = pickSchool(ctx, data, value);
        if (!school) return { reask: ctx.t('assign-ask-school') };
        const mentor = data.helperId !== undefined ? getPerson(ctx.deps.db, data.helperId) : undefined;
        if (mentor?.schoolId === school.id) return { reask: ctx.t('assign-own-school') };
        return proceed({ ...data, schoolId: school.id });
      },
    }),
    teacher: pickOne<AssignData>({
      step: 'teacher',
      filterKey: 'filter',
      question: (ctx) => ctx.t('assign-ask-teacher'),
      items: (ctx, data) => roleChoices(ctx, data, 'teacher', true),
      onPick: (ctx, data, value) => {
        const teacher = pickPerson(ctx, data, value, 'teacher');
        if (!teacher) return { reask: ctx.t('assign-ask-teacher') };
        const own = subjectsOfTeacher(teacher);
        const only = own.length === 1 ? own[0] : undefined;
        return proceed({ ...data, teacherId: teacher.id, subject: data.subject ?? only });
      },
    }),
    tutor: pickOne<AssignData>({
      step: 'tutor',
      filterKey: 'filter',
      question: (ctx) => ctx.t('assign-ask-tutor'),
      items: (ctx, data) => roleChoices(ctx, data, 'tutor'),
      onPick: (ctx, data, value) => {
        const tutor = pickPerson(ctx, data, value, 'tutor');
        return tutor ? proceed({ ...data, helperId: tutor.id }) : { reask: ctx.t('assign-ask-tutor') };
      },
    }),
    subject: {
      prompt: (ctx, data) => ({
        text: ctx.t('assign-ask-subject'),
        choices: subjectChoices(ctx, data).map((s) => [{ label: subjectLabel(ctx.t, s), value: s }]),
      }),
      accept: (ctx, data, answer) => {
        // The buttons carry subject keys; a press of any one of them moves on, even for a person stored before keys were.
        const subject = answer.kind === 'choice' ? subjectChoices(ctx, data).find((s) => s === answer.value) : undefined;
        return subject ? proceed({ ...data, subject }) : { reask: ctx.t('dialog-choose-button') };
      },
    },
    leader: pickOne<AssignData>({
      step: 'leader',
      filterKey: 'filter',
      question: (ctx) => ctx.t('assign-ask-leader'),
      items: (ctx, data) =>
        schoolsOf(ctx.deps.db, data.municipalityId)
          .filter((s) => !isSupported(s))
          .map((s) => ({ label: s.shortName, value: String(s.id) })),
      onPick: (ctx, data, value) => {
        const school = pickSchool(ctx, data, value);
        return school ? proceed({ ...data, leaderSchoolId: school.id }) : { reask: ctx.t('assign-ask-leader') };
      },
    }),
    partner: pickOne<AssignData>({
      step: 'partner',
      filterKey: 'filter',
      question: (ctx) => ctx.t('assign-ask-partner'),
      items: (ctx, data) =>
        schoolsOf(ctx.deps.db, data.municipalityId)
          .filter((s) => isSupported(s) && s.id !== data.leaderSchoolId)
          .map((s) => ({ label: s.shortName, value: String(s.id) })),
      onPick: (ctx, data, value) => {
        const school = pickSchool(ctx, data, value);
        if (!school || school.id === data.leaderSchoolId) return { reask: ctx.t('assign-same-school') };
        return proceed({ ...data, schoolId: school.id });
      },
    }),
    confirm: {
      prompt: (ctx, data) => {
        const { warnings } = checkAssignment(ctx, data);
        const text = [describe(ctx, data), ...warnings.map((w) => `⚠️ ${w}`), ctx.t('assign-confirm-question')].join('\n\n');
        return { text, choices: [[{ label: ctx.t('assign-confirm'), value: 'yes' }, { label: ctx.t('assign-cancel'), value: 'no' }]] };
      },
      accept: (ctx, data, answer) => {
        if (answer.kind !== 'choice' || answer.value !== 'yes') return { done: { text: ctx.t('cancelled') } };
        const coordinator = requireAdminOf(ctx, data.municipalityId);
        const check = checkAssignment(ctx, data);
        if (check.refuse) return { done: { text: check.refuse } };
        const created = saveAssignment(ctx, data, coordinator.id);
        return { done: { text: created ? ctx.t('assign-saved', { summary: describe(ctx, data) }) : ctx.t('assign-invalid') } };
      },
    },
  },
};

/** Ends the assignment this one replaces, writes the new one and tells both sides, in one transaction. */
function saveAssignment(ctx: Ctx, data: AssignData, createdBy: number): Assignment | undefined {
  const { db, clock } = ctx.deps;
  const municipality = getMunicipality(db, data.municipalityId);
  if (!municipality || !data.kind) return undefined;
  const now = clock.now();
  const today = localDate(now, municipality.timezone);
  const created = db.transaction((tx) => {
    const replaced = activeAssignmentsOfMunicipality(tx, municipality.id).filter((a) => {
      if (a.kind !== data.kind) return false;
      if (data.kind === 'tutor_teacher') return a.teacherId === data.teacherId && a.subject === data.subject;
      return a.schoolId === data.schoolId;
    });
    for (const old of replaced) endAssignment(tx, old.id, today);
    const row = createAssignment(tx, {
      kind: data.kind!,
      municipalityId: municipality.id,
      helperId: data.helperId ?? null,
      schoolId: data.schoolId ?? null,
      leaderSchoolId: data.leaderSchoolId ?? null,
      teacherId: data.teacherId ?? null,
      subject: data.subject ?? null,
      startsOn: today,
      createdBy,
    });
    audit(tx, { at: now, actorId: createdBy, municipalityId: municipality.id, action: 'assignment.created', details: { assignmentId: row.id, kind: row.kind, replaced: replaced.map((r) => r.id) } });
    notifySides(ctx, tx, row, now);
    return row;
  });
  ctx.deps.wakeOutbox();
  return created;
}

/** The school's management team; while none has joined, everyone of the school who has, so the school still hears of it. */
const schoolAdmins = (tx: Tx, municipalityId: number, schoolId: number | null) => {
  if (schoolId === null) return [];
  const admins = peopleOf(tx, municipalityId, { role: 'school_admin', schoolId });
  return admins.length > 0 ? admins : peopleOf(tx, municipalityId, { schoolId });
};

/** Tells each side of a new assignment who the other side is, in their own language and messenger. */
function notifySides(ctx: Ctx, tx: Tx, a: Assignment, now: Date): void {
  const { i18n } = ctx.deps;
  const helper = a.helperId !== null ? getPerson(tx, a.helperId) : undefined;
  const school = a.schoolId !== null ? getSchool(tx, a.schoolId) : undefined;
  const label = (p: Person | undefined) => {
    const s = p?.schoolId ? getSchool(tx, p.schoolId) : undefined;
    return `${p?.fullName ?? '—'}${s ? `, ${s.shortName}` : ''}`;
  };
  const send = (personId: number, key: string, args: Record<string, string>) =>
    notifyPerson(tx, i18n, personId, (t) => ({ text: t(key, args) }), { dedupeKey: `assignment:${a.id}:${personId}`, notBefore: now });
  if (a.kind === 'mentor_school' && helper && school) {
    const admins = schoolAdmins(tx, a.municipalityId, school.id);
    send(helper.id, 'assign-notice-mentor', { school: school.name, admins: admins.map((p) => p.fullName ?? '—').join(', ') || '—' });
    for (const admin of admins) send(admin.id, 'assign-notice-school', { mentor: label(helper) });
  }
  if (a.kind === 'tutor_teacher' && helper && a.teacherId !== null) {
    const teacher = getPerson(tx, a.teacherId);
    const subject = a.subject ?? 'other';
    send(helper.id, 'assign-notice-tutor', { teacher: label(teacher), subject: subjectLabel((key) => i18n.t(helper.language, key), subject) });
    if (teacher) send(teacher.id, 'assign-notice-teacher', { tutor: label(helper), subject: subjectLabel((key) => i18n.t(teacher.language, key), subject) });
  }
  if (a.kind === 'school_pair' && school && a.leaderSchoolId !== null) {
    const leader = getSchool(tx, a.leaderSchoolId);
    for (const admin of schoolAdmins(tx, a.municipalityId, school.id)) send(admin.id, 'assign-notice-pair', { other: leader?.name ?? '—' });
    for (const admin of schoolAdmins(tx, a.municipalityId, a.leaderSchoolId)) send(admin.id, 'assign-notice-pair', { other: school.name });
  }
}
