// Benchmark: a bystander's light query while another client floods the API with heavy ones,
// with the API's load limits (timeout, row caps, per-client concurrency) and without them
// (`serve --no-limits`, the baseline), measured in one run against the same Neo4j.
//
//   npm run bench:flood -- [--seconds 15] [--rounds 2] [--flood 20] [--pause-after-429 100]
//                          [--film <id> | --web 12x2] [--port 4150]
//
// Works on a graph that is already imported (the films, or the import benchmark's generated
// stories). The heavy query asks the betrayal chains (up to 8 betrayals) of every character
// of one film: --film names it; without it a dense generated betrayal web (--web
// <characters>x<betrayals each>, see betrayal-web.ts) is written for the run and removed
// afterwards. The API runs as its own process (`heistgraph serve`), the flooder too (20
// connections from 127.0.0.1, flooder.ts); the bystander asks from 127.0.0.2, one request at
// a time. Each round serves without limits, then with them: bystander alone (idle), then
// bystander under flood. Reports bystander p50/p95 per phase and the flood/idle ratios.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { openDatabase, resolveDatabase } from "../../src/db/connection.ts";
import { dropBetrayalWeb, writeBetrayalWeb } from "./betrayal-web.ts";
import type { FloodTally } from "./flooder.ts";
import { postGraphql } from "./post-graphql.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    rounds: { type: "string", default: "2" },
    flood: { type: "string", default: "20" },
    "pause-after-429": { type: "string", default: "100" },
    film: { type: "string" },
    web: { type: "string", default: "12x2" },
    port: { type: "string", default: process.env.PORT ?? "4150" },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const floodConnections = Number(values.flood);
const port = Number(values.port);
const [webCharacters, webBetrayals] = values.web.split("x").map(Number);
const GENERATED_FILM = "bench-flood-web";

const heavyQuery = (film: string) =>
  `{ characters(where: { film: { eq: ${JSON.stringify(film)} } }) { betrayalChains(maxDepth: 8) { truncated chains { steps { traitorId betrayedId seq how } } } } }`;

const db = await openDatabase(await resolveDatabase({ autoStart: true }));
const lightFilm = await db.driver.executeQuery(
  "MATCH (f:Film) WHERE f.id <> $generated RETURN f.id AS id ORDER BY id LIMIT 1",
  { generated: GENERATED_FILM },
  { database: db.database },
);
const lightFilmId = lightFilm.records[0]?.get("id") as string | undefined;
if (!lightFilmId)
  throw new Error("the graph holds no film: import one first (npx heistgraph import)");
// A bystander's question: one film and the first few of its characters, by id.
const LIGHT = `{ films(where: { id: { eq: ${JSON.stringify(lightFilmId)} } }) { id title characters(limit: 5, sort: [{ id: ASC }]) { id name } } }`;

const heavyFilm = values.film ?? GENERATED_FILM;
if (!values.film) {
  if (!webCharacters || !webBetrayals)
    throw new Error("--web must be <characters>x<betrayals each>");
  await writeBetrayalWeb(db, {
    film: GENERATED_FILM,
    characters: webCharacters,
    betrayalsEach: webBetrayals,
  });
}
const HEAVY = heavyQuery(heavyFilm);

interface Api {
  url: string;
  process: ChildProcess;
}

async function startApi(limits: boolean): Promise<Api> {
  const args = ["bin/heistgraph.js", "serve", "--port", String(port)];
  const api = spawn(process.execPath, limits ? args : [...args, "--no-limits"], {
    stdio: "ignore",
  });
  for (let i = 0; ; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok) break;
    if (i > 480) throw new Error("the API did not come up");
    await sleep(250);
  }
  return { url: `http://127.0.0.1:${port}/graphql`, process: api };
}

async function stopApi(api: Api) {
  const exited = new Promise((resolve) => api.process.once("exit", resolve));
  api.process.kill("SIGTERM");
  await exited;
}

/** The bystander: one light query at a time from 127.0.0.2, with a short pause between. */
async function bystander(url: string, until: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (!until()) {
    const reply = await postGraphql(url, LIGHT, { localAddress: "127.0.0.2" });
    if (reply.status !== 200 || reply.body.errors)
      throw new Error(`the bystander's query failed: ${JSON.stringify(reply.body).slice(0, 300)}`);
    latencies.push(reply.ms);
    await sleep(100);
  }
  return latencies;
}

