// Loyalties at a point of the story and double agents, asked of the real films.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import {
  doubleAgents,
  loyaltiesOf,
  type DoubleAgent,
  type Loyalty,
} from "../../../src/queries/loyalties/index.ts";
import { planLeaves, withFilmsImported } from "../../helpers/neo4j.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

const to = (loyalties: Loyalty[], id: string) => loyalties.find((l) => l.toId === id);
const summary = (loyalties: Loyalty[]) =>
  loyalties.map((l) => `${l.toId} ${l.kind}${l.covert ? " covert" : ""}`).sort();

describe("loyaltiesOf", () => {
  it("gives Ko Chow's hidden police duty early on, known to Lau but not yet to Fu", async () => {
    const { character, at, loyalties } = await loyaltiesOf(db, "Ko Chow", { at: 5 });
    expect(character.id).toBe("ko-chow");
    expect(at).toMatchObject({ seq: 5, id: "cof-task-force-formed" });
    // Before he approaches the gang (6) and befriends Fu (22): no cover, no friendship yet.
    expect(summary(loyalties)).toEqual([
      "cof-police duty covert",
      "hung love",
      "inspector-lau duty covert",
    ]);
    // Covert loyalties come first.
    expect(loyalties.slice(0, 2).every((l) => l.covert)).toBe(true);
    const police = to(loyalties, "cof-police");
    expect(police).toMatchObject({ since: 3, until: 34, toIsGroup: true });
    expect(police?.sources).toContain("city-on-fire-fr:1");
    expect(police?.knownBy.map((k) => [k.whoId, k.since, k.knows])).toEqual([
      ["inspector-lau", null, true],
      ["fu", 33, false],
    ]);
    expect(to(loyalties, "hung")?.knownBy).toEqual([]);
  });

  it("shows his open cover with the gang and his friendship with Fu, whom he tells at 33", async () => {
    const { at, loyalties } = await loyaltiesOf(db, "chow", { at: 33 });
    expect(at?.id).toBe("cof-chow-confession");
    expect(summary(loyalties)).toEqual([
      "cof-gang cover",
      "cof-police duty covert",
      "fu friendship",
      "hung love",
      "inspector-lau duty covert",
    ]);
    expect(to(loyalties, "cof-gang")).toMatchObject({ covert: false, since: 6, until: 33 });
    expect(to(loyalties, "cof-police")?.knownBy.every((k) => k.knows)).toBe(true);
  });

  it("has his duty and his cover over by the end of the story", async () => {
    const { at, loyalties } = await loyaltiesOf(db, "Ko Chow", { at: 35 });
    expect(at?.seq).toBe(35);
    expect(loyalties.filter((l) => l.covert)).toEqual([]);
    expect(to(loyalties, "cof-gang")).toBeUndefined();
  });

  it("lists every loyalty over the whole story, everyone told counting as knowing", async () => {
    const { at, loyalties } = await loyaltiesOf(db, "Ko Chow");
    expect(at).toBeNull();
    expect(summary(loyalties)).toEqual([
      "cof-gang cover",
      "cof-police duty covert",
      "fu friendship",
      "hung love",
      "inspector-lau duty covert",
    ]);
    expect(loyalties.flatMap((l) => l.knownBy).every((k) => k.knows)).toBe(true);
  });

  it("takes the story point as typed on a command line", async () => {
    const { at } = await loyaltiesOf(db, "Ko Chow", { at: "22" });
    expect(at?.id).toBe("cof-night-talk");
  });

  it("shows McCauley's hidden life as a robber: Hanna knows from 12, Eady only from 34", async () => {
    const early = await loyaltiesOf(db, "Neil McCauley", { at: 10 });
    const crew = to(early.loyalties, "heat-mccauley-crew");
    expect(crew).toMatchObject({ covert: true, kind: "crew", until: 42 });
    expect(crew?.knownBy.map((k) => [k.whoId, k.since, k.knows])).toEqual([
      ["vincent-hanna", 12, false],
      ["heat-eady", 34, false],
    ]);
    const later = await loyaltiesOf(db, "Neil McCauley", { at: 34 });
    expect(to(later.loyalties, "heat-mccauley-crew")?.knownBy.every((k) => k.knows)).toBe(true);
    expect(to(later.loyalties, "heat-eady")).toMatchObject({ kind: "love", covert: false });
  });

  it("shows Waingro working for Van Zant in secret once the crew has dropped him", async () => {
    const { loyalties } = await loyaltiesOf(db, "Waingro", { at: 20 });
    expect(summary(loyalties)).toEqual(["roger-van-zant employment covert"]);
    const vanZant = to(loyalties, "roger-van-zant");
    expect(vanZant?.knownBy.filter((k) => k.knows).map((k) => k.whoId)).toEqual(
      expect.arrayContaining(["roger-van-zant"]),
    );
    expect(vanZant?.knownBy.find((k) => k.whoId === "neil-mccauley")).toMatchObject({
      since: 29,
      knows: false,
    });
    const first = await loyaltiesOf(db, "Waingro", { at: 2 });
    expect(summary(first.loyalties)).toEqual(["heat-mccauley-crew crew"]);
  });

  it("finds a character by name or alias, ignoring case and accents", async () => {
    const { character } = await loyaltiesOf(db, "KÔ CHÓW", { film: "City on Fire" });
    expect(character.id).toBe("ko-chow");
  });

  it("answers an unknown name with the closest matches", async () => {
    await expect(loyaltiesOf(db, "Mccauly")).rejects.toThrow(
      /No character called "Mccauly"[\s\S]*closest: Neil McCauley \(heat\)/,
    );
  });

  it("answers an unknown film clearly", async () => {
    await expect(loyaltiesOf(db, "Fu", { film: "Point Break" })).rejects.toThrow(
      /Unknown film "Point Break"/,
    );
  });

  it.each([
    [99, /City on Fire has no event with seq 99/],
    [0, /City on Fire has no event with seq 0/],
    [-3, /City on Fire has no event with seq -3/],
    [2.5, /2\.5 is not a story point/],
    ["abc", /"abc" is not a story point/],
    ["", /"" is not a story point/],
  ])("refuses the story point %j, naming the film's range", async (at, message) => {
    const asked = loyaltiesOf(db, "Ko Chow", { at });
    await expect(asked).rejects.toThrow(HeistgraphError);
    await expect(asked).rejects.toThrow(message);
    await expect(asked).rejects.toThrow(/an event seq from 1 to 35/);
  });

  it("checks the story point against the character's own film", async () => {
    // Heat has 42 events, City on Fire 35.
    await expect(loyaltiesOf(db, "Waingro", { at: 42 })).resolves.toMatchObject({
      at: { seq: 42 },
    });
    await expect(loyaltiesOf(db, "Ko Chow", { at: 42 })).rejects.toThrow(/from 1 to 35/);
  });
});

