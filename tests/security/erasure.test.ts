// Threat (152-FZ): after /forget, something still identifies the person: the
// messages sent to her, other people's notices and dialogs that quote her
// name, the audit log, processed update ids, files she sent, free text she
// wrote, old rows never pruned, or the bytes of erased rows left in the
// SQLite file's free pages and WAL.
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit } from '../../db/repos/audit.js';
import { saveFile } from '../../db/repos/broadcasts.js';
import { addConsultation } from '../../db/repos/consultations.js';
import { enqueueOutbox, markOutboxSent } from '../../db/repos/outbox.js';
import { addTopicRequest, createSeminar, saveFeedback } from '../../db/repos/seminars.js';
import { addRecipients, createRound, createSurvey, saveResponse } from '../../db/repos/surveys.js';
import { createRoadmap, insertItem, insertMilestones } from '../../db/repos/roadmaps.js';
import { saveDialog } from '../../db/repos/dialogs.js';
import { consultations, milestones, outbox, responses } from '../../db/schema.js';
import { nameForms } from '../../db/repos/erasures.js';
import { housekeeping } from '../../scheduler/jobs/housekeeping.js';
import { buttonData, command, from, makeCore, press, type TestCore } from '../helpers/core.js';
import { seedMunicipality } from '../helpers/seed.js';

const NAME = 'Петрова Мария Ивановна';
const TUTOR = '302';
const COORDINATOR = '301';

