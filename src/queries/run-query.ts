// Runs one of the query files with parameters and returns plain rows.
import { routing } from "neo4j-driver";
import type { Database } from "../db/connection.ts";
import { cypherFile, type QueryName } from "./cypher-file.ts";
import { toPlain } from "./plain.ts";

export async function runQuery<Row>(
  db: Database,
  name: QueryName,
  params: Record<string, unknown>,
): Promise<Row[]> {
  const { records } = await db.driver.executeQuery(cypherFile(name).cypher, params, {
    database: db.database,
    routing: routing.READ,
  });
  return records.map((record) => toPlain(record.toObject()) as Row);
}
