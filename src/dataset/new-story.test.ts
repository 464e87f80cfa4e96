// `heistgraph new`: the skeleton is valid as written, and nothing is ever overwritten.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HeistgraphError } from "../errors.ts";
import { jsonSchemas } from "./json-schema.ts";
import { loadDataset } from "./load.ts";
import { slugOf, writeNewStory } from "./new-story.ts";
import type { DatasetProblem } from "./problems.ts";
import { validateDataset } from "./validate.ts";

const root = mkdtempSync(join(tmpdir(), "heistgraph-new-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("heistgraph new", () => {
  it("makes an id from the title", () => {
    expect(slugOf("The Getaway")).toBe("the-getaway");
    expect(slugOf("  Léon: The Professional! ")).toBe("leon-the-professional");
  });

  it("writes a skeleton film file and source text that import as they are", () => {
    const dir = join(root, "fresh", "stories");
    const story = writeNewStory('Heat "2"', dir);
    expect(story).toMatchObject({ id: "heat-2", filmFile: join(dir, "heat-2.yaml") });
    expect(readFileSync(story.filmFile, "utf8")).toContain('title: "Heat \\"2\\""');
    const problems: DatasetProblem[] = [];
    validateDataset(loadDataset([], [story.filmFile], problems), problems);
    expect(problems).toEqual([]);
  });

  it("names the JSON Schema written beside the film, so moving the folder keeps it", () => {
    const dir = join(root, "moves");
    const story = writeNewStory("The Move", dir);
    const text = readFileSync(story.filmFile, "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./film.schema.json");
    expect(story.schemaFiles).toEqual([
      join(dir, "film.schema.json"),
      join(dir, "sources.schema.json"),
    ]);
    const moved = join(root, "elsewhere", "deeper");
    mkdirSync(join(root, "elsewhere"));
    renameSync(dir, moved);
    expect(readFileSync(join(moved, "film.schema.json"), "utf8")).toBe(
      jsonSchemas()["film.schema.json"],
    );
  });

  it("refuses to overwrite either file, and writes neither", () => {
    const dir = join(root, "taken");
    writeNewStory("Taken", dir);
    writeFileSync(join(dir, "taken.yaml"), "mine");
    expect(() => writeNewStory("Taken", dir)).toThrow(HeistgraphError);
    expect(() => writeNewStory("Taken", dir)).toThrow(/already exist; nothing was written/);
    expect(readFileSync(join(dir, "taken.yaml"), "utf8")).toBe("mine");
  });

  it("refuses a title with nothing to make an id from", () => {
    expect(() => writeNewStory("!!!", root)).toThrow(/Cannot make an id from the title/);
  });
});
