// Death-by-whom, kills-by and the death ledger, asked of the real films.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { HeistgraphError } from "../../../src/errors.ts";
import { cypherFile } from "../../../src/queries/cypher-file.ts";
import { characterSearch } from "../../../src/text/search-query.ts";
import { deathByWhom, deathLedger, killsBy } from "../../../src/queries/deaths/index.ts";
import { runQuery } from "../../../src/queries/run-query.ts";
import { planLeaves, planOperators, withFilmsImported } from "../../helpers/neo4j.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

describe("deathByWhom", () => {
  it("follows Waingro's killer to his own killer, who survives", async () => {
    const { victim, chains } = await deathByWhom(db, "Waingro");
    expect(victim.id).toBe("heat-waingro");
    expect(chains).toHaveLength(1);
    expect(chains[0]?.steps.map((s) => [s.victim, s.killer])).toEqual([
      ["Waingro", "Neil McCauley"],
      ["Neil McCauley", "Vincent Hanna"],
    ]);
    expect(chains[0]?.endsWith).toBe("survivor");
    expect(chains[0]?.steps[0]?.sources).toContain("heat-de:12");
  });

  it("ends a chain at a group, named as such", async () => {
    const { chains } = await deathByWhom(db, "gang leader", { film: "city-on-fire" });
    // Chow and Fu both shot the leader: one chain each, the longer first.
    expect(chains.map((c) => c.steps.map((s) => s.killer))).toEqual([
      ["Ko Chow", "The police"],
      ["Fu"],
    ]);
    expect(chains[0]?.endsWith).toBe("group");
    expect(chains[0]?.steps[1]?.killerIsGroup).toBe(true);
  });

  it("finds a character by alias, ignoring case and accents", async () => {
    const { victim } = await deathByWhom(db, "CHÉRRITO");
    expect(victim.id).toBe("michael-cheritto");
  });

  it("says when nobody killed the character", async () => {
    const { victim, chains } = await deathByWhom(db, "Vincent Hanna");
    expect(chains).toEqual([]);
    expect(victim.fate).toBe("alive");
  });

  it("answers an unknown name with the closest matches", async () => {
    await expect(deathByWhom(db, "Waingr")).rejects.toThrow(
      /No character called "Waingr"[\s\S]*closest: Waingro \(heat\)/,
    );
  });

  it("answers an unknown film clearly", async () => {
    await expect(deathByWhom(db, "Fu", { film: "Point Break" })).rejects.toThrow(HeistgraphError);
    await expect(deathByWhom(db, "Fu", { film: "Point Break" })).rejects.toThrow(
      /Unknown film "Point Break"/,
    );
  });
});

describe("killsBy", () => {
  it("lists McCauley's kills in story order", async () => {
    const { kills } = await killsBy(db, "Neil McCauley");
    expect(kills.map((k) => k.victim)).toEqual(["Trejo", "Roger Van Zant", "Waingro"]);
    expect(kills.every((k) => k.sources.length > 0)).toBe(true);
    expect(kills.map((k) => k.count)).toEqual([1, 1, 1]);
  });

  it("counts each victim, as the people it stands for, as body-count does", async () => {
    // Fu kills a policeman, the four officers of a police car (one character, count 4) and,
    // with Chow, the leader: six people in three killings.
    const fu = await killsBy(db, "Fu", { film: "city-on-fire" });
    expect(fu.kills.map((k) => [k.victimId, k.count])).toEqual([
      ["cof-first-robbery-policeman", 1],
      ["cof-patrol-car-policemen", 4],
      ["cof-gang-leader", 1],
    ]);
    // Mr. White kills Joe and Eddie in one stand-off, then Orange: three, not two.
    const white = await killsBy(db, "Mr. White");
    expect(white.kills.map((k) => [k.victimId, k.event])).toEqual([
      ["joe-cabot", "rd-standoff"],
      ["nice-guy-eddie", "rd-standoff"],
      ["mr-orange", "rd-final-shots"],
    ]);
    for (const film of ["city-on-fire", "reservoir-dogs", "heat"]) {
      const rows = await runQuery<{ id: string; bodyCount: number }>(db, "body-count", { film });
      for (const row of rows) {
        const { kills } = await killsBy(db, row.id, { film });
        expect([row.id, kills.reduce((n, k) => n + k.count, 0)]).toEqual([row.id, row.bodyCount]);
      }
    }
  });
});

describe("deathLedger", () => {
  it("lists City on Fire's deaths in story order, with groups as killers", async () => {
    const { film, deaths } = await deathLedger(db, "City on Fire");
    expect(film.id).toBe("city-on-fire");
    const seqs = deaths.map((d) => d.seq ?? Infinity);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(deaths[0]).toMatchObject({
      victim: "Chan Kam-wah",
      killer: "Chan Kam-wah's three assailants",
    });
    expect(deaths.find((d) => d.victim === "Joe")).toMatchObject({
      killer: "The police",
      killerIsGroup: true,
    });
  });

  it("keeps Heat's officers whom the sources leave wounded or killed, marked uncertain", async () => {
    const { deaths } = await deathLedger(db, "heat");
    const uncertain = deaths.filter((d) => !d.certain).map((d) => d.victimId);
    expect(uncertain).toEqual(expect.arrayContaining(["mike-bosko", "danny-schwartz"]));
  });
});

describe("query plans", () => {
  it.each([
    ["death-by-whom", { victimId: "heat-waingro" }],
    ["kills-by", { killerId: "neil-mccauley" }],
  ] as const)("%s starts from an index seek and scans no label or graph", async (name, params) => {
    const operators = await planOperators(db, cypherFile(name).cypher, params);
    // Every leaf is the id seek or an argument of a subquery (EXISTS) fed from it.
    const leaves = await planLeaves(db, cypherFile(name).cypher, params);
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek /));
    for (const leaf of leaves) expect(leaf).toMatch(/^(NodeUniqueIndexSeek|Argument) /);
    expect(operators.map((o) => o.operator)).not.toContain("AllNodesScan");
    expect(operators.map((o) => o.operator)).not.toContain("NodeByLabelScan");
    // Every variable-length expansion is bounded.
    for (const o of operators.filter((op) => op.operator.includes("VarLengthExpand"))) {
      expect(o.details).toMatch(/\*\.\.\d+|\*\d+\.\.\d+/);
    }
  });
});

describe("name look-up", () => {
  it("reads the full-text index, never every character", async () => {
    for (const film of [null, "heat"]) {
      const params = { key: "waingr", film, ...characterSearch("waingr") };
      const operators = (await planOperators(db, cypherFile("find-subject").cypher, params)).map(
        (o) => `${o.operator} ${o.details}`,
      );
      expect(operators).toContainEqual(
        expect.stringMatching(/^ProcedureCall db\.index\.fulltext\.queryNodes/),
      );
      for (const o of operators)
        expect(o).not.toMatch(/^(AllNodesScan|NodeByLabelScan|NodeIndexScan)/);
    }
  });

  it("scopes close names to the film asked", async () => {
    await expect(deathByWhom(db, "Waingr", { film: "city-on-fire" })).rejects.toThrow(
      /No character called "Waingr" in city-on-fire/,
    );
    await expect(deathByWhom(db, "Ko Chw", { film: "city-on-fire" })).rejects.toThrow(
      /closest: Ko Chow \(city-on-fire\)/,
    );
  });
});
