// The search box's matching: whole names and aliases first, then a word, then any part; case,
// accents and quotes ignored as the server's look-up ignores them.
import { describe, expect, it } from "vitest";
import { findByName, type Findable } from "./search.ts";

const people: Findable[] = [
  { id: "cheritto", name: "Michael Cheritto", aliases: ["Cherrito"] },
  { id: "girl", name: "Little girl taken hostage by Cheritto", aliases: [] },
  { id: "neil", name: "Neil McCauley", aliases: [] },
  { id: "eady", name: "Éady", aliases: [] },
];

describe("findByName", () => {
  it("puts a whole name or alias first, then a word of a name, shorter names first", () => {
    expect(findByName(people, "cherrito").map((p) => p.id)).toEqual(["cheritto"]);
    expect(findByName(people, "cherit").map((p) => p.id)).toEqual(["cheritto", "girl"]);
    expect(findByName(people, "mccauley").map((p) => p.id)).toEqual(["neil"]);
  });

  it("ignores case, accents and quotes, and finds parts of words last", () => {
    expect(findByName(people, "EADY").map((p) => p.id)).toEqual(["eady"]);
    expect(findByName(people, "'neil'").map((p) => p.id)).toEqual(["neil"]);
    expect(findByName(people, "auley").map((p) => p.id)).toEqual(["neil"]);
  });

  it("finds nothing for nothing typed, or for a name no one has", () => {
    expect(findByName(people, "  ")).toEqual([]);
    expect(findByName(people, "hanna")).toEqual([]);
  });
});
