import { Neo4jError } from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { errorFormatter, isOutOfMemory } from "./format-error.ts";

// What Neo4j 5.26 answered when a query crossed dbms.memory.transaction.total.max.
const outOfMemory = new Neo4jError(
  "The allocation of an extra 131.8 MiB would use more than the limit 716.8 MiB. Currently using 617.0 MiB. dbms.memory.transaction.total.max threshold reached",
  "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
  "50N42",
  "error: general processing exception - unexpected error",
);

describe("errorFormatter", () => {
  it("turns Neo4j's transaction memory error into a clear error with a code, logged with its cause", () => {
    expect(isOutOfMemory(outOfMemory)).toBe(true);
    const logged: string[] = [];
    const format = errorFormatter(30_000, (line) => logged.push(line));
    const formatted = format(
      {
        message: "x",
        path: ["films", 0, "timeline"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
      outOfMemory,
    );
    expect(formatted).toEqual({
      message: expect.stringMatching(
        /^The query needed more memory than Neo4j allows one query \(db\.memory\.transaction\.max, dbms\.memory\.transaction\.total\.max\) and was stopped\. Ask for less/,
      ),
      path: ["films", 0, "timeline"],
      locations: undefined,
      extensions: { code: "QUERY_OUT_OF_MEMORY" },
    });
    expect(logged).toEqual([
      "GraphQL films.0.timeline: out of transaction memory: Neo4jError Neo.TransientError.General.MemoryPoolOutOfMemoryError: The allocation of an extra 131.8 MiB would use more than the limit 716.8 MiB. Currently using 617.0 MiB. dbms.memory.transaction.total.max threshold reached",
    ]);
  });

  it("logs an internal error with its cause and tells the client no more than that", () => {
    const logged: string[] = [];
    const format = errorFormatter(30_000, (line) => logged.push(line));
    const formatted = format(
      { message: "x", extensions: { code: "INTERNAL_SERVER_ERROR" } },
      new TypeError("Cannot read properties of null (reading 'id')\n    at somewhere"),
    );
    expect(formatted).toMatchObject({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(logged).toEqual([
      "GraphQL request: internal error: TypeError: Cannot read properties of null (reading 'id')",
    ]);
  });
});
