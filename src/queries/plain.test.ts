import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "./plain.ts";

describe("toPlain", () => {
  it("turns Integers into numbers at any depth, in lists and maps", () => {
    const row = {
      seq: neo4j.int(3),
      acts: [{ n: neo4j.int(-2), how: "shot", to: null }],
      ok: true,
    };
    expect(toPlain(row)).toEqual({ seq: 3, acts: [{ n: -2, how: "shot", to: null }], ok: true });
  });

  it("gives a node's or relationship's properties, leaving the driver's own object alone", () => {
    const node = new neo4j.types.Node(neo4j.int(1), ["Character"], { id: "a", age: neo4j.int(40) });
    const rel = new neo4j.types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(1), "KILLED", {
      seq: neo4j.int(7),
    });
    expect(toPlain([node, rel])).toEqual([{ id: "a", age: 40 }, { seq: 7 }]);
    expect(neo4j.isInt(node.properties.age)).toBe(true);
  });

  it("leaves scalars as they are", () => {
    expect(toPlain("x")).toBe("x");
    expect(toPlain(null)).toBe(null);
    expect(toPlain(undefined)).toBe(undefined);
    expect(toPlain(1.5)).toBe(1.5);
  });
});
