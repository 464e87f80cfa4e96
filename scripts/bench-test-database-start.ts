// How long the tests wait for their Neo4j: the local test Neo4j (the baseline, jars from Maven
// Central) against a Testcontainers container, alternately in one run, each until Bolt answers.
//   DOCKER_HOST=... HEISTGRAPH_NEO4J_IMAGE=... TESTCONTAINERS_RYUK_DISABLED=true \
//   TESTCONTAINERS_HOST_OVERRIDE=localhost npx tsx scripts/bench-test-database-start.ts [rounds]
import { startTestDatabase } from "../tests/helpers/test-database.ts";

const rounds = Number(process.argv[2] ?? 1);
if (!process.env.DOCKER_HOST) throw new Error("set DOCKER_HOST to the engine Testcontainers uses");
const withoutDocker: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: "" };
delete withoutDocker.DOCKER_HOST;
const withDocker: NodeJS.ProcessEnv = { ...process.env, NEO4J_URI: "" };

async function seconds(env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const database = await startTestDatabase(env);
  const elapsed = (performance.now() - started) / 1000;
  await database.stop();
  return elapsed;
}

const local: number[] = [];
const container: number[] = [];
for (let round = 0; round < rounds; round++) {
  local.push(await seconds(withoutDocker));
  container.push(await seconds(withDocker));
  console.log(
    `round ${round + 1}: local ${local.at(-1)?.toFixed(1)} s, testcontainers ${container.at(-1)?.toFixed(1)} s`,
  );
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(
  `mean: local ${mean(local).toFixed(1)} s (baseline), testcontainers ${mean(container).toFixed(1)} s, ` +
    `ratio ${(mean(container) / mean(local)).toFixed(2)}`,
);
