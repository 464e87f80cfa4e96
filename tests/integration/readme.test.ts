// Every example of the README and of docs/ runs against the real films and prints what the
// page shows.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runHeistgraph, runNode } from "../helpers/cli.ts";
import { exampleFiles, readmeExamples, runExample, shortPath } from "../helpers/readme-examples.ts";
import { withFilmsImported } from "../helpers/neo4j.ts";

const pages = exampleFiles().map((file) => ({
  path: shortPath(file),
  examples: readmeExamples(readFileSync(file, "utf8"), shortPath(file)),
}));
const all = pages.flatMap(({ path, examples }) =>
  examples.map((example, i) => ({ path, example, name: `${path} ${i + 1}` })),
);

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

describe.concurrent("README and docs examples", () => {
  it("the README shows one example of the CLI and one of the TS API", () => {
    const readme = pages.find((p) => p.path === "README.md")?.examples ?? [];
    expect(readme.filter((e) => e.kind === "cli").length).toBeGreaterThanOrEqual(1);
    expect(readme.filter((e) => e.kind === "ts").length).toBeGreaterThanOrEqual(1);
  });

  it("docs/questions.md shows every question from the CLI and from TypeScript", () => {
    const questions = pages.find((p) => p.path === "docs/questions.md")?.examples ?? [];
    expect(questions.filter((e) => e.kind === "cli").length).toBeGreaterThanOrEqual(8);
    expect(questions.filter((e) => e.kind === "ts").length).toBeGreaterThanOrEqual(8);
  });

  it.each(
    all.map(
      ({ path, example, name }) =>
        [
          example.kind === "cli" ? `${path}: $ npx heistgraph ${example.code}` : `${name} (ts)`,
          example,
          name,
        ] as const,
    ),
  )("%s prints what the page shows", async (_title, example, name) => {
    const actual = await runExample(example, inject("neo4j"), name);
    expect(actual.trimEnd()).toBe(example.expected.trimEnd());
  });
});
