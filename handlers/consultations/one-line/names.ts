// Russian word forms for matching counterparts as people write them after a
// preposition: "с Ивановой", "у Петрова", "для Ильинской школы". Every name
// as stored is expanded into its case forms once per line, generously rather
// than exactly, so that matching is a set lookup.
import type { NameParts } from './model.js';
import { normalize } from './text.js';

/** The case forms of a noun or adjective, by its ending; generous rather than exact. */
export function inflections(word: string): string[] {
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

export function nameParts(name: string): NameParts {
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
