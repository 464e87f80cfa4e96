// An import killed half-way (SIGKILL of the CLI, mid-transaction) leaves the graph exactly as
// it was: a film is written in one transaction, which the server rolls back when the client
// goes away.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { importDataset } from "../../src/import/run-import.ts";
import { generateStory, writeStory } from "../../scripts/bench/generate-story.ts";
import {
  filmDigests,
  importWritesRunning,
  judgeKill,
  killImportHalfWay,
  waitForNoTransactions,
} from "../../scripts/bench/kill-import.ts";
import { spawnImport } from "../../scripts/bench/import-command.ts";
import { prepareImport } from "../../src/import/run-import.ts";
import { scratchDir } from "../helpers/film-files.ts";
import { graphFingerprint } from "../helpers/graph-fingerprint.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

describe("an import killed half-way", () => {
  it("leaves the graph exactly as it was", async () => {
    const db = await testDatabase();
    await emptyGraph(db);
    // One large film (about 30k nodes and relationships), then another telling of it: same
    // ids, other facts, so the second import rewrites most of the film.
    const shape = { films: 1, characters: 2000, prefix: "big-" };
    const first = writeStory(generateStory({ ...shape, seed: 1 }), scratchDir());
    const second = writeStory(generateStory({ ...shape, seed: 2 }), scratchDir());
    await importDataset(db, first);
    const before = await graphFingerprint(db);

    const { child, exited } = spawnImport(db, second);
    // Wait until the film's transaction is writing, then a little more, and kill the CLI.
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished && (await importWritesRunning(db)) === 0) await sleep(50);
    await sleep(300);
    child.kill("SIGKILL");
    expect((await exited).signal).toBe("SIGKILL");

    expect(await graphFingerprint(db)).toEqual(before);
    // The server rolls the transaction back once it sees the connection gone.
    await waitForNoTransactions(db);
    expect(await graphFingerprint(db)).toEqual(before);
    await emptyGraph(db);
  }, 300_000);

  it("of many films leaves each film wholly old or wholly new", async () => {
    const db = await testDatabase();
    await emptyGraph(db);
    // Eight films of about 12k rows: four transactions of two films, two written at once.
    const shape = { films: 8, characters: 800, prefix: "many-" };
    const first = writeStory(generateStory({ ...shape, seed: 1 }), scratchDir());
    const other = writeStory(generateStory({ ...shape, seed: 2 }), scratchDir());
    const plans = prepareImport(other.sourcesFile, other.filmFiles).films;
    const films = plans.map((p) => p.film);
    await importDataset(db, first);
    const before = await filmDigests(db, films);

    const killed = await killImportHalfWay(db, { ...other, plans }, 0.25);
    await importDataset(db, other);
    const after = await filmDigests(db, films);
    for (const film of films) expect(after.get(film)).not.toBe(before.get(film));

    const outcome = judgeKill(killed.digests, before, after, killed.killedAfter);
    expect(outcome.mixedFilms).toEqual([]);
    // Killed half-way: some films were committed in the new telling, not all of them.
    expect(outcome.newFilms).toBeGreaterThanOrEqual(2);
    expect(outcome.oldFilms).toBeGreaterThanOrEqual(1);
    await emptyGraph(db);
  }, 300_000);
});
