// The people journey on both messengers: a coordinator created from the CLI
// imports schools, invites a mentor and a teacher, both join with consent,
// the coordinator assigns the mentor to the teacher's school, each side gets
// the notice, /my shows it, /forget erases the teacher's name while the
// counts stay; forged and foreign buttons are refused.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditOf } from '../../db/repos/audit.js';
import { findMunicipality, schoolsOf } from '../../db/repos/org.js';
import { people } from '../../db/schema.js';
import { schoolsXlsx } from '../fixtures/spreadsheets.js';
import { waitFor } from '../helpers/wait.js';
import { lastLine, runCli } from './cli.js';
import { messengers } from './drivers.js';
import { journey } from './journey-setup.js';

const COORDINATOR = 3001;
const MENTOR = 3002;
const TEACHER = 3003;
const OTHER_COORDINATOR = 3004;

describe.each(messengers)('people and assignments on %s', (platform) => {
  const run = journey(platform);

  /** Sends a text and waits for the number of bot messages to grow past what it was. */
  const join_ = async (user: number, code: string, name: string) => {
    const since = run.driver.messages(user).length;
    run.driver.say(user, `/start ${code}`);
    await run.driver.waitForText(user, /Согласие на обработку персональных данных/, since);
    run.driver.press(user, 'Согласен(на)');
    await run.driver.waitForText(user, /Как вас зовут/, since);
    run.driver.say(user, name);
  };

  const inviteCode = async (role: string, school: string) => {
    const since = run.driver.messages(COORDINATOR).length;
    run.driver.say(COORDINATOR, '/invite');
    await run.driver.waitForText(COORDINATOR, /Кого приглашаем/, since);
    const before = run.driver.messages(COORDINATOR).length;
    run.driver.press(COORDINATOR, role);
    await run.driver.waitForCount(COORDINATOR, before + 1);
    run.driver.press(COORDINATOR, school);
    await run.driver.waitForText(COORDINATOR, /для одного человека или для группы/, since);
    const count = run.driver.messages(COORDINATOR).filter((m) => /Приглашение готово/.test(m.text)).length;
    run.driver.press(COORDINATOR, 'Для одного человека');
    await waitFor(() => run.driver.messages(COORDINATOR).filter((m) => /Приглашение готово/.test(m.text)).length > count);
    const ready = run.driver.messages(COORDINATOR).filter((m) => /Приглашение готово/.test(m.text)).at(-1);
    const code = /Код: ([A-Z2-9]{8})/.exec(ready?.text ?? '')?.[1];
    if (!code) throw new Error(`no code in ${ready?.text}`);
    return { code, text: ready?.text ?? '' };
  };

  it('a coordinator created from the command line joins with consent', async () => {
    const code = lastLine(runCli(['invite', '--role', 'coordinator', '--municipality', 'Тестовый район', '--timezone', 'Asia/Yakutsk'], { DATABASE_PATH: run.path }));
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await join_(COORDINATOR, code, 'Координатова Елена Павловна');
    const welcome = await run.driver.waitForText(COORDINATOR, /вы присоединились к «Опоре» как координатор/);
    expect(welcome.text).toContain('/invite — пригласить участников');
    expect(welcome.text).toContain('/assign — назначить наставника');
  });

  it('imports the schools from an XLSX sent in chat', async () => {
    run.driver.say(COORDINATOR, '/import');
    await run.driver.waitForText(COORDINATOR, /Пришлите файл XLSX или CSV/);
    run.driver.sendFile(COORDINATOR, 'школы.xlsx', await schoolsXlsx());
    const preview = await run.driver.waitForText(COORDINATOR, /строк к импорту: 4/);
    expect(preview.text).toContain('Будет добавлено: 4');
    run.driver.press(COORDINATOR, 'Импортировать');
    await run.driver.waitForText(COORDINATOR, /Импорт завершён. Добавлено: 4/);
    const municipality = findMunicipality(run.app.db, 'Тестовый район');
    expect(schoolsOf(run.app.db, municipality!.id).map((s) => s.shortName)).toEqual(['Заречная СОШ', 'Ильинская ООШ', 'СШ № 1', 'СШ № 7']);
  });

  it('the mentor and the teacher join with consent; the coordinator hears of each', async () => {
    const mentorInvite = await inviteCode('наставник', 'СШ № 1');
    expect(mentorInvite.text).toContain(run.driver.inviteLink(mentorInvite.code));
    const teacherInvite = await inviteCode('педагог', 'Ильинская ООШ');

    await join_(MENTOR, mentorInvite.code, 'Белова Ольга Николаевна');
    await run.driver.waitForText(MENTOR, /как наставник/);

    await join_(TEACHER, teacherInvite.code, 'Миронова Светлана Юрьевна');
    await run.driver.waitForText(TEACHER, /Какие предметы вы ведёте/);
    run.driver.press(TEACHER, 'математика');
    await run.driver.waitForText(TEACHER, /Какие предметы/);
    // On VK a long keyboard spans two messages; wait until "Done" is under the redrawn list, not an older one.
    const lastWith = (label: string) => run.driver.messages(TEACHER).findLastIndex((m) => m.buttons.some((b) => b.label === label));
    await waitFor(() => lastWith('✓ математика') >= 0 && lastWith('Готово') >= lastWith('✓ математика'));
    run.driver.press(TEACHER, 'Готово');
    await run.driver.waitForText(TEACHER, /как педагог/);

    await run.driver.waitForText(COORDINATOR, /Новый участник по вашему приглашению: Белова Ольга Николаевна — наставник, СШ № 1/);
    await run.driver.waitForText(COORDINATOR, /Новый участник по вашему приглашению: Миронова Светлана Юрьевна — педагог, Ильинская ООШ/);
    // The invite was single-use.
    run.driver.say(5999, `/start ${teacherInvite.code}`);
    await run.driver.waitForText(5999, /уже использовано/);
  });

  it('assigning the mentor to the teacher\'s school tells both sides, and /my shows it', async () => {
    run.driver.say(COORDINATOR, '/my');
    const summary = await run.driver.waitForText(COORDINATOR, /Школ без наставника: 3/);
    expect(summary.buttons.map((b) => b.label)).toContain('Наставник → Ильинская ООШ');
    run.driver.press(COORDINATOR, 'Наставник → Ильинская ООШ');
    await run.driver.waitForText(COORDINATOR, /Кто будет наставником/);
    run.driver.press(COORDINATOR, 'Белова Ольга Николаевна (СШ № 1)');
    const confirm = await run.driver.waitForText(COORDINATOR, /Наставник: Белова Ольга Николаевна \(СШ № 1\) → школа: Ильинская ООШ/);
    expect(confirm.text).not.toContain('⚠️');
    run.driver.press(COORDINATOR, 'Назначить');
    await run.driver.waitForText(COORDINATOR, /^Назначено/);

    await run.driver.waitForText(MENTOR, /Вы назначены наставником школы «МКОУ «Ильинская основная школа»»/);
    await run.driver.waitForText(TEACHER, /Вашей школе назначен наставник: Белова Ольга Николаевна, СШ № 1/);

    run.driver.say(MENTOR, '/my');
    await run.driver.waitForText(MENTOR, /наставник школы «МКОУ «Ильинская основная школа»» \(с \d\d\.\d\d\.\d{4}\)/);
    const since = run.driver.messages(COORDINATOR).length;
    run.driver.say(COORDINATOR, '/my');
    await run.driver.waitForText(COORDINATOR, /Назначено наставников: 1/, since);
  });

  it('refuses a teacher replaying the coordinator\'s button, and a coordinator of another municipality', async () => {
    const municipality = findMunicipality(run.app.db, 'Тестовый район');
    const school = schoolsOf(run.app.db, municipality!.id).find((s) => s.shortName === 'СШ № 7');
    const data = `asg-s:${school!.id}`;
    const seen = run.driver.messages(TEACHER).length;
    run.driver.pressRaw(TEACHER, run.driver.messages(TEACHER).at(-1)!.id, data);
    const refusal = await run.driver.waitForText(TEACHER, /Это действие вам недоступно/);
    expect(run.driver.messages(TEACHER).length).toBe(seen + 1);
    expect(refusal.buttons).toEqual([]);

    const code = lastLine(runCli(['invite', '--role', 'coordinator', '--municipality', 'Соседний район'], { DATABASE_PATH: run.path }));
    await join_(OTHER_COORDINATOR, code, 'Соседова Мария Ивановна');
    await run.driver.waitForText(OTHER_COORDINATOR, /как координатор/);
    run.driver.pressRaw(OTHER_COORDINATOR, run.driver.messages(OTHER_COORDINATOR).at(-1)!.id, data);
    await run.driver.waitForText(OTHER_COORDINATOR, /Это действие вам недоступно/);
    // Nothing was assigned by either attempt.
    run.driver.say(COORDINATOR, '/my');
    await waitFor(() => run.driver.messages(COORDINATOR).filter((m) => /Назначено наставников: 1/.test(m.text)).length >= 2);
  });

  it('/forget erases the teacher\'s name but keeps the counts, and tells the coordinator', async () => {
    const before = run.app.db.select().from(people).all().length;
    run.driver.say(TEACHER, '/forget');
    await run.driver.waitForText(TEACHER, /Удалить ваши персональные данные/);
    run.driver.press(TEACHER, 'Да, удалить мои данные');
    await run.driver.waitForText(TEACHER, /Ваши данные удалены/);
    await run.driver.waitForText(COORDINATOR, /Участник \(педагог, Ильинская ООШ\) отозвал согласие/);
    const rows = run.app.db.select().from(people).all();
    expect(rows.length).toBe(before);
    expect(rows.some((p) => p.fullName === 'Миронова Светлана Юрьевна')).toBe(false);
    expect(run.app.db.select().from(people).where(eq(people.schoolId, schoolsOf(run.app.db, findMunicipality(run.app.db, 'Тестовый район')!.id).find((s) => s.shortName === 'Ильинская ООШ')!.id)).all()).toHaveLength(1);
    // The erased person is a stranger to the bot now.
    run.driver.say(TEACHER, '/my');
    await run.driver.waitForText(TEACHER, /Сначала нужно присоединиться/);
  });

  it('records each administrative act once in the audit log, which the coordinator can read', async () => {
    const municipality = findMunicipality(run.app.db, 'Тестовый район')!;
    const actions = auditOf(run.app.db, municipality.id).map((e) => e.action).sort();
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
    const since = run.driver.messages(COORDINATOR).length;
    run.driver.say(COORDINATOR, '/audit');
    const log = await run.driver.waitForText(COORDINATOR, /Журнал действий \(последние 9 записей\)/, since);
    expect(log.text).toContain('Координатова Елена Павловна: назначение');
  });
});
