// The public shapes of the one-line consultation parser: what the caller
// passes in and what it gets back. They live apart from the rules so that
// every part can share them without import cycles; callers import them from
// ../one-line.js.

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
