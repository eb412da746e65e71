// A coordinator's push in quiet hours: a broadcast, a seminar announcement
// and a survey launched at 22:30 local time say when they will go, and the
// two that may break quiet hours offer «Срочно — отправить сейчас», which
// only a coordinator of the municipality may press, releases only that
// action's rows, and does it once.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditOf } from '../../../db/repos/audit.js';
import { enqueueOutbox } from '../../../db/repos/outbox.js';
import { outbox } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const OTHER_COORD = 200;
const TEACHER = 1;
/** 22:30 in Yakutsk (UTC+9): inside quiet hours 21:00–08:00. */
const LATE = '2026-11-23T13:30:00Z';
/** 08:00 the next morning in Yakutsk. */
const MORNING = new Date('2026-11-23T23:00:00Z');

let t: TestCore;

beforeEach(() => {
  t = makeCore();
  t.clock.set(LATE);
  seedMunicipality(t.db, {
    platform: 'telegram',
    timezone: 'Asia/Yakutsk',
    schools: [{ short: 'Школа А', statuses: ['low_results'] }],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Первова Анна Ивановна', role: 'teacher', school: 'Школа А', user: TEACHER },
      { name: 'Вторых Борис Петрович', role: 'teacher', school: 'Школа А', user: 2 },
    ],
  });
  seedMunicipality(t.db, { name: 'Соседний', platform: 'telegram', schools: [], people: [{ name: 'Соседова Ольга Ивановна', role: 'coordinator', user: OTHER_COORD }] });
});

async function say(user: number, event: Parameters<typeof from>[1]) {
  const result = await t.core.handle(from(String(user), event));
  return { result, all: result.replies.map((r) => r.text).join('\n') };
}

const rows = (batch: string) => t.db.select().from(outbox).where(eq(outbox.batch, batch)).all();

async function broadcastLate(): Promise<{ all: string; urgent: string }> {
  await say(COORD, command('broadcast'));
  const audience = await say(COORD, text('Завтра методический день, уроки сокращены.'));
  const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
  const done = await say(COORD, press(buttonData(confirm.result.replies, 'Отправить')));
  return { all: done.all, urgent: buttonData(done.result.replies, 'Срочно — отправить сейчас') };
}

describe('pushes held by quiet hours', () => {
  it('a broadcast says when it goes, and «Срочно» sends it now, once', async () => {
    const { all, urgent } = await broadcastLate();
    expect(all).toContain('Разошлю в 08:00 (тихие часы).');
    const [held] = rows('broadcast:1');
    expect(held?.nextAttemptAt).toEqual(MORNING);

    expect((await say(TEACHER, press(urgent))).all).toMatch(/недоступно/);
    expect((await say(OTHER_COORD, press(urgent))).all).toMatch(/недоступно/);
    expect(rows('broadcast:1').every((r) => r.nextAttemptAt.getTime() === MORNING.getTime())).toBe(true);

    expect((await say(COORD, press(urgent))).all).toBe('Отправляю сейчас: 2 сообщения.');
    expect(rows('broadcast:1').map((r) => r.nextAttemptAt)).toEqual([new Date(LATE), new Date(LATE)]);
    expect((await say(COORD, press(urgent))).all).toBe('Ждать уже нечего: всё отправлено или отправляется.');
    expect(rows('broadcast:1')).toHaveLength(2);
    // Breaking quiet hours is the coordinator's call, and the audit log says whose.
    expect(auditOf(t.db, 1).filter((e) => e.details.heldByQuietHours)).toMatchObject([{ action: 'broadcast.sent', details: { broadcastId: 1, recipients: 2, urgent: true } }]);
  });

  it('in the daytime nothing is said about quiet hours', async () => {
    t.clock.set('2026-11-23T03:00:00Z'); // 12:00 in Yakutsk
    await say(COORD, command('broadcast'));
    const audience = await say(COORD, text('Завтра методический день.'));
    const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    const done = await say(COORD, press(buttonData(confirm.result.replies, 'Отправить')));
    expect(done.all).not.toContain('тихие часы');
    expect(done.result.replies.flatMap((r) => r.buttons ?? []).flat().map((b) => b.label)).toEqual(['Отчёт о доставке', 'Остановить рассылку']);
  });

  it('a seminar announcement releases its own rows and leaves the reminders', async () => {
    await say(COORD, command('seminar'));
    await say(COORD, text('Формирующее оценивание'));
    const format = await say(COORD, text('25.12 15:00'));
    await say(COORD, press(buttonData(format.result.replies, 'Онлайн')));
    const description = await say(COORD, text('https://meet.example.org/room-7'));
    const audience = await say(COORD, press(buttonData(description.result.replies, 'Пропустить')));
    const capacity = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    const series = await say(COORD, press(buttonData(capacity.result.replies, 'Без ограничения')));
    const confirm = await say(COORD, press(buttonData(series.result.replies, 'Нет, отдельное событие')));
    const done = await say(COORD, press(buttonData(confirm.result.replies, 'Объявить')));
    expect(done.all).toContain('Разошлю в 08:00 (тихие часы).');
    const urgent = buttonData(done.result.replies, 'Срочно — отправить сейчас');

    const reminderKey = 'seminar:1:remind-24h:1';
    enqueueOutbox(t.db, [{ accountId: 2, platform: 'telegram', chatId: '1', payload: { text: 'Напоминание' }, dedupeKey: reminderKey, batch: 'seminar:1', notBefore: MORNING }]);
    expect((await say(TEACHER, press(urgent))).all).toMatch(/недоступно/);
    expect((await say(COORD, press(urgent))).all).toBe('Отправляю сейчас: 2 сообщения.');
    expect(t.db.select().from(outbox).where(eq(outbox.dedupeKey, reminderKey)).get()?.nextAttemptAt).toEqual(MORNING);
    expect((await say(COORD, press(urgent))).all).toBe('Ждать уже нечего: всё отправлено или отправляется.');
  });

  it('a survey launched late says when the invitations go, without an urgent button', async () => {
    const which = await say(COORD, command('survey'));
    // The first template will do.
    const audience = await say(COORD, press(buttonData(which.result.replies, /./)));
    const days = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    const repeat = await say(COORD, press(buttonData(days.result.replies, '7 дн.')));
    const confirm = await say(COORD, press(buttonData(repeat.result.replies, 'Нет, один раз')));
    const done = await say(COORD, press(buttonData(confirm.result.replies, 'Запустить')));
    expect(done.all).toContain('Разошлю в 08:00 (тихие часы).');
    expect(done.result.replies.flatMap((r) => r.buttons ?? []).flat().map((b) => b.label)).not.toContain('Срочно — отправить сейчас');
    expect(rows('round:1').every((r) => r.nextAttemptAt.getTime() === MORNING.getTime())).toBe(true);
  });
});