describe("doubleAgents", () => {
  const rows = (agents: DoubleAgent[], id: string) => agents.filter((a) => a.characterId === id);

  it("sets Ko Chow's real loyalty to the police against his open ones", async () => {
    const { film, agents } = await doubleAgents(db, "CITY ON FIRE");
    expect(film.id).toBe("city-on-fire");
    const chow = rows(agents, "ko-chow");
    expect(chow.map((a) => a.real.toId).sort()).toEqual(["cof-police", "inspector-lau"]);
    const police = chow.find((a) => a.real.toId === "cof-police");
    expect(police?.real).toMatchObject({ kind: "duty", since: 3, until: 34, toIsGroup: true });
    expect(police?.open.map((o) => [o.toId, o.kind, o.overlapSince, o.overlapUntil])).toEqual(
      expect.arrayContaining([
        ["cof-gang", "cover", 6, 33],
        ["fu", "friendship", 22, 34],
      ]),
    );
    expect(police?.knownBy.map((k) => [k.whoId, k.since])).toEqual([
      ["inspector-lau", null],
      ["fu", 33],
    ]);
    expect(police?.knownBy[1]?.sources).toContain("city-on-fire-fr:16");
  });

  it("lists a covert loyalty with no open side, with nobody else to deceive", async () => {
    const { agents } = await doubleAgents(db, "city-on-fire");
    const chan = rows(agents, "chan-kam-wah");
    expect(chan).toHaveLength(1);
    expect(chan[0]?.real).toMatchObject({ toId: "cof-police", until: 2 });
    expect(chan[0]?.open).toEqual([]);
    expect(chan[0]?.knownBy.map((k) => k.whoId)).toEqual(["inspector-lau"]);
  });

  it("finds Heat's covert loyalties and who knows them", async () => {
    const { agents } = await doubleAgents(db, "heat");
    const mccauley = rows(agents, "neil-mccauley")[0];
    expect(mccauley?.real).toMatchObject({ toId: "heat-mccauley-crew", kind: "crew" });
    expect(mccauley?.open.map((o) => [o.toId, o.overlapSince, o.overlapUntil])).toEqual([
      ["heat-eady", 7, 41],
    ]);
    expect(mccauley?.knownBy.map((k) => [k.whoId, k.since])).toEqual([
      ["vincent-hanna", 12],
      ["heat-eady", 34],
    ]);

    // Charlene, forced to help the police, still openly loves Chris.
    const charlene = rows(agents, "charlene-shiherlis").find((a) => a.real.toId === "heat-lapd");
    expect(charlene?.real).toMatchObject({ kind: "coerced", since: 31, until: 35 });
    expect(charlene?.open.map((o) => o.toId)).toContain("chris-shiherlis");

    // Waingro's work for Van Zant starts (14) after his crew loyalty ended (4): a secret, no open side.
    const waingro = rows(agents, "heat-waingro")[0];
    expect(waingro?.real).toMatchObject({ toId: "roger-van-zant", since: 14, until: 30 });
    expect(waingro?.open).toEqual([]);
    expect(waingro?.knownBy.find((k) => k.whoId === "neil-mccauley")?.since).toBe(29);
  });

  it("answers an unknown film with the closest one", async () => {
    await expect(doubleAgents(db, "heet")).rejects.toThrow(
      /Unknown film "heet"[\s\S]*did you mean "heat"/,
    );
  });
});

describe("query plans", () => {
  it.each([
    ["loyalties", { characterId: "ko-chow", at: 5 }, /UNIQUE c:Character\(id\)/],
    ["double-agents", { film: "heat" }, /c:Character\(film\)/],
  ] as const)(
    "%s starts from an index seek and only reads locally",
    async (name, params, start) => {
      const leaves = await planLeaves(db, cypherFile(name).cypher, params);
      expect(leaves[0]).toMatch(/^Node(Unique)?IndexSeek /);
      expect(leaves[0]).toMatch(start);
      // Every other leaf is an index seek too, or reads only what the rows brought in.
      for (const leaf of leaves) expect(leaf).toMatch(/^(Node(Unique)?IndexSeek|Argument) /);
    },
  );
});
