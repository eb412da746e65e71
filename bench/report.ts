// What every benchmark returns: named figures with their unit, the target
// they are held to (when there is one) and what limits them. bench/run.ts
// prints them as one table and writes bench/results.json.
export interface Figure {
  /** Which benchmark, e.g. "updates · telegram". */
  group: string;
  name: string;
  value: number;
  unit: string;
  /** A human target such as "≥ 0.67" or "< 5 ms"; absent when the figure is informative only. */
  target?: string;
  /** Whether the target is met; absent without a target. */
  met?: boolean;
  /** What bounds this figure: the platform's limit, SQLite, the network, the CPU. */
  limitedBy?: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);
