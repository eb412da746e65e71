// Finds a school in the line, by number ("школа 3", "СОШ №12", "в 5-й
// гимназии") or by the word that tells it apart from the others
// ("в Ильинской"). "в"/"во" before a school implies a visit. A school number
// nobody has is read but reported as unread.
import { HOUR_UNIT, MINUTE_UNIT } from './durations.js';
import { invalid, type Hit, type Line, type School } from './model.js';
import { inflections } from './names.js';
import { matchAt, normalize, sticky } from './text.js';
import type { Counterpart } from './types.js';

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

export function schoolOf(counterpart: Counterpart): School {
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

export function schoolByNumber(line: Line, at: number): Hit | undefined {
  const match = matchAt(SCHOOL_BY_NUMBER, line.norm, at) ?? matchAt(SCHOOL_BY_ORDINAL, line.norm, at);
  if (!match) return undefined;
  const ids = line.schools.filter((school) => school.numbers.has(Number(match[2]))).map((school) => school.id);
  return schoolHit(ids, match[1], at + match[0].length);
}

export function schoolByWord(line: Line, at: number): Hit | undefined {
  const match = matchAt(SCHOOL_WORD, line.norm, at);
  const word = match?.[2] ?? '';
  const ids = line.schools.filter((school) => school.words.has(word)).map((school) => school.id);
  if (!match || ids.length === 0) return undefined;
  const end = at + match[0].length;
  const kind = matchAt(TRAILING_KIND, line.norm, end);
  return schoolHit(ids, match[1], end + (kind?.[0].length ?? 0));
}
