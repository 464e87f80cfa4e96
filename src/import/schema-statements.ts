// The statements of cypher/schema.cypher, the one place the constraints are written down.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
