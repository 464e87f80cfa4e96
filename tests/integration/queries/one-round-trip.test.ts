// Each question helper finds what the user named and answers in one statement (one round
// trip), whose plan reads the film through its id and title indexes, the names through the
// full-text index, and never scans a label or the graph.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { betrayalChains, filmBetrayalChains } from "../../../src/queries/betrayals/index.ts";
import { connection, connectionCypher } from "../../../src/queries/connection/index.ts";
import { deathByWhom, deathLedger, killsBy } from "../../../src/queries/deaths/index.ts";
import { dossier } from "../../../src/queries/dossier/index.ts";
import { askStatement, type Ask } from "../../../src/queries/lookup.ts";
import { doubleAgents, loyaltiesOf } from "../../../src/queries/loyalties/index.ts";
import { revenge } from "../../../src/queries/revenge/index.ts";
import { timeline } from "../../../src/queries/timeline/index.ts";
import { network, storylineData } from "../../../src/network/index.ts";
import { observedDatabase } from "../../../scripts/bench/observed-database.ts";
import { planLeaves, planOperators, withFilmsImported } from "../../helpers/neo4j.ts";

let db: Database;
beforeAll(async () => {
  db = await withFilmsImported();
});

/** The same database, counting the statements sent (the real driver answers them). */
function counting(database: Database): { db: Database; sent: () => number } {
  let sent = 0;
  return { db: observedDatabase(database, () => sent++), sent: () => sent };
}

describe("one round trip", () => {
  it.each([
    ["deathByWhom", (d: Database) => deathByWhom(d, "Waingro", { film: "heat" })],
    ["killsBy", (d: Database) => killsBy(d, "McCauley")],
    ["betrayalChains", (d: Database) => betrayalChains(d, "Waingro", { film: "Heat" })],
    ["loyaltiesOf", (d: Database) => loyaltiesOf(d, "Ko Chow", { at: 5 })],
    ["dossier", (d: Database) => dossier(d, "ko chow", { film: "city-on-fire" })],
    ["connection", (d: Database) => connection(d, "Fu", "Inspector Lau", { film: "city on fire" })],
    ["deathLedger", (d: Database) => deathLedger(d, "heat")],
    ["revenge", (d: Database) => revenge(d, "HEAT")],
    ["timeline", (d: Database) => timeline(d, "heat", { from: 3, to: 9 })],
    ["doubleAgents", (d: Database) => doubleAgents(d, "city-on-fire")],
    ["filmBetrayalChains", (d: Database) => filmBetrayalChains(d, "heat")],
    ["network", (d: Database) => network(d, "heat")],
    ["storylineData", (d: Database) => storylineData(d, "heat")],
  ] as const)("%s asks one statement when the names are found", async (_name, question) => {
    const { db: counted, sent } = counting(db);
    await question(counted);
    expect(sent()).toBe(1);
  });

  it("answers as the question file does on the id found", async () => {
    const { victim, chains } = await deathByWhom(db, "waingro", { film: "Heat" });
    expect(victim.id).toBe("heat-waingro");
    expect(chains[0]?.steps.map((s) => s.killer)).toEqual(["Neil McCauley", "Vincent Hanna"]);
    const route = await connection(db, "Vincent Hanna", "Waingro");
    expect(route.length).toBe(1);
  });

  it("asks a second statement only to list the films of an unknown one", async () => {
    const { db: counted, sent } = counting(db);
    await expect(deathByWhom(counted, "Waingro", { film: "Hat" })).rejects.toThrow(
      /Unknown film "Hat"/,
    );
    expect(sent()).toBe(2);
    const names = counting(db);
    await expect(deathByWhom(names.db, "Waingr")).rejects.toThrow(/closest: Waingro \(heat\)/);
    expect(names.sent()).toBe(1);
  });
});

/** Each helper's statement, as askStatement builds it. */
const statements: [string, Ask][] = [
  [
    "death-by-whom",
    {
      film: "heat",
      names: ["waingro"],
      questions: [{ name: "death-by-whom", bindings: { victimId: "found0.id" } }],
    },
  ],
  [
    "kills-by",
    { names: ["mccauley"], questions: [{ name: "kills-by", bindings: { killerId: "found0.id" } }] },
  ],
  [
    "betrayal-chains",
    {
      names: ["waingro"],
      questions: [{ name: "betrayal-chains", bindings: { characterId: "found0.id" } }],
      params: { maxDepth: 4, timeRespecting: false, limit: 25 },
    },
  ],
  [
    "loyalties",
    {
      film: "city-on-fire",
      names: ["ko chow"],
      questions: [{ name: "loyalties", bindings: { characterId: "found0.id" } }],
      params: { at: 5 },
    },
  ],
  [
    "dossier",
    {
      names: ["ko chow"],
      questions: [{ name: "dossier", bindings: { characterId: "found0.id" } }],
    },
  ],
  [
    "connection",
    {
      film: "city-on-fire",
      names: ["fu", "inspector lau"],
      questions: [
        {
          name: "connection",
          cypher: connectionCypher(6),
          bindings: { fromId: "found0.id", toId: "found1.id" },
        },
      ],
      when: "found0.id <> found1.id AND found0.film = found1.film",
    },
  ],
  [
    "network-nodes",
    { film: "Heat", questions: [{ name: "network-nodes", bindings: { films: "[foundFilm.id]" } }] },
  ],
  ...(["death-ledger", "revenge", "double-agents", "network-edges"] as const).map(
    (name): [string, Ask] => [
      name,
      { film: "Heat", questions: [{ name, bindings: { film: "foundFilm.id" } }] },
    ],
  ),
  [
    "timeline",
    {
      film: "heat",
      questions: [{ name: "timeline", bindings: { film: "foundFilm.id" } }],
      params: { from: null, to: null },
    },
  ],
  [
    "film-betrayal-chains",
    {
      film: "heat",
      questions: [{ name: "film-betrayal-chains", bindings: { film: "foundFilm.id" } }],
      params: { maxDepth: 4, timeRespecting: true, limit: 25, involving: "heat-waingro" },
    },
  ],
];

describe("the composed statements' plans", () => {
  it.each(statements)("%s seeks the film and the names and scans nothing", async (_n, request) => {
    const { cypher, params } = askStatement(request);
    // Every id look-up is an index seek by hint (see cypher/queries/find-film.cypher).
    expect(cypher).toContain("USING INDEX SEEK f:Film(id)");
    expect(cypher).toContain("USING INDEX SEEK f:Film(titleKey)");
    const operators = await planOperators(db, cypher, params);
    const leaves = await planLeaves(db, cypher, params);
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek .*:Film\(id\)/));
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeIndexSeek .*:Film\(titleKey\)/));
    if (request.names) {
      expect(operators).toContainEqual(
        expect.objectContaining({
          operator: "ProcedureCall",
          details: expect.stringMatching(/db\.index\.fulltext\.queryNodes/) as unknown,
        }),
      );
    }
    for (const o of operators) {
      expect(o.operator).not.toMatch(/^(AllNodesScan|NodeByLabelScan|NodeIndexScan)/);
      expect(o.operator).not.toMatch(/RelationshipsScan|RelationshipTypeScan/);
    }
    // Every variable-length expansion is bounded.
    for (const o of operators.filter((op) => op.operator.includes("VarLengthExpand"))) {
      expect(o.details).toMatch(/\*\.\.\d+|\*\d+\.\.\d+/);
    }
  });
});
