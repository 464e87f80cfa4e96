// Wraps a CLI action: user-facing problems print as a message and exit code 1,
// anything else keeps its stack trace because it is a bug.
import pc from "picocolors";
import { neo4jProblem } from "../db/neo4j-errors.ts";
import { HeistgraphError } from "../errors.ts";

export function printError(error: unknown): number {
  const problem = error instanceof HeistgraphError ? error : neo4jProblem(error);
  if (problem) {
    process.stderr.write(`${pc.red("error:")} ${problem.message}\n`);
    return 1;
  }
  process.stderr.write(
    `${pc.red("unexpected error:")} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 2;
}

export function action<Args extends unknown[]>(
  fn: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await fn(...args);
    } catch (error) {
      process.exitCode = printError(error);
    }
  };
}
