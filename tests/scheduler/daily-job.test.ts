// A job at 09:00 local time in a UTC+9 municipality sends one message through
// the outbox and the real Telegram adapter at the right instant, and a restart
// right after sends nothing twice.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { openDb, closeDb } from '../../db/client.js';
import { countOutbox } from '../../db/repos/outbox.js';
import { accounts, municipalities, people, personRoles, regions } from '../../db/schema.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { silentLog } from '../../handlers/core/log.js';
import { outboxItem } from '../../handlers/core/outbox.js';
import { enqueueOutbox } from '../../db/repos/outbox.js';
import { dailyJob } from '../../scheduler/job.js';
import { telegramDriver, type Driver } from '../e2e/drivers.js';
import { tempDir } from '../helpers/core.js';
import { eq } from 'drizzle-orm';

const CHAT = 5005;

const morningNote = dailyJob({
  name: 'test-morning-note',
  at: '09:00',
  perform(tx, _deps, municipality, localDate, slotAt) {
    const recipients = tx
      .select({ account: accounts })
      .from(accounts)
      .innerJoin(people, eq(accounts.personId, people.id))
      .where(eq(people.municipalityId, municipality.id))
      .all();
    enqueueOutbox(
      tx,
      recipients.map(({ account }) =>
        outboxItem(account, { text: `Доброе утро, ${localDate}` }, { dedupeKey: `morning:${account.id}:${localDate}`, notBefore: slotAt }),
      ),
    );
  },
});

function seedYakutsk(path: string): void {
  const db = openDb(path);
  const region = db.insert(regions).values({ name: 'Республика Саха (Якутия)' }).returning().get();
  const m = db.insert(municipalities).values({ regionId: region.id, name: 'Алданский район', timezone: 'Asia/Yakutsk' }).returning().get();
  const p = db.insert(people).values({ municipalityId: m.id, fullName: 'Тестова Анна' }).returning().get();
  db.insert(personRoles).values({ personId: p.id, role: 'coordinator', municipalityId: m.id }).run();
  db.insert(accounts).values({ platform: 'telegram', externalId: String(CHAT), chatId: String(CHAT), personId: p.id }).run();
  closeDb(db);
}

describe('a daily job at 09:00 in Yakutsk (UTC+9)', () => {
  let app: App | undefined;
  let driver: Driver | undefined;
  const { dir, cleanup } = tempDir();
  afterEach(async () => {
    await app?.stop();
    await driver?.stop();
    cleanup();
  });

  const start = async (clock: FakeClock, path: string) =>
    (app = await startApp(driver!.config(path), {
      log: silentLog,
      clock,
      jobs: [morningNote],
      manualScheduler: true,
      sender: { idleMs: 20 },
    }));

  it('sends once at 09:00 local, and not again after a restart', async () => {
    driver = await telegramDriver();
    const path = join(dir, 'yakutsk.db');
    seedYakutsk(path);
    const clock = new FakeClock('2026-11-22T23:59:00Z'); // 08:59 in Yakutsk
    await start(clock, path);

    await app!.scheduler.tick();
    expect(countOutbox(app!.db).pending + countOutbox(app!.db).sent).toBe(0);

    clock.set('2026-11-23T00:00:00Z'); // 09:00 in Yakutsk
    await app!.scheduler.tick();
    const [message] = await driver.waitForCount(CHAT, 1);
    expect(message?.text).toBe('Доброе утро, 2026-11-23');
    await app!.scheduler.tick();

    await app!.stop();
    clock.set('2026-11-23T00:01:00Z');
    await start(clock, path);
    await app!.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(driver.messages(CHAT)).toHaveLength(1);
    expect(countOutbox(app!.db)).toMatchObject({ sent: 1, pending: 0, sending: 0 });
  });

  it('catches up once on start-up after missing the hour while down', async () => {
    driver = await telegramDriver();
    const path = join(dir, 'late.db');
    seedYakutsk(path);
    const clock = new FakeClock('2026-11-23T03:00:00Z'); // 12:00 local: the service was down at 09:00
    await start(clock, path);
    await app!.scheduler.tick();
    await driver.waitForCount(CHAT, 1);
    await app!.scheduler.tick();
    clock.set('2026-11-23T05:00:00Z');
    await app!.scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(driver.messages(CHAT).map((m) => m.text)).toEqual(['Доброе утро, 2026-11-23']);
  });
});
