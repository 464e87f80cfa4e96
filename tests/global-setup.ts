// The integration tests' setup, once per run: one Neo4j (tests/helpers/test-database.ts says
// where it comes from; test files reach it through tests/helpers/neo4j.ts), and a bundle of
// the CLI as fresh as the sources, so the commands the tests run start as a user's do.
import type { TestProject } from "vitest/node";
import { freshCli } from "../bin/cli-bundle.js";
import { buildCli } from "../scripts/build-cli.js";
import type { DatabaseSettings } from "../src/db/connection.ts";
import { startTestDatabase } from "./helpers/test-database.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4j: DatabaseSettings;
  }
}

export default async function setup(project: TestProject) {
  const [database] = await Promise.all([
    startTestDatabase(process.env, (line) => console.log(`[neo4j] ${line}`)),
    freshCli() ?? buildCli(),
  ]);
  console.log(
    `[neo4j] The tests run against ${database.settings.uri} (origin: ${database.settings.origin})`,
  );
  project.provide("neo4j", database.settings);
  return async () => {
    await database.stop();
  };
}
