// The local Neo4j driven through the CLI, as a user would: `db start` twice at once starts one
// server (and a reader that leaves early, `db start | head -1`, breaks nothing), data survives
// stop and start, and a corrupt state file still leads to the running server. Runs its own
// instance (own data folder and ports), whatever database the rest of the suite uses.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import neo4j from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_INSTANCE } from "../../src/db/connection.ts";
import { instanceDirs } from "../../src/db/local-neo4j/paths.ts";
import { isOurNeo4j } from "../../src/db/local-neo4j/process-identity.ts";
import { freePort } from "../../src/db/local-neo4j/server.ts";
import { HEISTGRAPH_BIN } from "../helpers/cli.ts";

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-lifecycle-"));
const PASSWORD = "lifecycle-password";
const env: NodeJS.ProcessEnv = { NO_COLOR: "1", FORCE_COLOR: "0" };
const dirs = instanceDirs(LOCAL_INSTANCE, { HEISTGRAPH_DATA_DIR: scratch });
// Neo4j's first start takes a minute or more when the machine is busy.
const START_TIMEOUT = 300_000;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `heistgraph <args>` with this file's instance; `closeStdout` plays `| head -0`. */
function heistgraph(args: string[], options: { closeStdout?: boolean } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [HEISTGRAPH_BIN, ...args], { env });
  let stdout = "";
  let stderr = "";
  if (options.closeStdout) child.stdout.destroy();
  else child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** Every process that is this instance's Neo4j. */
function ourNeo4jProcesses(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => pid !== process.pid && isOurNeo4j(pid, dirs.conf));
}

async function query(cypher: string): Promise<unknown[]> {
  const state = JSON.parse(readFileSync(dirs.stateFile, "utf8")) as { boltPort: number };
  const driver = neo4j.driver(
    `bolt://127.0.0.1:${state.boltPort}`,
    neo4j.auth.basic("neo4j", PASSWORD),
  );
  try {
    const { records } = await driver.executeQuery(cypher);
    return records.map((record) => record.get(0) as unknown);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  const settings = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HEISTGRAPH_CACHE_DIR: process.env.HEISTGRAPH_CACHE_DIR,
    HEISTGRAPH_DATA_DIR: scratch,
    HEISTGRAPH_BOLT_PORT: String(await freePort()),
    HEISTGRAPH_HTTP_PORT: String(await freePort()),
    NEO4J_PASSWORD: PASSWORD,
  };
  for (const [key, value] of Object.entries(settings)) if (value !== undefined) env[key] = value;
});

afterAll(async () => {
  await heistgraph(["db", "stop"]);
  rmSync(scratch, { recursive: true, force: true });
}, START_TIMEOUT);

describe("the local Neo4j's life cycle", () => {
  it(
    "starts ONE Neo4j for two `db start` at once, even when one's reader leaves early",
    async () => {
      const [shown, headless] = await Promise.all([
        heistgraph(["db", "start"]),
        heistgraph(["db", "start"], { closeStdout: true }),
      ]);
      expect(shown.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(headless.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect([shown.code, headless.code]).toEqual([0, 0]);
      const running = ourNeo4jProcesses();
      expect(running).toHaveLength(1);
      const state = JSON.parse(readFileSync(dirs.stateFile, "utf8")) as Record<string, unknown>;
      expect(state).toMatchObject({
        pid: running[0],
        boltPort: Number(env.HEISTGRAPH_BOLT_PORT),
        httpPort: Number(env.HEISTGRAPH_HTTP_PORT),
        home: dirs.home,
        conf: dirs.conf,
        data: dirs.data,
      });
      expect(shown.stdout).toMatch(
        new RegExp(`started in [\\d.]+ s|already runs \\(pid ${running[0]}\\)`),
      );
    },
    START_TIMEOUT,
  );

  it(
    "keeps the data across `db stop` and `db start`",
    async () => {
      await query("CREATE (:Character {id: 'lifecycle-witness', name: 'Vincent Hanna'})");
      const pid = ourNeo4jProcesses()[0];
      const stopped = await heistgraph(["db", "stop"]);
      expect(stopped).toMatchObject({ code: 0, stdout: `Stopped the local Neo4j (pid ${pid}).\n` });
      expect(ourNeo4jProcesses()).toEqual([]);
      const started = await heistgraph(["db", "start"]);
      expect(started.code).toBe(0);
      expect(await query("MATCH (c:Character {id: 'lifecycle-witness'}) RETURN c.name")).toEqual([
        "Vincent Hanna",
      ]);
    },
    START_TIMEOUT,
  );

  it(
    "finds its Neo4j behind a corrupt state file, says so, and stops it",
    async () => {
      const [pid] = ourNeo4jProcesses();
      writeFileSync(dirs.stateFile, '{"pid": -1, "boltPort": ');
      const status = await heistgraph(["db", "status"]);
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(new RegExp(`running, pid ${pid}, since`));
      expect(status.stderr).toMatch(
        new RegExp(`found this instance's Neo4j running as pid ${pid} .*; rewrote the state file`),
      );
      writeFileSync(dirs.stateFile, "not json at all");
      const stopped = await heistgraph(["db", "stop"]);
      expect(stopped).toMatchObject({ code: 0, stdout: `Stopped the local Neo4j (pid ${pid}).\n` });
      expect(ourNeo4jProcesses()).toEqual([]);
      const after = await heistgraph(["db", "status"]);
      expect(after.stdout).toMatch(/Local Neo4j: not running/);
    },
    START_TIMEOUT,
  );
});
