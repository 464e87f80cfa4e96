// Property tests: on random stories, connection's shortest routes (and how many
// relationships each holds) equal a breadth-first reference computed in TypeScript, and the
// dossier lists every act a character did or suffered and every tie they hold. On stories in
// the open format (declared act and tie words, stored as ACTED_ON and TIED_TO) too.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { FilmFile } from "../../../src/dataset/schema.ts";
import type { Database } from "../../../src/db/connection.ts";
import { DEFAULT_MAX_LENGTH } from "../../../src/queries/connection/index.ts";
import type { Dossier } from "../../../src/queries/dossier/index.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { importStory, storyArbitrary } from "../../helpers/story-arbitrary.ts";
import { referenceConnection } from "../../helpers/story-reference.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

async function connectionEqualsReference(story: FilmFile): Promise<void> {
  await importStory(db, story);
  const ids = story.characters.map((c) => c.id);
  for (const fromId of ids) {
    for (const toId of ids) {
      if (fromId === toId) continue;
      const routes = await runQuery<{ nodes: { id: string }[]; strength: number }>(
        db,
        "connection",
        { fromId, toId, maxLength: DEFAULT_MAX_LENGTH, at: null },
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
}

/** Each character's acts done and suffered (event and other side) and ties (the other side). */
async function dossierListsEveryActAndTie(story: FilmFile): Promise<void> {
  await importStory(db, story);
  for (const c of story.characters) {
    const [dossier] = await runQuery<Dossier>(db, "dossier", { characterId: c.id, at: null });
    expect(dossier?.actsDone.map((a) => `${a.eventId} ${a.otherId}`).sort(), c.id).toEqual(
      story.acts
        .filter((a) => a.by === c.id)
        .map((a) => `${a.event} ${a.to}`)
        .sort(),
    );
    expect(dossier?.actsSuffered.map((a) => `${a.eventId} ${a.otherId}`).sort(), c.id).toEqual(
      story.acts
        .filter((a) => a.to === c.id)
        .map((a) => `${a.event} ${a.by}`)
        .sort(),
    );
    expect(dossier?.ties.map((t) => `${t.direction} ${t.otherId}`).sort(), c.id).toEqual(
      story.ties
        .filter((t) => t.from === c.id || t.to === c.id)
        .map((t) => (t.from === c.id ? `out ${t.to}` : `in ${t.from}`))
        .sort(),
    );
  }
}

describe("on generated stories", () => {
  it("connection finds every shortest route, strongest first", async () => {
    await fc.assert(fc.asyncProperty(storyArbitrary(), connectionEqualsReference), {
      numRuns: 25,
      seed: 4131,
      endOnFailure: true,
    });
  }, 600_000);

  it("the dossier lists every act done or suffered and every tie", async () => {
    await fc.assert(fc.asyncProperty(storyArbitrary(), dossierListsEveryActAndTie), {
      numRuns: 25,
      seed: 4134,
      endOnFailure: true,
    });
  }, 600_000);

  it("connection follows declared act and tie words too (open format)", async () => {
    await fc.assert(
      fc.asyncProperty(storyArbitrary({ openWords: true }), connectionEqualsReference),
      { numRuns: 25, seed: 4133, endOnFailure: true },
    );
  }, 600_000);

  it("the dossier lists declared act and tie words too (open format)", async () => {
    await fc.assert(
      fc.asyncProperty(storyArbitrary({ openWords: true }), dossierListsEveryActAndTie),
      { numRuns: 25, seed: 4135, endOnFailure: true },
    );
  }, 600_000);
});
