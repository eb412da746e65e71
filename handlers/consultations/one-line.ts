// Reads the one line a tutor or mentor types right after a consultation,
// "/log Иванова 45 мин онлайн: разбор ВПР", into with whom, when, how long,
// how and about what. Written by hand: no library reads Russian durations,
// relative dates and declined surnames together, and the line is short
// enough for a small scanner; the calendar itself is luxon's. Whatever it
// cannot place is handed back as unread for the fallback dialog to show,
// never guessed, and it never throws.
//
// The scanner walks the line before the topic from left to right and, at
// each word, tries in turn: a duration, a date, a counterpart (school or
// person), a format. A word nothing claims is left over; runs of left-over
// words become the topic when there is no explicit one, else are unread.
import { DateTime } from 'luxon';

export type ConsultationFormat = 'in_person' | 'online' | 'school_visit' | 'phone';

/** A person the author works with, or a school; names as stored: "Иванова Мария Петровна", or a school's full and short names. */
export interface Counterpart {
  id: number;
  kind: 'person' | 'school';
  names: string[];
}

export interface OneLineContext {
  /** The author's local date, YYYY-MM-DD. */
  today: string;
  counterparts: Counterpart[];
}

export interface OneLineResult {
  /** The one counterpart the line names. */
  counterpartId?: number;
  /** Several counterparts fit (two Ивановы): the dialog asks which. */
  ambiguous?: number[];
  /** YYYY-MM-DD; absent when the line names no date (the caller takes today). */
  date?: string;
  minutes?: number;
  format?: ConsultationFormat;
  topic?: string;
  /** Fragments it could not place, as written, in the order of the line. */
  unread: string[];
  /** Counterpart, minutes, format and topic known, and nothing unread. */
  complete: boolean;
}

const MIN_MINUTES = 5;
const MAX_MINUTES = 600;
/** How many years back "29.02" without a year may look for a leap year. */
const YEARS_BACK = 8;

// ---------------------------------------------------------------- text

/** Lower case, ё as е and odd spaces as plain ones, keeping every index of the original text. */
function normalize(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out.replace(/ё/gu, 'е').replace(/[\u00a0\u2007\u2009\u202f\t\r\n]/gu, ' ');
}

/** A regular expression matched exactly at a position and ending at a word's end. */
function sticky(source: string): RegExp {
  return new RegExp(`(?:${source})(?![\\p{L}\\p{N}])`, 'uy');
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function trimPunctuation(text: string): string {
  return text.replace(/^[\s.,;:!?\-–—]+|[\s.,;:!?\-–—]+$/gu, '');
}

/** Words of at least two letters: "разбор ВПР" has two, "с Ивановой" one. */
function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => (word.match(/\p{L}/gu)?.length ?? 0) >= 2).length;
}

// ---------------------------------------------------------------- scanning model

type Found =
  | { kind: 'date'; date: string }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'format'; format: ConsultationFormat }
  | { kind: 'counterpart'; ids: number[]; implies?: ConsultationFormat }
  /** Read, but impossible: a future date, 700 minutes, a school number nobody has. */
  | { kind: 'invalid' };

interface Hit {
  end: number;
  found: Found;
}

interface NameParts {
  surname: Set<string>;
  given: Set<string>;
  patronymic: Set<string>;
  givenInitial: string;
  patronymicInitial: string;
}

interface Person {
  id: number;
  names: NameParts[];
}

interface School {
  id: number;
  numbers: Set<number>;
  words: Set<string>;
}

interface Line {
  norm: string;
  /** Invalid when the context's today is not a date: then every date read is unread. */
  today: DateTime;
  people: Person[];
  schools: School[];
}

type Recogniser = (line: Line, at: number) => Hit | undefined;

const invalid = (end: number): Hit => ({ end, found: { kind: 'invalid' } });

// ---------------------------------------------------------------- durations

