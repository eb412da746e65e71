// The service at the size of a large municipality: 200 schools, 50,000 people
// with Telegram accounts, a survey round sent to every teacher with 100,000
// answers. Measures the resident memory with that data loaded, the
// coordinator's results summary and XLSX export of the round (the very
// functions the buttons call), and importing a 1,000-row road map the way the
// import dialog does. Everything runs on a real SQLite file in one process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { audit } from '../db/repos/audit.js';
import { closeDb, openDb, type Db } from '../db/client.js';
import { findAccount } from '../db/repos/accounts.js';
import { getPerson } from '../db/repos/people.js';
import { createRound, createSurvey, type Round } from '../db/repos/surveys.js';
import {
  accounts,
  municipalities,
  people,
  personRoles,
  regions,
  responses,
  roundRecipients,
  schools,
  schoolStatuses,
  type RoleName,
} from '../db/schema.js';
import { FakeClock } from '../handlers/core/clock.js';
import type { CoreDeps, Ctx } from '../handlers/core/context.js';
import { silentLog } from '../handlers/core/log.js';
import { planRoadmap, saveRoadmap, understood } from '../handlers/roadmap/store.js';
import { visibleQuestions } from '../handlers/surveys/answer.js';
import type { AnswerValue, SurveyDefinition } from '../handlers/surveys/definition.js';
import { summaryAction, summaryReply, xlsxAction, xlsxReply } from '../handlers/surveys/results.js';
import { templateByKey } from '../handlers/surveys/templates.js';
import { coreDeps } from '../bot/core-deps.js';
import { localDate } from '../handlers/core/local-time.js';
import { drivers } from '../tests/e2e/drivers.js';
import { startOpora } from '../tests/e2e/process.js';
import { waitFor } from '../tests/helpers/wait.js';
import { mib, round, type Figure } from './report.js';
import { roadmapWorkbook } from './roadmap-workbook.js';

const GROUP = 'scale';
const SCHOOLS = 200;
const PEOPLE = 50_000;
const MENTORS = 100;
const TUTORS = 699;
/** Of every 49 teachers, this many answered: 40,000 of 49,000. */
const ANSWERING_PER_49 = 40;
const EXPECTED_ANSWERS = 100_000;
const ROADMAP_ITEMS = 1_000;
const CHUNK = 500;
const TIMEZONE = 'Europe/Moscow';
const NOW = '2026-11-23T06:00:00Z';
const DAY = 24 * 60 * 60 * 1000;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function memoryLine(): string {
  const m = process.memoryUsage();
  return `rss ${mib(m.rss)} MB (V8 heap used ${mib(m.heapUsed)} of ${mib(m.heapTotal)} MB, external ${mib(m.external)} MB)`;
}

const SETTLE_SECONDS = 8;

/**
 * The resident set of an idle service: V8 hands freed pages back to the
 * system over a few seconds after a collection (an export briefly takes
 * hundreds of MB), so this collects once a second for a while and keeps the
 * lowest reading.
 */
