// The consultation log on both messengers, in a UTC+10 municipality where the
// local date is a day ahead of UTC: a tutor logs through the dialog and in
// one line; the coordinator's totals and XLSX show both with the right
// durations and local dates; people outside their scope save nothing.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../db/repos/assignments.js';
import { consultations } from '../../db/schema.js';
import { FakeClock } from '../../handlers/core/clock.js';
import { seedMunicipality } from '../helpers/seed.js';
import { act as actOn, messengers, type Act } from './drivers.js';
import { journey } from './journey-setup.js';

const COORD = 7001;
const TUTOR = 7002;
const TEACHER = 7003;
const LONELY_MENTOR = 7004;

describe.each(messengers)('consultations on %s', (platform) => {
  // 01:30 on 19 March in Vladivostok, still 18 March in UTC.
  const clock = new FakeClock('2026-03-18T15:30:00Z');
  const run = journey(platform, {
    clock,
    seed: (db) => {
      const seeded = seedMunicipality(db, {
        platform,
        timezone: 'Asia/Vladivostok',
        schools: [
          { short: 'Школа А', statuses: ['low_results'] },
          { short: 'Школа Б', statuses: ['leader'] },
        ],
        people: [
          { name: 'Координатова Елена Павловна', role: 'coordinator', user: COORD },
          { name: 'Тьюторов Игорь Семёнович', role: 'tutor', school: 'Школа Б', subjects: ['math'], user: TUTOR },
          { name: 'Иванова Мария Петровна', role: 'teacher', school: 'Школа А', subjects: ['math'], user: TEACHER },
          { name: 'Сидоров Пётр Ильич', role: 'teacher', school: 'Школа А', subjects: ['math'] },
          { name: 'Одинокова Нина Львовна', role: 'mentor', school: 'Школа Б', user: LONELY_MENTOR },
        ],
      });
      createAssignment(db, {
        kind: 'tutor_teacher',
        municipalityId: seeded.municipalityId,
        helperId: seeded.personIds.get('Тьюторов Игорь Семёнович')!,
        teacherId: seeded.personIds.get('Иванова Мария Петровна')!,
        subject: 'math',
        startsOn: '2026-01-10',
      });
    },
  });

  const act = (user: number, how: Act, expected: RegExp) => actOn(run.driver, user, how, expected);

  it('logs through the dialog', async () => {
    await act(TUTOR, { say: '/log' }, /С кем была консультация/);
    await act(TUTOR, { press: 'Иванова Мария Петровна (Школа А)' }, /Когда\?/);
    await act(TUTOR, { press: 'Вчера' }, /Сколько длилась/);
    await act(TUTOR, { press: '45 мин' }, /Как проходила/);
    await act(TUTOR, { press: 'онлайн' }, /Тема\?/);
    await act(TUTOR, { press: 'Подготовка к ВПР' }, /Итог или следующий шаг/);
    const summary = await act(TUTOR, { press: 'Пропустить' }, /Сохранить\?/);
    expect(summary.text).toContain('Когда: 18.03.2026');
    await act(TUTOR, { press: 'Сохранить' }, /Записал/);
  });

  it('logs in one line, with today as the local date', async () => {
    const summary = await act(TUTOR, { say: '/log Иванова 1,5 ч очно: разбор заданий ОГЭ' }, /Сохранить\?/);
    expect(summary.text).toContain('С кем: Иванова Мария Петровна (Школа А)');
    expect(summary.text).toContain('Когда: 19.03.2026');
    expect(summary.text).toContain('Длительность: 90 мин');
    expect(summary.text).toContain('Тема: разбор заданий ОГЭ');
    await act(TUTOR, { press: 'Сохранить' }, /Записал/);
    await act(TUTOR, { say: '/mylog' }, /Консультации в этом месяце: 2, время: 2 ч 15 мин/);
  });

  it('refuses people outside their scope and saves nothing', async () => {
    await act(LONELY_MENTOR, { say: '/log Иванова 30 мин онлайн: тема' }, /У вас пока нет назначений/);
    await act(TEACHER, { say: '/log' }, /У вас пока нет назначений/);
    const fallback = await act(TUTOR, { say: '/log Сидоров 30 мин онлайн: чужой педагог' }, /С кем была консультация/);
    expect(fallback.buttons.map((b) => b.label)).toEqual(['Иванова Мария Петровна (Школа А)']);
    await act(TUTOR, { say: 'Сидоров' }, /Не нашёл ничего по запросу «Сидоров»/);
    await act(TUTOR, { say: '/cancel' }, /отменил/);
    expect(run.app.db.select().from(consultations).all()).toHaveLength(2);
  });

  it('gives the coordinator totals and an XLSX with local dates and durations', async () => {
    const report = await act(COORD, { say: '/consultations' }, /Консультации с 01.03.2026 по 19.03.2026: 2, часов: 2,3/);
    expect(report.text).toContain('Школа А: 2 (часов: 2,3)');
    expect(report.text).toContain('Тьюторов Игорь Семёнович → Иванова Мария Петровна: 2 (часов: 2,3)');
    await act(COORD, { press: 'Скачать XLSX' }, /Выгрузка готова: 2 записи/);
    const file = run.driver.lastDocument(COORD);
    expect(file).toBeDefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[6], r[7]])).toEqual([
      ['18.03.2026', 'Иванова Мария Петровна', 45, 'онлайн', 'Подготовка к ВПР'],
      ['19.03.2026', 'Иванова Мария Петровна', 90, 'очно', 'разбор заданий ОГЭ'],
    ]);
  });
});
