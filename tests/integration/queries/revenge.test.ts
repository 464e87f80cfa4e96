// Revenge killings, asked of the real films.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import { revenge, type Revenge } from "../../../src/queries/revenge/index.ts";
import { planLeaves, withFilmsImported } from "../../helpers/neo4j.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

const killings = (revenges: Revenge[]) => [
  ...new Set(revenges.map((r) => `${r.killerId} -> ${r.victimId}`)),
];

describe("revenge", () => {
  it("finds McCauley avenging himself on Van Zant, who betrayed him at the bond exchange", async () => {
    const { film, revenges } = await revenge(db, "Heat");
    expect(film.id).toBe("heat");
    const vanZant = revenges.filter((r) => r.victimId === "roger-van-zant");
    expect(vanZant).toHaveLength(1);
    expect(vanZant[0]).toMatchObject({
      killerId: "neil-mccauley",
      avengedId: "neil-mccauley",
      avengesSelf: true,
      bonds: [{ via: "self" }],
      wrong: {
        type: "BETRAYED",
        byId: "roger-van-zant",
        forcedByVictim: false,
        event: "heat-bond-exchange-ambush",
        seq: 10,
      },
      killing: { event: "heat-van-zant-killed", seq: 30 },
      sameEvent: false,
    });
    expect(vanZant[0]?.wrong.sources).toContain("heat-fr:6");
    expect(vanZant[0]?.killing.sources).toContain("heat-de:10");
  });

  it("finds McCauley avenging the crew on Waingro: his tip-off, and the betrayal he forced on Trejo", async () => {
    const { revenges } = await revenge(db, "heat");
    const waingro = revenges.filter((r) => r.victimId === "heat-waingro");
    expect(waingro.every((r) => r.killerId === "neil-mccauley")).toBe(true);
    expect(waingro.every((r) => r.avengedId === "heat-mccauley-crew" && r.avengedIsGroup)).toBe(
      true,
    );
    expect(waingro[0]?.killing).toMatchObject({ event: "heat-waingro-killed", seq: 40 });
    expect(waingro[0]?.killing.sources).toContain("heat-fr:18");
    // Loyal to the crew and its leader at 40.
    expect(waingro[0]?.bonds.map((b) => [b.via, b.kind])).toEqual(
      expect.arrayContaining([
        ["loyalty", "crew"],
        ["membership", "leader"],
      ]),
    );
    expect(
      waingro.map((r) => [r.wrong.type, r.wrong.byId, r.wrong.seq, r.wrong.forcedByVictim]),
    ).toEqual([
      ["BETRAYED", "heat-trejo", 24, true],
      ["BETRAYED", "heat-waingro", 25, false],
    ]);
    expect(waingro[1]?.wrong.sources).toContain("heat-fr:15");
  });

  it("does not count the mercy shot for Trejo, whose betrayal was forced, nor Hanna's killings", async () => {
    const { revenges } = await revenge(db, "heat");
    expect(killings(revenges)).toEqual([
      "neil-mccauley -> roger-van-zant",
      "neil-mccauley -> heat-waingro",
    ]);
  });

  it("finds the gang leader shooting Bony for deserting the gang in the siege", async () => {
    const { revenges } = await revenge(db, "City on Fire");
    expect(killings(revenges)).toEqual(["cof-gang-leader -> bony"]);
    expect(revenges[0]).toMatchObject({
      avengedId: "cof-gang",
      avengedIsGroup: true,
      avengesSelf: false,
      bonds: [{ via: "membership", kind: "leader", until: 32 }],
      wrong: { type: "BETRAYED", byId: "bony", seq: 32, event: "cof-harbour-siege" },
      killing: { seq: 32, event: "cof-harbour-siege", sources: ["city-on-fire-fr:16"] },
      sameEvent: true,
    });
  });

  it("lists revenges in story order", async () => {
    const { revenges } = await revenge(db, "heat");
    const seqs = revenges.map((r) => r.killing.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it("answers an unknown film clearly, with the closest one", async () => {
    const asked = revenge(db, "Heet");
    await expect(asked).rejects.toThrow(HeistgraphError);
    await expect(asked).rejects.toThrow(/Unknown film "Heet"[\s\S]*did you mean "heat"/);
  });
});

describe("query plan", () => {
  it("starts from the film's characters through the index and only reads locally", async () => {
    const leaves = await planLeaves(db, cypherFile("revenge").cypher, { film: "heat" });
    expect(leaves[0]).toMatch(/^NodeIndexSeek .*victim:Character\(film\)/);
    for (const leaf of leaves) expect(leaf).toMatch(/^(Node(Unique)?IndexSeek|Argument) /);
  });
});
