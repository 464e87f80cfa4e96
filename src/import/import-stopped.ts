// What an import that failed while writing leaves behind, said truthfully. A large import
// commits film by film, so when Neo4j goes away half-way some films are already in their new
// version (each whole), and the user needs to know which, not "nothing was kept".
import { neo4jProblem } from "../db/neo4j-errors.ts";
import { HeistgraphError } from "../errors.ts";

export interface WriteProgress {
  /** Films (and `remove <film>` steps) whose transaction committed. */
  committed: string[];
  /** Films already up to date, skipped. */
  unchanged: string[];
  /** Films (and removals) whose transaction never committed: as they were before. */
  notWritten: string[];
}

const list = (names: string[]) => (names.length > 0 ? names.join(", ") : "none");

/** The failure, with which films the import wrote, left as they were, or never got to. */
export function importStopped(error: unknown, progress: WriteProgress): HeistgraphError {
  const cause = error instanceof HeistgraphError ? error : neo4jProblem(error);
  const what =
    cause?.problem.what ??
    `Neo4j refused a write: ${String((error as Error)?.message ?? error).split("\n")[0]}`;
  const lines = [
    `Written, each whole in its new version: ${list(progress.committed)}`,
    `Already up to date, left as they were: ${list(progress.unchanged)}`,
    `Not written, each as it was before the import: ${list(progress.notWritten)}`,
  ];
  if (cause?.problem.details) lines.push("", cause.problem.details);
  return new HeistgraphError(
    {
      what: `The import stopped before it finished. ${what}`,
      suggestion: `${cause?.problem.suggestion ? `${cause.problem.suggestion}; ` : ""}run the same import again: what is already written is skipped`,
      details: lines.join("\n"),
    },
    { cause: error },
  );
}
