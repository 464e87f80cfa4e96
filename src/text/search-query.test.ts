import { describe, expect, it } from "vitest";
import { characterSearch, searchWords } from "./search-query.ts";

describe("characterSearch", () => {
  it("looks for the key as a phrase, scoped to the film when given", () => {
    expect(characterSearch("neil mccauley", null).search).toBe('searchKeys:"neil mccauley"');
    expect(characterSearch("fu", "city-on-fire").search).toBe(
      'searchKeys:"fu" AND film:"city-on-fire"',
    );
  });

  it("makes fuzzy and prefix terms of the words only", () => {
    expect(characterSearch("kam-wah", null).fuzzy).toBe(
      "searchKeys:(kam~ OR kam* OR wah~ OR wah*)",
    );
  });

  it("keeps Lucene syntax out of the query", () => {
    expect(characterSearch('a\\b"c', null).search).toBe('searchKeys:"a\\\\b\\"c"');
    expect(searchWords("(x) AND [y]: z*")).toEqual(["x", "and", "y", "z"]);
    expect(characterSearch("x) OR (y", null).fuzzy).toBe(
      "searchKeys:(x~ OR x* OR or~ OR or* OR y~ OR y*)",
    );
  });
});
