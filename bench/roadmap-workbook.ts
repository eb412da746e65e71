// The 1,000-row road map the scale benchmark imports: as a district sends
// it, with a title, the header, column numbers, ten Roman-numbered sections
// and the deadlines written every way the samples write them.
import ExcelJS from 'exceljs';

const ROADMAP_SECTIONS = ['Управленческие решения', 'Диагностика', 'Работа с педагогами', 'Наставничество', 'Сетевое взаимодействие', 'Работа с обучающимися', 'Работа с родителями', 'Методическое сопровождение', 'Мониторинг', 'Подведение итогов'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const ACTIVITIES = ['Семинар для учителей', 'Консультации наставника', 'Диагностика обучающихся', 'Открытые уроки', 'Совещание руководителей ОО', 'Курсы повышения квалификации', 'Анализ результатов', 'Родительское собрание', 'Стажировка в школе-лидере', 'Методический день'];
const DEADLINES: (string | Date)[] = [
  'до 01.10.2026',
  'Октябрь 2026',
  'Октябрь-ноябрь 2026',
  'IV кв.',
  'ежемесячно',
  'В течение учебного года',
  'Февраль 2027, апрель 2027',
  'по итогам 2 четверти',
  'до конца учебного года',
  new Date(Date.UTC(2027, 2, 15)),
];
const RESPONSIBLE = ['Управление образования', 'ИМЦ', 'Руководители ОО', 'ИМЦ, руководители ОО', 'Наставники', 'Тьюторы'];
const RESULTS = ['Приказ', 'Аналитическая справка', 'Программа семинара', 'Протокол', 'Отчёт', 'Журнал консультаций'];

/** A road map as a district sends it: a title, the header, column numbers, ten Roman-numbered sections of a hundred items. */
export async function roadmapWorkbook(items: number, subjects: readonly string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Дорожная карта');
  sheet.addRow(['План мероприятий («дорожная карта») на 2026-2027 учебный год']);
  sheet.addRow([]);
  sheet.addRow(['№ п/п', 'Мероприятие', 'Срок', 'Ответственный', 'Ожидаемый результат']);
  sheet.addRow([1, 2, 3, 4, 5]);
  const perSection = items / ROADMAP_SECTIONS.length;
  ROADMAP_SECTIONS.forEach((section, s) => {
    sheet.addRow([`${ROMAN[s] ?? ''}. ${section}`]);
    sheet.mergeCells(sheet.rowCount, 1, sheet.rowCount, 5);
    for (let i = 0; i < perSection; i++) {
      const k = s * perSection + i;
      sheet.addRow([
        `${s + 1}.${i + 1}`,
        `${ACTIVITIES[k % ACTIVITIES.length] ?? ''}: ${subjects[k % subjects.length] ?? ''}, этап ${i + 1}`,
        DEADLINES[k % DEADLINES.length] ?? '',
        RESPONSIBLE[k % RESPONSIBLE.length] ?? '',
        RESULTS[k % RESULTS.length] ?? '',
      ]);
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
