// The worker threads prepare exactly what one thread does: the same plans (and hashes) in the
// same order for a good dataset, the same problems in the same order for a bad one.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { generateStory, writeStory } from "../../scripts/bench/generate-story.ts";
import { scratchDir } from "../../tests/helpers/film-files.ts";
import { InvalidDatasetError, type DatasetProblem } from "../dataset/problems.ts";
import { planHash } from "./film-store.ts";
import { encodePlan } from "./plan.ts";
import { prepareInWorkers, workersFor } from "./prepare-in-workers.ts";
import { prepareImport } from "./run-import.ts";

const story = () => writeStory(generateStory({ films: 5, characters: 20, seed: 7 }), scratchDir());

function problemsOf(prepare: () => unknown): Promise<DatasetProblem[]> {
  return Promise.resolve()
    .then(prepare)
    .then(
      () => {
        throw new Error("expected the dataset to be refused");
      },
      (error: unknown) => {
        if (!(error instanceof InvalidDatasetError)) throw error;
        return error.problems;
      },
    );
}

describe("prepareInWorkers", () => {
  it("plans every film as one thread does, in order, with the same hashes", async () => {
    const { sourcesFile, filmFiles } = story();
    const one = prepareImport(sourcesFile, filmFiles);
    const two = await prepareInWorkers(sourcesFile, filmFiles, [], 2);
    expect(two.films.map((f) => f.film)).toEqual(one.films.map((f) => f.film));
    two.films.forEach((plan, i) => {
      const other = one.films[i] as (typeof one.films)[number];
      expect(encodePlan(plan)).toBe(encodePlan(other));
      expect(planHash(plan)).toBe(planHash(other));
    });
    expect(two.dataset).toEqual(one.dataset);
  });

  it("reports the problems one thread reports, in the same order", async () => {
    const { sourcesFile, filmFiles } = story();
    const edit = (file: string, change: (data: Record<string, unknown[]>) => void) => {
      const data = parse(readFileSync(file, "utf8")) as Record<string, unknown[]>;
      change(data);
      writeFileSync(file, stringify(data));
    };
    const [first, second, third, fourth] = filmFiles as [string, string, string, string];
    const characters = (data: Record<string, unknown[]>) =>
      data.characters as Record<string, unknown>[];
    // An id another film uses (and the references to the id it lost), an unknown field, a
    // file that is no YAML, a file that is not there.
    edit(second, (data) => {
      (characters(data)[0] as Record<string, unknown>).id = characters(
        parse(readFileSync(first, "utf8")) as Record<string, unknown[]>,
      )[0]?.id;
    });
    edit(third, (data) => {
      (characters(data)[1] as Record<string, unknown>).nickname = "Slim";
    });
    writeFileSync(fourth, "film: [unclosed\n");
    const files = [...filmFiles, join(scratchDir(), "missing.yaml")];
    const one = await problemsOf(() => prepareImport(sourcesFile, files));
    const two = await problemsOf(() => prepareInWorkers(sourcesFile, files, [], 2));
    expect(one.length).toBeGreaterThanOrEqual(5);
    expect(two).toEqual(one);
  });

  it("is used for large imports only, and never on one core", () => {
    const { filmFiles } = story();
    expect(workersFor(filmFiles)).toBe(0); // a few small files: this thread is faster
    expect(workersFor(filmFiles, { minBytes: 0, threads: 2 })).toBe(2);
    expect(workersFor(filmFiles, { minBytes: 0, threads: 1 })).toBe(0);
  });
});
