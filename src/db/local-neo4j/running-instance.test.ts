// What a local instance's state file is trusted with. Stand-in processes carry the command
// line of a local Neo4j (entry point and --config-dir) without a JVM, so these checks need no
// server: another instance's "Neo4j", this instance's orphan, a pid of -1.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { instanceDirs } from "./paths.ts";
import { findNeo4jByConfDir, isOurNeo4j, isPlainPid } from "./process-identity.ts";
import { runningInstance, stopLocalNeo4j } from "./server.ts";

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-state-"));
const env = { ...process.env, HEISTGRAPH_DATA_DIR: scratch };
const standIns: ChildProcess[] = [];
afterEach(() => {
  for (const child of standIns.splice(0)) child.kill("SIGKILL");
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A process whose command line is that of the local Neo4j using `confDir`. */
async function standInNeo4j(confDir: string): Promise<ChildProcess & { pid: number }> {
  const child = spawn(process.execPath, [
    "-e",
    "setInterval(() => {}, 1e9)",
    "--",
    "org.neo4j.server.CommunityEntryPoint",
    `--config-dir=${confDir}`,
  ]);
  standIns.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  if (child.pid === undefined) throw new Error("the stand-in did not start");
  return child as ChildProcess & { pid: number };
}

function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.signalCode);
  }
  return new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
}

function writeInstance(name: string, state: Record<string, unknown> | string) {
  const dirs = instanceDirs(name, env);
  mkdirSync(dirs.run, { recursive: true });
  mkdirSync(dirs.conf, { recursive: true });
  writeFileSync(
    join(dirs.conf, "neo4j.conf"),
    "server.bolt.listen_address=127.0.0.1:17001\nserver.http.listen_address=127.0.0.1:17002\n",
  );
  writeFileSync(dirs.stateFile, typeof state === "string" ? state : JSON.stringify(state));
  return dirs;
}

function stateFor(name: string, pid: number) {
  const dirs = instanceDirs(name, env);
  return {
    pid,
    boltPort: 17001,
    httpPort: 17002,
    version: "5.26.19",
    startedAt: new Date().toISOString(),
    home: dirs.home,
    conf: dirs.conf,
    data: dirs.data,
  };
}

describe("which pids may be signalled", () => {
  it("refuses anything but a plain positive pid of another process", () => {
    for (const pid of [-1, 0, 1, 1.5, Number.NaN, process.pid, "42"]) {
      expect(isPlainPid(pid)).toBe(false);
    }
    expect(isPlainPid(4242)).toBe(true);
  });

  it("knows a Neo4j by its conf folder, not by being a Neo4j", async () => {
    const child = await standInNeo4j("/somewhere/else/conf");
    expect(isOurNeo4j(child.pid, "/somewhere/else/conf")).toBe(true);
    expect(isOurNeo4j(child.pid, "/another/instance/conf")).toBe(false);
    expect(findNeo4jByConfDir("/somewhere/else/conf")).toBe(child.pid);
    expect(findNeo4jByConfDir("/nobody/conf")).toBeUndefined();
  });
});

describe("a stale or corrupt state file", () => {
  it('treats "pid": -1 as not running, removes the file and signals nothing', async () => {
    const dirs = writeInstance("minus-one", stateFor("minus-one", -1));
    const notes: string[] = [];
    expect(runningInstance("minus-one", env, (line) => notes.push(line))).toBeUndefined();
    expect(notes.join("\n")).toMatch(/is not running; its state file .* was unreadable \(pid:/);
    expect(() => readFileSync(dirs.stateFile)).toThrow(/ENOENT/);
    writeInstance("minus-one", stateFor("minus-one", -1));
    expect(await stopLocalNeo4j("minus-one", env, () => {})).toBeUndefined();
  });

  it("never stops another instance's Neo4j whose pid the state file names", async () => {
    const other = await standInNeo4j(instanceDirs("other", env).conf);
    writeInstance("mine", stateFor("mine", other.pid));
    const notes: string[] = [];
    expect(await stopLocalNeo4j("mine", env, (line) => notes.push(line))).toBeUndefined();
    expect(notes.join("\n")).toContain(`named pid ${other.pid}, which is not this instance's`);
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
    expect(isOurNeo4j(other.pid, instanceDirs("other", env).conf)).toBe(true);
  });

  it("finds this instance's Neo4j behind a corrupt state file, repairs it and stops it", async () => {
    const dirs = writeInstance("orphan", '{"pid": 12, "boltPo');
    const orphan = await standInNeo4j(dirs.conf);
    const notes: string[] = [];
    const found = runningInstance("orphan", env, (line) => notes.push(line));
    expect(found).toMatchObject({ pid: orphan.pid, boltPort: 17001, httpPort: 17002 });
    expect(notes.join("\n")).toMatch(
      new RegExp(
        `found this instance's Neo4j running as pid ${orphan.pid} \\(its state file .* was unreadable \\(it is not JSON\\)\\); rewrote the state file`,
      ),
    );
    expect(JSON.parse(readFileSync(dirs.stateFile, "utf8"))).toMatchObject({
      pid: orphan.pid,
      conf: dirs.conf,
    });
    const stopped = await stopLocalNeo4j("orphan", env, () => {});
    expect(stopped?.pid).toBe(orphan.pid);
    expect(await exited(orphan)).toBe("SIGTERM");
    expect(() => readFileSync(dirs.stateFile)).toThrow(/ENOENT/);
  });

  it("rejects a state file copied from another instance's folder", () => {
    const dirs = writeInstance("copied", stateFor("elsewhere", 4242));
    const notes: string[] = [];
    expect(runningInstance("copied", env, (line) => notes.push(line))).toBeUndefined();
    expect(notes.join("\n")).toContain(
      `it describes the instance in ${instanceDirs("elsewhere", env).home}`,
    );
    expect(() => readFileSync(dirs.stateFile)).toThrow(/ENOENT/);
  });
});
