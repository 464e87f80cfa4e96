// Property test: kills-by and body-count agree on generated stories where some unnamed
// characters stand for several people (count) and one act may kill several of them: every
// victim of every act counts, each as the people it stands for (a group as one), so the sum
// of a killer's kills-by counts is the body count, and both equal a reference computed in
// TypeScript from the film object. A fixed seed keeps runs repeatable.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { FilmFile } from "../../../src/dataset/schema.ts";
import type { Database } from "../../../src/db/connection.ts";
import type { Kill } from "../../../src/queries/deaths/index.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { testDatabase } from "../../helpers/neo4j.ts";
import { importStory, storyArbitrary } from "../../helpers/story-arbitrary.ts";
import { storedAct } from "../../helpers/story-reference.ts";

interface BodyCountRow {
  id: string;
  bodyCount: number;
  killings: number;
  victims: { id: string; count: number }[];
}

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});

/** Some unnamed characters stand for several people (2 to 4). */
function withCounts(story: FilmFile): fc.Arbitrary<FilmFile> {
  const n = story.characters.length;
  return fc
    .array(fc.option(fc.integer({ min: 2, max: 4 }), { nil: undefined }), {
      minLength: n,
      maxLength: n,
    })
    .map((counts) => ({
      ...story,
      characters: story.characters.map((c, i) =>
        c.unnamed && counts[i] !== undefined ? { ...c, count: counts[i] } : c,
      ),
    }));
}

/** The people each killer killed: every victim of each killing, as many as it stands for. */
function referenceBodyCounts(story: FilmFile): Map<string, { people: number; killings: number }> {
  const counts = new Map(story.characters.map((c) => [c.id, c.count ?? 1]));
  const out = new Map<string, { people: number; events: Set<string> }>();
  for (const a of story.acts) {
    if (storedAct(story, a).type !== "KILLED") continue;
    const entry = out.get(a.by) ?? { people: 0, events: new Set<string>() };
    entry.people += counts.get(a.to) ?? 1;
    entry.events.add(a.event);
    out.set(a.by, entry);
  }
  return new Map([...out].map(([id, e]) => [id, { people: e.people, killings: e.events.size }]));
}

describe("on generated stories", () => {
  it("kills-by counts every victim as body-count does, and both equal the reference", async () => {
    const stories = storyArbitrary({ maxCharacters: 5, maxEvents: 4 }).chain(withCounts);
    await fc.assert(
      fc.asyncProperty(stories, async (story) => {
        await importStory(db, story);
        const expected = referenceBodyCounts(story);
        const rows = await runQuery<BodyCountRow>(db, "body-count", { film: story.film.id });
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(new Set(byId.keys())).toEqual(new Set(expected.keys()));
        for (const x of [...story.characters, ...story.groups]) {
          const kills = await runQuery<Kill>(db, "kills-by", { killerId: x.id });
          const people = kills.reduce((n, k) => n + k.count, 0);
          const killings = new Set(kills.map((k) => k.event)).size;
          const want = expected.get(x.id) ?? { people: 0, killings: 0 };
          expect({ id: x.id, people, killings }).toEqual({ id: x.id, ...want });
          const row = byId.get(x.id);
          expect(row?.bodyCount ?? 0).toBe(people);
          expect(row?.killings ?? 0).toBe(killings);
          // The same victims, each with the same count.
          const victims = (list: { id: string; count: number }[]) =>
            list.map((v) => `${v.id}×${v.count}`).sort();
          expect(victims(row?.victims ?? [])).toEqual(
            victims(kills.map((k) => ({ id: k.victimId, count: k.count }))),
          );
        }
      }),
      { numRuns: 20, seed: 4150, endOnFailure: true },
    );
  }, 600_000);
});
