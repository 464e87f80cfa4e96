import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bindParameters,
  cypherFile,
  parseCypherFile,
  QUERIES_DIR,
  QUERY_NAMES,
  returnColumns,
} from "./cypher-file.ts";

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

  it.each(QUERY_NAMES)("%s names every column of its last RETURN", (name) => {
    const columns = returnColumns(cypherFile(name).cypher);
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) expect(column).toMatch(/^\w+$/);
  });
});

describe("returnColumns", () => {
  it("reads the last RETURN outside subqueries, up to ORDER BY, SKIP or LIMIT", () => {
    expect(
      returnColumns(
        "MATCH (c) CALL (c) { RETURN 1 AS inner } // RETURN x AS comment\n" +
          "RETURN DISTINCT c.id AS id, {a: 1, b: [2, 3]} AS map, 'x, RETURN y' AS text, c\n" +
          "ORDER BY id LIMIT $limit",
      ),
    ).toEqual(["id", "map", "text", "c"]);
    expect(
      returnColumns(
        "RETURN found[..toInteger($limit)] AS chains, size(found) > $limit AS truncated",
      ),
    ).toEqual(["chains", "truncated"]);
  });

  it("refuses a column without a name", () => {
    expect(() => returnColumns("MATCH (c) RETURN c.id")).toThrow(/needs a name/);
  });
});

describe("bindParameters", () => {
  it("writes each parameter as the expression, leaving longer names alone", () => {
    expect(
      bindParameters("timeline", "WHERE e.film = $film AND f.key = $filmKey", { film: "x.id" }),
    ).toBe("WHERE e.film = x.id AND f.key = $filmKey");
  });

  it("refuses a parameter the file does not have", () => {
    expect(() => bindParameters("timeline", "RETURN $to AS to", { film: "x" })).toThrow(
      "timeline.cypher has no parameter $film",
    );
  });
});
