// The walkthrough of docs/authoring.md, from an empty folder to answers: each step runs in
// order, in a folder of its own, against the test Neo4j, and prints what the page shows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { HEISTGRAPH_BIN, runNode } from "../helpers/cli.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";
import { WALKTHROUGH, walkthroughSteps } from "../helpers/readme-walkthrough.ts";

const readme = readFileSync(WALKTHROUGH, "utf8");
const steps = walkthroughSteps(readme);
const dir = mkdtempSync(join(tmpdir(), "heistgraph-walkthrough-"));
const outputs = new Map<number, string>();

beforeAll(async () => emptyGraph(await testDatabase()));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  // Leave no story of the walkthrough for the next test file.
  const db = await testDatabase();
  await db.driver.executeQuery(
    "MATCH (n) WHERE n.film = 'the-getaway' OR n.id = 'the-getaway' DETACH DELETE n",
    {},
    { database: db.database },
  );
  if (process.env.UPDATE_README !== "1") return;
  let text = readme;
  for (const [i, output] of [...outputs].sort(([a], [b]) => b - a)) {
    const step = steps[i];
    if (step) text = `${text.slice(0, step.outputStart)}${output}\n${text.slice(step.outputEnd)}`;
  }
  writeFileSync(WALKTHROUGH, text);
});

describe("docs/authoring.md walkthrough", () => {
  it("goes from heistgraph new to answers", () => {
    expect(steps.map((s) => `${s.kind} ${s.name.split(" ")[0]}`)).toEqual([
      "cli new",
      "file the-getaway.txt",
      "file the-getaway.yaml",
      "cli import",
      "cli import",
      "cli revenge",
      "cli death-by-whom",
    ]);
  });

  // One step after the other: each uses what the previous ones wrote.
  steps.forEach((step, i) => {
    const name = step.kind === "file" ? `write ${step.name}` : `$ npx heistgraph ${step.name}`;
    it(`${i + 1}. ${name}`, async () => {
      if (step.kind === "file") {
        writeFileSync(join(dir, step.name), step.text);
        return;
      }
      const { code, stdout, stderr } = await runNode(
        [HEISTGRAPH_BIN, ...step.args],
        inject("neo4j"),
        dir,
      );
      const printed = (code === 0 ? stdout : `${stdout}${stderr}`).trimEnd();
      outputs.set(i, printed);
      expect(code, stderr).toBe(0);
      expect(printed).toBe(step.text.trimEnd());
    });
  });
});
