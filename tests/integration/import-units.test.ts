// A film is the unit of import: importing a film replaces exactly its subgraph (facts gone
// from its file are gone from the graph), leaves other films alone, refuses ids another film
// holds, and `remove` takes one film out. Readers during re-imports see the old film or the
// new one, never a crash.
import { readFileSync, writeFileSync } from "node:fs";

import { beforeEach, describe, expect, it } from "vitest";
import { InvalidDatasetError } from "../../src/dataset/problems.ts";
import { HeistgraphError } from "../../src/errors.ts";
import { removeFilm } from "../../src/import/remove-film.ts";
import { importDataset } from "../../src/import/run-import.ts";
import { doubleAgents } from "../../src/queries/loyalties/index.ts";
import { deathByWhom } from "../../src/queries/deaths/index.ts";
import { generateStory, writeStory } from "../../scripts/bench/generate-story.ts";
import {
  changedFilm,
  filmFile,
  scratchDir,
  withoutFact,
  withoutItem,
} from "../helpers/film-files.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

const HEAT = filmFile("heat");
const CITY = filmFile("city-on-fire");

/** Heat with two facts fewer (Hanna's killing of McCauley, a covert loyalty) and a new text. */
function heatRevised(): string {
  return changedFilm("heat", (data) => {
    withoutFact(data, "acts", { type: "KILLED", by: "vincent-hanna", to: "neil-mccauley" });
    withoutFact(data, "loyalties", { from: "hugh-benny", to: "heat-waingro" });
    const neil = (data.characters ?? []).find((c) => c.id === "neil-mccauley");
    if (neil) neil.description = "A revised description.";
  });
}

/** The graph a fresh import of exactly these files builds. */
async function freshGraph(filmFiles: string[]): Promise<string[]> {
  const db = await testDatabase();
  await emptyGraph(db);
  await importDataset(db, { filmFiles });
  return graphFingerprint(db);
}

// Several imports per test: generous time on a loaded machine.
const SLOW = 300_000;

describe("a film is the unit of import", () => {
  beforeEach(async () => emptyGraph(await testDatabase()));

  it(
    "removes the facts taken out of a film's file, leaves other films alone, and says so",
    async () => {
      const revised = heatRevised();
      const expected = await freshGraph([CITY, revised]);
      const db = await testDatabase();
      await emptyGraph(db);
      await importDataset(db, { filmFiles: [CITY, HEAT] });

      const report = await importDataset(db, { filmFiles: [revised] });
      expect(report.changes.relationships.KILLED).toEqual({ added: 0, changed: 0, removed: 1 });
      expect(report.changes.relationships.LOYAL_TO).toEqual({ added: 0, changed: 0, removed: 1 });
      expect(report.changes.nodes).toEqual({ Character: { added: 0, changed: 1, removed: 0 } });
      expect(await graphFingerprint(db)).toEqual(expected);

      // And back: the facts return, the graph is the original one again.
      const back = await importDataset(db, { filmFiles: [HEAT] });
      expect(back.changes.relationships.KILLED).toEqual({ added: 1, changed: 0, removed: 0 });
      expect(await graphFingerprint(db)).toEqual(await freshGraph([CITY, HEAT]));
    },
    SLOW,
  );

  it(
    "removes a character taken out of a film with everything that referred to it",
    async () => {
      const without = changedFilm("heat", (data) => withoutItem(data, "heat-prostitute"));
      const expected = await freshGraph([CITY, without]);
      const db = await testDatabase();
      await emptyGraph(db);
      await importDataset(db, { filmFiles: [CITY, HEAT] });
      const report = await importDataset(db, { filmFiles: [without] });
      expect(report.changes.nodes.Character).toEqual({ added: 0, changed: 0, removed: 1 });
      expect(await graphFingerprint(db)).toEqual(expected);
    },
    SLOW,
  );

  it(
    "refuses an id another film holds in the database, naming both, and writes nothing",
    async () => {
      const db = await testDatabase();
      await importDataset(db, { filmFiles: [CITY, HEAT] });
      const before = await graphFingerprint(db);
      const dir = scratchDir();
      const { sourcesFile, filmFiles } = writeStory(
        generateStory({ films: 1, characters: 12, prefix: "new-" }),
        dir,
      );
      const file = filmFiles[0] as string;
      // The new film's third character takes an id Heat already uses.
      writeFileSync(
        file,
        readFileSync(file, "utf8").replace(/\bnew-film-1-c3\b/g, "neil-mccauley"),
      );

      const error = await importDataset(db, { sourcesFile, filmFiles: [file] }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InvalidDatasetError);
      const [problem, ...others] = (error as InvalidDatasetError).problems;
      expect(others).toEqual([]);
      expect(problem).toMatchObject({
        file: expect.stringContaining("new-film-1.yaml"),
        item: "characters[3] (neil-mccauley)",
        field: "id",
        message:
          'id "neil-mccauley" is already used in the database by a Character of another film (heat)',
      });
      expect(problem?.suggestion).toMatch(/rename it.*heistgraph remove heat/);
      expect(await graphFingerprint(db)).toEqual(before);
    },
    SLOW,
  );

  it(
    "remove takes one film (and its own sources) out and leaves the others as they were",
    async () => {
      const expected = await freshGraph([HEAT]);
      const db = await testDatabase();
      await emptyGraph(db);
      await importDataset(db, { filmFiles: [CITY, HEAT] });
      const { changes } = await removeFilm(db, "city-on-fire");
      expect(changes.nodes.Film).toEqual({ added: 0, changed: 0, removed: 1 });
      expect(changes.nodes.Source).toEqual({ added: 0, changed: 0, removed: 1 });
      expect(changes.nodes.Character).toEqual({ added: 0, changed: 0, removed: 30 });
      expect(await graphFingerprint(db)).toEqual(expected);

      const unknown = await removeFilm(db, "city-on-fir").catch((e: unknown) => e);
      expect(unknown).toBeInstanceOf(HeistgraphError);
      expect((unknown as Error).message).toMatch(
        /no film "city-on-fir".*\n[\s\S]*did you mean "heat"|one of: heat/,
      );
    },
    SLOW,
  );

  it(
    "--wipe takes out the films the import does not name",
    async () => {
      const expected = await freshGraph([HEAT]);
      const db = await testDatabase();
      await emptyGraph(db);
      await importDataset(db, { filmFiles: [CITY, HEAT] });
      const report = await importDataset(db, { filmFiles: [HEAT], wipe: true });
      expect(report.removedFilms).toEqual(["city-on-fire"]);
      expect(report.changes.nodes.Film).toEqual({ added: 0, changed: 0, removed: 1 });
      expect(await graphFingerprint(db)).toEqual(expected);
    },
    SLOW,
  );

  it(
    "builds the same graph when films are written in many transactions",
    async () => {
      const dir = scratchDir();
      const { sourcesFile, filmFiles } = writeStory(
        generateStory({ films: 4, characters: 30, prefix: "tx-" }),
        dir,
      );
      const db = await testDatabase();
      await importDataset(db, { sourcesFile, filmFiles });
      const oneTransaction = await graphFingerprint(db);
      await emptyGraph(db);
      // Into the empty graph, films are planned as the writers take them; each is told once.
      const told: string[] = [];
      await importDataset(db, {
        sourcesFile,
        filmFiles,
        transactionRows: 100,
        onProgress: (done, total, step) => told.push(`${done}/${total} ${step}`),
      });
      expect(await graphFingerprint(db)).toEqual(oneTransaction);
      expect(told.map((t) => t.split(" ")[0])).toEqual(["1/4", "2/4", "3/4", "4/4"]);
      expect(told.map((t) => t.split(" ")[1]).sort()).toEqual([
        "tx-film-1",
        "tx-film-2",
        "tx-film-3",
        "tx-film-4",
      ]);
      // and a wipe film by film, in several transactions, to the first two films only
      const report = await importDataset(db, {
        sourcesFile,
        filmFiles: filmFiles.slice(0, 2),
        wipe: true,
        transactionRows: 100,
      });
      expect(report.removedFilms).toEqual(["tx-film-3", "tx-film-4"]);
      const { records } = await db.driver.executeQuery(
        "MATCH (f:Film) RETURN collect(f.id) AS films",
        {},
        { database: db.database },
      );
      expect(records[0]?.get("films")).toEqual(["tx-film-1", "tx-film-2"]);
    },
    SLOW,
  );
});

