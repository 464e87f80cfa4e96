// Every example in the README runs against the real films and prints what the README shows.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runHeistgraph, runNode } from "../helpers/cli.ts";
import { README, readmeExamples, runExample } from "../helpers/readme-examples.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const examples = readmeExamples(readFileSync(README, "utf8"));

beforeAll(async () => {
  await withFilmsImported();
  // The examples run side by side, each its own tsx process; load the CLI and the package
  // once first, so they don't all compile the same sources into tsx's cache at the same time.
  await runHeistgraph(inject("neo4j"), "--help");
  await runNode(
    ["--import", "tsx", "--input-type=module", "-e", "await import('heistgraph')"],
    inject("neo4j"),
  );
});

describe.concurrent("README examples", () => {
  it("has examples of the CLI and of the TS API", () => {
    expect(examples.filter((e) => e.kind === "cli").length).toBeGreaterThanOrEqual(8);
    expect(examples.filter((e) => e.kind === "ts").length).toBeGreaterThanOrEqual(8);
  });

  it.each(
    examples.map(
      (e, i) =>
        [e.kind === "cli" ? `$ npx heistgraph ${e.code}` : `ts example ${i}`, e, i] as const,
    ),
  )("%s prints what the README shows", async (_name, example, index) => {
    const actual = await runExample(example, inject("neo4j"), index);
    expect(actual.trimEnd()).toBe(example.expected.trimEnd());
  });
});
