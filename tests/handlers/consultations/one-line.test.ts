// The one-line consultation log as tutors and mentors type it, each line
// with the exact result expected: durations, dates, names in several cases,
// school numbers and names, formats, topics, and what must stay unread
// (garbage, future dates, impossible durations, unknown schools). Today is
// Wednesday 2026-03-18 throughout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOneLine, type Counterpart, type OneLineContext, type OneLineResult } from '../../../handlers/consultations/one-line.js';

const COUNTERPARTS: Counterpart[] = [
  { id: 1, kind: 'person', names: ['Иванова Мария Петровна'] },
  { id: 2, kind: 'person', names: ['Иванова Анна Сергеевна'] },
  { id: 3, kind: 'person', names: ['Петров Пётр Павлович'] },
  { id: 4, kind: 'person', names: ['Петрова Марина Ивановна'] },
  { id: 5, kind: 'person', names: ['Сидоров Алексей Николаевич'] },
  { id: 6, kind: 'person', names: ['Ким Ольга Викторовна'] },
  { id: 7, kind: 'person', names: ['Соколовский Игорь Андреевич'] },
  { id: 10, kind: 'school', names: ['МБОУ «Средняя школа № 3»', 'СШ № 3'] },
  { id: 11, kind: 'school', names: ['МКОУ «Ильинская основная школа»', 'Ильинская ОШ'] },
  { id: 12, kind: 'school', names: ['МБОУ «Средняя общеобразовательная школа № 12 имени А. С. Пушкина»', 'СОШ № 12'] },
];

const CONTEXT: OneLineContext = { today: '2026-03-18', counterparts: COUNTERPARTS };

type Case = [line: string, expected: OneLineResult];

const EXAMPLES_FROM_THE_BRIEF: Case[] = [
  [
    'Иванова 45 мин онлайн: разбор ВПР по математике',
    { ambiguous: [1, 2], minutes: 45, format: 'online', topic: 'разбор ВПР по математике', unread: [], complete: false },
  ],
  ['вчера школа 3 выезд 2 ч', { counterpartId: 10, date: '2026-03-17', minutes: 120, format: 'school_visit', unread: [], complete: false }],
  [
    'Петрова М.И. 1,5 ч очно тема: подготовка к ОГЭ',
    { counterpartId: 4, minutes: 90, format: 'in_person', topic: 'подготовка к ОГЭ', unread: [], complete: true },
  ],
  ['12.03 Сидоров 30 минут по телефону', { counterpartId: 5, date: '2026-03-12', minutes: 30, format: 'phone', unread: [], complete: false }],
];

const PEOPLE_IN_SEVERAL_CASES: Case[] = [
  ['Иванова М.П. 45 минут онлайн: разбор ВПР', { counterpartId: 1, minutes: 45, format: 'online', topic: 'разбор ВПР', unread: [], complete: true }],
  [
    'Ивановой Анне 90 минут очно: подготовка к ОГЭ',
    { counterpartId: 2, minutes: 90, format: 'in_person', topic: 'подготовка к ОГЭ', unread: [], complete: true },
  ],
  ['с Ивановой Марией 1ч30м zoom разбор ВПР', { counterpartId: 1, minutes: 90, format: 'online', topic: 'разбор ВПР', unread: [], complete: true }],
  [
    'Иванову А.С. 1.5 часа дистанционно: проектная работа',
    { counterpartId: 2, minutes: 90, format: 'online', topic: 'проектная работа', unread: [], complete: true },
  ],
  [
    'Петров П.П. 2 часа встреча: план наставничества',
    { counterpartId: 3, minutes: 120, format: 'in_person', topic: 'план наставничества', unread: [], complete: true },
  ],
  ['Петров Петр 45 мин очно: ВПР', { counterpartId: 3, minutes: 45, format: 'in_person', topic: 'ВПР', unread: [], complete: true }],
  [
    'Петрову полчаса звонок по поводу олимпиады',
    { ambiguous: [3, 4], minutes: 30, format: 'phone', topic: 'по поводу олимпиады', unread: [], complete: false },
  ],
  [
    'Марии Петровне 45м вебинар: функциональная грамотность',
    { counterpartId: 1, minutes: 45, format: 'online', topic: 'функциональная грамотность', unread: [], complete: true },
  ],
  ['Сидорову час лично: разбор контрольной', { counterpartId: 5, minutes: 60, format: 'in_person', topic: 'разбор контрольной', unread: [], complete: true }],
  [
    'с Ким полтора часа по видеосвязи: родительское собрание',
    { counterpartId: 6, minutes: 90, format: 'online', topic: 'родительское собрание', unread: [], complete: true },
  ],
  [
    'Соколовскому 1 ч 30 мин визит: посещение уроков',
    { counterpartId: 7, minutes: 90, format: 'school_visit', topic: 'посещение уроков', unread: [], complete: true },
  ],
  ['ИВАНОВОЙ М.П. 45 МИН ОНЛАЙН: впр', { counterpartId: 1, minutes: 45, format: 'online', topic: 'впр', unread: [], complete: true }],
  [
    'консультация с Ивановой М.П. 45 мин онлайн: ВПР',
    { counterpartId: 1, minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true },
  ],
];

