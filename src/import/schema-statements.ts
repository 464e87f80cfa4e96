// The statements of cypher/schema.cypher, the one place the constraints are written down.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Neo4jError } from "neo4j-driver";
import type { Database } from "../db/connection.ts";
import { machineryOn } from "./machinery-switches.ts";

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

/** A uniqueness constraint on a relationship type's keys. */
export const isRelationshipConstraint = (statement: string): boolean =>
  /\bFOR\s+\(\)-\[/i.test(statement);

export function schemaStatements(): string[] {
  const all = splitCypherScript(readFileSync(SCHEMA_FILE, "utf8"));
  return machineryOn("rel-key-constraints")
    ? all
    : all.filter((statement) => !isRelationshipConstraint(statement));
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

/**
 * Runs the schema statements, each a schema transaction of its own. Returns those the stored
 * graph refuses: a relationship key constraint over relationships written before keys were
 * unique per type (they were unique per pair of nodes). The import rewrites those films (their
 * plans hash otherwise) and runs the refused statements again afterwards.
 */
export async function applySchema(database: Database, statements: string[]): Promise<string[]> {
  if (statements.length === 0) return [];
  // All in one schema transaction first (a database's first import makes some sixty), one
  // by one when the graph refuses one of them.
  const session = database.driver.session({ database: database.database });
  try {
    await session.executeWrite(async (tx) => {
      for (const statement of statements) await tx.run(statement);
    });
    return [];
  } catch (error) {
    if (!(error instanceof Neo4jError)) throw error;
  } finally {
    await session.close();
  }
  const refused: string[] = [];
  for (const statement of statements) {
    try {
      await database.driver.executeQuery(statement, {}, { database: database.database });
    } catch (error) {
      if (!(error instanceof Neo4jError) || !isRelationshipConstraint(statement)) throw error;
      if (!/ConstraintCreationFailed|ConstraintValidationFailed/.test(error.code)) throw error;
      refused.push(statement);
    }
  }
  return refused;
}
