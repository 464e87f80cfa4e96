// heistgraph's TypeScript API: connect to the graph, import films, ask questions of them.
import { browserNeo4jSettings } from "./browser-guide/post-connect.ts";
import { openDatabase, resolveDatabase, type Database } from "./db/connection.ts";

export type { Database, DatabaseSettings } from "./db/connection.ts";
export {
  openDatabase,
  resolveDatabase,
  startLocalDatabase,
  stopLocalDatabase,
} from "./db/connection.ts";
export { HeistgraphError } from "./errors.ts";
export {
  importDataset,
  prepareImport,
  type ImportOptions,
  type ImportReport,
} from "./import/run-import.ts";
export { InvalidDatasetError, type DatasetProblem } from "./dataset/problems.ts";
// Every question by name, asked like the CLI and GraphQL ask it (docs/questions.md).
export { askQuestion, type Answer, type QuestionRequest } from "./questions/ask-question.ts";
export { QUESTIONS, question } from "./questions/registry.ts";
export type { Question } from "./questions/define.ts";
export * from "./queries/deaths/index.ts";
export * from "./queries/betrayals/index.ts";
export * from "./queries/loyalties/index.ts";
export * from "./queries/revenge/index.ts";
export * from "./queries/timeline/index.ts";
export * from "./queries/dossier/index.ts";
export * from "./queries/connection/index.ts";
export * from "./queries/parallels/index.ts";
export {
  network,
  edgeStandsAt,
  type Network,
  type NetworkNode,
  type NetworkEdge,
} from "./network/index.ts";

/**
 * Opens the graph heistgraph is configured for: NEO4J_URI if set, else the local Neo4j
 * (started when `autoStart` is true). Close it with `db.close()`.
 */
export async function connect(options: { autoStart?: boolean } = {}): Promise<Database> {
  return openDatabase(
    await resolveDatabase({
      autoStart: options.autoStart ?? false,
      neo4jSettings: browserNeo4jSettings,
    }),
  );
}
