// Read confirmation of a broadcast («Ознакомлен(а)») in the core: the two
// switches on the confirm step, the press (recipients only, once, with the
// time), the report's counts and list with who was not reached and why, a
// stopped broadcast, an erased person, the reminder with its cap and quiet
// hours, and the XLSX read back.
import { eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { erasePerson } from '../../../db/repos/erasures.js';
import { saveFile } from '../../../db/repos/broadcasts.js';
import { getPerson, updatePerson } from '../../../db/repos/people.js';
import { sendBroadcast } from '../../../handlers/broadcasts/send.js';
import { broadcastAcks, outbox, type MessagePayload } from '../../../db/schema.js';
import { buttonData, command, from, makeCore, press, text, type TestCore } from '../../helpers/core.js';
import { seedMunicipality } from '../../helpers/seed.js';

const COORD = 100;
const OTHER_COORD = 200;
const STRANGER = 201;
const ADMIN = 150;
const [T1, T2, T3, T4] = [101, 102, 103, 104];
let t: TestCore;
let ids: Map<string, number>;

beforeEach(() => {
  t = makeCore();
  t.clock.set('2026-11-23T03:00:00Z'); // 12:00 in Yakutsk
  ids = seedMunicipality(t.db, {
    platform: 'telegram',
    timezone: 'Asia/Yakutsk',
    schools: [
      { short: 'Школа А', statuses: ['low_results'] },
      { short: 'Школа Б', statuses: ['low_results'] },
    ],
    people: [
      { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
      { name: 'Директорова Дина Ивановна', role: 'school_admin', school: 'Школа А', user: ADMIN },
      { name: 'Антонова Анна Ивановна', role: 'teacher', school: 'Школа А', user: T1 },
      { name: 'Борисов Борис Петрович', role: 'teacher', school: 'Школа Б', user: T2 },
      { name: 'Васильева Вера Олеговна', role: 'teacher', school: 'Школа Б', user: T3 },
      { name: 'Григорьев Глеб Ильич', role: 'teacher', school: 'Школа А', user: T4 },
      // Never joined: in the audience, with no messenger.
      { name: 'Дмитриева Дарья Юрьевна', role: 'teacher', school: 'Школа А' },
    ],
  }).personIds;
  seedMunicipality(t.db, {
    name: 'Соседний',
    platform: 'telegram',
    schools: [],
    people: [
      { name: 'Соседова Ольга Ивановна', role: 'coordinator', user: OTHER_COORD },
      { name: 'Чужова Чара Ивановна', role: 'teacher', user: STRANGER },
    ],
  });
});

async function say(user: number, event: Parameters<typeof from>[1]) {
  const result = await t.core.handle(from(String(user), event));
  return { result, all: [result.notice ?? '', ...result.replies.map((r) => r.text)].filter(Boolean).join('\n') };
}
const labels = (r: { result: { replies: { buttons?: { label: string }[][] }[] } }) => r.result.replies.flatMap((x) => x.buttons ?? []).flat().map((b) => b.label);
const rows = (batch = 'broadcast:1') => t.db.select().from(outbox).where(eq(outbox.batch, batch)).orderBy(outbox.id).all();
const rowOf = (user: number, batch = 'broadcast:1') => rows(batch).find((r) => r.chatId === String(user))!;
const setState = (user: number, state: 'sent' | 'blocked' | 'failed', lastError: string | null = null) =>
  t.db.update(outbox).set({ state, lastError, sentAt: state === 'sent' ? t.clock.now() : null }).where(eq(outbox.id, rowOf(user).id)).run();
const ackData = (user: number, batch = 'broadcast:1') => (rowOf(user, batch).payload as MessagePayload).buttons?.[0]?.[0];

/** Sends «Педсовет» to the teachers, asking for confirmation (and a pin, when asked). */
async function sendAsking(options: { pin?: boolean; urgent?: boolean } = {}) {
  await say(COORD, command('broadcast'));
  const audience = await say(COORD, text('Педсовет в четверг в 15:00, актовый зал.'));
  let confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
  confirm = await say(COORD, press(buttonData(confirm.result.replies, 'Попросить подтвердить прочтение')));
  if (options.pin) confirm = await say(COORD, press(buttonData(confirm.result.replies, 'Закрепить в чате')));
  return say(COORD, press(buttonData(confirm.result.replies, options.urgent ? /Срочно/ : 'Отправить')));
}

describe('asking for a read confirmation', () => {
  it('is off by default, and the switches show in the preview before sending', async () => {
    await say(COORD, command('broadcast'));
    const audience = await say(COORD, text('Педсовет в четверг.'));
    const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    expect(labels(confirm)).toEqual(expect.arrayContaining(['Попросить подтвердить прочтение', 'Закрепить в чате']));
    const asked = await say(COORD, press(buttonData(confirm.result.replies, 'Попросить подтвердить прочтение')));
    expect(asked.all).toMatch(/Попрошу подтвердить прочтение: под объявлением будет кнопка «Ознакомлен\(а\)»/);
    expect(labels(asked)).toEqual(expect.arrayContaining(['✓ Попросить подтвердить прочтение', 'Закрепить в чате']));
    const off = await say(COORD, press(buttonData(asked.result.replies, '✓ Попросить подтвердить прочтение')));
    expect(off.all).not.toMatch(/Попрошу/);
    await say(COORD, press(buttonData(off.result.replies, 'Отправить')));
    expect(rows()).toHaveLength(4);
    for (const row of rows()) expect(row.payload).toEqual({ text: 'Педсовет в четверг.' });
  });

  it('puts «Ознакомлен(а)» under every message, in each one’s language, and marks them to be pinned when asked', async () => {
    updatePerson(t.db, ids.get('Антонова Анна Ивановна')!, { language: 'en' });
    await sendAsking({ pin: true });
    expect(rows()).toHaveLength(4);
    for (const row of rows()) {
      const payload = row.payload as MessagePayload;
      expect(payload.buttons?.flat().map((b) => b.label)).toEqual([row.chatId === String(T1) ? 'Got it' : 'Ознакомлен(а)']);
      expect(payload.pin).toBe(true);
    }
  });
});

describe('pressing «Ознакомлен(а)»', () => {
  it('is noted once, keeps the text and turns the button into a tick with the time', async () => {
    await sendAsking();
    setState(T1, 'sent');
    const data = ackData(T1)!;
    const first = await say(T1, press(data.kind === 'action' ? data.data : ''));
    expect(first.result.notice).toBe('Спасибо, отметил: вы ознакомились.');
    expect(first.result.replies).toEqual([
      { text: 'Педсовет в четверг в 15:00, актовый зал.', buttons: [[{ kind: 'action', label: '✓ Ознакомлен(а) 23.11 12:00', data: 'bcack:1:0' }]], edit: true },
    ]);
    t.clock.advance(3600_000);
    const second = await say(T1, press('bcack:1:0'));
    expect(second.result.notice).toBe('Уже отмечено: вы ознакомились 23.11.2026 12:00.');
    expect(second.result.replies[0]?.buttons?.[0]?.[0]?.label).toBe('✓ Ознакомлен(а) 23.11 12:00');
    expect(t.db.select().from(broadcastAcks).all()).toHaveLength(1);
  });

  it('refuses someone it was not for, and someone from another municipality', async () => {
    await sendAsking();
    expect((await say(ADMIN, press('bcack:1:0'))).all).toBe('Это объявление было адресовано не вам, отмечать здесь нечего.');
    expect((await say(STRANGER, press('bcack:1:0'))).all).toBe('Это объявление было адресовано не вам, отмечать здесь нечего.');
    expect((await say(T1, press('bcack:99:0'))).all).toMatch(/не действует/);
    expect(t.db.select().from(broadcastAcks).all()).toHaveLength(0);
  });

  it('leaves a message with a file as it is, and says so in the chat', async () => {
    const file = saveFile(t.db, { name: 'приказ.pdf', mime: 'application/pdf', data: Buffer.from('%PDF'), uploadedBy: null });
    const municipalityId = getPerson(t.db, ids.get('Антонова Анна Ивановна')!)!.municipalityId!;
    t.db.transaction((tx) => sendBroadcast(tx, t.deps, { municipalityId, text: 'Приказ во вложении.', fileId: file.id, audience: { roles: ['teacher'] }, urgent: false, createdBy: null, askAck: true }, t.clock.now()));
    setState(T1, 'sent');
    const pressed = await say(T1, press('bcack:1:0'));
    expect(pressed.result.replies).toEqual([{ text: 'Спасибо, отметил: вы ознакомились.' }]);
    expect((await say(T1, press('bcack:1:0'))).result.replies).toEqual([]);
  });

  it('does not exist for a broadcast that did not ask', async () => {
    await say(COORD, command('broadcast'));
    const audience = await say(COORD, text('Педсовет в четверг.'));
    const confirm = await say(COORD, press(buttonData(audience.result.replies, 'Педагоги')));
    await say(COORD, press(buttonData(confirm.result.replies, 'Отправить')));
    expect((await say(T1, press('bcack:1:0'))).all).toMatch(/не действует/);
  });
});

describe('the report of a broadcast that asked', () => {
  it('counts who confirmed, who has not and who was not reached, and names them', async () => {
    const done = await sendAsking();
    setState(T1, 'sent');
    setState(T2, 'sent');
    setState(T3, 'sent');
    setState(T4, 'blocked', 'Forbidden: bot was blocked by the user');
    await say(T1, press('bcack:1:0'));
    const report = await say(COORD, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    expect(report.all).toContain('Подтвердили прочтение: 1 человек, ещё не подтвердили: 2 человека.');
    expect(report.all).toContain('Не удалось доставить 2 людям: 1 заблокировал(а) бота, у 1 не было мессенджера.');
    expect(labels(report)).toEqual(expect.arrayContaining(['Кто не подтвердил', 'Напомнить неподтвердившим (2)', 'Выгрузить XLSX']));

    const who = await say(COORD, press(buttonData(report.result.replies, 'Кто не подтвердил')));
    expect(who.all).toBe(
      [
        'Не подтвердили — 2 человека:',
        '• Борисов Борис Петрович — Школа Б',
        '• Васильева Вера Олеговна — Школа Б',
        '',
        'Не получили — 2 человека:',
        '• Григорьев Глеб Ильич — Школа А: заблокировал(а) бота',
        '• Дмитриева Дарья Юрьевна — Школа А: не было мессенджера, когда ушла рассылка',
      ].join('\n'),
    );

    expect((await say(OTHER_COORD, press(buttonData(report.result.replies, 'Кто не подтвердил')))).all).toMatch(/недоступно/);
    expect((await say(OTHER_COORD, press(buttonData(report.result.replies, 'Выгрузить XLSX')))).all).toMatch(/недоступно/);
    expect((await say(OTHER_COORD, press(buttonData(report.result.replies, /Напомнить/)))).all).toMatch(/недоступно/);
    expect((await say(T1, press(buttonData(report.result.replies, /Напомнить/)))).all).toMatch(/недоступно/);
    expect(rows('broadcast:1:ack-reminder:1')).toHaveLength(0);
  });

  it('caps a long list with «и ещё N» under any platform limit', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ name: `Учителева${i} Мария Александровна-Длиннофамильная`, role: 'teacher' as const, school: 'Школа А', user: 5000 + i }));
    seedMunicipality(t.db, { name: 'Большой', platform: 'telegram', schools: [{ short: 'Школа А', statuses: [] }], people: [{ name: 'Большова Бэлла Ивановна', role: 'coordinator', user: 4999 }, ...many] });
    await say(4999, command('broadcast'));
    const audience = await say(4999, text('Всем прочитать.'));
    let confirm = await say(4999, press(buttonData(audience.result.replies, 'Педагоги')));
    confirm = await say(4999, press(buttonData(confirm.result.replies, 'Попросить подтвердить прочтение')));
    const done = await say(4999, press(buttonData(confirm.result.replies, 'Отправить')));
    t.db.update(outbox).set({ state: 'sent' }).run();
    const report = await say(4999, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    const who = await say(4999, press(buttonData(report.result.replies, 'Кто не подтвердил')));
    expect(who.all.length).toBeLessThan(3500);
    expect(who.all).toMatch(/^Не подтвердили — 120 человек:/);
    expect(who.all).toMatch(/и ещё \d+ человек(а)? — полный список в XLSX\.$/);
  });

  it('counts those a stop kept it from as not reached, not as not confirmed', async () => {
    const done = await sendAsking();
    setState(T1, 'sent');
    await say(T1, press('bcack:1:0'));
    await say(COORD, press(buttonData(done.result.replies, 'Остановить рассылку')));
    const report = await say(COORD, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    expect(report.all).toContain('Подтвердили прочтение: 1 человек, ещё не подтвердили: 0 человек.');
    expect(report.all).toContain('Не удалось доставить 4 людям: 3 не получили из-за остановки, у 1 не было мессенджера.');
    expect(labels(report)).not.toContain(expect.stringMatching(/Напомнить/));
    const who = await say(COORD, press(buttonData(report.result.replies, 'Кто не подтвердил')));
    expect(who.all).toMatch(/^Все, кому объявление пришло, подтвердили прочтение\./);
    expect(who.all).toContain('• Борисов Борис Петрович — Школа Б: рассылку остановили до отправки');
  });

  it('keeps an erased person’s confirmation as a count, without a name', async () => {
    const done = await sendAsking();
    for (const user of [T1, T2, T3, T4]) setState(user, 'sent');
    await say(T1, press('bcack:1:0'));
    await say(T2, press('bcack:1:0'));
    t.db.transaction((tx) => erasePerson(tx, ids.get('Антонова Анна Ивановна')!, t.clock.now()));
    t.db.transaction((tx) => erasePerson(tx, ids.get('Васильева Вера Олеговна')!, t.clock.now()));
    const report = await say(COORD, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    expect(report.all).toContain('Подтвердили прочтение: 2 человека, ещё не подтвердили: 2 человека.');
    const who = await say(COORD, press(buttonData(report.result.replies, 'Кто не подтвердил')));
    expect(who.all).toContain('• Григорьев Глеб Ильич — Школа А\n• (данные удалены)');
    expect(who.all).not.toMatch(/Антонова|Васильева/);
    // Only the named one is reminded: an erased person is not written to.
    expect(labels(report)).toContain('Напомнить неподтвердившим (1)');

    const xlsx = await t.core.handle(from(String(COORD), press(buttonData(report.result.replies, 'Выгрузить XLSX'))));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.replies.find((r) => r.file)!.file!.data as unknown as ArrayBuffer);
    const sheet: unknown[][] = [];
    workbook.getWorksheet('Прочтение')!.eachRow((row) => sheet.push(Array.from({ length: 5 }, (_, i) => row.getCell(i + 1).value ?? '')));
    expect(sheet).toEqual([
      ['ФИО', 'Школа', 'Роль', 'Мессенджер', 'Статус'],
      ['Борисов Борис Петрович', 'Школа Б', 'педагог', 'Telegram', 'подтвердил(а) 23.11.2026 12:00'],
      // An erased person's accounts no longer name them, so not even the messenger is known.
      ['(данные удалены)', '', '', '', 'подтвердил(а) 23.11.2026 12:00'],
      ['Григорьев Глеб Ильич', 'Школа А', 'педагог', 'Telegram', 'не подтвердил(а)'],
      ['(данные удалены)', '', '', 'Telegram', 'не подтвердил(а)'],
      ['Дмитриева Дарья Юрьевна', 'Школа А', 'педагог', '', 'не доставлено: не было мессенджера, когда ушла рассылка'],
    ]);
  });
});

describe('the XLSX', () => {
  it('is formula-safe', async () => {
    seedMunicipality(t.db, { name: 'Формульный', platform: 'telegram', schools: [{ short: '=1+1', statuses: [] }], people: [{ name: 'Формулова Фаина Ивановна', role: 'coordinator', user: 6000 }, { name: '=HYPERLINK("http://x")', role: 'teacher', school: '=1+1', user: 6001 }] });
    await say(6000, command('broadcast'));
    const audience = await say(6000, text('Всем прочитать.'));
    let confirm = await say(6000, press(buttonData(audience.result.replies, 'Педагоги')));
    confirm = await say(6000, press(buttonData(confirm.result.replies, 'Попросить подтвердить прочтение')));
    const done = await say(6000, press(buttonData(confirm.result.replies, 'Отправить')));
    const report = await say(6000, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    const xlsx = await t.core.handle(from('6000', press(buttonData(report.result.replies, 'Выгрузить XLSX'))));
    expect(xlsx.replies[0]?.text).toBe('Отчёт о прочтении: подтвердили 0 из 1 адресата.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.replies.find((r) => r.file)!.file!.data as unknown as ArrayBuffer);
    const row = workbook.getWorksheet('Прочтение')!.getRow(2);
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(5).value]).toEqual([`'=HYPERLINK("http://x")`, `'=1+1`, 'ещё в очереди']);
  });
});

describe('reminding those who have not confirmed', () => {
  it('goes only to those who got it and have not confirmed, once per press, at most twice', async () => {
    const done = await sendAsking();
    for (const user of [T1, T2, T3]) setState(user, 'sent');
    setState(T4, 'blocked', 'blocked');
    await say(T1, press('bcack:1:0'));
    const report = await say(COORD, press(buttonData(done.result.replies, 'Отчёт о доставке')));
    const remind = buttonData(report.result.replies, 'Напомнить неподтвердившим (2)');
    const first = await say(COORD, press(remind));
    expect(first.all).toBe('Отправляю напоминание (1 из 2) 2 людям.');
    expect(rows('broadcast:1:ack-reminder:1').map((r) => r.chatId).sort()).toEqual([String(T2), String(T3)]);
    const reminder = rows('broadcast:1:ack-reminder:1')[0]!.payload as MessagePayload;
    expect(reminder.text).toBe('Напоминание: пожалуйста, подтвердите, что ознакомились с объявлением, — кнопка ниже.\n\n«Педсовет в четверг в 15:00, актовый зал.»');
    expect(reminder.buttons).toEqual([[{ kind: 'action', label: 'Ознакомлен(а)', data: 'bcack:1:1' }]]);
    // The same button again sends nothing more.
    expect((await say(COORD, press(remind))).all).toMatch(/^Это напоминание уже отправлено/);
    expect(rows('broadcast:1:ack-reminder:1')).toHaveLength(2);

    // The reminder's own button confirms, and edits the reminder, not the broadcast.
    const pressed = await say(T2, press('bcack:1:1'));
    expect(pressed.result.replies[0]?.text).toBe(reminder.text);
    expect(pressed.result.replies[0]?.buttons?.[0]?.[0]?.label).toBe('✓ Ознакомлен(а) 23.11 12:00');

    const again = await say(COORD, press(buttonData(report.result.replies, 'Обновить')));
    expect(again.all).toContain('Отправлено 1 напоминание из 2.');
    const second = await say(COORD, press(buttonData(again.result.replies, 'Напомнить неподтвердившим (1)')));
    expect(second.all).toBe('Отправляю напоминание (2 из 2) 1 человеку.');
    expect(rows('broadcast:1:ack-reminder:2').map((r) => r.chatId)).toEqual([String(T3)]);

    const third = await say(COORD, press(buttonData((await say(COORD, press(buttonData(again.result.replies, 'Обновить')))).result.replies, /Напомнить/)));
    expect(third.all).toMatch(/^Уже отправлено 2 напоминания — больше к этой рассылке не напоминаю/);
    expect(t.db.select().from(outbox).where(like(outbox.batch, 'broadcast:1:ack-reminder:%')).all()).toHaveLength(3);
  });

  it('waits for the end of quiet hours unless the broadcast was urgent', async () => {
    t.clock.set('2026-11-23T13:00:00Z'); // 22:00 in Yakutsk
    const quiet = await sendAsking();
    for (const user of [T1, T2, T3, T4]) setState(user, 'sent');
    const report = await say(COORD, press(buttonData(quiet.result.replies, 'Отчёт о доставке')));
    const reminded = await say(COORD, press(buttonData(report.result.replies, /Напомнить/)));
    expect(reminded.all).toMatch(/Разошлю в 08:00 \(тихие часы\)/);
    expect(rows('broadcast:1:ack-reminder:1')[0]!.nextAttemptAt.toISOString()).toBe('2026-11-23T23:00:00.000Z');

    const urgent = await sendAsking({ urgent: true });
    t.db.update(outbox).set({ state: 'sent' }).where(eq(outbox.batch, 'broadcast:2')).run();
    const urgentReport = await say(COORD, press(buttonData(urgent.result.replies, 'Отчёт о доставке')));
    const now = await say(COORD, press(buttonData(urgentReport.result.replies, /Напомнить/)));
    expect(now.all).not.toMatch(/тихие часы/);
    expect(rows('broadcast:2:ack-reminder:1')[0]!.nextAttemptAt.getTime()).toBe(t.clock.now().getTime());
  });
});
