// Two `heistgraph import` processes at once, racing for real: the graph they leave is what one
// import after the other leaves, never a mix (before the per-film lock, the same 25 films
// imported twice at once left 48,491 duplicate relationships, and two tellings of one film
// left a film matching neither). Each case runs several rounds: a race is won differently
// each time.
import { describe, expect, it } from "vitest";
import { filmDigests } from "../../scripts/bench/kill-import.ts";
import { spawnImport, type ImportFiles } from "../../scripts/bench/import-command.ts";
import { generateStory, writeStory } from "../../scripts/bench/generate-story.ts";
import type { Database } from "../../src/db/connection.ts";
import { importDataset, prepareImport } from "../../src/import/run-import.ts";
import { scratchDir } from "../helpers/film-files.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

const ROUNDS = 2;
// Three films of about 1,800 rows: more than one transaction's rows, so each import writes
// several transactions, some at once.
const shape = { films: 3, characters: 120 };

const story = (seed: number, prefix = "race-") =>
  writeStory(generateStory({ ...shape, seed, prefix }), scratchDir());

const filmsOf = (files: ImportFiles) =>
  prepareImport(files.sourcesFile, files.filmFiles).films.map((p) => p.film);

/** Both imports at once, each its own process; both must succeed. */
async function race(db: Database, first: ImportFiles, second: ImportFiles, args: string[] = []) {
  const runs = [spawnImport(db, first, args), spawnImport(db, second, args)];
  const exits = await Promise.all(runs.map((r) => r.exited));
  exits.forEach((exit, i) => expect(exit, runs[i]?.stderr()).toEqual({ code: 0, signal: null }));
}

/** What a fresh import of the files leaves: the whole graph, and each film's digest. */
async function freshImport(db: Database, files: ImportFiles) {
  await emptyGraph(db);
  await importDataset(db, files);
  const result = {
    graph: await graphFingerprint(db),
    films: await filmDigests(db, filmsOf(files)),
  };
  await emptyGraph(db);
  return result;
}

describe("two imports at once", () => {
  it("of the same films leave them as one import does, into an empty graph or over another telling", async () => {
    const db = await testDatabase();
    const older = story(1);
    const files = story(2);
    const expected = (await freshImport(db, files)).graph;
    for (let round = 1; round <= ROUNDS; round++) {
      await emptyGraph(db);
      await race(db, files, files);
      expect(await graphFingerprint(db), `empty graph, round ${round}`).toEqual(expected);

      await emptyGraph(db);
      await importDataset(db, older);
      await race(db, files, files);
      expect(await graphFingerprint(db), `over another telling, round ${round}`).toEqual(expected);
    }
    await emptyGraph(db);
  }, 600_000);

  it("of two tellings of the same films leave each film wholly one telling or the other", async () => {
    const db = await testDatabase();
    const older = story(1);
    const [one, other] = [story(2), story(3)];
    const films = filmsOf(one);
    const [digestsOne, digestsOther] = [
      (await freshImport(db, one)).films,
      (await freshImport(db, other)).films,
    ];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const start of ["empty", "older"] as const) {
        await emptyGraph(db);
        if (start === "older") await importDataset(db, older);
        await race(db, one, other);
        const after = await filmDigests(db, films);
        for (const film of films) {
          expect(
            [digestsOne.get(film), digestsOther.get(film)],
            `${film}, ${start}, round ${round}`,
          ).toContain(after.get(film));
        }
      }
    }
    await emptyGraph(db);
  }, 600_000);

  it("of one small film (a single transaction), twice with --wipe, leave one telling whole", async () => {
    const db = await testDatabase();
    const small = { films: 1, characters: 40 };
    const [one, other] = [1, 2].map((seed) =>
      writeStory(generateStory({ ...small, seed, prefix: "solo-" }), scratchDir()),
    ) as [ImportFiles, ImportFiles];
    const expected = [(await freshImport(db, one)).graph, (await freshImport(db, other)).graph];
    for (let round = 1; round <= ROUNDS; round++) {
      await emptyGraph(db);
      await importDataset(db, one);
      await race(db, one, other, ["--wipe"]);
      expect(expected, `round ${round}`).toContainEqual(await graphFingerprint(db));
    }
    await emptyGraph(db);
  }, 600_000);

  it("of different films leave both, as one import of all of them does", async () => {
    const db = await testDatabase();
    const [mine, theirs] = [story(1, "mine-"), story(2, "theirs-")];
    const both = {
      sourcesFile: [mine.sourcesFile, theirs.sourcesFile],
      filmFiles: [...mine.filmFiles, ...theirs.filmFiles],
    };
    await emptyGraph(db);
    await importDataset(db, { sourcesFile: both.sourcesFile, filmFiles: both.filmFiles });
    const expected = await graphFingerprint(db);
    for (let round = 1; round <= ROUNDS; round++) {
      await emptyGraph(db);
      await race(db, mine, theirs);
      expect(await graphFingerprint(db), `round ${round}`).toEqual(expected);
    }
    await emptyGraph(db);
  }, 600_000);
});
