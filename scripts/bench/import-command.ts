// `heistgraph import` as a process of its own, as a user runs it: the bench times it this way
// (the bench's own process holds every plan of the run, whose heap would slow an import run
// inside it), and the kill check kills it.
import { spawn, type ChildProcess } from "node:child_process";
import type { Database } from "../../src/db/connection.ts";
import { PACKAGE_ROOT } from "../../src/db/local-neo4j/paths.ts";
import { DEFAULT_SOURCES_FILE } from "../../src/import/run-import.ts";

const HEISTGRAPH_BIN = `${PACKAGE_ROOT}/bin/heistgraph.js`;

export interface ImportFiles {
  sourcesFile: string;
  filmFiles: string[];
}

/**
 * Starts `heistgraph import [args] --sources <sourcesFile> <filmFiles>` against the database
 * (without `--sources` for the shared sources file, which the command reads anyway).
 */
export function spawnImport(
  db: Database,
  files: ImportFiles,
  args: string[] = [],
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited: () => boolean;
  stderr: () => string;
} {
  const { settings } = db;
  const child = spawn(
    process.execPath,
    [
      HEISTGRAPH_BIN,
      "import",
      ...args,
      ...(files.sourcesFile === DEFAULT_SOURCES_FILE ? [] : ["--sources", files.sourcesFile]),
      ...files.filmFiles,
    ],
    {
      env: {
        ...process.env,
        NEO4J_URI: settings.uri,
        NEO4J_USERNAME: settings.username,
        NEO4J_PASSWORD: settings.password,
        NEO4J_DATABASE: settings.database,
        ...env,
      },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  let exitedYet = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      exitedYet = true;
      resolve({ code, signal });
    }),
  );
  return { child, exited, hasExited: () => exitedYet, stderr: () => errors };
}

/** Runs `heistgraph import` to its end; throws with its error output when it fails. */
export async function runImportCommand(
  db: Database,
  files: ImportFiles,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<void> {
  const run = spawnImport(db, files, args, env);
  const { code, signal } = await run.exited;
  if (code !== 0)
    throw new Error(`heistgraph import exited with ${signal ?? code}:\n${run.stderr()}`);
}
