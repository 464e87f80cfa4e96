// Wraps a CLI action: user-facing problems print as a message and exit code 1,
// anything else keeps its stack trace because it is a bug. With --json the message is JSON
// on stderr (`{"error": {"what": ..., "where": ..., ...}}`), the exit code the same.
import pc from "picocolors";
import { neo4jProblem } from "../db/neo4j-errors.ts";
import { HeistgraphError } from "../errors.ts";
import { fitText, printJsonError } from "./say.ts";

export function printError(error: unknown, json = false): number {
  const problem = error instanceof HeistgraphError ? error : neo4jProblem(error);
  if (problem) {
    if (json) printJsonError(problem.problem);
    else process.stderr.write(`${fitText(`${pc.red("error:")} ${problem.message}`)}\n`);
    return 1;
  }
  const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) printJsonError({ what: "unexpected error", details: trace, unexpected: true });
  else process.stderr.write(`${pc.red("unexpected error:")} ${trace}\n`);
  return 2;
}

/** Whether a command's arguments (as commander passes them) ask for --json. */
const wantsJson = (args: unknown[]): boolean =>
  args.some((a) => typeof a === "object" && a !== null && (a as { json?: unknown }).json === true);

export function action<Args extends unknown[]>(
  fn: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await fn(...args);
    } catch (error) {
      process.exitCode = printError(error, wantsJson(args));
    }
  };
}
