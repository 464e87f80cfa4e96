import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { neo4jProblem } from "./neo4j-errors.ts";

// The errors as Neo4j 5.26 sends them (codes and first lines seen from a real server).
const error = (code: string, message: string) => new Neo4jError(message, code, "", "");

describe("neo4jProblem", () => {
  it.each([
    [
      "Neo.TransientError.General.DatabaseUnavailable",
      "The database has encountered a critical error, and needs to be restarted. Please see database logs for more details.\nNo space left on device",
      /^Neo4j's disk is full/,
    ],
    [
      "Neo.TransientError.General.DatabaseUnavailable",
      "The database has encountered a critical error, and needs to be restarted. Please see database logs for more details.",
      /^Neo4j stopped the database on an error of its own/,
    ],
    ["ServiceUnavailable", "Connection was closed by server", /^Lost the connection to Neo4j/],
    [
      "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
      "The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB. Currently using 715.0 MiB. dbms.memory.transaction.total.max threshold reached",
      /more memory than Neo4j allows one transaction/,
    ],
    [
      "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
      "The transaction has been terminated. Retry your operation in a new transaction...",
      /ran longer than the time limit/,
    ],
    [
      "Neo.ClientError.Schema.ConstraintValidationFailed",
      "Node(1727) already exists with label `Film` and property `id` = 'film-1'",
      /a uniqueness constraint holds its value already/,
    ],
  ])("%s: says what happened and what to do, keeping Neo4j's words", (code, message, what) => {
    const problem = neo4jProblem(error(code, message));
    expect(problem?.problem.what).toMatch(what);
    expect(problem?.problem.suggestion).toBeTruthy();
    expect(problem?.problem.details).toBe(`Neo4j said: ${message.split("\n")[0]}`);
  });

  it("leaves other errors alone (a bug keeps its stack trace)", () => {
    expect(neo4jProblem(error("Neo.ClientError.Statement.SyntaxError", "Invalid input"))).toBe(
      undefined,
    );
    expect(neo4jProblem(new TypeError("x is undefined"))).toBe(undefined);
  });
});
