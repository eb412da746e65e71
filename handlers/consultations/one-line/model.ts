// The scanning model shared by every recogniser: the line prepared for
// reading (normalized text, today, the counterparts' name forms), and what a
// recogniser reports when it claims the words at a position. Kept apart so
// that durations, dates, formats and counterparts can each be read in their
// own file without importing one another.
import type { DateTime } from 'luxon';
import type { ConsultationFormat } from './types.js';

export type Found =
  | { kind: 'date'; date: string }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'format'; format: ConsultationFormat }
  | { kind: 'counterpart'; ids: number[]; implies?: ConsultationFormat }
  /** Read, but impossible: a future date, 700 minutes, a school number nobody has. */
  | { kind: 'invalid' };

export interface Hit {
  end: number;
  found: Found;
}

export interface NameParts {
  surname: Set<string>;
  given: Set<string>;
  patronymic: Set<string>;
  givenInitial: string;
  patronymicInitial: string;
}

export interface Person {
  id: number;
  names: NameParts[];
}

export interface School {
  id: number;
  numbers: Set<number>;
  words: Set<string>;
}

export interface Line {
  norm: string;
  /** Invalid when the context's today is not a date: then every date read is unread. */
  today: DateTime;
  people: Person[];
  schools: School[];
}

export type Recogniser = (line: Line, at: number) => Hit | undefined;

export const invalid = (end: number): Hit => ({ end, found: { kind: 'invalid' } });
