// The authorisation matrix: every command and every button action, tried by
// every role inside and outside its municipality, compared with the table of
// who may do what. A refusal is a polite message; nothing else counts.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAssignment } from '../../db/repos/assignments.js';
import { addConsultation, addPlanned } from '../../db/repos/consultations.js';
import { createBroadcast } from '../../db/repos/broadcasts.js';
import { addHistory, insertMilestones, insertItem, createRoadmap } from '../../db/repos/roadmaps.js';
import { createSeminar } from '../../db/repos/seminars.js';
import { addRecipients, createRound, createSurvey, recipientsOf } from '../../db/repos/surveys.js';
import type { RoleName } from '../../db/schema.js';
import { ALL_ROLES, applyImport, planImport } from '../../handlers/people/import/plan.js';
import { readTable } from '../../handlers/people/import/table.js';
import { INVITABLE } from '../../handlers/people/invite.js';
import { templateByKey } from '../../handlers/surveys/templates.js';
import { command, from, makeCore, press, type TestCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const actors = ['coordinator', 'other-coordinator', 'curator', 'mentor', 'tutor', 'school-admin', 'teacher', 'stranger'] as const;
type Actor = (typeof actors)[number];
const userOf: Record<Actor, string> = {
  coordinator: '101',
  'other-coordinator': '102',
  curator: '103',
  mentor: '104',
  tutor: '105',
  'school-admin': '106',
  teacher: '107',
  stranger: '999',
};

const REFUSED = /недоступно|Сначала нужно присоединиться|нет назначений — записывать|не действует|Оценку могут поставить|устарела/;

let t: TestCore;
const ids = { schoolA1: 0, teacher: 0, assignment: 0, seminar: 0, broadcast: 0, round: 0, milestone: 0, postponeRequest: 0, consultation: 0, municipality: 0 };
// The tutor–teacher pair and a session the tutor planned for it, already begun.
const consultationPair = { assignment: 0, planned: 0 };

beforeAll(() => {
  t = makeCore({ timezone: 'Europe/Moscow' });
  const a = seedMunicipality(t.db, {
    platform: 'telegram',
    name: 'Район А',
    schools: [
      { short: 'A1', statuses: ['low_results'] },
      { short: 'A2', statuses: ['leader'] },
    ],
    people: [
      { name: 'Координатова Анна Ивановна', role: 'coordinator', user: 101 },
      { name: 'Куратова Кира Ивановна', role: 'curator', user: 103 },
      { name: 'Наставникова Нина Ивановна', role: 'mentor', school: 'A2', user: 104 },
      { name: 'Тьюторов Тимур Ильич', role: 'tutor', school: 'A2', subjects: ['math'], user: 105 },
      { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'A1', user: 106 },
      { name: 'Учителева Ульяна Ивановна', role: 'teacher', school: 'A1', subjects: ['math'], user: 107 },
    ],
  });
  const b = seedMunicipality(t.db, { platform: 'telegram', name: 'Район Б', schools: [], people: [{ name: 'Чужова Чара Ивановна', role: 'coordinator', user: 102 }] });
  void b;
  const p = (name: string) => a.personIds.get(name)!;
  ids.municipality = a.municipalityId;
  ids.schoolA1 = a.schoolIds.get('A1')!;
  ids.teacher = p('Учителева Ульяна Ивановна');
  ids.assignment = createAssignment(t.db, { kind: 'mentor_school', municipalityId: a.municipalityId, helperId: p('Наставникова Нина Ивановна'), schoolId: ids.schoolA1, startsOn: '2026-09-01' }).id;
  consultationPair.assignment = createAssignment(t.db, { kind: 'tutor_teacher', municipalityId: a.municipalityId, helperId: p('Тьюторов Тимур Ильич'), teacherId: ids.teacher, subject: 'math', startsOn: '2026-09-01' }).id;
  ids.seminar = createSeminar(t.db, {
    municipalityId: a.municipalityId,
    title: 'Семинар',
    startsAt: new Date('2026-12-01T10:00:00Z'),
    format: 'online',
    place: 'https://example.org',
    audience: { roles: ['teacher'] },
    attendanceCode: 'ABCDEF',
  }).id;
  ids.broadcast = createBroadcast(t.db, { municipalityId: a.municipalityId, text: 'x', audience: {} }).id;
  const survey = createSurvey(t.db, { municipalityId: a.municipalityId, key: 'term-report', title: 'Итоги', definition: { ...templateByKey('term-report')! } });
  ids.round = createRound(t.db, { surveyId: survey.id, municipalityId: a.municipalityId, audience: {}, opensAt: new Date('2026-11-01T00:00:00Z'), closesAt: new Date('2026-12-31T00:00:00Z') }).id;
  addRecipients(t.db, [{ roundId: ids.round, personId: p('Директорова Дина Ивановна'), schoolId: ids.schoolA1 }]);
  const roadmap = createRoadmap(t.db, { municipalityId: a.municipalityId, title: 'План', period: { year: 2026 }, sourceName: 'plan.docx', importedAt: new Date() });
  const item = insertItem(t.db, { roadmapId: roadmap.id, number: '1', title: 'Пункт', deadlineText: 'до 01.12.2026', responsibleText: 'Руководители ШНОР', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: '2026-12-01' }] }, position: 0 });
  insertMilestones(t.db, [{ itemId: item.id, due: '2026-12-01' }]);
  ids.milestone = 1;
  // A school admin's request to move the deadline, waiting for a coordinator's «Принять» / «Оставить прежний срок».
  ids.postponeRequest = addHistory(t.db, { itemId: item.id, action: 'postpone-requested', details: { milestoneId: 1, from: '2026-12-01', to: '2026-12-20' }, by: p('Директорова Дина Ивановна'), at: new Date() }).id;
  ids.consultation = addConsultation(t.db, { municipalityId: a.municipalityId, authorId: p('Тьюторов Тимур Ильич'), counterpartId: ids.teacher, schoolId: ids.schoolA1, date: '2026-11-20', minutes: 45, format: 'online', topic: 'ВПР' }, new Date('2026-11-20T10:00:00Z')).id;
  consultationPair.planned = addPlanned(t.db, { municipalityId: a.municipalityId, authorId: p('Тьюторов Тимур Ильич'), counterpartId: ids.teacher, schoolId: ids.schoolA1, startsAt: new Date('2026-11-22T10:00:00Z'), topic: 'ВПР' }).id;
});

