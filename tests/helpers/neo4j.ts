// The one way tests reach the database: a driver to the run's shared Neo4j, closed
// after the file, and a reset so each test starts from the graph it needs.
import { afterAll, inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/connection.ts";

let shared: Promise<Database> | undefined;

/** The test run's Neo4j; the driver is closed when the test file ends. */
export function testDatabase(): Promise<Database> {
  if (!shared) {
    const settings = inject("neo4j");
    if (!settings) {
      throw new Error(
        "No test Neo4j in this project: a test that needs the database belongs in tests/ (the integration project), not beside the code (unit tests start no database).",
      );
    }
    shared = openDatabase(settings);
    afterAll(async () => {
      const database = await shared;
      shared = undefined;
      await database?.close();
    });
  }
  return shared;
}

/** Deletes every node and relationship (constraints and indexes stay). */
export async function emptyGraph(database: Database): Promise<void> {
  await database.driver.executeQuery(
    "MATCH (n) DETACH DELETE n",
    {},
    { database: database.database },
  );
}

/** The films of import/films/, freshly imported: for tests that ask questions of them. */
export async function withFilmsImported(): Promise<Database> {
  const database = await testDatabase();
  const { importDataset } = await import("../../src/import/run-import.ts");
  await importDataset(database, { wipe: true });
  return database;
}

/**
 * EXPLAIN on a fresh plan made from fresh statistics. Neo4j samples index statistics in the
 * background and caches a plan per query text, so just after the films are imported it may
 * still believe an index empty (where a scan costs what a seek does) or reuse a plan made on
 * the empty graph. db.prepareForReplanning resamples every index, waits, and clears the caches.
 */
async function explain(database: Database, cypher: string, params: Record<string, unknown>) {
  await database.driver.executeQuery(
    "CALL db.prepareForReplanning(60)",
    {},
    {
      database: database.database,
    },
  );
  return database.driver.executeQuery(`EXPLAIN ${cypher}`, params, {
    database: database.database,
  });
}

/** The operators of a query's plan (EXPLAIN), to check it starts from an index. */
export async function planOperators(
  database: Database,
  cypher: string,
  params: Record<string, unknown>,
): Promise<{ operator: string; details: string }[]> {
  const { summary } = await explain(database, cypher, params);
  const out: { operator: string; details: string }[] = [];
  const walk = (plan: {
    operatorType: string;
    arguments: Record<string, unknown>;
    children: unknown[];
  }) => {
    out.push({
      operator: plan.operatorType.replace(/@.*$/, ""),
      details: String(plan.arguments.Details ?? ""),
    });
    for (const child of plan.children) walk(child as typeof plan);
  };
  if (summary.plan) walk(summary.plan as never);
  return out;
}

/** Where a query's plan starts reading: its leaf operators with their details. */
export async function planLeaves(
  database: Database,
  cypher: string,
  params: Record<string, unknown>,
): Promise<string[]> {
  const { summary } = await explain(database, cypher, params);
  const leaves: string[] = [];
  const walk = (plan: {
    operatorType: string;
    arguments: Record<string, unknown>;
    children: unknown[];
  }) => {
    if (plan.children.length === 0) {
      leaves.push(
        `${plan.operatorType.replace(/@.*$/, "")} ${String(plan.arguments.Details ?? "")}`,
      );
    }
    for (const child of plan.children) walk(child as typeof plan);
  };
  if (summary.plan) walk(summary.plan as never);
  return leaves;
}
