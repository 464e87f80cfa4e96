// A problem found in the dataset: which file, which item, which field, what is wrong,
// what was expected and what to try. Validation collects every problem of every kind in
// one pass; the error lists them all, grouped by file, then by item.
import { closest, distance } from "fastest-levenshtein";
import { HeistgraphError } from "../errors.ts";
import { locateProblems } from "./locate.ts";

export interface DatasetProblem {
  file: string;
  item: string;
  field?: string;
  message: string;
  expected?: string;
  suggestion?: string;
  /** Where in the file (1-based), filled in by locateProblems. */
  line?: number;
  column?: number;
  /**
   * "<file> <item>" of a refused item this problem only follows from (a reference to its id):
   * shown under that item's problem, not counted as a problem of its own.
   */
  dependsOn?: string;
}

/** The order of a file's parts, so problems read top to bottom like the file. */
const PART_ORDER = [
  "(file)",
  "line",
  "film",
  "vocabulary",
  "sources",
  "places",
  "groups",
  "characters",
  "events",
  "memberships",
  "loyalties",
  "acts",
  "ties",
  "disagreements",
];

function itemOrder(item: string): [number, number] {
  const part = /^[a-z()]+/.exec(item)?.[0] ?? "";
  const rank = PART_ORDER.indexOf(part);
  const index = Number(/^\w+ ?\[?(\d+)/.exec(item)?.[1] ?? 0);
  return [rank === -1 ? PART_ORDER.length : rank, index];
}

/** Problems grouped by file (in the order first met), then by item in file order. */
export function groupProblems(
  problems: DatasetProblem[],
): Map<string, Map<string, DatasetProblem[]>> {
  const files = new Map<string, DatasetProblem[]>();
  for (const p of problems) files.set(p.file, [...(files.get(p.file) ?? []), p]);
  const grouped = new Map<string, Map<string, DatasetProblem[]>>();
  for (const [file, list] of files) {
    const sorted = list
      .map((p, i) => ({ p, i, order: itemOrder(p.item) }))
      .sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || a.i - b.i);
    const items = new Map<string, DatasetProblem[]>();
    for (const { p } of sorted) items.set(p.item, [...(items.get(p.item) ?? []), p]);
    grouped.set(file, items);
  }
  return grouped;
}

/** The problems that are mistakes of their own (not the follow-ups of another). */
export function ownProblems(problems: DatasetProblem[]): DatasetProblem[] {
  return problems.filter((p) => p.dependsOn === undefined);
}

export function formatDatasetProblems(problems: DatasetProblem[]): string {
  const lines: string[] = [];
  const own = ownProblems(problems);
  const dependants = new Map<string, DatasetProblem[]>();
  for (const p of problems) {
    if (p.dependsOn === undefined) continue;
    // Shown under the item it depends on, when that item has a problem listed.
    if (!own.some((o) => `${o.file} ${o.item}` === p.dependsOn)) own.push(p);
    else dependants.set(p.dependsOn, [...(dependants.get(p.dependsOn) ?? []), p]);
  }
  for (const [file, items] of groupProblems(own)) {
    lines.push(file);
    for (const [item, list] of items) {
      lines.push(`  ${item}`);
      for (const p of list) {
        const at =
          p.line !== undefined && !item.startsWith("line ")
            ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ""}: `
            : "";
        lines.push(`    ${at}${p.field ? `field "${p.field}": ` : ""}${p.message}`);
        if (p.expected) lines.push(`      expected: ${p.expected}`);
        if (p.suggestion) lines.push(`      try:      ${p.suggestion}`);
      }
      const after = dependants.get(`${file} ${item}`);
      if (after) {
        lines.push("    depends on the item above (fixed with it, not counted apart):");
        for (const d of after) {
          const at = d.line !== undefined ? `line ${d.line}: ` : "";
          lines.push(`      ${at}${d.item}${d.field ? ` ${d.field}` : ""}`);
        }
      }
    }
  }
  return lines.join("\n");
}

export class InvalidDatasetError extends HeistgraphError {
  readonly problems: DatasetProblem[];

  constructor(problems: DatasetProblem[]) {
    locateProblems(problems);
    const own = ownProblems(problems);
    const files = new Set(own.map((p) => p.file)).size;
    super({
      what: `The dataset has ${own.length} problem${own.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}; nothing was written.`,
      suggestion: "fix them and run the import again (`--dry-run` checks without writing)",
      details: formatDatasetProblems(problems),
    });
    this.name = "InvalidDatasetError";
    this.problems = problems;
  }
}

/** "did you mean" for a mistyped id or word: the closest known one, if it is close enough. */
export function didYouMean(wrong: string, known: Iterable<string>): string | undefined {
  const candidates = [...known];
  if (candidates.length === 0) return undefined;
  const best = closest(wrong, candidates);
  return distance(wrong, best) <= Math.max(2, Math.floor(wrong.length / 3)) ? best : undefined;
}

/** A readable name for a list item: its id, or what it links ("KILLED a -> b"). */
export function itemName(list: string, index: number, raw: unknown): string {
  const item = (raw ?? {}) as Record<string, unknown>;
  const show = (v: unknown) => (typeof v === "string" ? v.slice(0, 60) : "?");
  let label: string | undefined;
  if (typeof item.id === "string") label = show(item.id);
  else if (list === "acts") label = `${show(item.type)} ${show(item.by)} -> ${show(item.to)}`;
  else if (list === "ties") label = `${show(item.type)} ${show(item.from)} -> ${show(item.to)}`;
  else if (list === "memberships") label = `${show(item.member)} -> ${show(item.group)}`;
  else if (list === "loyalties") label = `${show(item.from)} -> ${show(item.to)}`;
  else if (typeof item.word === "string") label = show(item.word);
  return `${list}[${index}]${label ? ` (${label})` : ""}`;
}

/** Text made an id as it was probably meant: "Keung Tsui" -> keung-tsui. */
export function wellFormedId(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
