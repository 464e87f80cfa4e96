// The figures every bench reports the same way: percentiles, the median of rounds, the server's
// own time of a statement, and the load average to print beside them.
import type { ResultSummary } from "neo4j-driver";
import { loadavg } from "node:os";

/** The p-th percentile of values sorted ascending (nearest rank). */
export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** The median; for an even count the lower middle one (a value that was measured). */
export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

/** What the server took for a statement: until its first record, then until its last. */
export const serverMs = (summary: ResultSummary): number =>
  summary.resultAvailableAfter.toNumber() + summary.resultConsumedAfter.toNumber();

/** The 1, 5 and 15 minute load averages, as "2.1 1.8 1.5". */
export const loadAverage = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
