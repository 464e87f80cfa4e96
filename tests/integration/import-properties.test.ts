// Importing a film over another telling of it writes only the difference (deletes, updates,
// new nodes and relationships attached to the nodes that stay, by element id). Whatever the
// two tellings, the graph must then be exactly the one a fresh import of the second gives.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connection.ts";
import { importDataset } from "../../src/import/run-import.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";
import { storyArbitrary, writeStories } from "../helpers/story-arbitrary.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

describe("importing a film over another telling of it", () => {
  it("leaves the graph a fresh import of the new telling gives, and the film beside it as it was", async () => {
    // Two tellings of one film (same prefix: the same ids, other facts), and a film beside.
    const tellings = fc.tuple(
      storyArbitrary({ prefix: "gen-x", openWords: true }),
      storyArbitrary({ prefix: "gen-x", openWords: true }),
      storyArbitrary({ prefix: "gen-y" }),
    );
    await fc.assert(
      fc.asyncProperty(tellings, async ([first, second, beside]) => {
        await emptyGraph(db);
        await importDataset(db, writeStories([beside, second]));
        const fresh = await graphFingerprint(db);

        await emptyGraph(db);
        await importDataset(db, writeStories([beside, first]));
        // Without --wipe: the film is diffed against its first telling and rewritten; the
        // film beside is unchanged (and skipped).
        const report = await importDataset(db, writeStories([beside, second]));
        expect(await graphFingerprint(db)).toEqual(fresh);
        expect(report.films.map((f) => f.id)).toEqual(["gen-y", "gen-x"]);
      }),
      { numRuns: 12, seed: 20261202 },
    );
  }, 300_000);
});
