import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { diffFilm, isUnchanged, type StoredNode, type StoredRel } from "./film-diff.ts";
import type { FilmPlan } from "./plan.ts";

const plan: FilmPlan = {
  film: "f",
  nodes: new Map([
    ["Film", [{ id: "f", film: "f", year: 1995 }]],
    [
      "Character",
      [
        { id: "a", film: "f", name: "A" },
        { id: "b", film: "f", name: "B" },
      ],
    ],
  ]),
  rels: new Map([
    [
      "KILLED|Character|Character",
      {
        type: "KILLED",
        from: "Character",
        to: "Character",
        rows: [{ from: "a", to: "b", key: "e1", props: { seq: 3 } }],
      },
    ],
  ]),
};

const node = (elementId: string, label: string, props: Record<string, unknown>): StoredNode => ({
  elementId,
  label,
  props,
});
const killed = (elementId: string, key: string, seq: number): StoredRel => ({
  elementId,
  type: "KILLED",
  fromLabel: "Character",
  from: "a",
  toLabel: "Character",
  to: "b",
  props: { key, seq: neo4j.int(seq) },
});

describe("diffFilm", () => {
  it("adds everything to an empty film", () => {
    const diff = diffFilm(plan, [], []);
    expect(diff.counts.nodes).toEqual({
      Film: { added: 1, changed: 0, removed: 0 },
      Character: { added: 2, changed: 0, removed: 0 },
    });
    expect(diff.createRels[0]?.rows).toHaveLength(1);
  });

  it("finds nothing to do when the stored film is the plan (integers read back as Integer)", () => {
    const diff = diffFilm(
      plan,
      [
        node("n1", "Film", { id: "f", film: "f", year: neo4j.int(1995) }),
        node("n2", "Character", { name: "A", film: "f", id: "a" }),
        node("n3", "Character", { id: "b", film: "f", name: "B" }),
      ],
      [killed("r1", "e1", 3)],
    );
    expect(isUnchanged(diff.counts)).toBe(true);
  });

  it("changes, removes and adds by identity: label and id, type, ends and key", () => {
    const diff = diffFilm(
      plan,
      [
        node("n1", "Film", { id: "f", film: "f", year: neo4j.int(1996) }),
        node("n2", "Character", { id: "a", film: "f", name: "A" }),
        node("n3", "Group", { id: "b", film: "f", name: "B" }),
        node("n4", "Character", { id: "gone", film: "f", name: "Gone" }),
      ],
      [killed("r1", "e0", 3), killed("r2", "e1", 4)],
    );
    expect(diff.counts.nodes).toEqual({
      Film: { added: 0, changed: 1, removed: 0 },
      Character: { added: 1, changed: 0, removed: 1 },
      Group: { added: 0, changed: 0, removed: 1 },
    });
    expect(diff.counts.relationships).toEqual({ KILLED: { added: 0, changed: 1, removed: 1 } });
    expect(diff.deleteRels).toEqual(["r1"]);
    expect(diff.updateRels).toEqual([{ eid: "r2", props: { seq: 3, key: "e1" } }]);
    expect(diff.deleteNodes.sort()).toEqual(["n3", "n4"]);
  });
});