const SCHOOLS: Case[] = [
  ['сш№3 2ч выезд: методический день', { counterpartId: 10, minutes: 120, format: 'school_visit', topic: 'методический день', unread: [], complete: true }],
  ['школа №3 90 минут посещение: аудит', { counterpartId: 10, minutes: 90, format: 'school_visit', topic: 'аудит', unread: [], complete: true }],
  [
    'СШ 3 позавчера 45 мин очно: совещание',
    { counterpartId: 10, date: '2026-03-16', minutes: 45, format: 'in_person', topic: 'совещание', unread: [], complete: true },
  ],
  ['в школе 3 2 ч: мониторинг', { counterpartId: 10, minutes: 120, format: 'school_visit', topic: 'мониторинг', unread: [], complete: true }],
  ["в 3 школе 30' по телефону: график", { counterpartId: 10, minutes: 30, format: 'phone', topic: 'график', unread: [], complete: true }],
  ['№12 45 мин онлайн: ВПР', { counterpartId: 12, minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true }],
  ['мбоу сош 12 1,5 ч очно: ВПР', { counterpartId: 12, minutes: 90, format: 'in_person', topic: 'ВПР', unread: [], complete: true }],
  [
    'в Ильинской полтора часа: знакомство с командой',
    { counterpartId: 11, minutes: 90, format: 'school_visit', topic: 'знакомство с командой', unread: [], complete: true },
  ],
  ['Ильинская ОШ 45 мин онлайн тема ВПР', { counterpartId: 11, minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true }],
  ['в Ильинскую школу выезд 2 ч: аудит', { counterpartId: 11, minutes: 120, format: 'school_visit', topic: 'аудит', unread: [], complete: true }],
];

const DATES: Case[] = [
  [
    'сегодня Сидоров 30 минут телефон: расписание',
    { counterpartId: 5, date: '2026-03-18', minutes: 30, format: 'phone', topic: 'расписание', unread: [], complete: true },
  ],
  ['позавчера Ким 45 мин очно: проект', { counterpartId: 6, date: '2026-03-16', minutes: 45, format: 'in_person', topic: 'проект', unread: [], complete: true }],
  [
    'в понедельник Петрова М.И. 1 час онлайн: ВПР',
    { counterpartId: 4, date: '2026-03-16', minutes: 60, format: 'online', topic: 'ВПР', unread: [], complete: true },
  ],
  ['в среду Сидоров 45 мин очно: ВПР', { counterpartId: 5, date: '2026-03-18', minutes: 45, format: 'in_person', topic: 'ВПР', unread: [], complete: true }],
  ['пт Сидоров 45 мин очно: ВПР', { counterpartId: 5, date: '2026-03-13', minutes: 45, format: 'in_person', topic: 'ВПР', unread: [], complete: true }],
  ['вс Ким 2 ч лично: проект', { counterpartId: 6, date: '2026-03-15', minutes: 120, format: 'in_person', topic: 'проект', unread: [], complete: true }],
  ['12 марта Ким 45 мин онлайн: ВПР', { counterpartId: 6, date: '2026-03-12', minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true }],
  ['20.03 Ким 45 мин онлайн: ВПР', { counterpartId: 6, date: '2025-03-20', minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true }],
  ['12.03.2026 Ким 45 мин онлайн: ВПР', { counterpartId: 6, date: '2026-03-12', minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true }],
  ['12.03.25 Ким 45 мин онлайн: ВПР', { counterpartId: 6, date: '2025-03-12', minutes: 45, format: 'online', topic: 'ВПР', unread: [], complete: true }],
];

