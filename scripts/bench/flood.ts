// Benchmark: a bystander's light query (and /healthz) while another client floods one route
// of the server with heavy requests, with the API's load limits (timeout, row caps,
// per-client concurrency) and without them (`serve --no-limits`, the baseline), measured in
// one run against the same Neo4j; or, with --baseline <checkout>, this checkout's server
// against another checkout's (e.g. the commit before a change), both with their limits.
//
//   npm run bench:flood -- [--seconds 15] [--rounds 2] [--flood 20] [--pause-after-429 100]
//                          [--film <id> | --web 12x2] [--port 4150]
//                          [--routes graphql,network,storyline,chains] [--page-film <id>]
//                          [--page-flood 4] [--baseline <checkout>]
//
// Routes: graphql (the heavy query below), network (GET /api/network?film=<page film>),
// storyline (GET /api/storyline.svg?film=...), chains (GET /api/betrayal-chains?character=<the
// page film's character with the most betrayals>). The page film is --page-film, else the
// film with the most characters. The page routes are flooded with --page-flood connections
// (fewer: a server that lays out on its event loop takes minutes to answer 20).
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
import { request } from "node:http";
import { loadavg } from "node:os";
import { join } from "node:path";
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
    routes: { type: "string", default: "graphql" },
    "page-film": { type: "string" },
    "page-flood": { type: "string", default: "4" },
    baseline: { type: "string" },
  },
});
const ROUTES = ["graphql", "network", "storyline", "chains"] as const;
type Route = (typeof ROUTES)[number];
const routes = values.routes.split(",") as Route[];
for (const route of routes)
  if (!ROUTES.includes(route))
    throw new Error(`--routes: ${route} is not one of ${ROUTES.join(", ")}`);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const floodConnections = Number(values.flood);
const port = Number(values.port);
const [webCharacters, webBetrayals] = values.web.split("x").map(Number);
const GENERATED_FILM = "bench-flood-web";

const heavyQuery = (film: string) =>
  `{ characters(where: { film: { eq: ${JSON.stringify(film)} } }) { betrayalChains(maxDepth: 8, limit: 1000, timeRespecting: false) { truncated chains { steps { traitorId betrayedId seq how } } } } }`;

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

const pageFilm =
  values["page-film"] ??
  ((
    await db.driver.executeQuery(
      "MATCH (f:Film) WHERE f.id <> $generated OPTIONAL MATCH (c:Character {film: f.id}) " +
        "WITH f, count(c) AS n RETURN f.id AS id ORDER BY n DESC, id LIMIT 1",
      { generated: GENERATED_FILM },
      { database: db.database },
    )
  ).records[0]?.get("id") as string);
const chainsCharacter = (
  await db.driver.executeQuery(
    "MATCH (c:Character {film: $film}) OPTIONAL MATCH (c)-[b:BETRAYED]->() " +
      "WITH c, count(b) AS n RETURN c.id AS id ORDER BY n DESC, id LIMIT 1",
    { film: pageFilm },
    { database: db.database },
  )
).records[0]?.get("id") as string;
const base = `http://127.0.0.1:${port}`;
const FLOODS: Record<Route, { request: string; connections: number; what: string }> = {
  graphql: { request: HEAVY, connections: floodConnections, what: "GraphQL betrayal chains" },
  network: {
    request: `GET ${base}/api/network?film=${encodeURIComponent(pageFilm)}`,
    connections: Number(values["page-flood"]),
    what: `/api/network?film=${pageFilm}`,
  },
  storyline: {
    request: `GET ${base}/api/storyline.svg?film=${encodeURIComponent(pageFilm)}`,
    connections: Number(values["page-flood"]),
    what: `/api/storyline.svg?film=${pageFilm}`,
  },
  chains: {
    request: `GET ${base}/api/betrayal-chains?character=${encodeURIComponent(chainsCharacter)}`,
    connections: Number(values["page-flood"]),
    what: `/api/betrayal-chains?character=${chainsCharacter}`,
  },
};

interface Api {
  url: string;
  process: ChildProcess;
}

/** A server: this checkout's or the baseline's, with its limits or without. */
interface Mode {
  name: string;
  checkout: string;
  limits: boolean;
}
const here = fileURLToPath(new URL("../../", import.meta.url));
const modes: Mode[] = values.baseline
  ? [
      { name: "baseline", checkout: values.baseline, limits: true },
      { name: "this", checkout: here, limits: true },
    ]
  : [
      { name: "limits off", checkout: here, limits: false },
      { name: "limits on", checkout: here, limits: true },
    ];

