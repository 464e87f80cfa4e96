// Opens the configured database for one CLI command and closes it afterwards.
import { browserNeo4jSettings } from "../browser-guide/post-connect.ts";
import { openDatabase, resolveDatabase, type Database } from "../db/connection.ts";

export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(
    await resolveDatabase({
      autoStart: true,
      log: (line) => process.stderr.write(`${line}\n`),
      neo4jSettings: browserNeo4jSettings,
    }),
  );
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * A result with the keys of its nested maps in alphabetical order. A row's (or a dossier's)
 * own keys keep their order, the question's columns; the maps inside come from Neo4j's own
 * maps or APOC's, whose key orders differ (lookup.ts runs a film's question either way), and
 * the same answer should print the same text whichever way it was asked.
 */
export function stableKeys(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) return value.map((item) => stableKeys(item, depth));
  if (value === null || typeof value !== "object") return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const keys = Object.keys(value);
  if (depth >= 1) keys.sort();
  const map = value as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, stableKeys(map[key], depth + 1)]));
}

/** Prints a result as JSON (for --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(stableKeys(value), null, 2)}\n`);
}