const UNREAD: Case[] = [
  ['20.03.2026 Петров П.П. 45м очно', { counterpartId: 3, minutes: 45, format: 'in_person', unread: ['20.03.2026'], complete: false }],
  ['25 марта 2026 Ким 45 мин', { counterpartId: 6, minutes: 45, unread: ['25 марта 2026'], complete: false }],
  ['31.02 Иванова А.С. 45 мин', { counterpartId: 2, minutes: 45, unread: ['31.02'], complete: false }],
  ['Иванова М.П. 700 минут онлайн: ВПР', { counterpartId: 1, format: 'online', topic: 'ВПР', unread: ['700 минут'], complete: false }],
  ['Сидоров 3 мин очно', { counterpartId: 5, format: 'in_person', unread: ['3 мин'], complete: false }],
  ['Сидоров 11 ч очно', { counterpartId: 5, format: 'in_person', unread: ['11 ч'], complete: false }],
  ['Смирнова 45 мин онлайн разбор ВПР', { minutes: 45, format: 'online', topic: 'разбор ВПР', unread: ['Смирнова'], complete: false }],
  ['Иванова Ольга 45 мин онлайн: ВПР', { ambiguous: [1, 2], minutes: 45, format: 'online', topic: 'ВПР', unread: ['Ольга'], complete: false }],
  ['в школе 7 2 ч', { minutes: 120, unread: ['в школе 7'], complete: false }],
  ['Ильинская школа 3 2 ч', { counterpartId: 11, minutes: 120, unread: ['школа 3'], complete: false }],
  ['Иванова М.П. 45 мин онлайн 2 ч', { counterpartId: 1, minutes: 45, format: 'online', unread: ['2 ч'], complete: false }],
  ['45 мин онлайн очно', { minutes: 45, format: 'online', unread: ['очно'], complete: false }],
  ['Сидоров 14:30 45 мин онлайн: ВПР', { counterpartId: 5, minutes: 45, format: 'online', topic: 'ВПР', unread: ['14:30'], complete: false }],
  ['Сидоров 2 ч очно разбор', { counterpartId: 5, minutes: 120, format: 'in_person', unread: ['разбор'], complete: false }],
  ['абырвалг', { unread: ['абырвалг'], complete: false }],
];

const TOPICS_AND_EDGES: Case[] = [
  [
    'Иванова М.П., 45 мин, онлайн, разбор ВПР и ОГЭ.',
    { counterpartId: 1, minutes: 45, format: 'online', topic: 'разбор ВПР и ОГЭ', unread: [], complete: true },
  ],
  ['Петрова 45 мин онлайн:', { ambiguous: [3, 4], minutes: 45, format: 'online', unread: [], complete: false }],
  ['тема: ВПР', { topic: 'ВПР', unread: [], complete: false }],
  ['', { unread: [], complete: false }],
  ['   ', { unread: [], complete: false }],
];

describe('parseOneLine', () => {
  describe.each([
    ['the brief’s examples', EXAMPLES_FROM_THE_BRIEF],
    ['people in several cases', PEOPLE_IN_SEVERAL_CASES],
    ['schools by number and by name', SCHOOLS],
    ['dates', DATES],
    ['what stays unread', UNREAD],
    ['topics and edges', TOPICS_AND_EDGES],
  ])('%s', (_title, cases) => {
    it.each(cases)('%j', (line, expected) => {
      expect(parseOneLine(line, CONTEXT)).toStrictEqual(expected);
    });
  });

  it('reads no date when today is not a date', () => {
    expect(parseOneLine('вчера Ким 45 мин', { ...CONTEXT, today: 'soon' })).toStrictEqual({
      counterpartId: 6,
      minutes: 45,
      unread: ['вчера'],
      complete: false,
    });
  });

  it('never throws, and every unread fragment is a piece of the line', () => {
    const alphabet = fc.constantFrom(...'Иванова Ким школа №3 1,5 ч 45 мин: тема 12.03 вчера пн в с . , - \' ё'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet })), (line) => {
        const result = parseOneLine(line, CONTEXT);
        expect(result.unread.every((fragment) => fragment !== '' && line.includes(fragment))).toBe(true);
        expect(result.date === undefined || result.date <= CONTEXT.today).toBe(true);
      }),
    );
  });
});
