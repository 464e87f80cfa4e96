// A name far longer than any in a dataset: Neo4j's full-text index refuses a query past about
// a thousand characters with an error of its own ("input automaton is too large"), which once
// reached users as a stack trace. The look-up refuses it first, in words, on every way in.
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { HeistgraphError } from "../../src/errors.ts";
import { deathByWhom, killsBy } from "../../src/queries/deaths/index.ts";
import { runHeistgraph } from "../helpers/cli.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const LONG = "Neil ".repeat(300);
let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

describe("a name of 1,500 characters", () => {
  it("is refused by the TS helpers, with what the limit is", async () => {
    await expect(deathByWhom(db, LONG)).rejects.toThrow(HeistgraphError);
    await expect(deathByWhom(db, LONG)).rejects.toThrow(
      /^The name given is 1500 characters long; no name or alias is longer than 300\./,
    );
    await expect(killsBy(db, "Waingro", { film: LONG })).rejects.toThrow(
      /^The film given is 1500 characters long/,
    );
  });

  it("is refused by the CLI: exit 1, a message, no stack trace", async () => {
    for (const args of [
      ["death-by-whom", LONG],
      ["kills-by", "waingro", "--film", LONG],
    ]) {
      const run = await runHeistgraph(inject("neo4j"), ...args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: The (name|film) given is 1500 characters long/);
      expect(run.stderr).not.toMatch(/\n\s+at |Neo4jError|automaton/);
    }
  });
});
