// The shapes a road-map deadline is read into. They live apart from the
// parser so that every rule file can share them without import cycles;
// callers import them from ../deadline.js.

/** One date to meet, as ISO dates (YYYY-MM-DD); `from` marks the start of a span. */
export interface Milestone {
  from?: string;
  due: string;
  label?: string;
}

export type Repeat = 'monthly' | 'quarterly' | 'termly' | 'yearly';

export type Schedule =
  | { kind: 'once'; milestones: [Milestone] }
  | { kind: 'milestones'; milestones: Milestone[] }
  | { kind: 'recurring'; milestones: Milestone[]; repeat: Repeat }
  | { kind: 'continuous'; milestones: Milestone[] }
  | { kind: 'unknown'; milestones: [] };

/**
 * The period a road map covers: its year, and optionally explicit bounds
 * (a school year: from 2020-09-01 to 2021-06-30). Without bounds the period
 * is the calendar year.
 */
export interface PlanPeriod {
  year: number;
  from?: string;
  to?: string;
}
