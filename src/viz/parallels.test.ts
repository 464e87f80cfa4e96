import { describe, expect, it } from "vitest";
import type { ParallelCharacter, Parallels } from "../queries/parallels/index.ts";
import type { TimelineEvent } from "../queries/timeline/index.ts";
import { confrontation, renderParallelsSvg, rolePairs } from "./parallels.ts";

const person = (id: string, name: string, acts = 1): ParallelCharacter => ({
  id,
  name,
  unnamed: false,
  occupation: null,
  fate: "killed",
  acts,
  sources: ["s:1"],
});

const film = (id: string, characters: ParallelCharacter[]) => ({
  film: id,
  title: id.toUpperCase(),
  total: characters.length,
  characters,
});

const answer: Parallels = {
  role: null,
  limit: 10,
  truncated: false,
  parallels: [
    {
      role: "crew-leader",
      films: [film("a", [person("a-boss", "Boss A")]), film("b", [person("b-boss", "Boss B")])],
      truncated: false,
    },
    {
      role: "lead-investigator",
      // Held in a and c only: not a pair of a and b.
      films: [film("a", [person("a-cop", "Cop A")]), film("c", [person("c-cop", "Cop C")])],
      truncated: false,
    },
    {
      role: "undercover-officer",
      films: [
        film("a", [person("a-mole", "Mole A", 9), person("a-mole-2", "Second <mole>")]),
        film("b", [person("b-mole", "Mole B")]),
      ],
      truncated: false,
    },
  ],
};

const event = (seq: number, acts: [string, string, string][]): TimelineEvent => ({
  seq,
  id: `e${seq}`,
  name: `Event ${seq}`,
  summary: "",
  sources: [],
  episode: null,
  toldSeq: null,
  place: null,
  participants: [],
  acts: acts.map(([type, byId, toId]) => ({
    type: type as TimelineEvent["acts"][number]["type"],
    act: null,
    byId,
    by: byId,
    toId,
    to: toId,
    how: "",
    coerced: null,
    sources: [],
  })),
  disagreements: [],
});

describe("rolePairs", () => {
  it("keeps the roles both films hold, the undercover officer before the crew leader", () => {
    const pairs = rolePairs(answer, "a", "b");
    expect(pairs.map((p) => p.role)).toEqual(["undercover-officer", "crew-leader"]);
    expect(pairs[0]?.left.map((c) => c.id)).toEqual(["a-mole", "a-mole-2"]);
    expect(pairs[0]?.right.map((c) => c.id)).toEqual(["b-mole"]);
  });
});

describe("confrontation", () => {
  it("is the first event, in story order, where a boss threatens an undercover officer", () => {
    const events = [
      event(7, [["THREATENED", "boss", "mole"]]),
      event(3, [["THREATENED", "mole", "boss"]]),
      event(5, [["THREATENED", "boss", "mole"]]),
      event(1, [["KILLED", "boss", "mole"]]),
    ];
    expect(confrontation(events, ["boss"], ["mole"])?.seq).toBe(5);
    expect(confrontation(events, ["nobody"], ["mole"])).toBeUndefined();
  });
});

describe("renderParallelsSvg", () => {
  it("draws each pair with its role, and escapes names", () => {
    const svg = renderParallelsSvg({
      left: { id: "a", title: "A" },
      right: { id: "b", title: "B" },
      pairs: rolePairs(answer, "a", "b"),
      scene: { left: { seq: 5, name: "Stand-off A" }, right: { seq: 2, name: "Stand-off B" } },
    });
    expect(svg.startsWith("<svg")).toBe(true);
    for (const shown of ["undercover officer", "crew leader", "Mole A (killed)", "Boss B (killed)"])
      expect(svg).toContain(shown);
    expect(svg).toContain("Second &lt;mole&gt;");
    expect(svg).toContain("5: Stand-off A");
    expect(svg).not.toContain("<mole>");
  });
});
