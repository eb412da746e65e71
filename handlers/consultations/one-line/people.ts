// Finds a person in the line: a surname, first name and patronymic in any
// case form, or a surname with initials ("Иванова", "с Марией Петровной",
// "Иванова М.П."). It takes the longest run of name words that fits someone,
// so a following word that is nobody's name stays for the other readers.
import type { Line, NameParts, Recogniser } from './model.js';
import { matchAt, skipSpaces, sticky } from './text.js';

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
export const person: Recogniser = (line, at) => {
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
