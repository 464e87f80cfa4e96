// The statements of cypher/schema.cypher, the one place the constraints are written down.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/connection.ts";

export const SCHEMA_FILE = fileURLToPath(new URL("../../cypher/schema.cypher", import.meta.url));

/** Splits a Cypher script into statements, dropping `//` comment lines. */
export function splitCypherScript(script: string): string[] {
  return script
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n")
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function schemaStatements(): string[] {
  return splitCypherScript(readFileSync(SCHEMA_FILE, "utf8"));
}

/** The name a `CREATE CONSTRAINT|INDEX name IF NOT EXISTS` statement gives what it creates. */
export function schemaName(statement: string): string | undefined {
  return /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS/i.exec(
    statement,
  )?.[1];
}

/**
 * The schema statements that create something the database lacks, judged by name from one
 * read of its constraints and indexes: each statement is a schema transaction of its own
 * (a round trip, and some of the server's time), even when IF NOT EXISTS makes it do nothing.
 */
export async function missingSchemaStatements(database: Database): Promise<string[]> {
  const names = async (cypher: string) =>
    (await database.driver.executeQuery(cypher, {}, { database: database.database })).records.map(
      (r) => r.get("name") as string,
    );
  const present = new Set([
    ...(await names("SHOW INDEXES YIELD name RETURN name ORDER BY name")),
    ...(await names("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name")),
  ]);
  return schemaStatements().filter((statement) => {
    const name = schemaName(statement);
    return name === undefined || !present.has(name);
  });
}