/** Every text value in every table, with where it was. */
function everyText(t: TestCore): { where: string; value: string }[] {
  const sqlite = t.db.$client;
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  return tables.flatMap((table) =>
    (sqlite.prepare(`select * from "${table}"`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.entries(row).flatMap(([column, value]) => (typeof value === 'string' ? [{ where: `${table}.${column}`, value }] : [])),
    ),
  );
}

function seedHerTraces(t: TestCore) {
  const s = seedMunicipality(t.db, {
    platform: 'max',
    name: 'Район',
    schools: [{ short: 'А1', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Анна Ивановна', role: 'coordinator', user: Number(COORDINATOR) },
      { name: NAME, role: 'tutor', school: 'А1', subjects: ['math'], user: Number(TUTOR) },
      { name: 'Учителева Ульяна Ивановна', role: 'teacher', school: 'А1', user: 303 },
    ],
  });
  const her = s.personIds.get(NAME) ?? 0;
  const coordinatorAccount = (t.db.$client.prepare('select id from accounts where external_id = ?').get(COORDINATOR) as { id: number }).id;
  const herAccount = (t.db.$client.prepare('select id from accounts where external_id = ?').get(TUTOR) as { id: number }).id;
  const now = t.clock.now();
  enqueueOutbox(t.db, [
    { accountId: herAccount, platform: 'max', chatId: TUTOR, payload: { text: `${NAME}, добрый день!` }, dedupeKey: 'to-her', notBefore: now },
    { accountId: coordinatorAccount, platform: 'max', chatId: COORDINATOR, payload: { text: `Новый участник по вашему приглашению: ${NAME} — тьютор, А1.` }, dedupeKey: 'joined', notBefore: now },
    { accountId: coordinatorAccount, platform: 'max', chatId: COORDINATOR, payload: { text: 'Не ответили: Петрова М. И., Учителева У. И.' }, dedupeKey: 'missing', notBefore: now },
  ]);
  for (const row of t.db.select().from(outbox).all()) if (row.dedupeKey !== 'missing') markOutboxSent(t.db, row.id, now);
  audit(t.db, { at: now, actorId: null, municipalityId: s.municipalityId, action: 'retention.applied', details: { names: [NAME] } });
  saveDialog(t.db, { accountId: coordinatorAccount, name: 'assign', version: 1, step: 'pick', seq: 1, data: { filter: 'Петрова Мария' }, choices: [NAME], expiresAt: new Date(now.getTime() + 3600_000), updatedAt: now });
  addConsultation(t.db, { municipalityId: s.municipalityId, authorId: her, counterpartId: s.personIds.get('Учителева Ульяна Ивановна') ?? null, schoolId: s.schoolIds.get('А1') ?? null, date: '2026-11-20', minutes: 45, format: 'online', topic: 'Разбор ВПР, звонила мне на 8-900-000-00-00' }, now);
  const survey = createSurvey(t.db, {
    municipalityId: s.municipalityId,
    key: 'difficulties',
    title: 'Затруднения',
    definition: { key: 'difficulties', title: 'Затруднения', anonymous: false, level: 'person', questions: [{ id: 'hard', type: 'yesno', text: 'Трудно?' }, { id: 'why', type: 'text', text: 'Почему?' }] },
  });
  const round = createRound(t.db, { surveyId: survey.id, municipalityId: s.municipalityId, audience: {}, opensAt: now, closesAt: new Date(now.getTime() + 86_400_000) });
  addRecipients(t.db, [{ roundId: round.id, personId: her, schoolId: s.schoolIds.get('А1') ?? null }]);
  saveResponse(t.db, { roundId: round.id, unitKey: `person:${her}`, personId: her, schoolId: null, answers: { hard: true, why: 'Муж болеет, не успеваю' }, submittedAt: now });
  const seminar = createSeminar(t.db, { municipalityId: s.municipalityId, title: 'Семинар', startsAt: now, format: 'online', place: 'https://example.org', audience: {}, attendanceCode: 'ABCDEF' });
  saveFeedback(t.db, { seminarId: seminar.id, personId: her, rating: 4, comment: 'Я, Мария, всё поняла', at: now });
  addTopicRequest(t.db, { municipalityId: s.municipalityId, personId: her, schoolId: null, topic: 'Прошу тему от Марии из А1' });
  const evidence = saveFile(t.db, { name: 'Петрова_отчёт.pdf', mime: 'application/pdf', data: Buffer.from('%PDF Петрова'), uploadedBy: her });
  const roadmap = createRoadmap(t.db, { municipalityId: s.municipalityId, title: 'План', period: { year: 2026 }, sourceName: 'plan.docx', importedAt: now });
  const item = insertItem(t.db, { roadmapId: roadmap.id, number: '1', title: 'Пункт', deadlineText: 'до 01.12.2026', responsibleText: 'Петрова М.И.', expectedResult: '', schedule: { kind: 'once', milestones: [{ due: '2026-12-01' }] }, position: 0 });
  insertMilestones(t.db, [{ itemId: item.id, due: '2026-12-01' }]);
  t.db.update(milestones).set({ state: 'done', comment: 'сделала сама', evidenceFileId: evidence.id, doneBy: her }).run();
  return { s, her, round };
}

async function forget(t: TestCore, user: string) {
  const asked = await t.core.handle(from(user, command('forget'), 'max'));
  return t.core.handle(from(user, press(buttonData(asked.replies, /удалить мои данные/)), 'max'));
}

describe('/forget reaches every place a person is kept', () => {
  it('leaves no form of her name in any text of any table, and her free text is gone', async () => {
    const t = makeCore();
    const { round } = seedHerTraces(t);
    const before = everyText(t).filter((v) => nameForms(NAME).some((f) => v.value.includes(f)));
    expect(before.length).toBeGreaterThan(6);

    const done = await forget(t, TUTOR);
    expect(done.replies.map((r) => r.text).join('\n')).toMatch(/Ваши данные удалены/);

    const forms = nameForms(NAME);
    expect(everyText(t).filter((v) => forms.some((f) => v.value.includes(f)))).toEqual([]);
    const texts = everyText(t).map((v) => v.value).join('\n');
    for (const written of ['8-900-000-00-00', 'Муж болеет', 'всё поняла', 'Прошу тему', 'сделала сама', '%PDF']) expect(texts).not.toContain(written);
    // Her chat id is gone from the outbox and the accounts.
    expect(everyText(t).filter((v) => /outbox\.chat_id|accounts\.(chat_id|external_id)/.test(v.where) && v.value === TUTOR)).toEqual([]);
    // The counts still add up: the consultation and the answer are there, without her.
    expect(t.db.select().from(consultations).all()).toHaveLength(1);
    expect(t.db.select().from(responses).all().map((r) => [r.roundId, r.personId, r.answers])).toEqual([[round.id, null, { hard: true }]]);
    t.close();
  });

  it('keeps the ids of processed updates only as hashes, so a platform id naming a user is not stored', async () => {
    const t = makeCore();
    seedHerTraces(t);
    await t.core.handle({ ...from(TUTOR, command('help'), 'max'), updateId: `started:${TUTOR}:1764000000000` });
    const ids = (t.db.$client.prepare('select update_key as id from inbox').all() as { id: string }[]).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => id.includes(TUTOR))).toEqual([]);
    t.close();
  });

  it('leaves none of her bytes in the database file or its WAL', async () => {
    const t = makeCore();
    seedHerTraces(t);
    const needle = Buffer.from('Петрова', 'utf8');
    const bytesOf = () => [t.path, `${t.path}-wal`].filter(existsSync).map((p) => readFileSync(p));
    await forget(t, TUTOR);
    for (const bytes of bytesOf()) expect(bytes.includes(needle)).toBe(false);
    t.close();
  });
});

describe('sent messages are not kept for ever', () => {
  it('housekeeping deletes finished outbox rows past OUTBOX_KEEP_DAYS and keeps recent ones', async () => {
    const t = makeCore();
    seedHerTraces(t);
    t.deps.settings.outboxKeepDays = 30;
    const finished = () => t.db.select().from(outbox).all().filter((r) => r.state === 'sent').length;
    expect(finished()).toBe(2);
    await housekeeping.run(t.deps, new Date(t.clock.now().getTime() + 29 * 86_400_000));
    expect(finished()).toBe(2);
    await housekeeping.run(t.deps, new Date(t.clock.now().getTime() + 31 * 86_400_000));
    expect(finished()).toBe(0);
    // A row still waiting to go is never pruned.
    expect(t.db.select().from(outbox).all().map((r) => r.state)).toEqual(['pending']);
    t.close();
  });
});
