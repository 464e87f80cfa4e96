// Benchmark: how long a `heistgraph` command takes from start to exit, run from the bundle in
// dist/ (what bin/heistgraph.js runs) and from the TypeScript sources through tsx (the baseline,
// HEISTGRAPH_FROM_SOURCE=1), measured in one run on the same machine.
//
//   npm run bench:cli-start -- [--runs 15] [--baseline <checkout>]
//
// --baseline adds a third way: the `heistgraph` of another checkout (say, the commit before the
// bundle: `git worktree add /tmp/before <commit>` and link node_modules into it), run alike.
//
// Commands: `--help` (no database), and `death-by-whom waingro` against the configured Neo4j
// (NEO4J_URI, or the local one: start it and import the films first). Each run is a new
// process, as a user starts it; runs alternate between the two ways so drift on the machine
// hits both alike, after one warm-up each (tsx's compile cache). The bundle is built first if a
// source is newer (the command itself would run the sources instead). Reports
// the median and the range of each, and the ratio of the medians.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { freshCli } from "../bin/cli-bundle.js";
import { PACKAGE_ROOT } from "../src/db/local-neo4j/paths.ts";
import { buildCli } from "./build-cli.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "15" }, baseline: { type: "string" } },
});
const runs = Number(values.runs);

interface Way {
  root: string;
  env: Record<string, string>;
}
const COMMANDS = [["--help"], ["death-by-whom", "waingro"]];
const WAYS: Record<string, Way> = {
  ...(values.baseline ? { "baseline checkout": { root: resolve(values.baseline), env: {} } } : {}),
  "tsx (sources)": { root: PACKAGE_ROOT, env: { HEISTGRAPH_FROM_SOURCE: "1" } },
  "bundle (dist/)": { root: PACKAGE_ROOT, env: { HEISTGRAPH_FROM_SOURCE: "0" } },
};
const BASELINE = Object.keys(WAYS)[0] ?? "";

/** Milliseconds one `heistgraph <args>` process takes to exit. */
function timeRun(args: string[], { root, env }: Way): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(root, "bin", "heistgraph.js"), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`heistgraph ${args.join(" ")} failed: ${run.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);

console.log(`node ${process.version}, ${runs} runs of each, alternating\n`);
console.log(`| command | way | median | fastest - slowest | ratio to ${BASELINE} |`);
console.log("| --- | --- | --- | --- | --- |");
if (!freshCli()) await buildCli();
for (const args of COMMANDS) {
  const times = new Map<string, number[]>(Object.keys(WAYS).map((w) => [w, []]));
  for (const way of Object.values(WAYS)) timeRun(args, way);
  for (let i = 0; i < runs; i++) {
    for (const [name, way] of Object.entries(WAYS)) times.get(name)?.push(timeRun(args, way));
  }
  const baseline = median(times.get(BASELINE) ?? []);
  for (const [way, ms] of times) {
    const m = median(ms);
    console.log(
      `| \`heistgraph ${args.join(" ")}\` | ${way} | ${seconds(m)} s | ${seconds(Math.min(...ms))} - ${seconds(Math.max(...ms))} s | ${(m / baseline).toFixed(2)} |`,
    );
  }
}