const HOUR_UNIT = '(?:ч|час|часа|часов)\\.?';
const MINUTE_UNIT = '(?:м|мин|минут|минуты|минута|минуту)\\.?';
const HOURS_AND_MINUTES = sticky(`(\\d{1,2})\\s*${HOUR_UNIT}\\s*(\\d{1,2})\\s*${MINUTE_UNIT}`);
const HOURS = sticky(`(\\d{1,2}(?:[.,]\\d{1,2})?)\\s*${HOUR_UNIT}`);
const MINUTES = sticky(`(\\d{1,4})\\s*(?:${MINUTE_UNIT}|['’′])`);
const WORD_DURATIONS: [RegExp, number][] = [
  [sticky('пол\\s*часа'), 30],
  [sticky('полтора\\s*(?:часа|ч\\.?)'), 90],
  [sticky('(?:один\\s+)?час'), 60],
  [sticky('два\\s+часа'), 120],
  [sticky('три\\s+часа'), 180],
  [sticky('четыре\\s+часа'), 240],
];

function minutesHit(minutes: number, end: number): Hit {
  return minutes >= MIN_MINUTES && minutes <= MAX_MINUTES ? { end, found: { kind: 'minutes', minutes } } : invalid(end);
}

function numericDuration(norm: string, at: number): Hit | undefined {
  const both = matchAt(HOURS_AND_MINUTES, norm, at);
  if (both) return minutesHit(Number(both[1]) * 60 + Number(both[2]), at + both[0].length);
  const hours = matchAt(HOURS, norm, at);
  if (hours) return minutesHit(Math.round(Number((hours[1] ?? '').replace(',', '.')) * 60), at + hours[0].length);
  const minutes = matchAt(MINUTES, norm, at);
  return minutes ? minutesHit(Number(minutes[1]), at + minutes[0].length) : undefined;
}

const duration: Recogniser = (line, at) => {
  const numeric = numericDuration(line.norm, at);
  if (numeric) return numeric;
  for (const [pattern, minutes] of WORD_DURATIONS) {
    const match = matchAt(pattern, line.norm, at);
    if (match) return minutesHit(minutes, at + match[0].length);
  }
  return undefined;
};

// ---------------------------------------------------------------- dates

const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const YEAR_MARK = '(?:\\s*г(?:ода|\\.)?)?';
const RELATIVE = sticky('(сегодня|вчера|позавчера)');
const NUMERIC_DATE = sticky(`(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{4}|\\d{2})${YEAR_MARK})?(?![./]\\d)`);
const MONTH_DATE = sticky(`(\\d{1,2})\\s+(${MONTHS.join('|')})(?:\\s+(\\d{4})${YEAR_MARK})?`);
const WEEKDAY = sticky(
  '(?:(?:в|во)\\s+)?(понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)',
);
const DAYS_BACK: Record<string, number> = { сегодня: 0, вчера: 1, позавчера: 2 };
/** Weekday words and abbreviations by their first two letters, Monday = 1 as in luxon. */
const WEEKDAYS: Record<string, number> = { по: 1, пн: 1, вт: 2, ср: 3, че: 4, чт: 4, пя: 5, пт: 5, су: 6, сб: 6, во: 7, вс: 7 };

/** A date read from the line; a future one (or any, when today is unknown) is unread. */
function dateHit(date: DateTime, today: DateTime, end: number): Hit {
  return date.isValid && today.isValid && date.toMillis() <= today.toMillis() ? { end, found: { kind: 'date', date: date.toISODate() ?? '' } } : invalid(end);
}

