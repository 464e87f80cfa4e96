// Loyalties at a point of the story, double agents and covert memberships, asked of the real
// films.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import { dossier } from "../../../src/queries/dossier/index.ts";
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

  it("sets Ko Chow's real loyalty to the police against the allegiances he shows", async () => {
    const { film, agents } = await doubleAgents(db, "CITY ON FIRE");
    expect(film.id).toBe("city-on-fire");
    const chow = rows(agents, "ko-chow");
    expect(chow.map((a) => a.real.toId).sort()).toEqual(["cof-police", "inspector-lau"]);
    const police = chow.find((a) => a.real.toId === "cof-police");
    expect(police?.real).toMatchObject({ kind: "duty", since: 3, until: 34, toIsGroup: true });
    // His cover (a loyalty) and his covert membership of the gang; not his friendship with Fu
    // nor his love for Hung, which are no allegiances.
    expect(
      police?.open.map((o) => [o.via, o.toId, o.kind, o.covert, o.overlapSince, o.overlapUntil]),
    ).toEqual([
      ["loyalty", "cof-gang", "cover", false, 6, 33],
      ["membership", "cof-gang", "membership", true, 16, 33],
    ]);
    expect(police?.open[1]?.role).toMatch(/under cover/);
    expect(police?.knownBy.map((k) => [k.whoId, k.since])).toEqual([
      ["inspector-lau", null],
      ["fu", 33],
    ]);
    expect(police?.knownBy[1]?.sources).toContain("city-on-fire-fr:16");
    // Loyal in secret to Lau, he is openly a policeman too: Lau's side, not a front.
    const lau = chow.find((a) => a.real.toId === "inspector-lau");
    expect(lau?.open.map((o) => o.toId)).toEqual(["cof-gang", "cof-gang"]);
  });

  it("answers as the story stood at a moment (at)", async () => {
    // At seq 10 Chow poses as a gun dealer; he joins the gang at 16, Fu learns the truth at 33.
    const early = await doubleAgents(db, "city-on-fire", { at: 10 });
    const police = rows(early.agents, "ko-chow").find((a) => a.real.toId === "cof-police");
    expect(police?.open.map((o) => [o.via, o.toId])).toEqual([["loyalty", "cof-gang"]]);
    expect(police?.knownBy.map((k) => k.whoId)).toEqual(["inspector-lau"]);
    // Before Chow is sent in (3), only Chan Kam-wah's secret had begun.
    const start = await doubleAgents(db, "city-on-fire", { at: 2 });
    expect(start.agents.map((a) => a.characterId)).toEqual(["chan-kam-wah"]);
    const whole = await doubleAgents(db, "city-on-fire", { at: null });
    expect(whole.agents).toEqual((await doubleAgents(db, "city-on-fire")).agents);
  });

  it("sets Chan Kam-wah's secret against the gang he was in under cover", async () => {
    const { agents } = await doubleAgents(db, "city-on-fire");
    const chan = rows(agents, "chan-kam-wah");
    expect(chan).toHaveLength(1);
    expect(chan[0]?.real).toMatchObject({ toId: "cof-police", until: 2 });
    expect(chan[0]?.open.map((o) => [o.via, o.toId, o.covert, o.overlapUntil])).toEqual([
      ["membership", "cof-gang", true, 2],
    ]);
    expect(chan[0]?.knownBy.map((k) => k.whoId)).toEqual(["inspector-lau"]);
  });

  it("finds Heat's covert loyalties, none of them set against an allegiance shown", async () => {
    const { agents } = await doubleAgents(db, "heat");
    // McCauley loves Eady and Charlene still loves Chris: love is no allegiance.
    expect(agents.filter((a) => a.open.length > 0)).toEqual([]);
    const mccauley = rows(agents, "neil-mccauley")[0];
    expect(mccauley?.real).toMatchObject({ toId: "heat-mccauley-crew", kind: "crew" });
    expect(mccauley?.knownBy.map((k) => [k.whoId, k.since])).toEqual([
      ["vincent-hanna", 12],
      ["heat-eady", 34],
    ]);
    const charlene = rows(agents, "charlene-shiherlis").find((a) => a.real.toId === "heat-lapd");
    expect(charlene?.real).toMatchObject({ kind: "coerced", since: 31, until: 35 });

    // Waingro's work for Van Zant starts (14) after his crew membership ended (4): a secret, no open side.
    const waingro = rows(agents, "heat-waingro")[0];
    expect(waingro?.real).toMatchObject({ toId: "roger-van-zant", since: 14, until: 30 });
    expect(waingro?.open).toEqual([]);
    expect(waingro?.knownBy.find((k) => k.whoId === "neil-mccauley")?.since).toBe(29);
  });

  it("sets Mr. Orange's duty against his place in Cabot's crew", async () => {
    const { agents } = await doubleAgents(db, "reservoir-dogs");
    const police = rows(agents, "mr-orange").find((a) => a.real.toId === "rd-police");
    expect(
      police?.open.map((o) => [o.via, o.toId, o.covert, o.overlapSince, o.overlapUntil]),
    ).toEqual([
      ["loyalty", "rd-cabot-crew", false, 3, 18],
      ["membership", "rd-cabot-crew", true, 3, 18],
    ]);
    expect(police?.knownBy.map((k) => [k.whoId, k.since])).toEqual([
      ["holdaway", null],
      ["marvin-nash", 14],
      ["mr-white", 18],
    ]);
  });

  it("answers an unknown film with the closest one", async () => {
    await expect(doubleAgents(db, "heet")).rejects.toThrow(
      /Unknown film "heet"[\s\S]*did you mean "heat"/,
    );
  });
});

describe("covert memberships in the dossier", () => {
  it("shows who knows a member is under cover, and the secret from the knower's side", async () => {
    const chow = await dossier(db, "Ko Chow");
    const gang = chow.groups.find((g) => g.groupId === "cof-gang");
    expect(gang).toMatchObject({ covert: true, since: 16, until: 33 });
    expect(gang?.knownBy.map((k) => [k.id, k.since])).toEqual([
      ["inspector-lau", null],
      ["fu", 33],
    ]);
    expect(chow.groups.find((g) => g.groupId === "cof-police")).toMatchObject({
      covert: false,
      knownBy: [],
    });
    const lau = await dossier(db, "Inspector Lau");
    expect(lau.secretsKnown).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ofId: "ko-chow", memberOfId: "cof-gang", loyalToId: null }),
        expect.objectContaining({ ofId: "ko-chow", loyalToId: "cof-police", memberOfId: null }),
      ]),
    );
    // As of seq 20, Fu does not know yet.
    const before = await dossier(db, "Ko Chow", { at: 20 });
    expect(before.groups.find((g) => g.groupId === "cof-gang")?.knownBy.map((k) => k.id)).toEqual([
      "inspector-lau",
    ]);
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
