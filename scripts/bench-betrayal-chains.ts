// Benchmark: betrayal chains on generated high fan-out films, the current query files against
// the path-pattern queries they replaced (git revision bbabfdb, the baseline), measured in one
// run against the same Neo4j. Imports the films (replacing the graph) into the local Neo4j
// or NEO4J_URI.
//
//   npx tsx scripts/bench-betrayal-chains.ts [--rounds 3] [--timeout 60]
//
// For each film and mode (depth 8): the median time of the question from each traitor, and
// of the film-wide question; a query that runs past --timeout seconds or out of memory counts
// as failed. Prints the rows and the ratios baseline / current.
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import neo4j from "neo4j-driver";
import { openDatabase, resolveDatabase, type Database } from "../src/db/connection.ts";
import { cypherFile, parseCypherFile } from "../src/queries/cypher-file.ts";
import { fanOutFilm } from "../tests/helpers/fan-out-film.ts";
import { importStories } from "../tests/helpers/story-arbitrary.ts";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    timeout: { type: "string", default: "60" },
  },
});
const rounds = Number(values.rounds);
const timeoutMs = Number(values.timeout) * 1000;
const DEPTH = 8;

const FILMS = [
  { id: "fan-64", traitors: 18, betrayals: 64, groups: 3, events: 40 },
  { id: "fan-128", traitors: 18, betrayals: 128, groups: 3, events: 60 },
  { id: "fan-256", traitors: 35, betrayals: 256, groups: 5, events: 100 },
];

type Name = "betrayal-chains" | "film-betrayal-chains";
const BASELINE = "bbabfdb";

/** The baseline query, with its path bound set for the depth. */
function baseline(name: Name): string {
  const text = execFileSync("git", ["show", `${BASELINE}:cypher/queries/${name}.cypher`], {
    encoding: "utf8",
  });
  return parseCypherFile(name, text).cypher.replace("{1,7}", `{1,${2 * DEPTH - 1}}`);
}

const QUERIES: Record<"baseline" | "current", Record<Name, string>> = {
  baseline: {
    "betrayal-chains": baseline("betrayal-chains"),
    "film-betrayal-chains": baseline("film-betrayal-chains"),
  },
  current: {
    "betrayal-chains": cypherFile("betrayal-chains").cypher,
    "film-betrayal-chains": cypherFile("film-betrayal-chains").cypher,
  },
};

/** Milliseconds, or Infinity when the query failed (timeout, memory). */
async function timed(db: Database, cypher: string, params: Record<string, unknown>) {
  const start = performance.now();
  try {
    await db.driver.executeQuery(cypher, params, {
      database: db.database,
      transactionConfig: { timeout: timeoutMs },
    });
    return performance.now() - start;
  } catch {
    return Infinity;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "failed");

const db = await openDatabase(await resolveDatabase({ autoStart: true }));
try {
  await importStories(
    db,
    FILMS.map((f) => fanOutFilm(f)),
  );
  console.log(`Depth ${DEPTH}, ${rounds} round(s), timeout ${values.timeout} s; machine shared.`);
  for (const film of FILMS) {
    const { records } = await db.driver.executeQuery(
      "MATCH (c:Character {film: $film}) WHERE EXISTS { (c)-[:BETRAYED]->() } RETURN c.id AS id ORDER BY id",
      { film: film.id },
      { database: db.database },
    );
    const traitors = records.map((r) => r.get("id") as string);
    for (const timeRespecting of [true, false]) {
      const common = { timeRespecting, maxDepth: neo4j.int(DEPTH), limit: neo4j.int(25) };
      const result: Record<string, { one: number[]; film: number[]; failed: number }> = {};
      for (let round = 0; round < rounds; round++) {
        // Alternate which goes first, so drift on the machine hits both alike.
        const order =
          round % 2 === 0 ? (["current", "baseline"] as const) : (["baseline", "current"] as const);
        for (const which of order) {
          const r = (result[which] ??= { one: [], film: [], failed: 0 });
          const times: number[] = [];
          for (const id of traitors) {
            times.push(
              await timed(db, QUERIES[which]["betrayal-chains"], { ...common, characterId: id }),
            );
          }
          r.failed += times.filter((t) => !Number.isFinite(t)).length;
          r.one.push(median(times));
          r.film.push(
            await timed(db, QUERIES[which]["film-betrayal-chains"], { ...common, film: film.id }),
          );
        }
      }
      const [b, c] = [result.baseline, result.current];
      if (!b || !c) continue;
      const ratio = (x: number, y: number) =>
        Number.isFinite(x) ? `${(x / y).toFixed(0)}x` : "baseline failed";
      console.log(
        `${film.id} (${film.betrayals} betrayals, ${traitors.length} traitors), ${timeRespecting ? "time-respecting" : "any order"}:` +
          `\n  from one traitor, median: baseline ${ms(median(b.one))} (${b.failed} failed starts), current ${ms(median(c.one))} (${c.failed} failed); ${ratio(median(b.one), median(c.one))}` +
          `\n  film-wide: baseline ${ms(median(b.film))}, current ${ms(median(c.film))}; ${ratio(median(b.film), median(c.film))}`,
      );
    }
  }
} finally {
  await db.close();
}
