import { describe, expect, it } from "vitest";
import { characterSearch, searchWords } from "./search-query.ts";

describe("characterSearch", () => {
  it("looks for the key as a phrase", () => {
    expect(characterSearch("neil mccauley").search).toBe('searchKeys:"neil mccauley"');
  });

  it("makes fuzzy and prefix terms of the words only", () => {
    expect(characterSearch("kam-wah").fuzzy).toBe("searchKeys:(kam~ OR kam* OR wah~ OR wah*)");
  });

  it("keeps Lucene syntax out of the query", () => {
    expect(characterSearch('a\\b"c').search).toBe('searchKeys:"a\\\\b\\"c"');
    expect(searchWords("(x) AND [y]: z*")).toEqual(["x", "and", "y", "z"]);
    expect(characterSearch("x) OR (y").fuzzy).toBe(
      "searchKeys:(x~ OR x* OR or~ OR or* OR y~ OR y*)",
    );
  });
});
