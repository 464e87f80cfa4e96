// The big-film questions of `npm run bench -- --sizes L1`: betrayal chains from one character
// at depths 4, 6 and 8 in both orders, the film-wide chains, the timeline and the death
// ledger; each as the server's p50/p95 (the result summaries) and, for the TS helper, its
// call's p50 against the driver's own call of the same statement (what the helper adds).
// The question files of the baseline revision (chains expanding every path, the timeline and
// ledger before their one-pass rewrite) are timed in the same run, a few calls each with a
// timeout. The helper is also set against the driver's call of the question file alone.
import { execFileSync } from "node:child_process";
import neo4j from "neo4j-driver";
import type { Database } from "../../src/db/connection.ts";
import * as heistgraph from "../../src/index.ts";
import { cypherFile, parseCypherFile, type QueryName } from "../../src/queries/cypher-file.ts";
import { askStatement, type Ask } from "../../src/queries/lookup.ts";
import { TYPE_LISTS } from "../../src/queries/type-lists.ts";
import ledgerQuestion from "../../src/questions/death-ledger/question.ts";
import timelineQuestion from "../../src/questions/timeline/question.ts";
import { percentile, serverMs } from "./stats.ts";

/** The chain files' RETURN columns (src/questions/betrayal-chains/chain.ts). */
const CHAIN_COLUMNS = ["chains", "truncated"];

/** The default baseline: the question files before issue 23's work (its branch point). */
export const DEFAULT_BASELINE = "d331342";

export interface BigFilmRow {
  question: string;
  serverP50: number;
  serverP95: number;
  /** The helper's call p50 / the driver's call p50 of the same statement; NaN if none. */
  helperOverDriver: number;
  /** The helper's call p50 / the driver's call p50 of the question file alone (no look-up). */
  helperOverFile: number;
  /** The server p50 of the question file alone (what the baseline's files are set against). */
  fileServerP50: number;
  fileServerP95: number;
  /** The baseline file's server p50 / our file's, or a note when it failed. */
  baseline: string;
  /**
   * For the large answers: the server p50 of the file's own answer sent back as a parameter
   * and returned as it is (no store read, no aggregation): what producing and sending those
   * rows costs, the floor under any rewrite of the file that keeps its answer.
   */
  echoServerP50: number | null;
  /**
   * For the timeline: the server p50 of a statement that reads every value its answer holds
   * (events, places, participations, acts, the names and ids of who took part and who did
   * what to whom) and returns only counts: the store's share of the floor.
   */
  readsServerP50: number | null;
}

/**
 * Every value the timeline's answer holds, read from the store and counted (nothing built,
 * sorted or sent), the way timeline.cypher reads them: it bounds the file's time from below.
 */
const TIMELINE_READS = `CALL () {
  MATCH (e:Event {film: $film})
  OPTIONAL MATCH (e)-[at:TOOK_PLACE_AT]->(place:Place)
  RETURN count(e.seq) + count(e.id) + count(e.name) + count(e.summary) + count(e.sources)
    + count(e.episode) + count(e.toldSeq) + count(at.sources) + count(place.name) AS n
  UNION ALL
  MATCH (e:Event {film: $film})<-[p:PARTICIPATED_IN]-(taker)
  RETURN count(taker.name) + count(taker.id) + count(p.role) + count(p.sources) AS n
  UNION ALL
  CALL () {
    MATCH (doer:Character {film: $film}) RETURN doer
    UNION
    MATCH (:Film {id: $film})<-[:APPEARS_IN]-(doer:Group) RETURN doer
  }
  MATCH (doer)-[r:${TYPE_LISTS["act types"]?.join("|")}]->(target)
  RETURN count(doer.name) + count(doer.id) + count(target.name) + count(target.id)
    + count(properties(r)) AS n
}
RETURN sum(n) AS values`;

async function timed(
  db: Database,
  cypher: string,
  params: Record<string, unknown>,
  timeoutMs?: number,
): Promise<{ server: number; call: number }> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: "READ" });
  try {
    const start = performance.now();
    const result = await session.run(
      cypher,
      params,
      timeoutMs ? { timeout: timeoutMs } : undefined,
    );
    return { server: serverMs(result.summary), call: performance.now() - start };
  } finally {
    await session.close();
  }
}

async function series<T>(n: number, warmup: number, work: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await work();
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await work());
  return out;
}

function baselineCypher(revision: string, name: QueryName): string {
  const text = execFileSync("git", ["show", `${revision}:cypher/queries/${name}.cypher`], {
    encoding: "utf8",
  });
  return parseCypherFile(name, text).cypher;
}

