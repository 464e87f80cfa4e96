import { describe, expect, it } from "vitest";
import { QUESTIONS } from "../questions/registry.ts";
import { cypherFile, parseCypherFile, QUERY_NAMES } from "./cypher-file.ts";

describe("query files", () => {
  it("holds the file of every question of the registry", () => {
    expect(QUESTIONS.map((q) => q.file).filter((f) => !QUERY_NAMES.includes(f))).toEqual([]);
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
