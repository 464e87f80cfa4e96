// Runs Node programs of this checkout (the `heistgraph` command, TS files) as a user would,
// as their own process, pointed at a given Neo4j through the NEO4J_* variables.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { DatabaseSettings } from "../../src/db/connection.ts";
import { PACKAGE_ROOT } from "../../src/db/local-neo4j/paths.ts";

const execFileAsync = promisify(execFile);
export const HEISTGRAPH_BIN = join(PACKAGE_ROOT, "bin", "heistgraph.js");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `node <args>` in the package folder (or `cwd`), against `settings`, without colours, and with
 * tables 80 columns wide (what piped output gets anyway) whatever COLUMNS the caller's shell exports.
 */
export async function runNode(
  args: string[],
  settings: DatabaseSettings,
  cwd = PACKAGE_ROOT,
  columns = 80,
): Promise<RunResult> {
  const env = {
    ...process.env,
    NEO4J_URI: settings.uri,
    NEO4J_USERNAME: settings.username,
    NEO4J_PASSWORD: settings.password,
    NEO4J_DATABASE: settings.database,
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    COLUMNS: String(columns),
  };
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, args, {
      cwd,
      env,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** `npx heistgraph <args>` against `settings`. */
export function runHeistgraph(settings: DatabaseSettings, ...args: string[]): Promise<RunResult> {
  return runNode([HEISTGRAPH_BIN, ...args], settings);
}

/**
 * `npx heistgraph <args>` with a terminal too wide for any message to wrap: for tests that
 * check a message's lines as written (tests/integration/cli-line-widths.test.ts checks widths).
 */
export function runHeistgraphUnwrapped(
  settings: DatabaseSettings,
  ...args: string[]
): Promise<RunResult> {
  return runNode([HEISTGRAPH_BIN, ...args], settings, PACKAGE_ROOT, 1000);
}
