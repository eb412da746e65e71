// The one recogniser for "with whom": a school or a person at the same
// position, the longer reading winning. It exists apart from schools.ts and
// people.ts because the two must be weighed together: a surname that is also
// a village's name makes both candidates, for the dialog to ask.
import type { Recogniser } from './model.js';
import { person } from './people.js';
import { schoolByNumber, schoolByWord } from './schools.js';

/** A school or a person; when both read the same words (a surname that is also a village), both are candidates. */
export const counterpart: Recogniser = (line, at) => {
  const school = schoolByNumber(line, at) ?? schoolByWord(line, at);
  const someone = person(line, at);
  if (!school || !someone) return school ?? someone;
  if (school.end !== someone.end || school.found.kind !== 'counterpart' || someone.found.kind !== 'counterpart') {
    return school.end > someone.end ? school : someone;
  }
  return { end: school.end, found: { kind: 'counterpart', ids: [...school.found.ids, ...someone.found.ids] } };
};
