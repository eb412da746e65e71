// Nobody waits behind anyone: while one coordinator's 5,000-row road map is
// read, other people keep sending /help, and the time each of them waits for
// the answer is measured. The full stack runs against the loopback Telegram
// fake with Opora's own rate limits lifted, so what is measured is the work
// of the service, not a platform's sending limit.
import { join } from 'node:path';
import { startApp } from '../bot/app.js';
import { closeDb, openDb } from '../db/client.js';
import { silentLog } from '../handlers/core/log.js';
import { drivers } from '../tests/e2e/drivers.js';
import { seedMunicipality } from '../tests/helpers/seed.js';
import { percentile, round, type Figure } from './report.js';
import { roadmapWorkbook } from './roadmap-workbook.js';

const ITEMS = 5000;
const OTHERS = 20;
const COORDINATOR = 500_000;
const FIRST_OTHER = 500_100;
const NO_LIMIT = { perSecond: 1_000_000, perChatPerSecond: 1_000_000 };
const SUBJECTS = ['математика', 'русский язык', 'физика', 'история'];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runImportWait(options: { dir: string; log: (line: string) => void }): Promise<Figure[]> {
  const driver = await drivers.telegram();
  const path = join(options.dir, 'import-wait.db');
  const db = openDb(path);
  const others = Array.from({ length: OTHERS }, (_, i) => FIRST_OTHER + i);
  seedMunicipality(db, {
    platform: 'telegram',
    schools: [{ short: 'Школа 1', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORDINATOR },
      ...others.map((user, i) => ({ name: `Педагог Номер ${i}`, role: 'teacher' as const, school: 'Школа 1', user })),
    ],
  });
  closeDb(db);
  const workbook = await roadmapWorkbook(ITEMS, SUBJECTS);
  const app = await startApp(driver.config(path), { log: silentLog, manualScheduler: true, limits: { telegram: NO_LIMIT } });
  try {
    driver.say(COORDINATOR, '/roadmap');
    await driver.waitForText(COORDINATOR, /Дорожная карта ещё не загружена/, 0, 30_000);
    await driver.settled(COORDINATOR);
    driver.press(COORDINATOR, 'Загрузить дорожную карту');
    await driver.waitForText(COORDINATOR, /Пришлите приказ с дорожной картой/, 0, 30_000);
    await driver.settled(COORDINATOR);

    const since = driver.messages(COORDINATOR).length;
    const sent = performance.now();
    driver.sendFile(COORDINATOR, 'дорожная карта.xlsx', workbook);
    let read: number | undefined;
    void driver.waitForText(COORDINATOR, /пунктов — /, since, 300_000).then(() => (read = performance.now() - sent));

    // Each of the others sends /help, waits for its answer, and sends again, for as long as the road map is being read.
    const waits: number[] = [];
    const ask = async (user: number) => {
      while (read === undefined) {
        const before = driver.messages(user).length;
        const t0 = performance.now();
        driver.say(user, '/help');
        await driver.waitForCount(user, before + 1, 60_000);
        waits.push(performance.now() - t0);
        await sleep(50);
      }
    };
    await Promise.all(others.map(ask));
    const sorted = waits.sort((a, b) => a - b);
    options.log(`import-wait: ${ITEMS} rows read in ${round((read ?? 0) / 1000, 1)} s; ${sorted.length} answers to others meanwhile`);
    const group = 'import-wait · telegram';
    const limitedBy = 'the event loop while replies are built; the document is read in a worker before the update’s transaction';
    return [
      { group, name: `${ITEMS}-row road map read and previewed`, value: round((read ?? 0) / 1000, 1), unit: 's' },
      { group, name: 'answers to others meanwhile', value: sorted.length, unit: '' },
      { group, name: "others' reply p50", value: round(percentile(sorted, 50), 0), unit: 'ms' },
      { group, name: "others' reply p95", value: round(percentile(sorted, 95), 0), unit: 'ms', target: '< 500 ms', met: percentile(sorted, 95) < 500, limitedBy },
      { group, name: "others' reply p99", value: round(percentile(sorted, 99), 0), unit: 'ms' },
    ];
  } finally {
    await app.stop();
    await driver.stop();
  }
}
