// Revenge killings, asked of the real films (and of one changed, for the undercover rule).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { Database } from "../../../src/db/connection.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import { revenge, type Revenge } from "../../../src/queries/revenge/index.ts";
import {
  DEFAULT_SOURCES_FILE,
  defaultFilmFiles,
  importDataset,
} from "../../../src/import/run-import.ts";
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

describe("an undercover killer", () => {
  // City on Fire as written, but Ko Chow, under cover in the gang (a covert membership and
  // a `cover` loyalty, 16 to 33), shoots Bony for deserting it in the siege instead of the
  // gang leader: the gang's cause is not his, so it is no revenge.
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "heistgraph-revenge-"));
    const files = defaultFilmFiles().map((file) => {
      if (!file.endsWith("city-on-fire.yaml")) return file;
      const film = parse(readFileSync(file, "utf8")) as {
        acts: { type: string; by: string; to: string }[];
      };
      const shot = film.acts.find((a) => a.type === "KILLED" && a.to === "bony");
      if (!shot) throw new Error("City on Fire no longer has Bony shot");
      shot.by = "ko-chow";
      const changed = join(dir, "city-on-fire.yaml");
      writeFileSync(changed, stringify(film));
      return changed;
    });
    await importDataset(db, { sourcesFile: DEFAULT_SOURCES_FILE, filmFiles: files, wipe: true });
  });
  afterAll(async () => {
    db = await withFilmsImported();
  });

  it("does not avenge the group he infiltrated, by his covert membership or his cover", async () => {
    const { revenges } = await revenge(db, "City on Fire");
    expect(revenges.filter((r) => r.killerId === "ko-chow")).toEqual([]);
  });
});

describe("query plan", () => {
  it("starts from the film's characters through the index and only reads locally", async () => {
    const leaves = await planLeaves(db, cypherFile("revenge").cypher, { film: "heat" });
    expect(leaves[0]).toMatch(/^NodeIndexSeek .*victim:Character\(film\)/);
    for (const leaf of leaves) expect(leaf).toMatch(/^(Node(Unique)?IndexSeek|Argument) /);
  });
});
