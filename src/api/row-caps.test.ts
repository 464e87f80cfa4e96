import { describe, expect, it } from "vitest";
import { capTypeDefs } from "./row-caps.ts";

describe("capTypeDefs", () => {
  const capped = capTypeDefs(
    `type Film @node {
      id: ID!
      sources: [String!]!
      deaths: [Death!]! @cypher(statement: "MATCH (d) RETURN d AS result", columnName: "result")
      first: Death @cypher(statement: "MATCH (d) RETURN d AS result LIMIT 1", columnName: "result")
    }
    type Death { victim: String! }`,
    10,
  );

  it("limits every @node type to one row more than the cap", () => {
    expect(capped).toMatch(/type Film @node @limit\(default: 11, max: 11\)/);
    expect(capped).toMatch(/type Death \{/);
  });

  it("limits @cypher list fields, not single ones", () => {
    expect(capped).toContain(
      String.raw`deaths: [Death!]! @cypher(statement: "MATCH (d) RETURN d AS result\nLIMIT 11"`,
    );
    expect(capped).toContain('RETURN d AS result LIMIT 1", columnName');
  });
});
