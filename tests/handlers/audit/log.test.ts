// The audit log in chat reads as words: each known act as a Russian phrase
// with its numbers in the right form, an unknown one as a plain list, and
// never the raw `broadcastId=1, urgent=false` of the stored details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, auditActions, type AuditAction, type AuditEntry } from '../../../db/repos/audit.js';
import { describeAudit } from '../../../handlers/audit/describe.js';
import { createSurvey } from '../../../db/repos/surveys.js';
import { command, from, makeCore, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';
import { sampleSurvey } from '../surveys/sample-survey.js';
import { createI18n } from '../../../locales/i18n.js';

let t: TestCore;
const COORD = '701';
let log = '';
const tr = createI18n();
const db = () => t.db;

beforeAll(async () => {
  t = makeCore();
  const seeded = seedMunicipality(t.db, {
    platform: 'telegram',
    schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
    people: [
      { name: 'Соколова Ирина Павловна', role: 'coordinator', user: Number(COORD) },
      { name: 'Миронова Светлана Юрьевна', role: 'teacher', school: 'Школа 1' },
    ],
  });
  const m = seeded.municipalityId;
  const coordinator = seeded.personIds.get('Соколова Ирина Павловна')!;
  const teacher = seeded.personIds.get('Миронова Светлана Юрьевна')!;
  const definition = sampleSurvey();
  const survey = createSurvey(t.db, { municipalityId: m, key: definition.key, title: definition.title, definition: definition as never });
  // The details each call site writes, one entry a minute so the log keeps this order (newest first).
  const entries: [string, Record<string, unknown>][] = [
    ['invite.created', { role: 'teacher', schoolId: seeded.schoolIds.get('Школа 1'), maxUses: 1, inviteId: 1 }],
    ['invite.created', { role: 'coordinator', schoolId: null, maxUses: 3, inviteId: 2, via: 'cli' }],
    ['role.granted', { personId: teacher, role: 'teacher', inviteId: 1 }],
    ['schools.imported', { created: 3, updated: 1, unchanged: 0, file: 'schools.xlsx' }],
    ['people.imported', { created: 21, updated: 2, unchanged: 5, via: 'cli' }],
    ['assignment.created', { assignmentId: 1, kind: 'mentor_school', replaced: [] }],
    ['broadcast.sent', { broadcastId: 1, recipients: 8, urgent: false }],
    ['broadcast.sent', { broadcastId: 2, recipients: 1, urgent: true }],
    ['survey.launched', { roundId: 1, surveyId: survey.id, recipients: 5 }],
    ['export.personal-data', { what: 'consultations', from: '2026-11-01', to: '2026-11-30', rows: 2 }],
    ['roadmap.imported', { roadmapId: 1, created: 12, updated: 0, removed: 0 }],
    ['person.forgotten', { personId: 99 }],
    ['broadcast.sent', {}],
    ['magic.done', { spell: 'lumos', times: 2 }],
  ];
  entries.forEach(([action, details], i) =>
    audit(t.db, { at: new Date(Date.UTC(2026, 10, 20, 9, i)), actorId: coordinator, municipalityId: m, action: action as AuditAction, details }),
  );
  const result = await t.core.handle(from(COORD, command('audit')));
  log = result.replies.map((r) => r.text).join('\n');
});
afterAll(() => t.close());

describe('the audit log in chat', () => {
  it('says each act in words, with plural forms', () => {
    expect(log).toMatch(/^Журнал действий \(последние 14 записей\):\n/);
    expect(log).toContain('Соколова Ирина Павловна: приглашение: педагог, Школа 1, 1 использование');
    expect(log).toContain('приглашение: координатор, весь муниципалитет, 3 использования (через командную строку)');
    expect(log).toContain('выдана роль «педагог»: Миронова Светлана Юрьевна');
    expect(log).toContain('импорт школ: 3 новые школы, обновлено: 1, без изменений: 0 (файл «schools.xlsx»)');
    expect(log).toContain('импорт людей: 21 новый человек, обновлено: 2, без изменений: 5 (через командную строку)');
    expect(log).toContain('назначение: наставник школы');
    expect(log).toContain('рассылка 8 получателям, не срочная');
    expect(log).toContain('рассылка 1 получателю, срочная');
    expect(log).toContain(`запущен опрос «${sampleSurvey().title}»: приглашение 5 адресатам`);
    expect(log).toContain('выгрузка персональных данных: консультации, 2 строки');
    expect(log).toContain('импорт дорожной карты: 12 новых пунктов, обновлено: 0, убрано: 0');
    expect(log).toContain('участник отозвал согласие, данные удалены');
  });

  it('falls back to the act’s name when its details are not there, and lists an unknown act plainly', () => {
    expect(log).toMatch(/: рассылка$/m);
    expect(log).toContain('действие «magic.done» (spell: lumos; times: 2)');
  });

  it('words the acts of the whole service too, which no municipality\'s log shows', () => {
    const t = (key: string, args?: Record<string, string | number | Date>) => tr.t('ru', key, args);
    const entry = (action: AuditAction, details: Record<string, unknown>): AuditEntry => ({ id: 0, at: new Date(), actorId: null, municipalityId: null, action, details });
    expect(describeAudit(t, db(), entry('backup.restored', { file: 'opora-2026-11-20.db', erasuresReplayed: 2, erasureLog: 'read' }))).toBe('база восстановлена из копии «opora-2026-11-20.db», повторено удалений: 2');
    expect(describeAudit(t, db(), entry('retention.applied', { rounds: 1, people: 3, via: 'cli' }))).toBe('по сроку хранения обезличены ответы 1 опроса и удалены данные 3 участников (через командную строку)');
    // Every action the code writes has its own words, not the generic fallback.
    for (const action of auditActions) expect(describeAudit(t, db(), entry(action, {}))).not.toContain('действие «');
  });

  it('prints no raw key=value details', () => {
    expect(log).not.toMatch(/\w+=/);
    expect(log).not.toMatch(/broadcastId|inviteId|personId|schoolId|maxUses|urgent/);
  });
});