describe("readers during re-imports", () => {
  it("see the old film or the new one, or a retryable error, never a crash", async () => {
    const db = await testDatabase();
    await emptyGraph(db);
    const revised = heatRevised();
    const gone = changedFilm("heat", (data) => withoutItem(data, "heat-prostitute"));
    // Two questions whose answers the revision changes (each compared on its own: the
    // writer may switch versions between them).
    const questions = [
      async () => JSON.stringify(await deathByWhom(db, "Waingro", { film: "heat" })),
      async () => JSON.stringify(await doubleAgents(db, "heat")),
    ];
    const answersOf = () => Promise.all(questions.map((ask) => ask()));
    await importDataset(db, { filmFiles: [CITY, revised] });
    const answersRevised = await answersOf();
    await importDataset(db, { filmFiles: [CITY, HEAT] });
    const answersOriginal = await answersOf();
    answersRevised.forEach((answer, i) => expect(answer).not.toEqual(answersOriginal[i]));

    let writing = true;
    const seen = { original: 0, revised: 0, retryable: 0 };
    const failures: unknown[] = [];
    const reader = async () => {
      while (writing) {
        const i = (seen.original + seen.revised + seen.retryable) % questions.length;
        try {
          const answer = await (questions[i] as () => Promise<string>)();
          if (answer === answersOriginal[i]) seen.original++;
          else if (answer === answersRevised[i]) seen.revised++;
          else failures.push(new Error(`an answer from neither version: ${answer}`));
        } catch (error) {
          if ((error as { retriable?: boolean }).retriable === true) seen.retryable++;
          else failures.push(error);
        }
      }
    };
    const writer = async () => {
      try {
        for (let i = 0; i < 8; i++) {
          await importDataset(db, { filmFiles: [i % 2 === 0 ? revised : HEAT] });
          // A film file without a character: its node is deleted under the readers.
          await importDataset(db, { filmFiles: [gone] });
          await importDataset(db, { filmFiles: [HEAT] });
        }
      } finally {
        writing = false;
      }
    };
    await Promise.all([writer(), reader(), reader()]);
    expect(failures).toEqual([]);
    expect(seen.original).toBeGreaterThan(0);
    expect(seen.revised).toBeGreaterThan(0);
  }, 600_000);
});