/** The latest valid day-month not after today; a written year is taken as it is. */
function dayMonth(today: DateTime, day: number, month: number, year: string | undefined): DateTime {
  if (year !== undefined) return DateTime.utc(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
  for (let back = 0; back <= YEARS_BACK; back++) {
    const date = DateTime.utc(today.year - back, month, day);
    if (date.isValid && date.toMillis() <= today.toMillis()) return date;
  }
  return DateTime.invalid('no such day');
}

function calendarDate(line: Line, at: number, today: DateTime): Hit | undefined {
  const numeric = matchAt(NUMERIC_DATE, line.norm, at);
  if (numeric) return dateHit(dayMonth(today, Number(numeric[1]), Number(numeric[2]), numeric[3]), today, at + numeric[0].length);
  const named = matchAt(MONTH_DATE, line.norm, at);
  if (!named) return undefined;
  const month = MONTHS.indexOf(named[2] ?? '') + 1;
  return dateHit(dayMonth(today, Number(named[1]), month, named[3]), today, at + named[0].length);
}

function spokenDate(line: Line, at: number, today: DateTime): Hit | undefined {
  const relative = matchAt(RELATIVE, line.norm, at);
  if (relative) return dateHit(today.minus({ days: DAYS_BACK[relative[1] ?? ''] ?? 0 }), today, at + relative[0].length);
  const weekday = matchAt(WEEKDAY, line.norm, at);
  if (!weekday) return undefined;
  const target = WEEKDAYS[(weekday[1] ?? '').slice(0, 2)] ?? today.weekday;
  return dateHit(today.minus({ days: (today.weekday - target + 7) % 7 }), today, at + weekday[0].length);
}

const date: Recogniser = (line, at) => calendarDate(line, at, line.today) ?? spokenDate(line, at, line.today);

// ---------------------------------------------------------------- formats

const FORMAT_PREFIX = '(?:(?:в|во|по|через|на|с)\\s+)?';
const FORMATS: [ConsultationFormat, RegExp][] = [
  [
    'online',
    sticky(
      `${FORMAT_PREFIX}(?:онлайн|он-лайн|online|дистанционн(?:о|ая|ый|ом)|дистант|zoom|зуме?|вебинар[еа]?|видеосвязи|видеосвязь|видеозвонок|видеоконференци[яи]|сферуме?|skype|скайп[еу]?)`,
    ),
  ],
  ['in_person', sticky(`${FORMAT_PREFIX}(?:очно|очная|очный|лично|личная\\s+встреча|встреча|встрече|встречались|вживую|офлайн|оффлайн|offline)`)],
  ['school_visit', sticky(`${FORMAT_PREFIX}(?:выезд(?:ом|е)?|выездная|визит(?:ом|е)?|посещени[ея])|в\\s+школ[еу]`)],
  ['phone', sticky(`${FORMAT_PREFIX}(?:телефону?|телефоном|телефонн\\p{L}*|звонок|созвон|созвонились|тел\\.?)`)],
];

const format: Recogniser = (line, at) => {
  for (const [name, pattern] of FORMATS) {
    const match = matchAt(pattern, line.norm, at);
    if (match) return { end: at + match[0].length, found: { kind: 'format', format: name } };
  }
  return undefined;
};

// ---------------------------------------------------------------- word forms

/** The case forms of a noun or adjective, by its ending; generous rather than exact. */
function inflections(word: string): string[] {
  const rules: [RegExp, string[]][] = [
    [/ия$/u, ['ия', 'ии', 'ию', 'ией']],
    [/ая$/u, ['ая', 'ой', 'ую', 'ою']],
    [/яя$/u, ['яя', 'ей', 'юю']],
    [/(?:ий|ый|ой|ое|ее)$/u, ['ий', 'ый', 'ой', 'ое', 'ее', 'ого', 'его', 'ому', 'ему', 'им', 'ым', 'ом', 'ем']],
    [/а$/u, ['а', 'ы', 'и', 'е', 'у', 'ой', 'ою']],
    [/я$/u, ['я', 'и', 'е', 'ю', 'ей']],
    [/й$/u, ['й', 'я', 'ю', 'ем', 'е']],
    [/ь$/u, ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ью']],
  ];
  for (const [ending, forms] of rules) {
    const found = ending.exec(word);
    if (found) return forms.map((form) => word.slice(0, found.index) + form);
  }
  return /[бвгджзклмнпрстфхцчшщ]$/u.test(word) ? ['', 'а', 'у', 'ом', 'ем', 'е'].map((form) => word + form) : [word];
}

/** The case forms of a surname: Иванова → Ивановой, Иванову; Петров → Петрова, Петрову; Черных, Шевченко never change. */
function surnameForms(surname: string, female: boolean | undefined): string[] {
  if (/(?:ов|ев|ин|ын)$/u.test(surname)) return ['', 'а', 'у', 'ым', 'е'].map((form) => surname + form);
  if (/(?:ова|ева|ина|ына)$/u.test(surname)) return ['а', 'ой', 'у', 'ою'].map((form) => surname.slice(0, -1) + form);
  if (/(?:[ое]|[иы]х|[иуюэ])$/u.test(surname)) return [surname];
  if (female === true && /[бвгджзклмнпрстфхцчшщ]$/u.test(surname)) return [surname];
  return inflections(surname);
}

function nameParts(name: string): NameParts {
  const [surname = '', given = '', patronymic = ''] = normalize(name).split(/[\s,]+/u).filter(Boolean);
  const female = /(?:вна|чна|шна)$/u.test(patronymic) ? true : /ич$/u.test(patronymic) ? false : undefined;
  return {
    surname: new Set(surname ? surnameForms(surname, female) : []),
    given: new Set(given ? inflections(given) : []),
    patronymic: new Set(patronymic ? inflections(patronymic) : []),
    givenInitial: given.charAt(0),
    patronymicInitial: patronymic.charAt(0),
  };
}

// ---------------------------------------------------------------- schools

const SCHOOL_PREPOSITION = '(?:(в|во|из|для|с|со|у)\\s+)?';
const ORGANISATION = '(?:(?:мбоу|мкоу|маоу|моу|мбу|гбоу|гоу|моау)\\s+)?';
const SCHOOL_KIND = '(?:школ(?:а|е|у|ы|ой|ою)|шк\\.?|сш|сош|оош|ош|нош|гимнази(?:я|и|ю|ей)|лице(?:й|я|ю|ем|е))';
/** A number that is a duration or a date ("ОШ 45 мин", "школа 12.03") is not a school's number. */
const NOT_A_QUANTITY = `(?!\\s*(?:${HOUR_UNIT}|${MINUTE_UNIT})(?![\\p{L}\\p{N}])|\\s*['’′]|[.,/]\\d)`;
const SCHOOL_BY_NUMBER = sticky(`${SCHOOL_PREPOSITION}${ORGANISATION}(?:${SCHOOL_KIND}\\s*№?\\s*|№\\s*)(\\d{1,4})${NOT_A_QUANTITY}`);
const SCHOOL_BY_ORDINAL = sticky(`${SCHOOL_PREPOSITION}(\\d{1,4})(?:-?(?:я|й|ю|ой|ая|ую))?\\s+${SCHOOL_KIND}`);
const SCHOOL_WORD = sticky(`${SCHOOL_PREPOSITION}(\\p{L}+(?:-\\p{L}+)*)`);
const TRAILING_KIND = sticky(`\\s+${SCHOOL_KIND}(?!\\s*№?\\s*\\d{1,4}${NOT_A_QUANTITY}(?![\\p{L}\\p{N}]))`);
const NUMBER_IN_NAME = /(?:№|школа|сш|сош|оош|нош|гимназия|лицей)\s*№?\s*(\d{1,4})/gu;
/** Words every school name shares; what is left ("Ильинская", "Пушкина") tells schools apart. */
const GENERIC_SCHOOL_WORDS = new Set(
  (
    'мбоу мкоу маоу моу мбу гбоу гоу моау муниципальное муниципальная бюджетное бюджетная казенное казенная автономное ' +
    'государственное общеобразовательное общеобразовательная общеобразовательный учреждение организация средняя основная ' +
    'начальная школа школы гимназия лицей имени центр образования образовательный комплекс село села деревня деревни ' +
    'поселок поселка города района район округа городского муниципального области края республики'
  ).split(' '),
);

function schoolOf(counterpart: Counterpart): School {
  const names = counterpart.names.map(normalize);
  const numbers = names.flatMap((name) => [...name.matchAll(NUMBER_IN_NAME)].map((match) => Number(match[1])));
  const words = names
    .flatMap((name) => name.match(/\p{L}+(?:-\p{L}+)*/gu) ?? [])
    .filter((word) => word.length >= 4 && !GENERIC_SCHOOL_WORDS.has(word))
    .flatMap(inflections);
  return { id: counterpart.id, numbers: new Set(numbers), words: new Set(words) };
}

/** "в школе 3", "в Ильинской": being there means a visit, unless the line says otherwise. */
function schoolHit(ids: number[], preposition: string | undefined, end: number): Hit {
  if (ids.length === 0) return invalid(end);
  const visit = preposition === 'в' || preposition === 'во';
  return { end, found: visit ? { kind: 'counterpart', ids, implies: 'school_visit' } : { kind: 'counterpart', ids } };
}

function schoolByNumber(line: Line, at: number): Hit | undefined {
  const match = matchAt(SCHOOL_BY_NUMBER, line.norm, at) ?? matchAt(SCHOOL_BY_ORDINAL, line.norm, at);
  if (!match) return undefined;
  const ids = line.schools.filter((school) => school.numbers.has(Number(match[2]))).map((school) => school.id);
  return schoolHit(ids, match[1], at + match[0].length);
}

function schoolByWord(line: Line, at: number): Hit | undefined {
  const match = matchAt(SCHOOL_WORD, line.norm, at);
  const word = match?.[2] ?? '';
  const ids = line.schools.filter((school) => school.words.has(word)).map((school) => school.id);
  if (!match || ids.length === 0) return undefined;
  const end = at + match[0].length;
  const kind = matchAt(TRAILING_KIND, line.norm, end);
  return schoolHit(ids, match[1], end + (kind?.[0].length ?? 0));
}

// ---------------------------------------------------------------- people

const PERSON_PREPOSITION = /(?:с|со|у|к|для|от)\s+/uy;
const NAME_WORD = sticky('\\p{L}+(?:-\\p{L}+)*');
const INITIALS = /(\p{L})\.(?:\s?(\p{L})(?:\.|(?![\p{L}\p{N}])))?/uy;

/** Surname, first name, patronymic, or a surname with its initials (one token or two): never more. */
const MAX_NAME_TOKENS = 4;

type NameToken = { end: number } & ({ word: string } | { initials: [string, string | undefined] });

function isNameForm(line: Line, word: string): boolean {
  return line.people.some((person) => person.names.some((n) => n.surname.has(word) || n.given.has(word) || n.patronymic.has(word)));
}

function nameTokenAt(line: Line, at: number): NameToken | undefined {
  const initials = matchAt(INITIALS, line.norm, at);
  if (initials) return { end: at + initials[0].length, initials: [initials[1] ?? '', initials[2]] };
  const word = matchAt(NAME_WORD, line.norm, at)?.[0];
  return word !== undefined && isNameForm(line, word) ? { end: at + word.length, word } : undefined;
}

function skipSpaces(text: string, at: number): number {
  let next = at;
  while (text.charAt(next) === ' ') next++;
  return next;
}

/** Name words and initials one after another, up to the first word that is nobody's name or a comma. */
function nameTokens(line: Line, at: number): NameToken[] {
  const tokens: NameToken[] = [];
  let token = nameTokenAt(line, at);
  while (token && tokens.length < MAX_NAME_TOKENS) {
    tokens.push(token);
    token = nameTokenAt(line, skipSpaces(line.norm, token.end));
  }
  return tokens;
}

/** Every word is a part of this name, initials agree, and the surname (or first name and patronymic) is there. */
function fits(name: NameParts, tokens: NameToken[]): boolean {
  const seen = { surname: false, given: false, patronymic: false };
  for (const token of tokens) {
    if ('initials' in token) {
      const [first, second] = token.initials;
      if (first !== name.givenInitial || (second !== undefined && second !== name.patronymicInitial)) return false;
      continue;
    }
    const part = (['surname', 'given', 'patronymic'] as const).find((key) => name[key].has(token.word));
    if (!part) return false;
    seen[part] = true;
  }
  return seen.surname || (seen.given && seen.patronymic);
}

/** The longest run of name words and initials that fits someone; a trailing word that fits nobody is left out. */
const person: Recogniser = (line, at) => {
  const start = at + (matchAt(PERSON_PREPOSITION, line.norm, at)?.[0].length ?? 0);
  const tokens = nameTokens(line, start);
  for (let length = tokens.length; length > 0; length--) {
    const run = tokens.slice(0, length);
    const ids = line.people.filter((p) => p.names.some((name) => fits(name, run))).map((p) => p.id);
    const last = run[length - 1];
    if (ids.length > 0 && last) return { end: last.end, found: { kind: 'counterpart', ids } };
  }
  return undefined;
};

/** A school or a person; when both read the same words (a surname that is also a village), both are candidates. */
const counterpart: Recogniser = (line, at) => {
  const school = schoolByNumber(line, at) ?? schoolByWord(line, at);
  const someone = person(line, at);
  if (!school || !someone) return school ?? someone;
  if (school.end !== someone.end || school.found.kind !== 'counterpart' || someone.found.kind !== 'counterpart') {
    return school.end > someone.end ? school : someone;
  }
  return { end: school.end, found: { kind: 'counterpart', ids: [...school.found.ids, ...someone.found.ids] } };
};

// ---------------------------------------------------------------- the scan

const RECOGNISERS: Recogniser[] = [duration, date, counterpart, format];
const SEPARATOR = /[\s,;:!?()«»"“”„.\-–—]/u;
const LEFTOVER_WORD = /[^\s,;!?()«»"“”„]+/uy;
/** Words that say nothing alone (every entry is a consultation); a run made only of them is dropped, not reported. */
const FILLERS = new Set(['с', 'со', 'в', 'во', 'на', 'по', 'и', 'у', 'к', 'для', 'о', 'об', 'от', 'консультация', 'консультацию', 'конс']);

interface Piece {
  kind: 'word' | 'unread' | 'placed';
  start: number;
  end: number;
}

interface Scan {
  date?: string;
  minutes?: number;
  format?: ConsultationFormat;
  implied?: ConsultationFormat;
  ids?: number[];
  pieces: Piece[];
}

/** Takes a value unless a different one was read before ("45 мин … 2 ч"): then the second is unread. */
function take<K extends 'date' | 'minutes' | 'format'>(scan: Scan, key: K, value: NonNullable<Scan[K]>): boolean {
  if (scan[key] !== undefined && scan[key] !== value) return false;
  scan[key] = value;
  return true;
}

/** A second mention of a counterpart narrows the first ("Иванова … Мария Петровна"); one that contradicts it is unread. */
function narrow(scan: Scan, found: Extract<Found, { kind: 'counterpart' }>): boolean {
  const ids = scan.ids ? found.ids.filter((id) => scan.ids?.includes(id)) : found.ids;
  if (ids.length === 0) return false;
  scan.ids = [...new Set(ids)].sort((a, b) => a - b);
  scan.implied ??= found.implies;
  return true;
}

function accept(scan: Scan, found: Found): boolean {
  switch (found.kind) {
    case 'invalid':
      return false;
    case 'date':
      return take(scan, 'date', found.date);
    case 'minutes':
      return take(scan, 'minutes', found.minutes);
    case 'format':
      return take(scan, 'format', found.format);
    case 'counterpart':
      return narrow(scan, found);
  }
}

function scanLine(line: Line): Scan {
  const scan: Scan = { pieces: [] };
  let at = 0;
  while (at < line.norm.length) {
    if (SEPARATOR.test(line.norm.charAt(at))) {
      at++;
      continue;
    }
    const hit = RECOGNISERS.reduce<Hit | undefined>((found, recognise) => found ?? recognise(line, at), undefined);
    const end = hit?.end ?? at + (matchAt(LEFTOVER_WORD, line.norm, at)?.[0].length ?? 1);
    const kind = hit === undefined ? 'word' : accept(scan, hit.found) ? 'placed' : 'unread';
    scan.pieces.push({ kind, start: at, end });
    at = Math.max(end, at + 1);
  }
  return scan;
}

// ---------------------------------------------------------------- topic and result

interface Fragment {
  start: number;
  text: string;
}

interface Split {
  head: string;
  topic: string | undefined;
}

/** The first ":" that is not inside a time like 14:30. */
const TOPIC_COLON = /:(?!\d)|(?<!\d):/u;
const TOPIC_WORD_AT_END = /(?:^|[\s,;.])тема\s*$/u;
const TOPIC_WORD = /(?:^|[\s,;.])тема(?=\s|$)/u;

/** Text after the first ":" or after the word "тема" is the topic; the rest is read. */
function splitTopic(text: string): Split {
  const norm = normalize(text);
  const colon = TOPIC_COLON.exec(norm);
  if (colon) {
    const head = text.slice(0, colon.index);
    const label = TOPIC_WORD_AT_END.exec(normalize(head));
    return { head: label ? head.slice(0, label.index) : head, topic: trimPunctuation(text.slice(colon.index + 1)) || undefined };
  }
  const word = TOPIC_WORD.exec(norm);
  if (!word) return { head: text, topic: undefined };
  return { head: text.slice(0, word.index), topic: trimPunctuation(text.slice(word.index + word[0].length)) || undefined };
}

/** Consecutive left-over words as the author wrote them, each with where it starts. */
function leftoverRuns(head: string, pieces: Piece[]): Fragment[] {
  const runs: Piece[][] = [[]];
  for (const piece of pieces) {
    if (piece.kind === 'word') runs[runs.length - 1]?.push(piece);
    else runs.push([]);
  }
  return runs
    .filter((run) => run.length > 0)
    .filter((run) => !run.every((piece) => FILLERS.has(normalize(head.slice(piece.start, piece.end)))))
    .map((run) => ({ start: run[0]?.start ?? 0, text: trimPunctuation(head.slice(run[0]?.start ?? 0, run[run.length - 1]?.end ?? 0)) }))
    .filter((run) => run.text !== '');
}

function topicAndUnread(head: string, scan: Scan, explicit: string | undefined): { topic: string | undefined; unread: string[] } {
  const runs = leftoverRuns(head, scan.pieces);
  const topical = explicit === undefined ? runs.filter((run) => wordCount(run.text) >= 2) : [];
  const impossible = scan.pieces.filter((p) => p.kind === 'unread').map((p) => ({ start: p.start, text: trimPunctuation(head.slice(p.start, p.end)) }));
  const unread = [...runs.filter((run) => !topical.includes(run)), ...impossible].sort((a, b) => a.start - b.start).map((f) => f.text);
  const topic = explicit ?? (topical.length > 0 ? topical.map((run) => run.text).join(' ') : undefined);
  return { topic, unread };
}

function lineOf(head: string, context: OneLineContext): Line {
  const today = DateTime.fromISO(context.today, { zone: 'utc' });
  const counterparts = context.counterparts;
  return {
    norm: normalize(head),
    today: today.startOf('day'),
    people: counterparts.filter((c) => c.kind === 'person').map((c) => ({ id: c.id, names: c.names.map(nameParts) })),
    schools: counterparts.filter((c) => c.kind === 'school').map(schoolOf),
  };
}

function resultOf(scan: Scan, topic: string | undefined, unread: string[]): OneLineResult {
  const result: OneLineResult = { unread, complete: false };
  const [only, ...others] = scan.ids ?? [];
  if (only !== undefined && others.length === 0) result.counterpartId = only;
  if (others.length > 0) result.ambiguous = scan.ids;
  if (scan.date !== undefined) result.date = scan.date;
  if (scan.minutes !== undefined) result.minutes = scan.minutes;
  const format = scan.format ?? scan.implied;
  if (format !== undefined) result.format = format;
  if (topic !== undefined) result.topic = topic;
  result.complete = Boolean(result.counterpartId !== undefined && result.minutes && result.format && result.topic && unread.length === 0);
  return result;
}

/**
 * Reads a consultation logged in one line (the command word already
 * stripped): "Иванова 45 мин онлайн: разбор ВПР по математике",
 * "вчера школа 3 выезд 2 ч", "12.03 Сидоров 30 минут по телефону".
 */
export function parseOneLine(text: string, context: OneLineContext): OneLineResult {
  const { head, topic: explicit } = splitTopic(typeof text === 'string' ? text : '');
  const scan = scanLine(lineOf(head, context));
  const { topic, unread } = topicAndUnread(head, scan, explicit);
  return resultOf(scan, topic, unread);
}
