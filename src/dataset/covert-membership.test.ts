// Covert memberships in the format: who knows, from when, checked like a covert loyalty's
// knowers, and planned as MEMBER_OF {covert, knownBy} with one KNOWS_SECRET_OF {memberOf} per
// knower, whose key is the knower's id then the membership's own key.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { planFilm, planStatements } from "../import/plan.ts";
import { loadDataset } from "./load.ts";
import type { DatasetProblem } from "./problems.ts";
import { validateDataset } from "./validate.ts";

const root = mkdtempSync(join(tmpdir(), "heistgraph-covert-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cases = 0;

const cite = ["mole-text:1"];

/** A mole in a gang, known to his handler from the start and to the boss from seq 2. */
function story(membership: Record<string, unknown> = {}) {
  return {
    film: { id: "mole", title: "Mole", sources: cite },
    sources: [{ id: "mole-text", title: "Mole, a summary", file: "mole.txt" }],
    groups: [
      { id: "mole-gang", name: "Gang", kind: "gang", description: "A gang.", sources: cite },
      { id: "mole-police", name: "Police", kind: "police", description: "Police.", sources: cite },
    ],
    characters: ["mole-ray", "mole-handler", "mole-boss"].map((id) => ({
      id,
      name: id.slice(5),
      description: "Someone.",
      sources: cite,
    })),
    events: [1, 2].map((seq) => ({
      id: `mole-e${seq}`,
      seq,
      name: `Event ${seq}`,
      summary: "Something.",
      sources: cite,
    })),
    memberships: [
      { member: "mole-ray", group: "mole-police", role: "officer", sources: cite },
      {
        member: "mole-ray",
        group: "mole-gang",
        role: "recruit",
        covert: true,
        since: 1,
        knownBy: [
          { who: "mole-handler", sources: cite },
          { who: "mole-boss", since: 2, sources: cite },
        ],
        sources: cite,
        ...membership,
      },
    ],
  };
}

function run(film: object) {
  const dir = mkdtempSync(join(root, `case-${++cases}-`));
  writeFileSync(join(dir, "mole.txt"), "A mole joins a gang.\n");
  const file = join(dir, "mole.yaml");
  writeFileSync(file, stringify(film));
  const problems: DatasetProblem[] = [];
  const dataset = loadDataset([], [file], problems);
  const index = validateDataset(dataset, problems);
  return { problems, dataset, index };
}

describe("covert memberships", () => {
  it("are planned with who knows, each a secret told apart from a loyalty's", () => {
    const { problems, dataset, index } = run(story());
    expect(problems).toEqual([]);
    const plan = planStatements(
      dataset.films.map(({ data }) => planFilm(data, dataset.sources, index)),
    );
    const rows = (name: string) => plan.find((s) => s.name === name)?.rows ?? [];
    expect(rows("MEMBER_OF (Character -> Group)")).toMatchObject([
      { key: "mole-ray|mole-police|0", props: { covert: false, knownBy: [] } },
      {
        key: "mole-ray|mole-gang|1",
        props: { covert: true, since: 1, knownBy: ["mole-handler", "mole-boss"] },
      },
    ]);
    const secrets = rows("KNOWS_SECRET_OF (Character -> Character)");
    expect(secrets.map((r) => [r.from, r.to, r.key, r.props])).toEqual([
      [
        "mole-handler",
        "mole-ray",
        "mole-handler|mole-ray|mole-gang|1",
        { memberOf: "mole-gang", sources: cite },
      ],
      [
        "mole-boss",
        "mole-ray",
        "mole-boss|mole-ray|mole-gang|1",
        { memberOf: "mole-gang", since: 2, sources: cite },
      ],
    ]);
  });

  it("refuses knowers of an open membership, unknown knowers and seqs, and a knower twice", () => {
    const open = run(story({ covert: false }));
    expect(open.problems.map((p) => [p.field, p.message])).toEqual([
      ["knownBy", "knownBy is for covert memberships"],
    ]);
    const wrong = run(
      story({
        knownBy: [
          { who: "mole-handlr", sources: cite },
          { who: "mole-boss", since: 7, sources: cite },
          { who: "mole-boss", since: 2, sources: cite },
        ],
      }),
    );
    const found = wrong.problems.map((p) => `${p.field ?? ""}: ${p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'knownBy[0].who: unknown id "mole-handlr"',
        "since: no event of mole has seq 7",
      ]),
    );
    expect(found.some((f) => /knower of this secret/.test(f) || /twice|duplicate/i.test(f))).toBe(
      true,
    );
  });
});
