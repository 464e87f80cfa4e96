import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACT_TYPES, TIE_TYPES } from "../dataset/vocabulary.ts";
import { QUERIES_DIR, QUERY_NAMES } from "./cypher-file.ts";
import { withTypeLists } from "./type-lists.ts";

describe("the Cypher files' type lists", () => {
  it("rewrites a marked line's alternation from the vocabulary, and nothing else", () => {
    const text = "// acts\nMATCH (a)-[r:KILLED|WOUNDED]->(b) // act types\nRETURN a";
    const [, line] = withTypeLists(text).split("\n");
    expect(line).toBe(`MATCH (a)-[r:${[...ACT_TYPES, "ACTED_ON"].join("|")}]->(b) // act types`);
    expect(withTypeLists("MATCH (a)-[r:KILLED]->(b)\nRETURN a")).toBe(
      "MATCH (a)-[r:KILLED]->(b)\nRETURN a",
    );
  });

  it("refuses a list it does not know", () => {
    expect(() => withTypeLists("MATCH (a)-[r:X]->(b) // colour types", "f.cypher")).toThrow(
      /f\.cypher: no type list "colour types"/,
    );
  });

  // A hand-written list of every act or tie would miss the next type added to the vocabulary.
  it.each(QUERY_NAMES)("%s lists every act or tie only on a marked line", (name) => {
    const lines = readFileSync(`${QUERIES_DIR}${name}.cypher`, "utf8").split("\n");
    for (const line of lines.filter((l) => !l.trim().startsWith("//"))) {
      const alternation = /\[\w*:([A-Z_|]+)/.exec(line)?.[1]?.split("|") ?? [];
      const acts = ACT_TYPES.filter((t) => alternation.includes(t)).length;
      const ties = TIE_TYPES.filter((t) => alternation.includes(t)).length;
      if (acts === ACT_TYPES.length || ties === TIE_TYPES.length)
        expect(line).toMatch(/\/\/ [a-z]+ types$/);
    }
  });
});