function flood(url: string): { done: Promise<FloodTally>; child: ChildProcess } {
  const child = fork(
    fileURLToPath(new URL("./flooder.ts", import.meta.url)),
    [url, String(floodConnections), String(seconds), values["pause-after-429"], HEAVY],
    { execArgv: ["--import", "tsx"], stdio: ["ignore", "pipe", "inherit", "ipc"] },
  );
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<FloodTally>((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(out) as FloodTally)
        : reject(new Error(`flooder exited ${code}`)),
    ),
  );
  return { done, child };
}

interface Phase {
  latencies: number[];
  tally?: FloodTally;
}
const phases = new Map<string, Phase>();
const record = (key: string, latencies: number[], tally?: FloodTally) => {
  const phase = phases.get(key) ?? { latencies: [] };
  phase.latencies.push(...latencies);
  if (tally) {
    const t = phase.tally ?? { answered: 0, timedOut: 0, refused: 0, failed: 0 };
    for (const k of Object.keys(t) as (keyof FloodTally)[]) t[k] += tally[k];
    phase.tally = t;
  }
  phases.set(key, phase);
};

try {
  for (let round = 0; round < rounds; round++) {
    for (const limits of [false, true]) {
      const mode = limits ? "limits on" : "limits off";
      const api = await startApi(limits);
      try {
        // Warm up: JIT, query plans, connection pools (the heavy plan too).
        for (let i = 0; i < 10; i++)
          await postGraphql(api.url, LIGHT, { localAddress: "127.0.0.2" });
        await postGraphql(api.url, HEAVY);
        const idleUntil = performance.now() + seconds * 1000;
        record(`${mode}|idle`, await bystander(api.url, () => performance.now() > idleUntil));
        const flooder = flood(api.url);
        // Let the flood reach Neo4j before measuring.
        await sleep(1000);
        const floodUntil = performance.now() + (seconds - 1) * 1000;
        const latencies = await bystander(api.url, () => performance.now() > floodUntil);
        // The flooder stops sending at its deadline and waits for its last requests, so no
        // heavy query of this phase runs on into the next.
        record(`${mode}|flood`, latencies, await flooder.done);
      } finally {
        await stopApi(api);
      }
      console.error(`round ${round + 1}: ${mode} done`);
    }
  }
} finally {
  if (!values.film) await dropBetrayalWeb(db, GENERATED_FILM);
  await db.close();
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
console.log(
  `flood: ${floodConnections} connections from one client asking the betrayal chains of every character of ` +
    `${values.film ? `film ${heavyFilm}` : `a generated betrayal web (${values.web})`}, maxDepth 8; ` +
    `bystander: another client, one light query at a time; ${rounds} rounds x ${seconds} s per phase`,
);
console.log(`Neo4j: ${db.settings.uri}; node ${process.version}; ${new Date().toISOString()}`);
console.log("");
console.log(
  "| API        | phase | bystander requests | p50 ms | p95 ms | heavy answered | timed out | 429 |",
);
console.log(
  "| ---------- | ----- | -----------------: | -----: | -----: | -------------: | --------: | --: |",
);
for (const [key, phase] of phases) {
  const [mode, name] = key.split("|");
  const t = phase.tally;
  console.log(
    `| ${mode?.padEnd(10)} | ${name?.padEnd(5)} | ${String(phase.latencies.length).padStart(18)} | ${fmt(percentile(phase.latencies, 50)).padStart(6)} | ${fmt(percentile(phase.latencies, 95)).padStart(6)} | ${String(t?.answered ?? "").padStart(14)} | ${String(t?.timedOut ?? "").padStart(9)} | ${String(t?.refused ?? "").padStart(3)} |`,
  );
}
console.log("");
for (const mode of ["limits off", "limits on"]) {
  const idle = phases.get(`${mode}|idle`)?.latencies ?? [];
  const busy = phases.get(`${mode}|flood`)?.latencies ?? [];
  console.log(
    `${mode}: bystander under flood / idle: p50 x${(percentile(busy, 50) / percentile(idle, 50)).toFixed(1)}, p95 x${(percentile(busy, 95) / percentile(idle, 95)).toFixed(1)}`,
  );
}
