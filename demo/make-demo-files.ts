// Writes the demo files the README's playground session uses, as a district
// keeps them: a list of schools (XLSX), a list of people (CSV, as Excel saves
// it with semicolons) and the road-map order (DOCX: an approval block, the
// plan as a Word table with section rows and a merged deadline, the
// signature). Every name is invented. The files are committed; run
// `npm run demo:files` after changing this script.
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';

const folder = dirname(fileURLToPath(import.meta.url));

/** Three schools new to the demo municipality, and one it has (its status changes). */
export const demoSchoolRows = [
  ['МКОУ «Берёзовская основная школа»', 'Берёзовская ООШ', 'ШНОР'],
  ['МБОУ «Средняя школа № 3»', 'СШ № 3', 'ШНСУ, ШНОР'],
  ['МКОУ «Луговская средняя школа»', 'Луговская СОШ', 'школа с рисками'],
  ['МБОУ «Средняя школа № 1»', 'СШ № 1', 'лидер, партнёр'],
] as const;

/** People of the new schools: an admin and teachers at each, a mentor and a tutor. */
export const demoPeopleRows = [
  ['Орлова Марина Викторовна', 'директор', 'Берёзовская ООШ', ''],
  ['Тихонов Алексей Петрович', 'учитель', 'Берёзовская ООШ', 'математика, физика'],
  ['Зайцева Елена Андреевна', 'учитель', 'Берёзовская ООШ', 'русский язык'],
  ['Никитин Сергей Иванович', 'заместитель директора', 'СШ № 3', ''],
  ['Полякова Дарья Олеговна', 'учитель', 'СШ № 3', 'математика'],
  ['Фёдорова Ольга Сергеевна', 'учитель', 'Луговская СОШ', 'литература; русский язык'],
  ['Громов Игорь Николаевич', 'наставник', 'СШ № 3', ''],
  ['Королёва Юлия Павловна', 'тьютор', 'Луговская СОШ', 'математика'],
] as const;

export async function schoolsXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Школы');
  sheet.addRow(['Перечень общеобразовательных организаций Демо-района']);
  sheet.addRow([]);
  sheet.addRow(['Наименование ОО', 'Краткое наименование', 'Статус']);
  for (const row of demoSchoolRows) sheet.addRow([...row]);
  sheet.getRow(3).font = { bold: true };
  sheet.columns = [{ width: 40 }, { width: 22 }, { width: 18 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function peopleCsv(): Buffer {
  const lines = [['ФИО', 'Должность', 'Школа', 'Предметы'], ...demoPeopleRows].map((cells) => cells.join(';'));
  // With a byte-order mark, as Excel saves "CSV UTF-8".
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

type Cell = string | { text: string; rowSpan?: number; columnSpan?: number };

function cell(spec: Cell): TableCell {
  const c = typeof spec === 'string' ? { text: spec } : spec;
  return new TableCell({
    children: c.text.split('\n').map((line) => new Paragraph(line)),
    ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}),
    ...(c.columnSpan ? { columnSpan: c.columnSpan } : {}),
  });
}

function table(rows: Cell[][]): Table {
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((cells) => new TableRow({ children: cells.map(cell) })) });
}

const section = (title: string): Cell[] => [{ text: title, columnSpan: 5 }];

/** The order with its road map for the 2026–2027 school year. */
export function roadmapDocx(): Promise<Buffer> {
  const centered = (text: string, bold = false) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('УТВЕРЖДЁН приказом управления образования Демо-района от 28.08.2026 № 214')] }),
          table([
            ['СОГЛАСОВАНО', 'УТВЕРЖДАЮ'],
            ['Директор ИМЦ\n__________ Н. В. Карпова', 'Начальник управления образования\n__________ И. П. Соколова'],
          ]),
          new Paragraph(''),
          centered('План мероприятий («дорожная карта»)', true),
          centered('по сопровождению школ с низкими образовательными результатами и школ, функционирующих в неблагоприятных социальных условиях, на 2026-2027 учебный год', true),
          new Paragraph(''),
          table([
            ['№ п/п', 'Мероприятие', 'Срок', 'Ответственные', 'Ожидаемый результат'],
            section('1. Организационно-управленческие мероприятия'),
            ['1.1', 'Создание муниципальной рабочей группы по сопровождению ШНОР и ШНСУ', 'до 15.09.2026', 'Управление образования', 'Приказ о рабочей группе'],
            ['1.2', 'Закрепление наставников и тьюторов за школами', 'Сентябрь 2026', 'Управление образования', 'Приказ, список пар'],
            ['1.3', 'Разработка школьных программ перехода в эффективный режим', 'до 01.10.2026', 'Руководители ОО', 'Программы школ'],
            section('2. Диагностика'),
            ['2.1', 'Входная диагностика обучающихся 5–9 классов по математике и русскому языку', 'Октябрь 2026', 'ИМЦ, руководители ОО', 'Аналитическая справка'],
            ['2.2', 'Анкетирование педагогов о профессиональных дефицитах', { text: 'Ноябрь 2026', rowSpan: 2 }, 'ИМЦ', 'Карта дефицитов'],
            ['2.3', 'Анкетирование родителей об образовательных запросах', 'Руководители ОО', 'Сводка по школам'],
            section('3. Методическая поддержка педагогов'),
            ['3.1', 'Консультации тьюторов для учителей математики', 'Ежемесячно', 'Тьюторы', 'Журнал консультаций'],
            ['3.2', 'Семинар «Работа с результатами ВПР»', 'до 25.12.2026', 'ИМЦ', 'Программа семинара'],
            ['3.3', 'Взаимопосещение уроков в парах «школа-лидер — школа-партнёр»', 'По итогам четверти', 'Руководители ОО', 'Протоколы посещений'],
            ['3.4', 'Курсы повышения квалификации по формирующему оцениванию', 'Январь-февраль 2027', 'ИМЦ', 'Удостоверения'],
            section('4. Мониторинг и подведение итогов'),
            ['4.1', 'Мониторинг реализации школьных программ', 'Март 2027', 'Управление образования', 'Аналитическая справка'],
            ['4.2', 'Итоговая муниципальная конференция', 'Май 2027', 'Управление образования, ИМЦ', 'Резолюция конференции'],
          ]),
          new Paragraph(''),
          new Paragraph('Начальник управления образования                                   И. П. Соколова'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

export const demoFiles = { 'schools.xlsx': schoolsXlsx, 'people.csv': async () => peopleCsv(), 'roadmap.docx': roadmapDocx };

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, make] of Object.entries(demoFiles)) {
    await writeFile(join(folder, name), await make());
    process.stdout.write(`demo/${name}\n`);
  }
}
