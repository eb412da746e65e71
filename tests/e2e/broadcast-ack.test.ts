// A coordinator asks a broadcast to be confirmed («Ознакомлен(а)»), on every
// messenger: two teachers confirm (the button turns into a tick with the
// time, a second press only says it was noted), a teacher of another
// municipality pressing it is refused, the report and the list name who has
// not confirmed and who could not be reached, the XLSX read back says the
// same, and one tap reminds exactly the one who got it and has not confirmed.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countOutbox } from '../../db/repos/outbox.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { waitFor } from '../helpers/wait.js';
import { seedMunicipality } from '../helpers/seed.js';
import { chatOf, messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 7201;
const [T1, T2, T3, BLOCKED] = [7211, 7212, 7213, 7214];
const STRANGER = 7299;
const TEXT = 'С понедельника вход в школы только по пропускам';

describe.each(messengers)('read confirmation of a broadcast on %s', (platform) => {
  const clock = new FakeClock('2026-11-24T09:00:00Z'); // 12:00 in Moscow
  const run = journey(platform, {
    clock,
    seed: (db) => {
      seedMunicipality(db, {
        platform,
        schools: [
          { short: 'Школа А', statuses: ['low_results'] },
          { short: 'Школа Б', statuses: ['low_results'] },
        ],
        people: [
          { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
          { name: 'Антонова Анна Ивановна', role: 'teacher', school: 'Школа А', user: T1 },
          { name: 'Борисов Борис Петрович', role: 'teacher', school: 'Школа Б', user: T2 },
          { name: 'Васильева Вера Олеговна', role: 'teacher', school: 'Школа Б', user: T3 },
          { name: 'Григорьев Глеб Ильич', role: 'teacher', school: 'Школа А', user: BLOCKED },
          { name: 'Дмитриева Дарья Юрьевна', role: 'teacher', school: 'Школа А' },
        ],
      });
      seedMunicipality(db, { name: 'Соседний', platform, schools: [], people: [{ name: 'Чужова Чара Ивановна', role: 'teacher', user: STRANGER }] });
    },
    before: (driver) => driver.block(BLOCKED),
  });

  const { say, press } = chatOf(() => run.driver, COORD);
  const ticked = (user: number) => run.driver.messages(user).some((m) => m.buttons.some((b) => b.label === '✓ Ознакомлен(а) 24.11 12:00'));
  const drained = () => {
    const c = countOutbox(run.app.db);
    return c.pending + c.sending === 0;
  };

  it('asks, is confirmed by two, refuses a stranger and takes a second press calmly', async () => {
    await say('/broadcast', /Напишите текст объявления/);
    await say(TEXT, /Кому отправить/);
    await press('Педагоги', /Получат: 4/);
    await press('Попросить подтвердить прочтение', /Попрошу подтвердить прочтение/);
    await press('Отправить', /Отправляю 4 получателям/);
    for (const teacher of [T1, T2, T3]) {
      const got = await run.driver.waitForText(teacher, new RegExp(TEXT));
      expect(got.buttons.map((b) => b.label)).toEqual(['Ознакомлен(а)']);
    }
    await waitFor(drained, 10_000, 'the broadcast to drain');

    run.driver.press(T1, 'Ознакомлен(а)');
    await waitFor(() => ticked(T1), 8000, 'the first confirmation');
    run.driver.press(T2, 'Ознакомлен(а)');
    await waitFor(() => ticked(T2), 8000, 'the second confirmation');
    // The text stays as it was; only the button changed.
    expect(run.driver.messages(T1).filter((m) => m.text.includes(TEXT))).toHaveLength(1);
    await waitFor(() => run.driver.notices().filter((n) => n === 'Спасибо, отметил: вы ознакомились.').length >= 2, 8000, 'two thanks');

    run.driver.press(T1, '✓ Ознакомлен(а) 24.11 12:00');
    await waitFor(() => run.driver.notices().includes('Уже отмечено: вы ознакомились 24.11.2026 12:00.'), 8000, 'the repeat noted');

    run.driver.say(STRANGER, '/help');
    const help = await run.driver.waitForText(STRANGER, /./);
    run.driver.pressRaw(STRANGER, help.id, run.driver.messages(T3).find((m) => m.text.includes(TEXT))!.buttons[0]!.data);
    await run.driver.waitForText(STRANGER, /адресовано не вам/);
  });

  it('names who has not confirmed and who was not reached, and exports it', async () => {
    await press('Отчёт о доставке', /Подтвердили прочтение: 2 человека, ещё не подтвердили: 1 человек\./);
    const report = run.driver.messages(COORD).findLast((m) => /Подтвердили прочтение/.test(m.text))!;
    expect(report.text).toContain('Не удалось доставить 2 людям: 1 заблокировал(а) бота, у 1 не было мессенджера.');

    const who = await press('Кто не подтвердил', /Не подтвердили — 1 человек:/);
    expect(who.text).toBe(
      [
        'Не подтвердили — 1 человек:',
        '• Васильева Вера Олеговна — Школа Б',
        '',
        'Не получили — 2 человека:',
        '• Григорьев Глеб Ильич — Школа А: заблокировал(а) бота',
        '• Дмитриева Дарья Юрьевна — Школа А: не было мессенджера, когда ушла рассылка',
      ].join('\n'),
    );

    await press('Выгрузить XLSX', /Отчёт о прочтении: подтвердили 2 из 5 адресатов/);
    await waitFor(() => run.driver.lastDocumentName(COORD)?.endsWith('.xlsx') === true, 8000, 'the XLSX');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(run.driver.lastDocument(COORD)! as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Прочтение')!.eachRow((row) => rows.push(Array.from({ length: 5 }, (_, i) => row.getCell(i + 1).value ?? '')));
    const label = run.driver.label;
    expect(rows).toEqual([
      ['ФИО', 'Школа', 'Роль', 'Мессенджер', 'Статус'],
      ['Антонова Анна Ивановна', 'Школа А', 'педагог', label, 'подтвердил(а) 24.11.2026 12:00'],
      ['Борисов Борис Петрович', 'Школа Б', 'педагог', label, 'подтвердил(а) 24.11.2026 12:00'],
      ['Васильева Вера Олеговна', 'Школа Б', 'педагог', label, 'не подтвердил(а)'],
      ['Григорьев Глеб Ильич', 'Школа А', 'педагог', label, 'не доставлено: заблокировал(а) бота'],
      ['Дмитриева Дарья Юрьевна', 'Школа А', 'педагог', '', 'не доставлено: не было мессенджера, когда ушла рассылка'],
    ]);
  });

  it('reminds exactly the one who has not confirmed, whose press is then counted', async () => {
    await press('Напомнить неподтвердившим (1)', /Отправляю напоминание \(1 из 2\) 1 человеку\./);
    const reminder = await run.driver.waitForText(T3, /Напоминание: пожалуйста, подтвердите/);
    expect(reminder.text).toContain(`«${TEXT}»`);
    await waitFor(drained, 10_000, 'the reminder to drain');
    for (const teacher of [T1, T2]) expect(run.driver.messages(teacher).filter((m) => /Напоминание/.test(m.text))).toHaveLength(0);

    run.driver.pressRaw(T3, reminder.id, reminder.buttons[0]!.data);
    await waitFor(() => run.driver.messages(T3).some((m) => m.id === reminder.id && m.buttons.some((b) => b.label === '✓ Ознакомлен(а) 24.11 12:00')), 8000, 'the reminder ticked');
    await press('Отчёт о доставке', /Подтвердили прочтение: 3 человека, ещё не подтвердили: 0 человек\.[^]*Отправлено 1 напоминание из 2\./);
  });
});
