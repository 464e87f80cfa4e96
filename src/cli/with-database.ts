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

/** Prints a result as JSON (for --json). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