async function startApi(mode: Mode): Promise<Api> {
  const args = [join(mode.checkout, "bin/heistgraph.js"), "serve", "--port", String(port)];
  const api = spawn(process.execPath, mode.limits ? args : [...args, "--no-limits"], {
    stdio: "ignore",
    cwd: mode.checkout,
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
  // A server busy on its event loop (a layout) may not get to its SIGTERM handler for minutes.
  const forced = setTimeout(() => api.process.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(forced);
}

/** /healthz from 127.0.0.2, timed. */
function health(url: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress: "127.0.0.2", agent: false }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * The bystander: from 127.0.0.2, one light query, then /healthz, at a time, with a short
 * pause between.
 */
async function bystander(
  url: string,
  until: () => boolean,
): Promise<{ light: number[]; health: number[]; unhealthy: number }> {
  const light: number[] = [];
  const healthz: number[] = [];
  let unhealthy = 0;
  while (!until()) {
    const reply = await postGraphql(url, LIGHT, { localAddress: "127.0.0.2" });
    if (reply.status !== 200 || reply.body.errors)
      throw new Error(`the bystander's query failed: ${JSON.stringify(reply.body).slice(0, 300)}`);
    light.push(reply.ms);
    await sleep(50);
    const h = await health(url.replace(/\/graphql$/, "/healthz"));
    // A server too busy to hear Neo4j's answer in time calls itself unhealthy: counted.
    if (h.status !== 200) unhealthy++;
    healthz.push(h.ms);
    await sleep(50);
  }
  return { light, health: healthz, unhealthy };
}

function flood(url: string, route: Route): { done: Promise<FloodTally>; child: ChildProcess } {
  const { request: heavy, connections } = FLOODS[route];
  const child = fork(
    fileURLToPath(new URL("./flooder.ts", import.meta.url)),
    [url, String(connections), String(seconds), values["pause-after-429"], heavy],
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
  health: number[];
  unhealthy: number;
  tally?: FloodTally;
}
const phases = new Map<string, Phase>();
const record = (
  key: string,
  measured: { light: number[]; health: number[]; unhealthy: number },
  tally?: FloodTally,
) => {
  const phase = phases.get(key) ?? { latencies: [], health: [], unhealthy: 0 };
  phase.latencies.push(...measured.light);
  phase.health.push(...measured.health);
  phase.unhealthy += measured.unhealthy;
  if (tally) {
    const t = phase.tally ?? { answered: 0, timedOut: 0, refused: 0, failed: 0, unanswered: 0 };
    for (const k of Object.keys(t) as (keyof FloodTally)[]) t[k] += tally[k];
    phase.tally = t;
  }
  phases.set(key, phase);
};

const loads: string[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    for (const mode of modes) {
      for (const route of routes) {
        // A server of its own per route: a route's backlog must not spill into the next.
        const api = await startApi(mode);
        try {
          // Warm up: JIT, query plans, connection pools (the heavy plan too).
          for (let i = 0; i < 10; i++)
            await postGraphql(api.url, LIGHT, { localAddress: "127.0.0.2" });
          if (route === "graphql") await postGraphql(api.url, HEAVY);
          const idleUntil = performance.now() + seconds * 1000;
          record(
            `${mode.name}|idle`,
            await bystander(api.url, () => performance.now() > idleUntil),
          );
          const flooder = flood(api.url, route);
          // Let the flood reach the server before measuring.
          await sleep(1000);
          const floodUntil = performance.now() + (seconds - 1) * 1000;
          const measured = await bystander(api.url, () => performance.now() > floodUntil);
          // The flooder stops sending at its deadline and waits (a while) for its last requests.
          record(`${mode.name}|${route}`, measured, await flooder.done);
        } finally {
          await stopApi(api);
        }
        loads.push(
          loadavg()
            .map((l) => l.toFixed(2))
            .join(" "),
        );
        console.error(`round ${round + 1}: ${mode.name}, ${route} done (load ${loads.at(-1)})`);
      }
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
  `flood: one client (127.0.0.1) floods one route, ${floodConnections} connections for GraphQL (the betrayal chains of every character of ` +
    `${values.film ? `film ${heavyFilm}` : `a generated betrayal web (${values.web})`}, maxDepth 8), ` +
    `${values["page-flood"]} for each page route (${routes
      .filter((r) => r !== "graphql")
      .map((r) => FLOODS[r].what)
      .join(
        ", ",
      )}); bystander: another client (127.0.0.2), one light GraphQL query then /healthz at a time; ` +
    `${rounds} rounds x ${seconds} s per phase; a fresh server per route`,
);
console.log(`Neo4j: ${db.settings.uri}; node ${process.version}; ${new Date().toISOString()}`);
console.log(`load average (1, 5, 15 min) after each phase: ${loads.join("; ")}`);
console.log("");
console.log(
  "| server     | flooded   | bystander n | GraphQL p50 ms | p95 ms | /healthz p50 ms | p95 ms | /healthz not 200 | heavy answered | timed out | 429 | failed | unanswered |",
);
console.log(
  "| ---------- | --------- | ----------: | -------------: | -----: | --------------: | -----: | ---------------: | -------------: | --------: | --: | -----: | ---------: |",
);
for (const [key, phase] of phases) {
  const [mode, name] = key.split("|");
  const t = phase.tally;
  const cells = [
    mode?.padEnd(10),
    name?.padEnd(9),
    String(phase.latencies.length).padStart(11),
    fmt(percentile(phase.latencies, 50)).padStart(14),
    fmt(percentile(phase.latencies, 95)).padStart(6),
    fmt(percentile(phase.health, 50)).padStart(15),
    fmt(percentile(phase.health, 95)).padStart(6),
    String(phase.unhealthy).padStart(16),
    String(t?.answered ?? "").padStart(14),
    String(t?.timedOut ?? "").padStart(9),
    String(t?.refused ?? "").padStart(3),
    String(t?.failed ?? "").padStart(6),
    String(t?.unanswered ?? "").padStart(10),
  ];
  console.log(`| ${cells.join(" | ")} |`);
}
console.log("");
for (const mode of modes) {
  const idle = phases.get(`${mode.name}|idle`);
  for (const route of routes) {
    const busy = phases.get(`${mode.name}|${route}`);
    if (!idle || !busy) continue;
    console.log(
      `${mode.name}, ${route} flooded: bystander / idle: GraphQL p50 x${(percentile(busy.latencies, 50) / percentile(idle.latencies, 50)).toFixed(1)}, ` +
        `/healthz p50 x${(percentile(busy.health, 50) / percentile(idle.health, 50)).toFixed(1)}, p95 x${(percentile(busy.health, 95) / percentile(idle.health, 95)).toFixed(1)}`,
    );
  }
}
