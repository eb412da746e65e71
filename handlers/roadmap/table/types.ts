// The shapes of a road map read from a document, before anything is saved:
// items with their raw deadline and responsible text, the sections they sit
// in, and machine-readable warnings that others turn into Russian text via
// locale keys.

export interface RoadmapItem {
  /** As written, without a trailing dot: "1.6", "2.10", "17"; empty when the row has none. */
  number: string;
  /** Title of the last section row above the item, or null. */
  section: string | null;
  title: string;
  deadlineText: string;
  responsibleText: string;
  expectedResult: string;
  /** 1-based index of the item's first row in the rows it was read from. */
  line?: number;
  /**
   * Set when the table has several date columns ("1 этап | 2 этап",
   * "I кв. | II кв. | …"): the row's filled ones, each labelled with its
   * header; the item's schedule is their milestones together.
   */
  deadlines?: DeadlinePart[];
}

/** One date column's cell of a row: "1 этап" and "Март 2025"; a marked grid cell holds its period, "I кв. 2025". */
export interface DeadlinePart {
  label: string;
  text: string;
}

export type DraftWarningCode =
  /** No row looks like a road-map header; nothing was read. */
  | 'no-header'
  /** The header lacks a column; `text` names it: number, deadline, responsible or result. */
  | 'missing-column'
  /** A number used before; `text` is the number, `line` the later row. Both items are kept. */
  | 'duplicate-number'
  /** An item row without a number, in a table that has a number column. */
  | 'missing-number'
  | 'missing-title'
  /** An item whose deadline cell is blank; `text` is its number. */
  | 'missing-deadline'
  /** A wrapped-row fragment with no row above it to belong to; it was dropped. */
  | 'orphan-continuation'
  /** A row inside the table that is neither an item, a section nor a continuation; `text` is its first cell. */
  | 'skipped-row'
  /** A header was found but no item under it. */
  | 'no-items'
  /**
   * A table of the document with a header that is no plan: `text` is
   * "no-deadlines: <its caption or header>" (criteria, powers, contacts) or
   * "no-title: …". Only whole documents with several tables report it.
   */
  | 'table-left-out';

export interface DraftWarning {
  code: DraftWarningCode;
  line?: number;
  text?: string;
}

export interface RoadmapDraft {
  items: RoadmapItem[];
  sections: string[];
  warnings: DraftWarning[];
}

export type Column = 'number' | 'title' | 'deadline' | 'responsible' | 'result';
