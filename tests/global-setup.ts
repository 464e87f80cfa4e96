// One Neo4j for the whole test run (see src/db/connection.ts for where it comes from).
// Test files reach it through tests/helpers/neo4j.ts.
import type { TestProject } from "vitest/node";
import { startTestDatabase, type DatabaseSettings } from "../src/db/connection.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: DatabaseSettings;
  }
}

export default async function setup(project: TestProject) {
  const database = await startTestDatabase(process.env, (line) => console.log(`[neo4j] ${line}`));
  console.log(
    `[neo4j] The tests run against ${database.settings.uri} (origin: ${database.settings.origin})`,
  );
  project.provide("neo4j", database.settings);
  return async () => {
    await database.stop();
  };
}