async function allowedFor(run: (actor: Actor) => ReturnType<TestCore['core']['handle']>): Promise<Actor[]> {
  const allowed: Actor[] = [];
  for (const actor of actors) {
    const result = await run(actor);
    const said = [result.notice ?? '', ...result.replies.map((r) => r.text)].join('\n');
    if (!REFUSED.test(said)) allowed.push(actor);
  }
  return allowed;
}

const coordinators: Actor[] = ['coordinator', 'other-coordinator'];
const registered: Actor[] = actors.filter((a) => a !== 'stranger');

describe('authorisation matrix', () => {
  it('commands', async () => {
    const expected: Record<string, Actor[]> = {
      invite: coordinators,
      import: coordinators,
      assign: coordinators,
      seminar: coordinators,
      // Teachers, school administrations, mentors and tutors see the seminars they are invited to.
      seminars: [...coordinators, 'mentor', 'tutor', 'school-admin', 'teacher'],
      topics: coordinators,
      broadcast: coordinators,
      survey: coordinators,
      newsurvey: coordinators,
      consultations: [...coordinators, 'curator'],
      audit: coordinators,
      digest: coordinators,
      log: ['mentor', 'tutor'],
      mylog: registered,
      my: registered,
      surveys: registered,
      roadmap: registered,
      topic: registered,
      link: [...actors],
      help: [...actors],
      language: [...actors],
      cancel: [...actors],
      start: [...actors],
    };
    const actual: Record<string, Actor[]> = {};
    for (const name of Object.keys(expected)) actual[name] = await allowedFor((actor) => t.core.handle(from(userOf[actor], command(name))));
    expect(actual).toEqual(expected);
  });

  it('buttons, inside and outside the municipality', async () => {
    const expected: Record<string, Actor[]> = {
      [`asg-s:${ids.schoolA1}`]: ['coordinator'],
      [`asg-t:${ids.teacher}`]: ['coordinator'],
      [`sem:${ids.seminar}`]: ['coordinator'],
      [`att:${ids.seminar}:0`]: ['coordinator'],
      [`atm:${ids.seminar}:${ids.teacher}:0`]: [],
      [`rsvp:${ids.seminar}:yes`]: ['teacher'],
      [`sfb:${ids.seminar}:5`]: [],
      [`bcr:${ids.broadcast}`]: ['coordinator'],
      [`bcu:${ids.broadcast}`]: ['coordinator'],
      [`bcs:${ids.broadcast}`]: ['coordinator'],
      [`bcc:${ids.broadcast}`]: ['coordinator'],
      [`bce:${ids.broadcast}`]: ['coordinator'],
      [`bcep:${ids.broadcast}:1`]: ['coordinator'],
      [`bcef:${ids.broadcast}:1`]: ['coordinator'],
      // The matrix's broadcast asked for no confirmation, so «Ознакомлен(а)» is stale for all; who may press it is tested with the feature.
      [`bcack:${ids.broadcast}:0`]: [],
      [`bcwho:${ids.broadcast}`]: ['coordinator'],
      [`bcrem:${ids.broadcast}:1`]: ['coordinator'],
      [`bcxl:${ids.broadcast}`]: ['coordinator'],
      [`semu:${ids.seminar}`]: ['coordinator'],
      [`svs:${ids.round}`]: ['school-admin'],
      [`svr:${ids.round}`]: ['coordinator', 'curator'],
      [`svq:${ids.round}`]: ['coordinator', 'curator'],
      [`svm:${ids.round}`]: ['coordinator', 'curator'],
      [`svx:${ids.round}`]: ['coordinator', 'curator'],
      [`svn:${ids.round}`]: ['coordinator'],
      // Change over time: readers of the municipality see every school, a school head only their own school.
      [`svd:${ids.round}:0`]: ['coordinator', 'curator', 'school-admin'],
      [`svdg:${ids.round}:0`]: ['coordinator', 'curator', 'school-admin'],
      [`svdn:${ids.round}:0`]: ['coordinator', 'curator', 'school-admin'],
      [`svh:${ids.round}`]: ['school-admin'],
      [`svmp:${ids.round}:1`]: ['coordinator', 'curator'],
      [`svk:${ids.round}:${ids.schoolA1}:0`]: ['coordinator', 'curator', 'school-admin'],
      [`svkp:${ids.round}:${ids.schoolA1}:1`]: ['coordinator', 'curator', 'school-admin'],
      [`svks:${ids.round}:${ids.schoolA1}`]: ['coordinator', 'school-admin'],
      [`svp:${ids.round}:${recipientsOf(t.db, ids.round)[0]!.personId}`]: ['coordinator', 'school-admin'],
      [`svcl:${ids.round}`]: ['coordinator'],
      [`svext:${ids.round}`]: ['coordinator'],
      [`rmd:${ids.milestone}`]: ['coordinator', 'school-admin'],
      [`rmp:${ids.milestone}`]: ['coordinator', 'school-admin'],
      [`rmc:${ids.milestone}`]: ['coordinator', 'school-admin'],
      [`rmu:${ids.milestone}`]: ['coordinator', 'school-admin'],
      // The coordinator's first press decides; the second button then says it is decided, which is not a refusal.
      [`rma:${ids.postponeRequest}`]: ['coordinator'],
      [`rmr:${ids.postponeRequest}`]: ['coordinator'],
      rmm: registered,
      [`rms:${ids.municipality}`]: ['coordinator'],
      [`rmx:${ids.municipality}`]: ['coordinator', 'curator'],
      [`aux:${ids.municipality}`]: ['coordinator'],
      [`cne:${ids.consultation}`]: ['tutor'],
      [`cned:${ids.consultation}`]: ['tutor'],
      [`cnf:${ids.consultation}`]: ['teacher'],
      [`cnn:${ids.assignment}`]: ['coordinator'],
      [`cnr:month:${ids.municipality}`]: ['coordinator', 'curator'],
      [`cnx:month:${ids.municipality}`]: ['coordinator', 'curator'],
      // Plans per pair: the pair's tutor, or a coordinator of its municipality.
      cnpm: ['mentor', 'tutor'],
      [`cnpc:${ids.municipality}`]: ['coordinator'],
      [`cnpa:${consultationPair.assignment}`]: ['coordinator', 'tutor'],
      [`cnps:${consultationPair.assignment}`]: ['coordinator', 'tutor'],
      // Sessions planned ahead are their author's alone.
      cnq: ['mentor', 'tutor'],
      [`cnqo:${consultationPair.planned}`]: ['tutor'],
      [`cnqm:${consultationPair.planned}`]: ['tutor'],
      // Only the teacher a consultation was given to rates it.
      [`cnrt:${ids.consultation}:5`]: ['teacher'],
      [`cnrs:${ids.consultation}`]: ['teacher'],
      // The tutor's «Состоялась» logs it; «Не состоялась» then says it is logged, which is not a refusal.
      [`cnqd:${consultationPair.planned}`]: ['tutor'],
      [`cnqn:${consultationPair.planned}`]: ['tutor'],
      [`seme:${ids.seminar}`]: ['coordinator'],
      [`semxl:${ids.seminar}`]: ['coordinator'],
      [`semcsv:${ids.seminar}`]: ['coordinator'],
      [`semm:${ids.seminar}`]: ['coordinator'],
      [`semx:${ids.seminar}`]: ['coordinator'],
      [`semxo:${ids.seminar}`]: ['coordinator'],
      [`semxr:${ids.seminar}`]: ['coordinator'],
      [`semxs:${ids.seminar}`]: ['coordinator'],
      // Seminar reminders are a person's own switch.
      [`semoff:${ids.teacher}`]: ['teacher'],
      [`semon:${ids.teacher}`]: ['teacher'],
      // Last, as the coordinator's press really cancels the seminar.
      [`semxc:${ids.seminar}:answered`]: ['coordinator'],
      [`semxrc:${ids.seminar}:answered`]: ['coordinator'],
      // After every other survey button, as the coordinator's press really closes the round.
      [`svcly:${ids.round}`]: ['coordinator'],
    };
    const actual: Record<string, Actor[]> = {};
    for (const data of Object.keys(expected)) {
      actual[data] = await allowedFor(async (actor) => {
        const result = await t.core.handle(from(userOf[actor], press(data)));
        await t.core.handle(from(userOf[actor], command('cancel')));
        return result;
      });
    }
    expect(actual).toEqual(expected);
  });

  it('import rows: a people file grants only what its importer may invite, and only by invite', async () => {
    const roles = { учитель: 'teacher', 'заместитель директора': 'school_admin', тьютор: 'tutor', наставник: 'mentor', координатор: 'coordinator', куратор: 'curator' } as const;
    const csv = ['ФИО;Роль;Школа', ...Object.keys(roles).map((word, i) => `Импортова ${['Анна', 'Вера', 'Галина', 'Дарья', 'Елена', 'Жанна'][i]} Ивановна;${word};A1`)].join('\n');
    const rows = await readTable('люди.csv', Buffer.from(csv, 'utf8'));
    const outcome = (grantable: readonly RoleName[]) => {
      const plan = planImport(t.db, ids.municipality, rows, grantable);
      if (plan?.kind !== 'people') throw new Error('not a people plan');
      const planned = new Set(plan.rows.map((r) => r.role));
      return Object.fromEntries(Object.values(roles).map((role) => [role, planned.has(role) ? 'invite' : 'refused']));
    };
    expect({ coordinator: outcome(INVITABLE), 'command line': outcome(ALL_ROLES) }).toEqual({
      coordinator: { teacher: 'invite', school_admin: 'invite', tutor: 'invite', mentor: 'invite', coordinator: 'invite', curator: 'refused' },
      'command line': { teacher: 'invite', school_admin: 'invite', tutor: 'invite', mentor: 'invite', coordinator: 'invite', curator: 'invite' },
    });
    // Applying the plan writes invites, never roles.
    const before = (t.db.$client.prepare('select count(*) as n from person_roles').get() as { n: number }).n;
    const plan = planImport(t.db, ids.municipality, rows, INVITABLE);
    if (!plan) throw new Error('no plan');
    t.db.transaction((tx) => applyImport(tx, ids.municipality, plan, { today: '2026-11-23', now: t.clock.now(), createdBy: null, inviteDays: 30 }));
    expect((t.db.$client.prepare('select count(*) as n from person_roles').get() as { n: number }).n).toBe(before);
  });
});
