// The importer creates a transaction's new nodes and relationships in statements that name a
// relationship's ends by position (src/import/create-rows.ts). One statement is the usual
// case; a film larger than a statement is split, and later statements attach to nodes the
// earlier ones created. Both must build exactly the graph of a plain import.
import { join } from "node:path";
import fc from "fast-check";
import type { ManagedTransaction } from "neo4j-driver";
import { beforeEach, describe, expect, it } from "vitest";
import { generateStory, writeStory } from "../../scripts/bench/generate-story.ts";
import { CREATE_ROWS, createRows } from "../../src/import/create-rows.ts";
import { createRowsById } from "../../src/import/create-rows-by-id.ts";
import { diffFilm, type FilmDiff } from "../../src/import/film-diff.ts";
import { replaceFilms } from "../../src/import/film-store.ts";
import { importDataset, prepareImport } from "../../src/import/run-import.ts";
import type { Database } from "../../src/db/connection.ts";
import { scratchDir } from "../helpers/film-files.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, planOperators, testDatabase } from "../helpers/neo4j.ts";
import { storyArbitrary, writeStories } from "../helpers/story-arbitrary.ts";

const SHAPE = { films: 2, characters: 24 };

/** A telling of the story (seed 1 or 2: same ids, other facts) as files. */
function telling(seed: number) {
  return writeStory(generateStory({ ...SHAPE, seed }), join(scratchDir(), `telling-${seed}`));
}

/** The graph but what the importer keeps on Film nodes beside the rows (its hash, the file). */
async function rowsFingerprint(db: Database): Promise<string[]> {
  await db.driver.executeQuery(
    "MATCH (f:Film) REMOVE f.importHash, f.importFile",
    {},
    { database: db.database },
  );
  return graphFingerprint(db);
}

/** Replaces the telling's films in one transaction, `perStatement` rows per creating statement. */
async function replaceIn(db: Database, files: ReturnType<typeof telling>, perStatement: number) {
  const { films } = prepareImport(files.sourcesFile, files.filmFiles);
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite((tx) => replaceFilms(tx, films, perStatement));
  } finally {
    await session.close();
  }
}

describe("creating a transaction's rows by position", () => {
  beforeEach(async () => emptyGraph(await testDatabase()));

  it("builds the graph a plain import builds, in one statement or in many", async () => {
    const db = await testDatabase();
    const first = telling(1);
    await importDataset(db, first);
    const expected = await rowsFingerprint(db);
    expect(expected.length).toBeGreaterThan(300);

    for (const perStatement of [100_000, 37]) {
      await emptyGraph(db);
      await replaceIn(db, first, perStatement);
      expect(await rowsFingerprint(db), `${perStatement} rows per statement`).toEqual(expected);
    }
  }, 120_000);

  it("attaches new relationships to kept nodes, and to nodes of an earlier statement", async () => {
    const db = await testDatabase();
    const second = telling(2);
    await importDataset(db, second);
    const expected = await rowsFingerprint(db);

    for (const perStatement of [100_000, 53]) {
      await emptyGraph(db);
      await importDataset(db, telling(1));
      await replaceIn(db, second, perStatement);
      expect(await rowsFingerprint(db), `${perStatement} rows per statement`).toEqual(expected);
    }
  }, 120_000);

  it("stores every value as the driver's own parameters would (rows travel as JSON text)", async () => {
    // The by-id way (create-rows-by-id.ts) sends the rows as the driver's parameters, whole
    // numbers made Integers: the reference for each value's type and text.
    const db = await testDatabase();
    const writeWith = async (
      create: (tx: ManagedTransaction, diffs: FilmDiff[]) => Promise<void>,
      diffs: FilmDiff[],
    ) => {
      await emptyGraph(db);
      const session = db.driver.session({ database: db.database });
      try {
        await session.executeWrite((tx) => create(tx, diffs));
      } finally {
        await session.close();
      }
      return graphFingerprint(db);
    };
    const stories = fc.tuple(
      storyArbitrary({ prefix: "gen-a", openWords: true }),
      storyArbitrary({ prefix: "gen-b" }),
    );
    await fc.assert(
      fc.asyncProperty(stories, async (films) => {
        const files = writeStories(films);
        const diffs = prepareImport(files.sourcesFile, files.filmFiles).films.map((plan) =>
          diffFilm(plan, [], []),
        );
        const byId = await writeWith(createRowsById, diffs);
        expect(byId.length).toBeGreaterThan(10);
        expect(await writeWith((tx, d) => createRows(tx, d), diffs)).toEqual(byId);
      }),
      { numRuns: 8, seed: 20261206 },
    );
  }, 120_000);

  it("finds stored ends by element id and creates the rest: no scan in its plan", async () => {
    const db = await testDatabase();
    const operators = (
      await planOperators(db, CREATE_ROWS, { kept: [], rows: "{}", giveIds: false })
    ).map((o) => o.operator);
    expect(operators).toContain("NodeByElementIdSeek");
    expect(operators).not.toContain("AllNodesScan");
    expect(operators).not.toContain("NodeByLabelScan");
  });
});
