// Benchmark: the death-by-whom question through the TS helper (baseline) and through the
// GraphQL API, measured in one run against the same Neo4j.
//
//   npm run bench:death-by-whom -- [--seconds 10] [--concurrency 8] [--rounds 3]
//
// The API runs as its own process (`heistgraph serve`), as it would in use. Each round runs
// the helper for --seconds with --concurrency requests in flight, then the API the same way;
// rounds alternate so drift on the machine hits both alike. Victims rotate over the films'
// killed characters. Reports throughput and p50/p95 latency of each, and their ratios.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { GraphQLClient, gql } from "graphql-request";
import { freePort } from "../src/db/local-neo4j/server.ts";
import { openDatabase, resolveDatabase } from "../src/db/connection.ts";
import { deathByWhom } from "../src/queries/deaths/index.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "8" },
    rounds: { type: "string", default: "3" },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);

const VICTIMS = [
  "Waingro",
  "Neil McCauley",
  "Michael Cheritto",
  "Roger Van Zant",
  "Trejo",
  "Gang leader",
  "Ko Chow",
  "Bony",
];

const QUERY = gql`
  query DeathByWhom($name: String!) {
    characters(where: { name: { eq: $name } }) {
      deathByWhom {
        endsWith
        steps {
          victim
          killer
          killerIsGroup
          event
          seq
          how
          sources
        }
      }
    }
  }
`;

interface Run {
  latencies: number[];
  requests: number;
  seconds: number;
}

async function load(ask: (victim: string) => Promise<unknown>): Promise<Run> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const victim = VICTIMS[next++ % VICTIMS.length] ?? "Waingro";
      const t0 = performance.now();
      await ask(victim);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, requests: latencies.length, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(runs: Run[]) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((a, r) => a + r.requests, 0);
  const time = runs.reduce((a, r) => a + r.seconds, 0);
  return {
    throughput: requests / time,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests,
  };
}

const db = await openDatabase(await resolveDatabase({ autoStart: true }));
const port = await freePort();
const api = spawn(process.execPath, ["bin/heistgraph.js", "serve", "--port", String(port)], {
  stdio: "ignore",
});
try {
  for (let i = 0; ; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok) break;
    if (i > 240) throw new Error("the API did not come up");
    await sleep(250);
  }
  const client = new GraphQLClient(`http://127.0.0.1:${port}/graphql`);
  const viaHelper = (victim: string) => deathByWhom(db, victim);
  const viaApi = (victim: string) => client.request(QUERY, { name: victim });

  // Same answers both ways before timing anything.
  const [a, b] = [
    await viaHelper("Waingro"),
    (await viaApi("Waingro")) as { characters: { deathByWhom: unknown[] }[] },
  ];
  if (
    JSON.stringify(a.chains.map((c) => c.steps.map((s) => s.killer))) !==
    JSON.stringify(
      b.characters[0]?.deathByWhom.map((c) =>
        (c as { steps: { killer: string }[] }).steps.map((s) => s.killer),
      ),
    )
  ) {
    throw new Error("the helper and the API disagree");
  }
  // Warm up both paths (JIT, query plans, connection pools).
  for (let i = 0; i < 200; i++)
    await Promise.all([viaHelper(VICTIMS[i % 8] ?? ""), viaApi(VICTIMS[i % 8] ?? "")]);

  const helperRuns: Run[] = [];
  const apiRuns: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    helperRuns.push(await load(viaHelper));
    apiRuns.push(await load(viaApi));
  }
  const helper = summary(helperRuns);
  const graphql = summary(apiRuns);
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  console.log(
    `death-by-whom, ${rounds} rounds x ${seconds} s per path, ${concurrency} in flight, ${VICTIMS.length} victims`,
  );
  console.log(`Neo4j: ${db.settings.uri}; node ${process.version}; ${new Date().toISOString()}`);
  console.log("");
  console.log("path             requests   req/s    p50 ms   p95 ms");
  for (const [name, s] of [
    ["TS helper", helper],
    ["GraphQL (HTTP)", graphql],
  ] as const) {
    console.log(
      `${name.padEnd(16)} ${String(s.requests).padStart(8)} ${fmt(s.throughput).padStart(7)} ${fmt(s.p50, 2).padStart(9)} ${fmt(s.p95, 2).padStart(8)}`,
    );
  }
  console.log("");
  console.log(
    `GraphQL / TS helper: throughput x${fmt(graphql.throughput / helper.throughput, 2)}, p50 x${fmt(graphql.p50 / helper.p50, 2)}, p95 x${fmt(graphql.p95 / helper.p95, 2)}`,
  );
} finally {
  api.kill("SIGTERM");
  await db.close();
}
