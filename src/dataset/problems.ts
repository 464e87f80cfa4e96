// A problem found in the dataset: which file, which item, which field, what is wrong,
// what was expected and what to try. The importer collects them all before writing.
import { closest, distance } from "fastest-levenshtein";
import { HeistgraphError } from "../errors.ts";

export interface DatasetProblem {
  file: string;
  item: string;
  field?: string;
  message: string;
  expected?: string;
  suggestion?: string;
}

export function formatDatasetProblem(p: DatasetProblem): string {
  const where = `${p.file}: ${p.item}${p.field ? `, field "${p.field}"` : ""}`;
  const lines = [`${where}: ${p.message}`];
  if (p.expected) lines.push(`    expected: ${p.expected}`);
  if (p.suggestion) lines.push(`    try:      ${p.suggestion}`);
  return lines.join("\n");
}

export class InvalidDatasetError extends HeistgraphError {
  readonly problems: DatasetProblem[];

  constructor(problems: DatasetProblem[]) {
    const shown = problems.slice(0, 50).map(formatDatasetProblem);
    if (problems.length > shown.length)
      shown.push(`... and ${problems.length - shown.length} more`);
    super({
      what: `The dataset has ${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing was written.`,
      suggestion: "fix them and run the import again (`--dry-run` checks without writing)",
      details: shown.join("\n"),
    });
    this.name = "InvalidDatasetError";
    this.problems = problems;
  }
}

/** "did you mean" for a mistyped id or name: the closest known one, if it is close enough. */
export function didYouMean(wrong: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  if (candidates.length === 0) return undefined;
  const best = closest(wrong, candidates);
  return distance(wrong, best) <= Math.max(2, Math.floor(wrong.length / 3)) ? best : undefined;
}
