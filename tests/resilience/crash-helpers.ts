// What the crash-safety tests share: a zone where it is afternoon now, seeded
// teachers and a small survey, waiting for chats to settle (on any messenger)
// and for the updates left at a kill to be handled and answered, a generated
// road map, and reading counts from the database and job runs from /metrics.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { closeDb, openDb, type Db } from '../../db/client.js';
import { countInbox } from '../../db/repos/inbox.js';
import { milestones, outbox, roadmapHistory, roadmapItems, roadmaps } from '../../db/schema.js';
import { parseSurveyDefinition, type SurveyDefinition } from '../../handlers/surveys/definition.js';
import type { Driver, drivers } from '../e2e/drivers.js';
import { launchRound } from '../../handlers/surveys/launch.js';
import { createI18n } from '../../locales/i18n.js';
import type { PlatformName } from '../../db/schema.js';
import { seedMunicipality, type SeedPerson, type Seeded } from '../helpers/seed.js';
import { waitFor } from '../helpers/wait.js';

export type TelegramDriver = Awaited<ReturnType<typeof drivers.telegram>>;

export const DAY = 24 * 3600_000;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The child process runs on the real clock, so the municipality gets a
 * fixed-offset zone where it is about 14:00 now: after the 10:00 survey
 * reminders and far from the 21:00 quiet hours, whenever the test runs.
 * IANA's Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5. The offset is
 * −9…+14, and every one of those zones exists.
 */
export function afternoonZone(now = new Date()): string {
  const offset = 14 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

export function teachers(count: number, firstUser: number): SeedPerson[] {
  return Array.from({ length: count }, (_, i) => ({ name: `Педагог Номер ${i}`, role: 'teacher' as const, school: 'Школа 1', user: firstUser + i }));
}

export const OPTIONS = [
  { value: 'good', label: 'Хорошо' },
  { value: 'fair', label: 'Нормально' },
  { value: 'poor', label: 'Плохо' },
] as const;

export function surveyDefinition(): SurveyDefinition {
  const parsed = parseSurveyDefinition({
    key: 'crash-check',
    title: 'Открытый урок',
    anonymous: false,
    level: 'person',
    questions: [{ id: 'lesson', type: 'single', text: 'Как прошёл открытый урок?', options: OPTIONS.map((o) => ({ ...o })) }],
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.survey;
}

/** Until the chats stop changing for a moment (every message and edit counts), on any messenger. */
export async function settledAll(driver: Pick<Driver, 'messages'>, users: readonly number[]): Promise<void> {
  const total = () => users.reduce((n, u) => n + driver.messages(u).reduce((k, m) => k + 1 + m.edits, 0), 0);
  let last = -1;
  while (total() !== last) {
    last = total();
    await sleep(250);
  }
}

/** Reply rows (the answers to updates) not sent yet: waiting, or claimed by a sender. */
export function repliesWaiting(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(outbox).where(and(eq(outbox.priority, 1), inArray(outbox.state, ['pending', 'sending']))).get()?.n ?? 0;
}

/**
 * Restarted Opora has fetched and confirmed every update that was waiting or
 * in flight at the kill, handled each from the inbox and sent its replies.
 */
export async function drained(driver: TelegramDriver, users: readonly number[], path: string): Promise<void> {
  await waitFor(() => driver.server.pendingUpdates() === 0, 60_000, 'the redelivered updates to be recorded');
  const db = openDb(path);
  try {
    await waitFor(() => countInbox(db, 'pending') === 0 && repliesWaiting(db) === 0, 60_000, 'the inbox to be handled and its replies sent');
  } finally {
    closeDb(db);
  }
  await settledAll(driver, users);
}


/** A road map as a district sends it: a title with the year, the header, column numbers, twelve numbered sections. */
export async function roadmapWorkbook(items: number, year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.addRow([`План мероприятий («дорожная карта») по сопровождению ШНОР на ${year} год`]);
  sheet.addRow([]);
  sheet.addRow(['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Ожидаемый результат']);
  sheet.addRow([1, 2, 3, 4, 5]);
  const sections = 12;
  const perSection = items / sections;
  for (let s = 0; s < sections; s++) {
    sheet.addRow([`${s + 1}. Раздел ${s + 1}`]);
    sheet.mergeCells(sheet.rowCount, 1, sheet.rowCount, 5);
    for (let i = 0; i < perSection; i++) {
      const day = String((i % 27) + 1).padStart(2, '0');
      const month = String(((s * perSection + i) % 12) + 1).padStart(2, '0');
      sheet.addRow([`${s + 1}.${i + 1}`, `Семинар для учителей, этап ${s + 1}.${i + 1}`, `до ${day}.${month}.${year}`, 'Управление образования', 'Приказ']);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** What of the road map is in the database: its rows, items, distinct item numbers, milestones and history. */
export function roadmapCounts(path: string): { roadmaps: number; items: number; numbers: number; milestones: number; history: number } {
  const db = openDb(path);
  try {
    const n = (row: { n: number } | undefined) => row?.n ?? 0;
    return {
      roadmaps: n(db.select({ n: sql<number>`count(*)` }).from(roadmaps).get()),
      items: n(db.select({ n: sql<number>`count(*)` }).from(roadmapItems).get()),
      numbers: n(db.select({ n: sql<number>`count(distinct ${roadmapItems.number})` }).from(roadmapItems).get()),
      milestones: n(db.select({ n: sql<number>`count(*)` }).from(milestones).get()),
      history: n(db.select({ n: sql<number>`count(*)` }).from(roadmapHistory).get()),
    };
  } finally {
    closeDb(db);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Successful runs of a scheduler job since the process started, from its /metrics. */
export async function jobRuns(port: number, job: string): Promise<number> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('opora_job_runs_total{') && l.includes(`job="${job}"`) && l.includes('outcome="ok"'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  } catch {
    return 0;
  }
}

/** A school of `count` teachers on `platform`, in an afternoon zone, with a round of the one-question survey open to them since a minute ago. */
export function seedSurveyRound(path: string, platform: PlatformName, count: number, firstUser: number): { seeded: Seeded; roundId: number } {
  const zone = afternoonZone();
  const db = openDb(path);
  try {
    const seeded = seedMunicipality(db, { platform, timezone: zone, schools: [{ short: 'Школа 1', statuses: ['low_results'] }], people: teachers(count, firstUser) });
    const now = Date.now();
    const settings = { defaultTimezone: zone, quietHours: { start: '21:00', end: '08:00' }, dialogTtlMinutes: 60, links: {} };
    const { round } = db.transaction((tx) =>
      launchRound(tx, { i18n: createI18n(), settings }, {
        municipalityId: seeded.municipalityId,
        survey: { definition: surveyDefinition() },
        audience: { roles: ['teacher'] },
        opensAt: new Date(now - 60_000),
        closesAt: new Date(now + 7 * DAY),
        createdBy: null,
      }),
    );
    return { seeded, roundId: round.id };
  } finally {
    closeDb(db);
  }
}
