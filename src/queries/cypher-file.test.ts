import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cypherFile, parseCypherFile, QUERIES_DIR, QUERY_NAMES } from "./cypher-file.ts";

describe("query files", () => {
  it("lists exactly the files in cypher/queries/", () => {
    const files = readdirSync(QUERIES_DIR)
      .filter((f) => f.endsWith(".cypher"))
      .map((f) => f.replace(/\.cypher$/, ""));
    expect([...QUERY_NAMES].sort()).toEqual(files.sort());
  });

  it.each(QUERY_NAMES)("%s has a header saying what it answers, and a query", (name) => {
    const file = cypherFile(name);
    expect(file.description.length).toBeGreaterThan(20);
    expect(file.cypher).toMatch(/\bRETURN\b/);
    expect(file.cypher).not.toMatch(/^:param/m);
  });

  it("separates the header, the :param lines and the query", () => {
    const file = parseCypherFile(
      "kills-by",
      "// Kills by one character.\n// Parameters: $killerId\n:param killerId => 'fu';\nMATCH (k {id: $killerId}) RETURN k;\n",
    );
    expect(file.description).toBe("Kills by one character.\nParameters: $killerId");
    expect(file.params).toEqual({ killerId: "'fu'" });
    expect(file.cypher).toBe("MATCH (k {id: $killerId}) RETURN k");
  });
});
