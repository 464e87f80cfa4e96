// Another revision's TS helpers, loaded beside ours so that the bench times both in one run on
// the same graph (load on a 2-core machine moves absolute figures 2-4x between runs; ratios of
// calls taken in turn do not move with it). The revision is checked out once into a worktree
// of its own; it borrows this checkout's node_modules, so the figures are
// its Cypher and its TS code, on today's driver.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

/** The helpers of src/index.ts at `revision`, by name, and the indexes its look-ups need. */
export async function baselineHelpers(
  revision: string,
): Promise<{ helpers: Record<string, unknown>; indexes: string[] }> {
  const commit = execFileSync("git", ["rev-parse", "--short", `${revision}^{commit}`], {
    encoding: "utf8",
  }).trim();
  // Outside this checkout, where no test runner or linter looks.
  const dir = join(tmpdir(), "heistgraph-bench", `baseline-${commit}`);
  if (!existsSync(join(dir, "src", "index.ts"))) {
    execFileSync("git", ["worktree", "add", "--force", "--detach", dir, commit], {
      stdio: "ignore",
    });
  }
  const modules = join(dir, "node_modules");
  if (!existsSync(modules)) symlinkSync(resolve("node_modules"), modules, "dir");
  const helpers = (await import(pathToFileURL(join(dir, "src", "index.ts")).href)) as Record<
    string,
    unknown
  >;
  // Its schema's indexes (its resolver searched a full-text index that ours has replaced);
  // constraints are left out: ours hold the same keys, under other names.
  const indexes = readFileSync(join(dir, "cypher", "schema.cypher"), "utf8")
    .split("\n")
    .filter((line) => /^CREATE (FULLTEXT |RANGE |TEXT |POINT )?INDEX .* IF NOT EXISTS/.test(line))
    .map((line) => line.replace(/;\s*$/, ""));
  return { helpers, indexes };
}
