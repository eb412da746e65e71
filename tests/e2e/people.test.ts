// The people journey on both messengers: a coordinator created from the CLI
// imports schools, invites a mentor and a teacher, both join with consent,
// the coordinator assigns the mentor to the teacher's school, each side gets
// the notice, /my shows it, /forget erases the teacher's name while the
// counts stay; forged and foreign buttons are refused.
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { auditOf } from '../../db/repos/audit.js';
import { findMunicipality, schoolsOf } from '../../db/repos/org.js';
import { people } from '../../db/schema.js';
import { schoolsXlsx } from '../fixtures/spreadsheets.js';
import { tempDir } from '../helpers/core.js';
import { waitFor } from '../helpers/wait.js';
import { lastLine, runCli } from './cli.js';
import { drivers, messengers, journeyOptions, type Driver } from './drivers.js';

const COORDINATOR = 3001;
const MENTOR = 3002;
const TEACHER = 3003;
const OTHER_COORDINATOR = 3004;

describe.each(messengers)('people and assignments on %s', (platform) => {
  let driver: Driver;
  let app: App;
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'opora.db');

  beforeAll(async () => {
    driver = await drivers[platform]();
    app = await startApp(driver.config(path), journeyOptions());
  });
  afterAll(async () => {
    await app.stop();
    await driver.stop();
    cleanup();
  });

  /** Sends a text and waits for the number of bot messages to grow past what it was. */
  const join_ = async (user: number, code: string, name: string) => {
    const since = driver.messages(user).length;
    driver.say(user, `/start ${code}`);
    await driver.waitForText(user, /Согласие на обработку персональных данных/, since);
    driver.press(user, 'Согласен(на)');
    await driver.waitForText(user, /Как вас зовут/, since);
    driver.say(user, name);
  };

  const inviteCode = async (role: string, school: string) => {
    const since = driver.messages(COORDINATOR).length;
    driver.say(COORDINATOR, '/invite');
    await driver.waitForText(COORDINATOR, /Кого приглашаем/, since);
    const before = driver.messages(COORDINATOR).length;
    driver.press(COORDINATOR, role);
    await driver.waitForCount(COORDINATOR, before + 1);
    driver.press(COORDINATOR, school);
    await driver.waitForText(COORDINATOR, /для одного человека или для группы/, since);
    const count = driver.messages(COORDINATOR).filter((m) => /Приглашение готово/.test(m.text)).length;
    driver.press(COORDINATOR, 'Для одного человека');
    await waitFor(() => driver.messages(COORDINATOR).filter((m) => /Приглашение готово/.test(m.text)).length > count);
    const ready = driver.messages(COORDINATOR).filter((m) => /Приглашение готово/.test(m.text)).at(-1);
    const code = /Код: ([A-Z2-9]{8})/.exec(ready?.text ?? '')?.[1];
    if (!code) throw new Error(`no code in ${ready?.text}`);
    return { code, text: ready?.text ?? '' };
  };

  it('a coordinator created from the command line joins with consent', async () => {
    const code = lastLine(runCli(['invite', '--role', 'coordinator', '--municipality', 'Тестовый район', '--timezone', 'Asia/Yakutsk'], { DATABASE_PATH: path }));
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await join_(COORDINATOR, code, 'Координатова Елена Павловна');
    const welcome = await driver.waitForText(COORDINATOR, /вы присоединились к «Опоре» как координатор/);
    expect(welcome.text).toContain('/invite — пригласить участников');
    expect(welcome.text).toContain('/assign — назначить наставника');
  });

  it('imports the schools from an XLSX sent in chat', async () => {
    driver.say(COORDINATOR, '/import');
    await driver.waitForText(COORDINATOR, /Пришлите файл XLSX или CSV/);
    driver.sendFile(COORDINATOR, 'школы.xlsx', await schoolsXlsx());
    const preview = await driver.waitForText(COORDINATOR, /строк к импорту: 4/);
    expect(preview.text).toContain('Будет добавлено: 4');
    driver.press(COORDINATOR, 'Импортировать');
    await driver.waitForText(COORDINATOR, /Импорт завершён. Добавлено: 4/);
    const municipality = findMunicipality(app.db, 'Тестовый район');
    expect(schoolsOf(app.db, municipality!.id).map((s) => s.shortName)).toEqual(['Заречная СОШ', 'Ильинская ООШ', 'СШ № 1', 'СШ № 7']);
  });

  it('the mentor and the teacher join with consent; the coordinator hears of each', async () => {
    const mentorInvite = await inviteCode('наставник', 'СШ № 1');
    expect(mentorInvite.text).toContain(driver.inviteLink(mentorInvite.code));
    const teacherInvite = await inviteCode('педагог', 'Ильинская ООШ');

    await join_(MENTOR, mentorInvite.code, 'Белова Ольга Николаевна');
    await driver.waitForText(MENTOR, /как наставник/);

    await join_(TEACHER, teacherInvite.code, 'Миронова Светлана Юрьевна');
    await driver.waitForText(TEACHER, /Какие предметы вы ведёте/);
    driver.press(TEACHER, 'математика');
    await driver.waitForText(TEACHER, /Какие предметы/);
    // On VK a long keyboard spans two messages; wait until "Done" is under the redrawn list, not an older one.
    const lastWith = (label: string) => driver.messages(TEACHER).findLastIndex((m) => m.buttons.some((b) => b.label === label));
    await waitFor(() => lastWith('✓ математика') >= 0 && lastWith('Готово') >= lastWith('✓ математика'));
    driver.press(TEACHER, 'Готово');
    await driver.waitForText(TEACHER, /как педагог/);

    await driver.waitForText(COORDINATOR, /Новый участник по вашему приглашению: Белова Ольга Николаевна — наставник, СШ № 1/);
    await driver.waitForText(COORDINATOR, /Новый участник по вашему приглашению: Миронова Светлана Юрьевна — педагог, Ильинская ООШ/);
    // The invite was single-use.
    driver.say(5999, `/start ${teacherInvite.code}`);
    await driver.waitForText(5999, /уже использовано/);
  });

  it('assigning the mentor to the teacher\'s school tells both sides, and /my shows it', async () => {
    driver.say(COORDINATOR, '/my');
    const summary = await driver.waitForText(COORDINATOR, /Школ без наставника: 3/);
    expect(summary.buttons.map((b) => b.label)).toContain('Наставник → Ильинская ООШ');
    driver.press(COORDINATOR, 'Наставник → Ильинская ООШ');
    await driver.waitForText(COORDINATOR, /Кто будет наставником/);
    driver.press(COORDINATOR, 'Белова Ольга Николаевна (СШ № 1)');
    const confirm = await driver.waitForText(COORDINATOR, /Наставник: Белова Ольга Николаевна \(СШ № 1\) → школа: Ильинская ООШ/);
    expect(confirm.text).not.toContain('⚠️');
    driver.press(COORDINATOR, 'Назначить');
    await driver.waitForText(COORDINATOR, /^Назначено/);

    await driver.waitForText(MENTOR, /Вы назначены наставником школы «МКОУ «Ильинская основная школа»»/);
    await driver.waitForText(TEACHER, /Вашей школе назначен наставник: Белова Ольга Николаевна, СШ № 1/);

    driver.say(MENTOR, '/my');
    await driver.waitForText(MENTOR, /наставник школы «МКОУ «Ильинская основная школа»» \(с \d\d\.\d\d\.\d{4}\)/);
    const since = driver.messages(COORDINATOR).length;
    driver.say(COORDINATOR, '/my');
    await driver.waitForText(COORDINATOR, /Назначено наставников: 1/, since);
  });

  it('refuses a teacher replaying the coordinator\'s button, and a coordinator of another municipality', async () => {
    const municipality = findMunicipality(app.db, 'Тестовый район');
    const school = schoolsOf(app.db, municipality!.id).find((s) => s.shortName === 'СШ № 7');
    const data = `asg-s:${school!.id}`;
    const seen = driver.messages(TEACHER).length;
    driver.pressRaw(TEACHER, driver.messages(TEACHER).at(-1)!.id, data);
    const refusal = await driver.waitForText(TEACHER, /Это действие вам недоступно/);
    expect(driver.messages(TEACHER).length).toBe(seen + 1);
    expect(refusal.buttons).toEqual([]);

    const code = lastLine(runCli(['invite', '--role', 'coordinator', '--municipality', 'Соседний район'], { DATABASE_PATH: path }));
    await join_(OTHER_COORDINATOR, code, 'Соседова Мария Ивановна');
    await driver.waitForText(OTHER_COORDINATOR, /как координатор/);
    driver.pressRaw(OTHER_COORDINATOR, driver.messages(OTHER_COORDINATOR).at(-1)!.id, data);
    await driver.waitForText(OTHER_COORDINATOR, /Это действие вам недоступно/);
    // Nothing was assigned by either attempt.
    driver.say(COORDINATOR, '/my');
    await waitFor(() => driver.messages(COORDINATOR).filter((m) => /Назначено наставников: 1/.test(m.text)).length >= 2);
  });

  it('/forget erases the teacher\'s name but keeps the counts, and tells the coordinator', async () => {
    const before = app.db.select().from(people).all().length;
    driver.say(TEACHER, '/forget');
    await driver.waitForText(TEACHER, /Удалить ваши персональные данные/);
    driver.press(TEACHER, 'Да, удалить мои данные');
    await driver.waitForText(TEACHER, /Ваши данные удалены/);
    await driver.waitForText(COORDINATOR, /Участник \(педагог, Ильинская ООШ\) отозвал согласие/);
    const rows = app.db.select().from(people).all();
    expect(rows.length).toBe(before);
    expect(rows.some((p) => p.fullName === 'Миронова Светлана Юрьевна')).toBe(false);
    expect(app.db.select().from(people).where(eq(people.schoolId, schoolsOf(app.db, findMunicipality(app.db, 'Тестовый район')!.id).find((s) => s.shortName === 'Ильинская ООШ')!.id)).all()).toHaveLength(1);
    // The erased person is a stranger to the bot now.
    driver.say(TEACHER, '/my');
    await driver.waitForText(TEACHER, /Сначала нужно присоединиться/);
  });

  it('records each administrative act once in the audit log, which the coordinator can read', async () => {
    const municipality = findMunicipality(app.db, 'Тестовый район')!;
    const actions = auditOf(app.db, municipality.id).map((e) => e.action).sort();
    expect(actions).toEqual([
      'assignment.created',
      'invite.created',
      'invite.created',
      'invite.created',
      'person.forgotten',
      'role.granted',
      'role.granted',
      'role.granted',
      'schools.imported',
    ]);
    const since = driver.messages(COORDINATOR).length;
    driver.say(COORDINATOR, '/audit');
    const log = await driver.waitForText(COORDINATOR, /Журнал действий \(последние 9 записей\)/, since);
    expect(log.text).toContain('Координатова Елена Павловна: назначение');
  });
});
