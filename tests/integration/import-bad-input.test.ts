// The `heistgraph import` command with hostile or broken files: exit 1, a clear message, no
// stack trace, and the database untouched.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runHeistgraphUnwrapped } from "../helpers/cli.ts";
import { emptyGraph, testDatabase } from "../helpers/neo4j.ts";

const dir = mkdtempSync(join(tmpdir(), "heistgraph-bad-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const valid = (characterId: string) => `film: { id: tiny, title: Tiny, sources: ["tiny-text:1"] }
sources: [{ id: tiny-text, title: Tiny, paragraphs: 1 }]
characters: [{ id: "${characterId}", name: Al, description: Al., sources: ["tiny-text:1"] }]
events: [{ id: tiny-e, seq: 1, name: E, summary: S., sources: ["tiny-text:1"] }]
`;

const cases = [
  {
    name: "an id of 10 kB (it used to pass --dry-run and crash the write)",
    text: valid("a".repeat(10_000)),
    message: /field "id": an id has at most 100 characters/,
  },
  {
    name: "a YAML alias bomb",
    text: `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    message: /too many YAML aliases/,
  },
  {
    name: "a NUL byte",
    text: valid("tiny-al").replace("name: Al", "name: A\u0000l"),
    message: /line 3, column \d+\n\s+a NUL character/,
  },
  {
    name: "a LOCATED_IN cycle",
    text: `${valid("tiny-al")}places:
  - { id: tiny-a, name: A, kind: town, in: tiny-b, sources: ["tiny-text:1"] }
  - { id: tiny-b, name: B, kind: town, in: tiny-a, sources: ["tiny-text:1"] }
`,
    message: /places contain each other in a circle: tiny-a in tiny-b in tiny-a/,
  },
  {
    name: "an event refused for a missing role, whose seq a membership names",
    text: `film: { id: tiny, title: Tiny, sources: ["tiny-text:1"] }
sources: [{ id: tiny-text, title: Tiny, paragraphs: 1 }]
characters: [{ id: tiny-al, name: Al, description: Al., sources: ["tiny-text:1"] }]
groups: [{ id: tiny-g, name: G, kind: crew, description: A crew., sources: ["tiny-text:1"] }]
events:
  - { id: tiny-e, seq: 1, name: E, summary: S., sources: ["tiny-text:1"] }
  - { id: tiny-f, seq: 2, name: F, summary: S., participants: [{ who: tiny-al }], sources: ["tiny-text:1"] }
memberships: [{ member: tiny-al, group: tiny-g, role: boss, since: 2, sources: ["tiny-text:1"] }]
`,
    // One problem, not a second one for since: 2; the item by its index in the file.
    message:
      /^error: The dataset has 1 problem in 1 file[\s\S]*events\[1\] \(tiny-f\)\n +line 7, column 64: field "participants\[0\]\.role": a required field is missing\n.*\n +try: +add a line {2}role: leads the robbery\n?$/,
  },
];

describe("heistgraph import, bad input on the command line", () => {
  it.each(cases)("$name: exit 1, the message, nothing written", async ({ name, text, message }) => {
    const db = await testDatabase();
    await emptyGraph(db);
    await db.driver.executeQuery("CREATE (:Stray {id: 'sentinel'})", {}, { database: db.database });
    const file = join(dir, `${name.split(" ").slice(0, 3).join("-")}.yaml`);
    writeFileSync(file, text);

    const { code, stderr } = await runHeistgraphUnwrapped(inject("neo4j"), "import", file);
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(
      /^error: The dataset has \d+ problems? in 1 file; nothing was written\./,
    );
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/unexpected error|\n\s+at /);
    const { records } = await db.driver.executeQuery(
      "MATCH (n) RETURN collect(n.id) AS ids",
      {},
      { database: db.database },
    );
    expect(records[0]?.get("ids")).toEqual(["sentinel"]);
  });
});
