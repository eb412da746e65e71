// The one rule for small groups in survey results: which schools may be shown
// apart. A school with fewer responses than the municipality's minimum group
// size is withheld, so a school with one teacher never names her. Withholding
// alone is not enough: the overall figures minus the schools shown would give
// the withheld answers back, so while the withheld responses (with those that
// have no school) are fewer than the minimum, the smallest shown school is
// withheld too. Per-school figures, the per-school sheet and the raw export of
// an anonymous survey all take their schools from here.

/** How many responses each school has (schools asked but silent count 0), and how many have no school. */
export interface GroupSizes {
  bySchool: ReadonlyMap<number, number>;
  withoutSchool: number;
}

/** Counts responses by school; `asked` adds schools that were asked but have not answered. */
export function groupSizes(schoolIds: readonly (number | null)[], asked: Iterable<number> = []): GroupSizes {
  const bySchool = new Map<number, number>();
  for (const id of asked) bySchool.set(id, 0);
  let withoutSchool = 0;
  for (const id of schoolIds) {
    if (id === null) withoutSchool += 1;
    else bySchool.set(id, (bySchool.get(id) ?? 0) + 1);
  }
  return { bySchool, withoutSchool };
}

/**
 * The schools whose answers may be shown on their own. Afterwards the
 * responses left outside them are none, or at least the minimum, or every
 * school is withheld. The smallest schools go first (ties: the lower id), so
 * the answer depends only on the counts, never on who answered when.
 */
export function shownSchools(sizes: GroupSizes, minGroupSize: number): Set<number> {
  const total = [...sizes.bySchool.values()].reduce((s, n) => s + n, sizes.withoutSchool);
  const shown = [...sizes.bySchool].filter(([, n]) => n >= minGroupSize).sort(([a, n], [b, m]) => n - m || a - b);
  let withheld = total - shown.reduce((s, [, n]) => s + n, 0);
  while (withheld > 0 && withheld < minGroupSize && shown.length > 0) withheld += shown.shift()?.[1] ?? 0;
  return new Set(shown.map(([id]) => id));
}

/**
 * Whether an anonymous round has too few responses to show any answer at all:
 * below the minimum the whole round is a small group, and the response count
 * of each school says whose answers they would be.
 */
export function roundTooSmall(anonymous: boolean, responses: number, minGroupSize: number): boolean {
  return anonymous && responses < minGroupSize;
}

/** The minimum group size when a municipality has not set its own (settings.surveyMinGroupSize). */
export const DEFAULT_MIN_GROUP = 3;

/**
 * Whether per-school figures of a survey need the small-group rule. A named
 * school-level survey is the school's own report, signed by its
 * administration, with one response per school by design: there is no person
 * to hide in it, and withholding it would hide every school. Every other
 * survey speaks for people, so its small groups are withheld.
 */
export function protectsPeople(survey: { anonymous: boolean; level: 'school' | 'person' }): boolean {
  return survey.anonymous || survey.level === 'person';
}