async function settledRss(): Promise<number> {
  let lowest = process.memoryUsage().rss;
  for (let i = 0; i < SETTLE_SECONDS; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    globalThis.gc?.();
    lowest = Math.min(lowest, process.memoryUsage().rss);
  }
  return lowest;
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

function inChunks<T>(rows: T[], insert: (chunk: T[]) => void): void {
  for (let i = 0; i < rows.length; i += CHUNK) insert(rows.slice(i, i + CHUNK));
}

// Names as a district's staff list has them, combined deterministically.
const SURNAMES = ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Петрова', 'Соколова', 'Михайлова', 'Новикова', 'Федорова', 'Морозова', 'Волкова', 'Алексеева', 'Лебедева', 'Семенова', 'Егорова', 'Павлова', 'Козлова', 'Степанова', 'Николаева', 'Орлова', 'Андреева', 'Макарова', 'Никитина', 'Захарова'];
const GIVEN = ['Анна', 'Мария', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Екатерина', 'Юлия', 'Галина', 'Людмила', 'Марина', 'Надежда', 'Валентина'];
const PATRONYMICS = ['Александровна', 'Сергеевна', 'Владимировна', 'Викторовна', 'Николаевна', 'Ивановна', 'Петровна', 'Юрьевна', 'Михайловна', 'Андреевна', 'Игоревна'];
const SUBJECTS = ['математика', 'русский язык', 'литература', 'физика', 'химия', 'биология', 'история', 'география', 'английский язык', 'информатика', 'начальные классы', 'физическая культура'];
const COURSES = ['Функциональная грамотность: методика', 'Формирующее оценивание на уроке', 'Подготовка к ОГЭ по предмету', 'Работа с детьми с ОВЗ', 'Цифровая образовательная среда'];
const ORGANISERS = ['iro', 'academy', 'methodical-centre', 'university'];

const nameOf = (i: number): string =>
  `${SURNAMES[i % SURNAMES.length] ?? ''} ${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length] ?? ''} ${PATRONYMICS[Math.floor(i / (SURNAMES.length * GIVEN.length)) % PATRONYMICS.length] ?? ''}`;

interface Seeded {
  municipalityId: number;
  coordinatorId: number;
  coordinatorUser: string;
  round: Round;
  responses: number;
  answers: number;
}

/** The role of the i-th person: one coordinator, an admin per school, mentors, tutors, and teachers for the rest. */
function roleOf(i: number): { role: RoleName; school: number | null } {
  if (i === 0) return { role: 'coordinator', school: null };
  if (i <= SCHOOLS) return { role: 'school_admin', school: i - 1 };
  if (i <= SCHOOLS + MENTORS) return { role: 'mentor', school: null };
  if (i <= SCHOOLS + MENTORS + TUTORS) return { role: 'tutor', school: i % SCHOOLS };
  return { role: 'teacher', school: i % SCHOOLS };
}

/**
 * What a teacher answered to the "courses" survey: a quarter took courses
 * (four answers: yes, the course, hours, organiser), the rest did not (two:
 * no, and whether they plan to). Stored as submit() stores them: every
 * visible question, in order.
 */
function answersOf(survey: SurveyDefinition, n: number): Record<string, AnswerValue> {
  const given: Record<string, AnswerValue> =
    n % 4 === 0
      ? { 'took-courses': true, 'course-name': COURSES[n % COURSES.length] ?? '', hours: 16 + ((n * 7) % 57), organiser: ORGANISERS[(n >> 2) % ORGANISERS.length] ?? 'iro' }
      : { 'took-courses': false, 'plans-courses': n % 3 === 0 };
  return Object.fromEntries(visibleQuestions(survey, given).map((q) => [q.id, given[q.id] ?? null]));
}

function seed(db: Db, now: Date): Seeded {
  const survey = templateByKey('courses');
  if (!survey) throw new Error('the "courses" survey template is missing');
  return db.transaction((tx) => {
    const region = tx.insert(regions).values({ name: 'Область масштабная' }).returning().get();
    const m = tx.insert(municipalities).values({ regionId: region.id, name: 'Крупный район', timezone: TIMEZONE }).returning().get();

    const schoolIds = tx
      .insert(schools)
      .values(Array.from({ length: SCHOOLS }, (_, i) => ({ municipalityId: m.id, name: `МБОУ «Средняя школа № ${i + 1}»`, shortName: `СШ № ${i + 1}` })))
      .returning({ id: schools.id })
      .all()
      .map((s) => s.id);
    const statuses = schoolIds.flatMap<typeof schoolStatuses.$inferInsert>((schoolId, i) =>
      i % 4 === 0 ? [{ schoolId, status: 'low_results', since: '2026-09-01' }] : i % 10 === 1 ? [{ schoolId, status: 'leader', since: '2026-09-01' }] : [],
    );
    tx.insert(schoolStatuses).values(statuses).run();

    const plan = Array.from({ length: PEOPLE }, (_, i) => roleOf(i));
    const personIds: number[] = [];
    inChunks(
      plan.map((p, i) => ({
        municipalityId: m.id,
        schoolId: p.school === null ? null : (schoolIds[p.school] ?? null),
        fullName: nameOf(i),
        subjects: p.role === 'teacher' || p.role === 'tutor' ? [SUBJECTS[i % SUBJECTS.length] ?? ''] : [],
        consentAt: new Date(0),
      })),
      (chunk) => personIds.push(...tx.insert(people).values(chunk).returning({ id: people.id }).all().map((r) => r.id)),
    );
    inChunks(
      plan.map((p, i) => ({ personId: personIds[i] ?? 0, role: p.role, municipalityId: m.id, regionId: region.id })),
      (chunk) => tx.insert(personRoles).values(chunk).run(),
    );
    const seen = new Date(now.getTime() - 7 * DAY);
    inChunks(
      personIds.map((personId, i) => ({ platform: 'telegram' as const, externalId: String(500_000_000 + i), chatId: String(500_000_000 + i), personId, lastSeenAt: seen })),
      (chunk) => tx.insert(accounts).values(chunk).run(),
    );

    const coordinatorId = personIds[0] ?? 0;
    const opensAt = new Date(now.getTime() - 7 * DAY);
    const stored = createSurvey(tx, { municipalityId: m.id, key: survey.key, title: survey.title, definition: { ...survey }, createdBy: coordinatorId });
    const roundRow = createRound(tx, {
      surveyId: stored.id,
      municipalityId: m.id,
      audience: { roles: ['teacher'] },
      opensAt,
      closesAt: new Date(now.getTime() + 7 * DAY),
      reminderDays: [2, 4],
      escalateAfterDays: 5,
      recurrence: null,
      previousRoundId: null,
      createdBy: coordinatorId,
    });

    // Recipients as launchRound records them (every teacher, with their school); those who answered
    // carry answeredAt and a named response keyed `person:<id>`, exactly as submit() writes it.
    const recipients: (typeof roundRecipients.$inferInsert)[] = [];
    const answered: (typeof responses.$inferInsert)[] = [];
    let answers = 0;
    let teacher = 0;
    plan.forEach((p, i) => {
      if (p.role !== 'teacher') return;
      const personId = personIds[i] ?? 0;
      const schoolId = p.school === null ? null : (schoolIds[p.school] ?? null);
      const responds = teacher % 49 < ANSWERING_PER_49;
      teacher++;
      if (!responds) {
        recipients.push({ roundId: roundRow.id, personId, schoolId, answeredAt: null });
        return;
      }
      const n = answered.length;
      const submittedAt = new Date(opensAt.getTime() + ((n * 9_973) % (7 * DAY - 1)));
      const given = answersOf(survey, n);
      answers += Object.keys(given).length;
      recipients.push({ roundId: roundRow.id, personId, schoolId, answeredAt: submittedAt });
      answered.push({ roundId: roundRow.id, unitKey: `person:${personId}`, personId, schoolId, answers: given, submittedAt });
    });
    inChunks(recipients, (chunk) => tx.insert(roundRecipients).values(chunk).run());
    inChunks(answered, (chunk) => tx.insert(responses).values(chunk).run());
    return { municipalityId: m.id, coordinatorId, coordinatorUser: '500000000', round: roundRow, responses: answered.length, answers };
  });
}

/** The context a coordinator's button press produces, as dispatch.ts builds it. */
function coordinatorCtx(deps: CoreDeps, seeded: Seeded): Ctx {
  const account = findAccount(deps.db, 'telegram', seeded.coordinatorUser);
  const person = getPerson(deps.db, seeded.coordinatorId);
  if (!account || !person) throw new Error('the coordinator was not seeded');
  return {
    incoming: {
      platform: 'telegram',
      updateId: 'bench-scale',
      chatId: account.chatId,
      sender: { id: account.externalId, languageCode: 'ru' },
      event: { kind: 'action', data: summaryAction.encode(seeded.round.id) },
    },
    deps,
    account,
    person,
    lang: 'ru',
    t: (key, args) => deps.i18n.t('ru', key, args),
    log: silentLog,
  };
}

/** The resident set of a process in MB, as the operating system reports it. */
function rssOf(pid: number): number {
  const kib = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  return round(kib / 1024, 1);
}

/**
 * The real service (dist/bot/main.js, as the container runs it) on the seeded
 * database, with the coordinator opening the summary and downloading the
 * export through the Telegram emulator. Its memory is read from the
 * operating system: idle once started and used, and the peak while the
 * export is built.
 */
async function serviceMemory(path: string, seeded: Seeded, log: (line: string) => void): Promise<{ started: number; idle: number; peak: number; settled: number }> {
  // Compiled, as the container runs it (under tsx the same service takes about 80 MB more).
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'ignore' });
  const driver = await drivers.telegram();
  const opora = await startOpora({ ...driver.env(), DATABASE_PATH: path, LOG_LEVEL: 'info' }, driver.ready, { compiled: true });
  const pid = opora.child.pid ?? 0;
  const user = Number(seeded.coordinatorUser);
  const lowest = async (seconds: number) => {
    let low = Number.POSITIVE_INFINITY;
    for (let i = 0; i < seconds * 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      low = Math.min(low, rssOf(pid));
    }
    return low;
  };
  try {
    const started = await lowest(5);
    driver.pressRaw(user, 1, summaryAction.encode(seeded.round.id));
    await driver.waitForText(user, /📊/, 0, 60_000);
    const idle = await lowest(10);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
    driver.pressRaw(user, 1, xlsxAction.encode(seeded.round.id));
    await waitFor(() => driver.lastDocument(user) !== undefined, 120_000, 'the export to arrive');
    clearInterval(sampler);
    const settled = await lowest(30);
    log(`scale: the service on the seeded database: ${started} MB once started, ${idle} MB after the summary, ${peak} MB at the export's peak, ${settled} MB within 30 s after it`);
    return { started, idle, peak, settled };
  } finally {
    await opora.stop('SIGTERM');
    await driver.stop();
  }
}

