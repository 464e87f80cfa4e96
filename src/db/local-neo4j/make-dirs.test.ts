// Folders for the local Neo4j: made when missing, refused fast and clearly when impossible.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HeistgraphError } from "../../errors.ts";
import { makeInstanceFolders } from "./make-dirs.ts";

const scratch = mkdtempSync(join(tmpdir(), "heistgraph-dirs-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function problemOf(dir: string): HeistgraphError {
  const started = performance.now();
  let caught: unknown;
  try {
    makeInstanceFolders([dir], { HEISTGRAPH_DATA_DIR: dir });
  } catch (error) {
    caught = error;
  }
  // Node's recursive mkdir spins forever under /proc; this must answer at once.
  expect(performance.now() - started).toBeLessThan(1000);
  expect(caught).toBeInstanceOf(HeistgraphError);
  return caught as HeistgraphError;
}

describe("making the instance's folders", () => {
  it("makes missing folders and their parents", () => {
    const deep = join(scratch, "a", "b", "c");
    makeInstanceFolders([deep, deep]);
    expect(existsSync(deep)).toBe(true);
  });

  it("refuses a path through a file (ENOTDIR), naming HEISTGRAPH_DATA_DIR", () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "");
    const problem = problemOf(join(file, "neo4j", "conf"));
    expect(problem.message).toMatch(
      new RegExp(
        `Cannot use ${file} for the local Neo4j: it is a file, not a folder \\(ENOTDIR\\)`,
      ),
    );
    expect(problem.message).toMatch(/where: +HEISTGRAPH_DATA_DIR=.*a-file/);
    expect(problem.message).toMatch(/try: +set HEISTGRAPH_DATA_DIR to a writable folder/);
  });

  it("refuses kernel file systems at once", () => {
    expect(problemOf("/proc/heistgraph/neo4j/conf").message).toMatch(
      /Cannot use \/proc\/heistgraph\/neo4j\/conf for the local Neo4j: it is a kernel file system/,
    );
    expect(problemOf("/sys/heistgraph").message).toMatch(/kernel file system/);
  });
});
