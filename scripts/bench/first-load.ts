// `npm run bench:first-load`: how long the network page takes to be ready the first time it is
// opened after the server starts (issue 20 asks under 1.5 s), on a Neo4j just restarted (its
// caches cold), in Debian's Chromium. Each round, in turns at going first:
//   - `serve` as users run it, which asks what the first page asks before it says it serves;
//   - `serve` without that warm-up (HEISTGRAPH_SERVE_WARM_UP=off): the baseline;
// and, after each first load, the same page opened again (warm: the floor).
// Times are from the navigation's start to the page's own "ready" (window.heistgraph.status).
//
//   npm run bench:first-load                 # 3 rounds
//   npm run bench:first-load -- --rounds 5
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { freePort } from "../../src/db/local-neo4j/server.ts";
import { importDataset } from "../../src/import/run-import.ts";
import { launchChromium } from "../../tests/helpers/browser.ts";
import type {} from "../../web/network/test-hook.ts";
import { ownNeo4j, type OwnNeo4j } from "./own-neo4j.ts";
import { loadAverage, median } from "./stats.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const rounds = Number(values.rounds);
const INSTANCE = "bench-first-load";
const log = (line: string) => process.stdout.write(`${line}\n`);

/** `heistgraph serve` on a free port; resolves once it says it is serving, with its URL. */
async function startServe(
  neo4j: OwnNeo4j,
  warmUp: boolean,
): Promise<{ child: ChildProcess; url: string; startS: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["bin/heistgraph.js", "serve", "--port", String(port)], {
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      HEISTGRAPH_SERVE_WARM_UP: warmUp ? "on" : "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("heistgraph is serving"))
        resolve({
          child,
          url: `http://127.0.0.1:${port}/`,
          startS: (performance.now() - started) / 1000,
        });
    });
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
  });
}

async function stopServe(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function main(): Promise<void> {
  log(`Starting a Neo4j of the bench's own (instance ${INSTANCE}) and importing the films...`);
  const neo4j = await ownNeo4j(INSTANCE);
  const db = await neo4j.open();
  await importDataset(db, { wipe: true });
  await db.close();
  const browser = await launchChromium();
  const times = new Map<string, number[]>();
  const note = (name: string, ms: number) => times.set(name, [...(times.get(name) ?? []), ms]);
  try {
    for (let round = 1; round <= rounds; round++) {
      log(`  round ${round} of ${rounds} (load average ${loadAverage()})`);
      const order = round % 2 === 1 ? [true, false] : [false, true];
      for (const warmUp of order) {
        const name = warmUp ? "serve (with its warm-up)" : "serve, warm-up off";
        // A Neo4j just started: nothing planned, nothing in its page cache.
        await neo4j.stop();
        await neo4j.start();
        const server = await startServe(neo4j, warmUp);
        try {
          for (const which of ["first load", "second load"]) {
            const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
            const page = await context.newPage();
            const start = performance.now();
            await page.goto(server.url);
            await page.waitForFunction(() => window.heistgraph?.status === "ready", undefined, {
              timeout: 120_000,
            });
            const ms = performance.now() - start;
            await context.close();
            note(`${name}: ${which}`, ms);
            log(`    ${name}, ${which}: ${ms.toFixed(0)} ms`);
          }
          note(`${name}: start to serving`, server.startS * 1000);
        } finally {
          await stopServe(server.child);
        }
      }
    }
  } finally {
    await browser.close();
    await neo4j.stop();
  }
  const baseline = median(times.get("serve, warm-up off: first load") ?? []);
  log(
    `\nThe network page, ready in Chromium at 1440x900 (${rounds} rounds; load average ${loadAverage()} at the end)\n\n| run | median ms | each round | vs first load without warm-up |\n| --- | ---: | --- | ---: |`,
  );
  for (const [name, ms] of times)
    log(
      `| ${name} | ${median(ms).toFixed(0)} | ${ms.map((m) => m.toFixed(0)).join(", ")} | ${name.endsWith("serving") ? "" : `${(baseline / median(ms)).toFixed(2)}x`} |`,
    );
}

await main();