export async function runScale(options: { dir: string; log: (line: string) => void }): Promise<Figure[]> {
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, 'scale.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const db = openDb(path);
  const clock = new FakeClock(NOW);
  const deps = coreDeps({ db, clock, log: silentLog, settings: { defaultTimezone: TIMEZONE, links: { telegramBot: 'opora_bench_bot', vkGroupId: 777 } } });
  try {
    const seeding = await timed(() => seed(db, clock.now()));
    const seeded = seeding.value;
    if (seeded.answers !== EXPECTED_ANSWERS) throw new Error(`seeded ${seeded.answers} answers, expected ${EXPECTED_ANSWERS}`);
    options.log(
      `scale: seeded ${SCHOOLS} schools, ${PEOPLE} people with accounts, a round to ${PEOPLE - 1 - SCHOOLS - MENTORS - TUTORS} teachers with ${seeded.responses} responses (${seeded.answers} answers) in ${(seeding.ms / 1000).toFixed(1)} s`,
    );
    const ctx = coordinatorCtx(deps, seeded);
    options.log(`scale: ${memoryLine()} after seeding`);

    const summaryRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await timed(() => summaryReply(ctx, seeded.round.id));
      if (!run.value[0]?.text.startsWith('📊')) throw new Error('the results summary did not come back');
      summaryRuns.push(run.ms);
    }
    options.log(`scale: results summary runs ${summaryRuns.map((ms) => ms.toFixed(0)).join(', ')} ms; ${memoryLine()} after them`);

    const exportRuns: number[] = [];
    let fileBytes = 0;
    for (let i = 0; i < 3; i++) {
      const run = await timed(() => xlsxReply(ctx, seeded.round.id));
      if (!run.value.file) throw new Error('the XLSX export came back without a file');
      fileBytes = run.value.file.data.length;
      exportRuns.push(run.ms);
    }
    options.log(`scale: XLSX export runs ${exportRuns.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s, ${mib(fileBytes)} MB`);

    globalThis.gc?.();
    options.log(`scale: ${memoryLine()} right after the export${globalThis.gc ? ' and a collection' : ' (no --expose-gc: measured without collections)'}`);
    const rss = await settledRss();
    options.log(`scale: ${memoryLine()} once settled (${SETTLE_SECONDS} s idle, collecting each second)`);

    const service = await serviceMemory(path, seeded, options.log);

    const workbook = await roadmapWorkbook(ROADMAP_ITEMS, SUBJECTS);
    const now = clock.now();
    const year = Number(localDate(now, TIMEZONE).slice(0, 4));
    const coordinator = ctx.person;
    const importing = await timed(async () => {
      const plan = await planRoadmap('roadmap.xlsx', workbook, undefined, year);
      const saved = db.transaction((tx) =>
        saveRoadmap(tx, plan, { municipalityId: seeded.municipalityId, schoolId: null, title: 'roadmap.xlsx', sourceName: 'roadmap.xlsx', by: coordinator?.id ?? null, now }),
      );
      audit(db, { at: now, actorId: coordinator?.id ?? null, municipalityId: seeded.municipalityId, action: 'roadmap.imported', details: { roadmapId: saved.roadmap.id, created: saved.created, updated: saved.updated, removed: saved.removed } });
      return { plan, saved };
    });
    const { plan, saved } = importing.value;
    const read = understood(plan);
    if (plan.items.length !== ROADMAP_ITEMS || read.understood !== ROADMAP_ITEMS || saved.created !== ROADMAP_ITEMS) {
      throw new Error(
        `road map: ${plan.items.length} items read, ${read.understood} deadlines understood, ${saved.created} saved; expected ${ROADMAP_ITEMS} each (not understood: ${read.unknown
          .slice(0, 5)
          .map((i) => `${i.number} «${i.deadlineText}»`)
          .join(', ')})`,
      );
    }
    options.log(`scale: road map of ${ROADMAP_ITEMS} items (${mib(workbook.length)} MB workbook, ${plan.sections.length} sections, ${plan.warnings.length} warnings) imported in ${importing.ms.toFixed(0)} ms`);

    const exportSeconds = round(median(exportRuns) / 1000, 2);
    return [
      { group: GROUP, name: 'service resident memory at 50,000 people', value: service.started, unit: 'MB', target: '< 200 MB', met: service.started < 200, limitedBy: 'code and libraries (~120 MB empty), SQLite page cache, the V8 heap' },
      { group: GROUP, name: 'service within 10 s after the summary', value: service.idle, unit: 'MB', limitedBy: 'garbage of 40,000 loaded responses not yet collected' },
      { group: GROUP, name: 'service peak while exporting 40,000 responses', value: service.peak, unit: 'MB', limitedBy: 'the workbook built in memory by exceljs' },
      { group: GROUP, name: 'service within 30 s after the export', value: service.settled, unit: 'MB', limitedBy: 'V8 returning freed pages when idle' },
      { group: GROUP, name: 'benchmark process after seeding and exporting', value: mib(rss), unit: 'MB', limitedBy: 'the seeding arrays and three exports in this process' },
      { group: GROUP, name: 'results summary', value: round(median(summaryRuns), 0), unit: 'ms', limitedBy: 'SQLite reads + aggregation in JS' },
      { group: GROUP, name: 'XLSX export', value: exportSeconds, unit: 's', target: '< 5 s', met: exportSeconds < 5, limitedBy: 'exceljs writing one row per response' },
      { group: GROUP, name: 'XLSX export size', value: mib(fileBytes), unit: 'MB', limitedBy: 'one row per response in the raw-answers sheet' },
      { group: GROUP, name: 'road-map import, 1,000 rows', value: round(importing.ms, 0), unit: 'ms', limitedBy: 'parsing the workbook' },
    ];
  } finally {
    closeDb(db);
  }
}
