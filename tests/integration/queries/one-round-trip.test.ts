// Each question helper finds what the user named and answers in one statement (one round
// trip), whose plan reads the film through its id and title indexes, the names through the
// full-text index, and never scans a label or the graph.
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/connection.ts";
import { betrayalChains, filmBetrayalChains } from "../../../src/queries/betrayals/index.ts";
import { connection } from "../../../src/queries/connection/index.ts";
import { deathByWhom, deathLedger, killsBy } from "../../../src/queries/deaths/index.ts";
import { dossier } from "../../../src/queries/dossier/index.ts";
import { cypherFile, type QueryName } from "../../../src/queries/cypher-file.ts";
import { askStatement } from "../../../src/queries/lookup.ts";
import { QUESTIONS } from "../../../src/questions/registry.ts";
import { doubleAgents, loyaltiesOf } from "../../../src/queries/loyalties/index.ts";
import { revenge } from "../../../src/queries/revenge/index.ts";
import { timeline } from "../../../src/queries/timeline/index.ts";
import timelineQuestion from "../../../src/questions/timeline/question.ts";
import {
  EDGES_COLUMNS,
  network,
  NODES_COLUMNS,
  storylineData,
} from "../../../src/network/index.ts";
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

  it("runs a film's question in the statement itself when the film is given by its id, with the same answers as by its title", async () => {
    const byId = askStatement({
      film: "heat",
      questions: [
        { name: "timeline", columns: timelineQuestion.columns, bindings: { film: "film" } },
      ],
      params: [{ from: 3, to: 9 }],
    });
    expect(byId.cypher).toContain(cypherFile("timeline").cypher);
    expect(byId.params).toMatchObject({ film: "heat", from: 3, to: 9 });
    // With names to look up, the questions go through apoc.cypher.run alone.
    const named = askStatement({
      names: ["waingro"],
      questions: [
        {
          name: "death-by-whom",
          columns: ["steps", "endsWith"],
          bindings: { victimId: { subject: 0 } },
        },
      ],
    });
    expect(named.cypher).not.toContain(cypherFile("death-by-whom").cypher);

    // "Heat" is found by its title: the file runs through apoc.cypher.run.
    expect(await timeline(db, "heat", { from: 3, to: 9 })).toEqual(
      await timeline(db, "Heat", { from: 3, to: 9 }),
    );
    expect(await deathLedger(db, "city-on-fire")).toEqual(await deathLedger(db, "City on Fire"));
    expect(await filmBetrayalChains(db, "heat")).toEqual(await filmBetrayalChains(db, "HEAT"));
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

/** A file's example parameters, from its `:param` lines, as Neo4j Browser sets them. */
async function exampleParams(name: QueryName): Promise<Record<string, unknown>> {
  const entries = Object.entries(cypherFile(name).params);
  const { records } = await db.driver.executeQuery(
    `RETURN {${entries.map(([k, v]) => `${k}: ${v}`).join(", ")}} AS params`,
    {},
    { database: db.database },
  );
  return records[0]?.get("params") as Record<string, unknown>;
}

/** Every file a question helper's statement runs: the look-ups, the questions, the page's. */
const FILES: QueryName[] = [
  "find-film",
  "find-subject",
  ...new Set(QUESTIONS.map((q) => q.file)),
  "network-nodes",
  "network-edges",
];

describe("the plans", () => {
  it("a composed statement only calls the files, through apoc.cypher.run", async () => {
    const { cypher, params } = askStatement({
      film: "heat",
      names: ["waingro"],
      questions: [
        {
          name: "death-by-whom",
          columns: ["steps", "endsWith"],
          bindings: { victimId: { subject: 0 } },
        },
      ],
    });
    const operators = await planOperators(db, cypher, params);
    const calls = operators.filter((o) => o.operator.startsWith("ProcedureCall"));
    expect(calls.map((o) => o.details)).toEqual(
      expect.arrayContaining([expect.stringMatching(/apoc\.cypher\.run/)]),
    );
    for (const o of operators) {
      // Union/IntersectionNodeByLabelsScan too: a label disjunction scanned every film's nodes.
      expect(o.operator).not.toMatch(/AllNodesScan|NodeByLabels?Scan|NodeIndexScan/);
    }
  });

  it("find-film seeks the film by its id and title indexes", async () => {
    const leaves = await planLeaves(
      db,
      cypherFile("find-film").cypher,
      await exampleParams("find-film"),
    );
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek .*:Film\(id\)/));
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeIndexSeek .*:Film\(titleKey\)/));
  });

  it("find-subject seeks ids and searches names in the full-text index", async () => {
    const operators = await planOperators(
      db,
      cypherFile("find-subject").cypher,
      await exampleParams("find-subject"),
    );
    expect(operators).toContainEqual(
      expect.objectContaining({
        operator: "ProcedureCall",
        details: expect.stringMatching(/db\.index\.fulltext\.queryNodes/) as unknown,
      }),
    );
    const leaves = await planLeaves(
      db,
      cypherFile("find-subject").cypher,
      await exampleParams("find-subject"),
    );
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek .*:Character\(id\)/));
    expect(leaves).toContainEqual(expect.stringMatching(/^NodeUniqueIndexSeek .*:Group\(id\)/));
  });

  it.each(FILES)("%s scans no label and no relationship type", async (name) => {
    const operators = await planOperators(db, cypherFile(name).cypher, await exampleParams(name));
    for (const o of operators) {
      // Union/IntersectionNodeByLabelsScan too: a label disjunction scanned every film's nodes.
      expect(o.operator).not.toMatch(/AllNodesScan|NodeByLabels?Scan|NodeIndexScan/);
      expect(o.operator).not.toMatch(/RelationshipsScan|RelationshipTypeScan/);
    }
    // Every variable-length expansion is bounded.
    for (const o of operators.filter((op) => op.operator.includes("VarLengthExpand"))) {
      expect(o.details).toMatch(/\*\.\.\d+|\*\d+\.\.\d+/);
    }
  });

  it.each([
    ...QUESTIONS.map((q) => [q.name, { file: q.file, columns: q.columns }] as const),
    ["network-nodes", { file: "network-nodes" as QueryName, columns: NODES_COLUMNS }] as const,
    ["network-edges", { file: "network-edges" as QueryName, columns: EDGES_COLUMNS }] as const,
  ])("%s declares its file's RETURN columns, in order", async (_name, question) => {
    const session = db.driver.session({ database: db.database });
    try {
      // The driver has the file's columns once Neo4j has planned it (EXPLAIN runs nothing).
      const result = session.run(
        `EXPLAIN ${cypherFile(question.file).cypher}`,
        await exampleParams(question.file),
      );
      const keys = await result.keys();
      await result.summary();
      expect(keys).toEqual([...question.columns]);
    } finally {
      await session.close();
    }
  });
});