export async function bigFilmQuestions(
  db: Database,
  film: string,
  person: string,
  {
    repeat,
    warmup,
    baselineTimeoutS,
    baselineRevision,
  }: { repeat: number; warmup: number; baselineTimeoutS: number; baselineRevision: string },
): Promise<BigFilmRow[]> {
  const rows: BigFilmRow[] = [];
  const h = heistgraph;
  type Case = {
    question: string;
    ask: Ask;
    helper: () => Promise<unknown>;
    baseline?: { name: QueryName; params: Record<string, unknown> };
    /** The question file and its parameters, as the look-up binds them. */
    file: { name: QueryName; params: Record<string, unknown> };
    /** Time the file's answer echoed back (see BigFilmRow.echoServerP50). */
    echo?: boolean;
    /** A statement reading the values of its answer (see BigFilmRow.readsServerP50). */
    reads?: string;
  };
  const cases: Case[] = [];
  const { records } = await db.driver.executeQuery(
    "MATCH (c:Character {film: $film, name: $person}) RETURN c.id AS id",
    { film, person },
    { database: db.database },
  );
  const characterId = records[0]?.get("id") as string;
  for (const timeRespecting of [false, true]) {
    for (const maxDepth of [4, 6, 8]) {
      const params = { maxDepth: neo4j.int(maxDepth), timeRespecting, limit: neo4j.int(25) };
      cases.push({
        question: `betrayalChains depth ${maxDepth}, ${timeRespecting ? "time-respecting" : "any order"}`,
        ask: {
          film,
          names: [person],
          questions: [
            {
              name: "betrayal-chains",
              columns: CHAIN_COLUMNS,
              bindings: { characterId: { subject: 0 } },
            },
          ],
          params: [params],
        },
        helper: () => h.betrayalChains(db, person, { film, maxDepth, timeRespecting }),
        baseline: { name: "betrayal-chains", params: { ...params, characterId } },
        file: { name: "betrayal-chains", params: { ...params, characterId } },
      });
    }
    const params = {
      maxDepth: neo4j.int(8),
      timeRespecting,
      limit: neo4j.int(25),
      involving: null,
    };
    cases.push({
      question: `filmBetrayalChains depth 8, ${timeRespecting ? "time-respecting" : "any order"}`,
      ask: {
        film,
        questions: [
          { name: "film-betrayal-chains", columns: CHAIN_COLUMNS, bindings: { film: "film" } },
        ],
        params: [params],
      },
      helper: () => h.filmBetrayalChains(db, film, { maxDepth: 8, timeRespecting }),
      baseline: { name: "film-betrayal-chains", params: { ...params, film } },
      file: { name: "film-betrayal-chains", params: { ...params, film } },
    });
  }
  cases.push(
    {
      question: "timeline",
      ask: {
        film,
        questions: [
          { name: "timeline", columns: timelineQuestion.columns, bindings: { film: "film" } },
        ],
        params: [{ from: null, to: null }],
      },
      helper: () => h.timeline(db, film),
      file: { name: "timeline", params: { film, from: null, to: null } },
      baseline: { name: "timeline", params: { film, from: null, to: null } },
      echo: true,
      reads: TIMELINE_READS,
    },
    {
      question: "deathLedger",
      ask: {
        film,
        questions: [
          { name: "death-ledger", columns: ledgerQuestion.columns, bindings: { film: "film" } },
        ],
      },
      helper: () => h.deathLedger(db, film),
      file: { name: "death-ledger", params: { film } },
      baseline: { name: "death-ledger", params: { film } },
      echo: true,
    },
  );
  for (const c of cases) {
    const { cypher, params } = askStatement(c.ask);
    // Taking turns, so drift on the shared machine hits both alike.
    const driver: number[] = [];
    const server: number[] = [];
    const helper: number[] = [];
    const file: number[] = [];
    const fileServer: number[] = [];
    const fileCypher = cypherFile(c.file.name).cypher;
    await series(warmup, 0, async () => {
      await timed(db, cypher, params);
      await timed(db, fileCypher, c.file.params);
      await c.helper();
    });
    for (let i = 0; i < repeat; i++) {
      const d = await timed(db, cypher, params);
      driver.push(d.call);
      server.push(d.server);
      const f = await timed(db, fileCypher, c.file.params);
      file.push(f.call);
      fileServer.push(f.server);
      const start = performance.now();
      await c.helper();
      helper.push(performance.now() - start);
    }
    [driver, server, helper, file, fileServer].forEach((xs) => xs.sort((a, b) => a - b));
    const serverP50 = async (statement: { cypher: string; params: Record<string, unknown> }) => {
      const times = await series(repeat, warmup, async () => {
        return (await timed(db, statement.cypher, statement.params)).server;
      });
      return percentile(
        times.sort((a, b) => a - b),
        50,
      );
    };
    const echoServerP50 = c.echo
      ? await serverP50(await echoOf(db, fileCypher, c.file.params))
      : null;
    const readsServerP50 = c.reads ? await serverP50({ cypher: c.reads, params: { film } }) : null;
    let baseline = "";
    if (c.baseline) {
      const old = baselineCypher(baselineRevision, c.baseline.name);
      try {
        const runs = await series(3, 1, () =>
          timed(db, old, c.baseline?.params ?? {}, baselineTimeoutS * 1000),
        );
        const p50 = percentile(
          runs.map((r) => r.server).sort((a, b) => a - b),
          50,
        );
        baseline = `${p50.toFixed(0)} ms (${(p50 / percentile(fileServer, 50)).toFixed(2)}x)`;
      } catch (error) {
        baseline = `failed: ${((error as Error).message.split("\n")[0] ?? "").slice(0, 60)}`;
      }
    }
    rows.push({
      question: c.question,
      serverP50: percentile(server, 50),
      serverP95: percentile(server, 95),
      helperOverDriver: percentile(helper, 50) / percentile(driver, 50),
      helperOverFile: percentile(helper, 50) / percentile(file, 50),
      fileServerP50: percentile(fileServer, 50),
      fileServerP95: percentile(fileServer, 95),
      baseline,
      echoServerP50,
      readsServerP50,
    });
  }
  return rows;
}

/**
 * A statement that returns the file's own answer, given to it as a parameter: the same rows,
 * columns and values, none of them read from the store.
 */
async function echoOf(
  db: Database,
  fileCypher: string,
  params: Record<string, unknown>,
): Promise<{ cypher: string; params: Record<string, unknown> }> {
  const { records, keys } = await db.driver.executeQuery(fileCypher, params, {
    database: db.database,
  });
  const columns = keys.map((k) => `r.${String(k)} AS ${String(k)}`).join(", ");
  return {
    cypher: `UNWIND $rows AS r RETURN ${columns}`,
    params: { rows: records.map((r) => r.toObject()) },
  };
}
