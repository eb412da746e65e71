// The school subjects people choose from. Stored as short keys; shown through
// the locale files. Import files may name them in free Russian.
export const subjects = [
  'math',
  'russian',
  'literature',
  'physics',
  'chemistry',
  'biology',
  'history',
  'social',
  'geography',
  'informatics',
  'english',
  'primary',
  'other',
] as const;
export type Subject = (typeof subjects)[number];

const synonyms: Record<Subject, RegExp> = {
  math: /матем|алгебр|геометр|math/,
  russian: /русск.*яз|^русский$|russian/,
  literature: /литерат|literature/,
  physics: /физик|physics/,
  chemistry: /хими|chemistry/,
  biology: /биолог|biology/,
  history: /истори|history/,
  social: /обществ|social/,
  geography: /географ|geography/,
  informatics: /информат|computer|informatics/,
  english: /англ|иностр|english/,
  primary: /начальн|primary/,
  other: /^$/,
};

export function isSubject(value: string): value is Subject {
  return (subjects as readonly string[]).includes(value);
}

/** Reads a free-text subject ("Математика", "русский язык"); undefined when unknown. */
export function subjectFromText(text: string): Subject | undefined {
  const t = text.trim().toLocaleLowerCase('ru');
  if (isSubject(t)) return t;
  return subjects.find((s) => s !== 'other' && synonyms[s].test(t));
}

/**
 * The stored key of a subject, whatever was stored: a key stays a key, free
 * text kept from an older import («математика») is read as onboarding reads
 * it, and anything else is «другое».
 */
export function subjectKey(value: string): Subject {
  return subjectFromText(value) ?? 'other';
}

/** A subject as a person reads it, in their language; never a raw key. */
export function subjectLabel(t: (key: string) => string, value: string | null | undefined): string {
  return t(`subject-${subjectKey(value ?? 'other')}`);
}

/** Reads a list such as "математика, физика"; unknown names are returned apart. */
export function subjectsFromText(text: string): { known: Subject[]; unknown: string[] } {
  const parts = text.split(/[,;/]+/).map((p) => p.trim()).filter(Boolean);
  const known: Subject[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const s = subjectFromText(part);
    if (s) {
      if (!known.includes(s)) known.push(s);
    } else unknown.push(part);
  }
  return { known, unknown };
}
