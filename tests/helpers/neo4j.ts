// The one way tests reach the database: a driver to the run's shared Neo4j, closed
// after the file, and a reset so each test starts from the graph it needs.
import { afterAll, inject } from "vitest";
import { openDatabase, type Database } from "../../src/db/connection.ts";

let shared: Promise<Database> | undefined;

/** The test run's Neo4j; the driver is closed when the test file ends. */
export function testDatabase(): Promise<Database> {
  if (!shared) {
    shared = openDatabase(inject("neo4j"));
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
