import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diskFullFailure, freeBytes, markLogs, neededMiB } from "./disk-space.ts";
import { instanceDirs } from "./paths.ts";

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-disk-space-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env = { HEISTGRAPH_DATA_DIR: scratch };
const dirs = instanceDirs("disk", env);

describe("the free space a start needs", () => {
  it("counts a transaction log for each database without one, and one more", () => {
    expect(neededMiB(dirs, env)).toBe(768);
    const log = join(dirs.data, "transactions", "system");
    mkdirSync(log, { recursive: true });
    writeFileSync(join(log, "neostore.transaction.db.0"), "");
    expect(neededMiB(dirs, env)).toBe(512);
  });

  it("takes HEISTGRAPH_MIN_FREE_MB instead, and refuses what is not a number", () => {
    expect(neededMiB(dirs, { ...env, HEISTGRAPH_MIN_FREE_MB: "0" })).toBe(0);
    expect(() => neededMiB(dirs, { ...env, HEISTGRAPH_MIN_FREE_MB: "lots" })).toThrow(
      /HEISTGRAPH_MIN_FREE_MB is not a number of megabytes/,
    );
  });

  it("measures the free space of a folder not made yet from its nearest parent", () => {
    expect(freeBytes(join(scratch, "not", "yet"))).toBeGreaterThan(0);
  });
});

describe("a start that failed for a full disk", () => {
  it("is told from the log lines written since the start began, not an older start's", () => {
    mkdirSync(dirs.logs, { recursive: true });
    const debugLog = join(dirs.logs, "debug.log");
    writeFileSync(debugLog, "ERROR errorMessage='No space left on device' (an older start)\n");
    const marks = markLogs(dirs);
    expect(diskFullFailure("Neo4j stopped while starting.", dirs, { marks })).toBeUndefined();
    appendFileSync(
      debugLog,
      "INFO fine\nERROR Allocation failure: No space left on device\n\tat x\n",
    );
    const failure = diskFullFailure("Neo4j stopped while starting.", dirs, { marks });
    expect(failure?.problem.what).toMatch(
      /^Neo4j stopped while starting\. The disk is full: No space left on device \(\d+ MB free now\)\.$/,
    );
    expect(failure?.problem.details).toBe(
      "Neo4j's log says:\nERROR Allocation failure: No space left on device",
    );
  });
});
