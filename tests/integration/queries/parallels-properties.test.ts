// Property tests: on several random films (a few roles shared by many characters, so films
// share roles and a film holds a role several times), `parallels` equals an independent
// reference computed in TypeScript, for every role and random per-film and film limits; on
// stories in the open format too, where declared roles compare as the built-in role they are
// `like` and declared act words count among a character's acts.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { FilmFile } from "../../../src/dataset/schema.ts";
import type { Database } from "../../../src/db/connection.ts";
import type { Parallel } from "../../../src/queries/parallels/index.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { referenceParallels } from "../../helpers/parallels-reference.ts";
import { importStories, storyArbitrary } from "../../helpers/story-arbitrary.ts";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

/** Few roles, so that films share them and a film holds one several times. */
const ROLES = ["crew-leader", "hired-killer", "victim"] as const;

/** 2 to 5 films (gen-a, gen-b...), each with up to 6 characters of those roles. */
function filmsArbitrary(openWords: boolean): fc.Arbitrary<FilmFile[]> {
  return fc
    .integer({ min: 2, max: 5 })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          storyArbitrary({ prefix: `gen-${String.fromCharCode(97 + i)}`, roles: ROLES, openWords }),
        ),
      ),
    );
}

/** Questions to ask of one graph: every role and all of them, with random bounds. */
const asks = fc.array(
  fc.record({
    role: fc.constantFrom(null, ...ROLES, "bystander"),
    perFilm: fc.integer({ min: 1, max: 4 }),
    limit: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 3, maxLength: 6 },
);

async function checkParallels(
  films: FilmFile[],
  questions: { role: string | null; perFilm: number; limit: number }[],
): Promise<void> {
  await importStories(db, films);
  for (const ask of questions) {
    // fast-check records have no prototype, which the driver refuses as parameters.
    const got = await runQuery<Parallel>(db, "parallels", { ...ask });
    expect(
      got.map((p) => ({
        role: p.role,
        films: p.films.map((f) => ({
          film: f.film,
          title: f.title,
          total: f.total,
          characters: f.characters.map((c) => ({ id: c.id, acts: c.acts })),
        })),
        truncated: p.truncated,
      })),
      JSON.stringify(ask),
    ).toEqual(referenceParallels(films, ask));
  }
}

describe("on generated stories", () => {
  it("parallels equals the reference, for each role and any bounds", async () => {
    await fc.assert(fc.asyncProperty(filmsArbitrary(false), asks, checkParallels), {
      numRuns: 20,
      seed: 4140,
      endOnFailure: true,
    });
  }, 600_000);

  it("parallels compares declared roles as the role they are like, and counts declared acts", async () => {
    await fc.assert(fc.asyncProperty(filmsArbitrary(true), asks, checkParallels), {
      numRuns: 20,
      seed: 4141,
      endOnFailure: true,
    });
  }, 600_000);
});
