// A full disk reported as a full disk: `db start` on a small file system of its own (a 60 MB
// tmpfs) refuses before launching Neo4j, saying how much room it needs; told to skip that
// check, Neo4j stops while starting and the message is its own "No space left on device",
// not Java stack frames. Mounting needs root (CI runs as root); elsewhere the tests skip.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/db/local-neo4j/server.ts";
import { HEISTGRAPH_BIN } from "../helpers/cli.ts";

const mountPoint = mkdtempSync(join(tmpdir(), "heistgraph-small-disk-"));
const mounted =
  process.getuid?.() === 0 &&
  spawnSync("mount", ["-t", "tmpfs", "-o", "size=60m", "tmpfs", mountPoint]).status === 0;
if (!mounted)
  console.warn(
    `skipping the full-disk tests: mounting a tmpfs needs root (${process.getuid?.() === 0 ? "mount failed" : "not root"})`,
  );

afterAll(() => {
  if (mounted) spawnSync("umount", ["-l", mountPoint]);
  rmSync(mountPoint, { recursive: true, force: true });
});

/** The variables given, where they are set (the jar cache is found from them). */
const inherited = (...names: string[]) =>
  Object.fromEntries(names.flatMap((n) => (process.env[n] ? [[n, process.env[n]]] : [])));

async function dbStart(dataDir: string, extra: Record<string, string> = {}) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [HEISTGRAPH_BIN, "db", "start"], {
    encoding: "utf8",
    env: {
      ...inherited("PATH", "HOME", "HEISTGRAPH_CACHE_DIR", "XDG_CACHE_HOME"),
      HEISTGRAPH_DATA_DIR: dataDir,
      HEISTGRAPH_BOLT_PORT: String(await freePort()),
      HEISTGRAPH_HTTP_PORT: String(await freePort()),
      NO_COLOR: "1",
      // Wide enough that no message wraps: these check its lines, cli-line-widths.test.ts the width.
      COLUMNS: "1000",
      ...extra,
    },
    timeout: 240_000,
  });
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

describe.skipIf(!mounted)("db start on a disk with too little room", () => {
  it("refuses before launching Neo4j, saying what is free and what is needed", async () => {
    const run = await dbStart(join(mountPoint, "refused"));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Not enough free disk space to start the local Neo4j: \d+ MB free, 768 MB needed\.\n {2}where: +.*\/refused\/neo4j\/data \(its file system\)\n {2}expected: at least 768 MB free: Neo4j preallocates a 256 MB transaction log/,
    );
    expect(run.stderr).toMatch(/try: +free some space on that disk, or set HEISTGRAPH_DATA_DIR/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.seconds).toBeLessThan(30);
  });

  it("says the disk is full, from Neo4j's own log, when Neo4j stops while starting", async () => {
    const run = await dbStart(join(mountPoint, "launched"), { HEISTGRAPH_MIN_FREE_MB: "0" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^error: (Neo4j stopped while starting\.|Could not set the local Neo4j's initial password\.) The disk is full: No space left on device \(\d+ MB free now\)\./,
    );
    expect(run.stderr).toMatch(/Neo4j's log says:\n.*No space left on device/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr.split("\n").length).toBeLessThan(12);
  }, 300_000);
});
