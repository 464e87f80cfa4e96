// The corpus of real mistakes (tests/fixtures/mistakes): each file says how many mistakes it
// holds and marks the line of each (`# MISTAKE <item>`). The import must report one problem
// per mistake, never one that follows from another, at the marked line, naming the item by
// its index in the file.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../db/local-neo4j/paths.ts";
import { loadDataset } from "./load.ts";
import { InvalidDatasetError, ownProblems, type DatasetProblem } from "./problems.ts";
import { validateDataset } from "./validate.ts";

const CORPUS = join(PACKAGE_ROOT, "tests", "fixtures", "mistakes");
const files = readdirSync(CORPUS).filter((f) => f.endsWith(".yaml"));

function marked(text: string): { count: number; marks: { line: number; item: string }[] } {
  const count = Number(/^# mistakes: (\d+)$/m.exec(text)?.[1]);
  const marks = text.split("\n").flatMap((line, i) => {
    const item = /# MISTAKE (\S+)/.exec(line)?.[1];
    return item ? [{ line: i + 1, item }] : [];
  });
  return { count, marks };
}

describe("a corpus of real mistakes", () => {
  it("holds several files", () => expect(files.length).toBeGreaterThanOrEqual(4));

  it.each(files)("%s: one problem per mistake, at its line, naming its item", (name) => {
    const path = join(CORPUS, name);
    const { count, marks } = marked(readFileSync(path, "utf8"));
    expect(marks).toHaveLength(count);

    const problems: DatasetProblem[] = [];
    validateDataset(loadDataset([], [path], problems), problems);
    const error = new InvalidDatasetError(problems); // fills in lines and columns
    const own = ownProblems(problems);
    expect(own, error.message).toHaveLength(count);
    const found = own
      .map((p) => ({ line: p.line, item: p.item }))
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const wanted = [...marks].sort((a, b) => a.line - b.line);
    found.forEach((p, i) => {
      const mark = wanted[i];
      expect(p.line, error.message).toBe(mark?.line);
      // "events[1]" names events[1] (gh-recruiting); "line" a YAML syntax error's place.
      expect(p.item.split(" ")[0]?.replace(/,$/, ""), error.message).toBe(mark?.item);
      expect(own[i]?.column).toBeGreaterThan(0);
    });
    expect(error.message).toMatch(`has ${count} problem`);
  });

  it("shows references to a refused item under it, once, without counting them", () => {
    const problems: DatasetProblem[] = [];
    const path = join(CORPUS, "glass-harbour.yaml");
    validateDataset(loadDataset([], [path], problems), problems);
    const text = new InvalidDatasetError(problems).message;
    expect(text).toMatch(
      /characters\[0\] \(Mara Quill\)\n.*\n.*try: +write it as an id, e\.g\. mara-quill.*\n +depends on the item above \(fixed with it, not counted apart\):\n +line 76: events\[0\] \(gh-release\) participants\[0\]\.who\n/,
    );
    expect(text).not.toMatch(/unknown id "mara"/);
    expect(text).not.toMatch(/has seq 2/);
  });

  it("shows a missing field's line to write, and hints at YAML's pitfalls", () => {
    const problems: DatasetProblem[] = [];
    for (const name of files) loadDataset([], [join(CORPUS, name)], problems);
    const text = new InvalidDatasetError(problems).message;
    expect(text).toContain("add a line  role: leads the robbery");
    expect(text).toContain("write covert: false");
    expect(text).toContain("this looks like the rest of a text cut at a comma");
    expect(text).toContain("write gh-text:6 without the space");
    expect(text).toContain("indent with spaces");
    expect(text).toContain('put the text in quotes, e.g. summary: "He says: go"');
  });
});
