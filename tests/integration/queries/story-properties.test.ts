// Property tests: on random stories, connection's shortest routes (and how many
// relationships each holds) equal a breadth-first reference computed in TypeScript.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { importStory, storyArbitrary } from "../../helpers/story-arbitrary.ts";
import { referenceConnection } from "../../helpers/story-reference.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

describe("on generated stories", () => {
  it("connection finds every shortest route, strongest first", async () => {
    await fc.assert(
      fc.asyncProperty(storyArbitrary(), async (story) => {
        await importStory(db, story);
        const ids = story.characters.map((c) => c.id);
        for (const fromId of ids) {
          for (const toId of ids) {
            if (fromId === toId) continue;
            const routes = await runQuery<{ nodes: { id: string }[]; strength: number }>(
              db,
              "connection",
              { fromId, toId },
            );
            const got = routes.map((r) => `${r.nodes.map((n) => n.id).join(">")} ${r.strength}`);
            const expected = referenceConnection(story, fromId, toId).map(
              (r) => `${r.nodes.join(">")} ${r.strength}`,
            );
            expect(got.sort(), `${fromId} to ${toId}`).toEqual(expected.sort());
            const strengths = routes.map((r) => r.strength);
            expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
          }
        }
      }),
      { numRuns: 25, seed: 4131, endOnFailure: true },
    );
  }, 600_000);
});
