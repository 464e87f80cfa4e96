// `npm run bench`: heistgraph's import against Neo4j's own bulk paths, and the questions'
// latency, on generated stories of size S (~100k relationships) and M (~1M), in one run, on a
// Neo4j of its own (instance "bench", default settings, free ports; stopped afterwards).
//
//   npm run bench                          # everything, S and M
//   npm run bench -- --sizes S             # only S
//   npm run bench -- --sizes L1 --only queries   # the big film: chains, timeline, ledger
//   npm run bench -- --sizes L1 --only queries --baseline 266bfda   # its files against another revision's
//   npm run bench -- --sizes M --only queries   # our helpers and those of --baseline (default
//                                          # d331342), their calls taken in turn
//   npm run bench -- --only import         # parts, comma-separated: import, baselines, kill, queries
//   npm run bench -- --sizes FILMS,GOT,S,M --only machinery --rounds 3 --rounds-at-m 1
//                                          # each piece of the import's machinery off in turn
//                                          # (FILMS: the real films; GOT: one film of ~1k nodes)
//   npm run bench -- --sizes M --only machinery --off writers,json-rows
//                                          # only these pieces off (and all on, LOAD CSV)
//   npm run bench -- --repeat 20           # calls per question (default 30)
//   npm run bench -- --warmup 5            # calls per question before those (default 10)
//   npm run bench -- --rounds 5            # import rounds, taking turns at going first (default 3)
//
// Import: our fresh import, re-import over the loaded graph, --wipe over it, LOAD CSV ... CALL
// {} IN TRANSACTIONS OF 10000 ROWS, and neo4j-admin database import full (offline, into a
// scratch home), as seconds, rows per second and ratios to LOAD CSV.
// Questions: each TS helper of src/index.ts, called by name; p50/p95 of the server's own
// timings (result summaries of the queries the helper ran) and of the whole call.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, totalmem } from "node:os";
import { basename, delimiter, join } from "node:path";
import { parseArgs } from "node:util";
import type { Database } from "../../src/db/connection.ts";
import { observedDatabase } from "./observed-database.ts";
import { ensureJars } from "../../src/db/local-neo4j/fetch.ts";
import { findJava } from "../../src/db/local-neo4j/java.ts";
import { instanceDirs } from "../../src/db/local-neo4j/paths.ts";
import { freePort } from "../../src/db/local-neo4j/server.ts";
import {
  DEFAULT_SOURCES_FILE,
  defaultFilmFiles,
  importDataset,
  planRows,
  prepareImport,
} from "../../src/import/run-import.ts";
import * as heistgraph from "../../src/index.ts";
import { baselineHelpers } from "./baseline-checkout.ts";
import { DEFAULT_BASELINE, bigFilmQuestions } from "./big-film.ts";
import { adminImportFiles, loadCsvFiles } from "./bulk-csv.ts";
import { generateStory, SIZES, writeStory } from "./generate-story.ts";
import { runImportCommand } from "./import-command.ts";
import { machineryPart } from "./machinery.ts";
import { filmDigests, judgeKill, killImportHalfWay } from "./kill-import.ts";
import { ownNeo4j } from "./own-neo4j.ts";
import { loadAverage, median, percentile, serverMs } from "./stats.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "S,M" },
    only: { type: "string" },
    repeat: { type: "string", default: "30" },
    rounds: { type: "string", default: "3" },
    "rounds-at-m": { type: "string" },
    off: { type: "string" },
    warmup: { type: "string", default: "10" },
    baseline: { type: "string", default: DEFAULT_BASELINE },
  },
});
const sizes = (values.sizes ?? "S,M").split(",").map((s) => s.trim().toUpperCase());
const parts = values.only ? values.only.split(",") : ["import", "baselines", "kill", "queries"];
const repeat = Number(values.repeat);
const rounds = Number(values.rounds);
/** The machinery part's rounds at M (an M round of it takes a quarter of an hour or more). */
const roundsAtM = Number(values["rounds-at-m"] ?? values.rounds);
const warmup = Math.max(1, Number(values.warmup));
/** The big film's baseline revision (its question files, timed in the same run). */
const baseline = values.baseline ?? DEFAULT_BASELINE;
const log = (line: string) => process.stdout.write(`${line}\n`);

const INSTANCE = "bench";
/** The big film's baseline: the question files of that revision, a few calls with a timeout. */
const BASELINE_TIMEOUT_S = 30;

function unknownSize(size: string): never {
  throw new Error(`unknown size ${size}; known: FILMS, ${Object.keys(SIZES).join(", ")}`);
}

async function seconds<T>(work: () => Promise<T>): Promise<{ s: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { s: (performance.now() - start) / 1000, result };
}

async function emptyGraph(db: Database): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    // Relationships first, then nodes: a batch of 10,000 nodes DETACH DELETEd at once also
    // deletes all their relationships in that one transaction, which on the graph LOAD CSV
    // writes at size M went over the default transaction memory limit.
    await session.run("MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS");
    await session.run("MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS");
  } finally {
    await session.close();
  }
}

async function runAuto(db: Database, statements: string[]): Promise<void> {
  const session = db.driver.session({ database: db.database });
  try {
    for (const statement of statements) await session.run(statement);
  } finally {
    await session.close();
  }
}

/** neo4j-admin from the cached jars, into a scratch home of its own. */
function adminImport(args: string[], home: string): number {
  const java = findJava(process.env);
  const { cache } = ensureJars(process.env, () => {});
  rmSync(home, { recursive: true, force: true });
  mkdirSync(join(home, "conf"), { recursive: true });
  writeFileSync(
    join(home, "conf", "neo4j.conf"),
    `server.directories.data=${join(home, "data")}\nserver.directories.logs=${join(home, "logs")}\n`,
  );
  const classpath = [join(cache.plugins, "*"), join(cache.lib, "*")].join(delimiter);
  const start = performance.now();
  const result = spawnSync(
    java.executable,
    [
      "-cp",
      classpath,
      "org.neo4j.cli.AdminTool",
      "database",
      "import",
      "full",
      "neo4j",
      "--overwrite-destination=true",
      "--array-delimiter=|",
      // Its default is import.report in the current directory: keep it in the scratch home.
      `--report-file=${join(home, "import.report")}`,
      ...args,
    ],
    { encoding: "utf8", env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: join(home, "conf") } },
  );
  const s = (performance.now() - start) / 1000;
  if (result.status !== 0)
    throw new Error(`neo4j-admin failed:\n${result.stdout}\n${result.stderr}`);
  return s;
}

/** A Database whose driver records the server's timings of every statement. */
function timedDatabase(db: Database, serverTimes: number[]): Database {
  return observedDatabase(db, (result) => {
    result.then(
      ({ summary }) => serverTimes.push(serverMs(summary)),
      () => {}, // the caller sees the failure
    );
  });
}

interface QuestionStats {
  question: string;
  serverP50: number;
  serverP95: number;
  /** Neo4j reports whole milliseconds: at 1-3 ms the mean tells differences the p50 rounds away. */
  serverMean: number;
  callP50: number;
  callP95: number;
}

/** The questions, through the public TS helpers, on characters and films of the story. */
function questions(
  film: string,
  person: string,
  helpers: Record<string, unknown> = heistgraph,
): [string, (db: Database) => Promise<unknown>][] {
  const call =
    (name: string, ...args: unknown[]) =>
    (db: Database) =>
      (helpers[name] as (db: Database, ...a: unknown[]) => Promise<unknown>)(db, ...args);
  return [
    ["deathByWhom", call("deathByWhom", person, { film })],
    ["killsBy", call("killsBy", person, { film })],
    ["deathLedger", call("deathLedger", film)],
    ["betrayalChains", call("betrayalChains", person, { film })],
    ["filmBetrayalChains", call("filmBetrayalChains", film)],
    ["loyaltiesOf", call("loyaltiesOf", person, { film })],
    ["doubleAgents", call("doubleAgents", film)],
    ["revenge", call("revenge", film)],
    ["timeline", call("timeline", film)],
    ["dossier", call("dossier", person, { film })],
    ["parallels", call("parallels")],
  ].filter(([name]) => typeof helpers[name as string] === "function") as [
    string,
    (db: Database) => Promise<unknown>,
  ][];
}

/** Seconds every question is asked in turn before any is timed (see questionStats). */
const SETTLE_SECONDS = 10;

/** Timings of one question, from one side (ours, or the baseline's helpers). */
interface Timings {
  server: number[];
  calls: number[];
}

const statsOf = (question: string, { server, calls }: Timings): QuestionStats => {
  server.sort((a, b) => a - b);
  calls.sort((a, b) => a - b);
  return {
    question,
    serverP50: percentile(server, 50),
    serverP95: percentile(server, 95),
    serverMean: server.reduce((a, b) => a + b, 0) / Math.max(1, server.length),
    callP50: percentile(calls, 50),
    callP95: percentile(calls, 95),
  };
};

/**
 * Each question through our helpers and, when given, the baseline's, their calls taken in turn
 * (ours, theirs, ours...) so that both sides see the same load.
 */
async function questionStats(
  db: Database,
  film: string,
  person: string,
  baselineSide?: Record<string, unknown>,
): Promise<{ ours: QuestionStats[]; theirs: Map<string, QuestionStats | string> }> {
  const ours: QuestionStats[] = [];
  const theirs = new Map<string, QuestionStats | string>();
  const theirQuestions = new Map(baselineSide ? questions(film, person, baselineSide) : []);
  // Right after an import (and, for S, a server start) the server's JIT is still compiling in
  // the background on the second core: S measured then came out 2-3x slower than an hour
  // later. Every question is asked in turn for a while first (failures are reported below).
  const settleUntil = performance.now() + SETTLE_SECONDS * 1000;
  while (performance.now() < settleUntil)
    for (const [, ask] of questions(film, person)) await ask(db).catch(() => undefined);
  for (const [question, ask] of questions(film, person)) {
    const timed = timedDatabase(db, []);
    try {
      // Warm-up: plans cached, and the server's JIT past its first calls (S runs first, on a
      // freshly started server: without it, S looked slower than M).
      for (let i = 0; i < warmup; i++) await ask(timed);
    } catch (error) {
      log(`  ${question}: skipped (${(error as Error).message.split("\n")[0]})`);
      continue;
    }
    let theirAsk = theirQuestions.get(question);
    if (theirAsk) {
      try {
        for (let i = 0; i < warmup; i++) await theirAsk(timed);
      } catch (error) {
        theirs.set(question, `failed: ${(error as Error).message.split("\n")[0]?.slice(0, 60)}`);
        theirAsk = undefined;
      }
    }
    const timings: Timings = { server: [], calls: [] };
    const theirTimings: Timings = { server: [], calls: [] };
    const once = async (side: (db: Database) => Promise<unknown>, into: Timings) => {
      const perCall: number[] = [];
      const { s } = await seconds(() => side(timedDatabase(db, perCall)));
      into.calls.push(s * 1000);
      into.server.push(perCall.reduce((a, b) => a + b, 0));
    };
    for (let i = 0; i < repeat; i++) {
      await once(ask, timings);
      if (theirAsk) await once(theirAsk, theirTimings);
    }
    ours.push(statsOf(question, timings));
    if (theirAsk) theirs.set(question, statsOf(question, theirTimings));
  }
  return { ours, theirs };
}

/**
 * The other telling is imported over the first and killed once half of its films are
 * committed: every film must then be wholly old or wholly new.
 */
async function killPart(
  db: Database,
  first: { sourcesFile: string; filmFiles: string[] },
  other: { sourcesFile: string; filmFiles: string[] },
): Promise<void> {
  const otherPlans = prepareImport(other.sourcesFile, other.filmFiles).films;
  const ids = otherPlans.map((p) => p.film);
  await importDataset(db, { ...first, wipe: true });
  const before = await filmDigests(db, ids);
  const killed = await killImportHalfWay(db, { ...other, plans: otherPlans });
  await importDataset(db, other);
  const after = await filmDigests(db, ids);
  const outcome = judgeKill(killed.digests, before, after, killed.killedAfter);
  log(
    `\n  An import of another telling of every film, killed (SIGKILL) after ` +
      `${outcome.killedAfter.toFixed(1)} s: ${outcome.newFilms} films new, ${outcome.oldFilms} ` +
      `old, ${outcome.mixedFilms.length} mixed` +
      (outcome.mixedFilms.length ? ` (${outcome.mixedFilms.join(", ")})` : ""),
  );
  if (outcome.mixedFilms.length > 0) process.exitCode = 1;
}

async function main(): Promise<void> {
  const home = instanceDirs(INSTANCE).home;
  log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
  );
  log(`Starting a Neo4j of the bench's own (${home}), default settings...`);
  const neo4j = await ownNeo4j(INSTANCE, log);
  const db = await neo4j.open();
  const queryStats = new Map<string, QuestionStats[]>();
  try {
    for (const size of sizes) {
      // FILMS: the real films of import/films/; every other size is generated.
      const shape = SIZES[size] ?? (size === "FILMS" ? undefined : unknownSize(size));
      const storyDir = join(home, "stories", size);
      const generated = await seconds(async () => {
        if (!shape) return { sourcesFile: DEFAULT_SOURCES_FILE, filmFiles: defaultFilmFiles() };
        rmSync(storyDir, { recursive: true, force: true });
        return writeStory(generateStory(shape), storyDir);
      });
      const { sourcesFile, filmFiles } = generated.result;
      // Another telling of every film (same ids, other facts): every film changes when it is
      // imported over the first.
      // Written when a part first imports it (generating M takes half a minute).
      let other: { sourcesFile: string; filmFiles: string[] } | undefined;
      const otherTelling = () => {
        if (!other) {
          const otherDir = join(home, "stories", `${size}-other`);
          rmSync(otherDir, { recursive: true, force: true });
          if (!shape) throw new Error("another telling of the real films is not generated");
          other = writeStory(generateStory({ ...shape, seed: 2 }), otherDir);
        }
        return other;
      };
      const { films } = prepareImport(sourcesFile, filmFiles);
      const rows = films.reduce((n, f) => n + planRows(f), 0);
      log(
        `\n## ${size}: ${films.length} films, ${rows} rows (generated in ${generated.s.toFixed(1)} s)`,
      );

      /** LOAD CSV statements of these films, served over HTTP while `work` runs them. */
      async function loadCsv(
        of: typeof films,
        work: (statements: string[]) => Promise<void>,
      ): Promise<void> {
        // Served by this process: the classpath-run server loads no file:/// URLs.
        const csvDir = join(home, "bench-csv", size);
        rmSync(csvDir, { recursive: true, force: true });
        const csvServer = createServer((request, response) => {
          createReadStream(join(csvDir, basename(request.url ?? ""))).pipe(response);
        });
        const csvPort = await freePort();
        await new Promise<void>((resolve) => csvServer.listen(csvPort, "127.0.0.1", resolve));
        try {
          await work(await loadCsvFiles(of, csvDir, `http://127.0.0.1:${csvPort}`));
        } finally {
          csvServer.close();
        }
      }

      if (parts.includes("import") || parts.includes("baselines")) {
        const table = new Map<string, number[]>();
        const measure = async (name: string, work: () => Promise<unknown>) => {
          const { s } = await seconds(work);
          table.set(name, [...(table.get(name) ?? []), s]);
          log(`  ${name}: ${s.toFixed(1)} s`);
        };
        // Warm-up, not timed: both ways into the server on a tenth of the films (the schema
        // is made, and the server's JIT compiles both paths), so the first round's first side
        // does not pay for a cold server alone (it did: at M, 0.76x in round 1, 1.13x in round
        // 2, 3 December).
        const warmUp = Math.max(1, Math.ceil(filmFiles.length / 10));
        await emptyGraph(db);
        // (The command also makes the schema, which LOAD CSV's look-ups need.)
        await runImportCommand(db, { sourcesFile, filmFiles: filmFiles.slice(0, warmUp) });
        await emptyGraph(db);
        await loadCsv(films.slice(0, warmUp), async (statements) => runAuto(db, statements));
        // Rounds take turns at going first: ours first in odd rounds, the baselines in even.
        for (let round = 1; round <= rounds; round++) {
          log(`  round ${round} of ${rounds}`);
          const sides = [
            ...(parts.includes("import") ? [ours] : []),
            ...(parts.includes("baselines") ? [baselines] : []),
          ];
          for (const side of round % 2 === 1 ? sides : sides.reverse()) await side();
        }
        // Ours is timed as a user runs it: `heistgraph import` in a process of its own.
        async function ours() {
          const files = { sourcesFile, filmFiles };
          await emptyGraph(db);
          await measure("heistgraph import (fresh)", () => runImportCommand(db, files));
          await measure("heistgraph import (re-import)", () => runImportCommand(db, files));
          await measure("heistgraph import --wipe (over it)", () =>
            runImportCommand(db, files, ["--wipe"]),
          );
          const changed = otherTelling(); // written before the clock starts
          await measure("heistgraph import (every film changed)", () =>
            runImportCommand(db, changed),
          );
        }
        async function baselines() {
          await loadCsv(films, async (statements) => {
            // The CSV files are written before the clock starts.
            await emptyGraph(db);
            await measure("LOAD CSV ... IN TRANSACTIONS", () => runAuto(db, statements));
          });
          await emptyGraph(db);

          const adminArgs = await adminImportFiles(films, join(home, "admin-csv", size));
          await measure("neo4j-admin database import full", async () =>
            adminImport(adminArgs, join(home, "admin-home")),
          );
          rmSync(join(home, "admin-home"), { recursive: true, force: true });
        }

        // Each round's ratio pairs the two sides of the same round (the machine's load may
        // change between rounds); the table gives the median of the rounds, the lower middle
        // one for an even count.
        const loadCsvRuns = table.get("LOAD CSV ... IN TRANSACTIONS") ?? [];
        log(
          `\n| import | seconds (median of ${rounds}) | rows/s | speed vs LOAD CSV (median) | speed vs LOAD CSV, each round |\n| --- | ---: | ---: | ---: | --- |`,
        );
        for (const [name, runs] of table) {
          const s = median(runs);
          const ratios = runs.map((r, i) => (loadCsvRuns[i] ?? NaN) / r);
          log(
            `| ${name} | ${s.toFixed(1)} | ${Math.round(rows / s)} | ${median(ratios).toFixed(2)}x | ${ratios.map((r) => `${r.toFixed(2)}x`).join(", ")} |`,
          );
        }
      }

      if (parts.includes("machinery")) {
        await loadCsv(films, async (statements) =>
          machineryPart({
            db,
            files: { sourcesFile, filmFiles },
            films,
            rows,
            rounds: size === "M" ? roundsAtM : rounds,
            pieces: values.off?.split(",").map((piece) => piece.trim()),
            log,
            emptyGraph: () => emptyGraph(db),
            loadCsv: () => runAuto(db, statements),
          }),
        );
      }

      if (parts.includes("kill")) await killPart(db, { sourcesFile, filmFiles }, otherTelling());

      if (parts.includes("queries")) {
        await importDataset(db, { sourcesFile, filmFiles, wipe: true });
        const film = films[Math.floor(films.length / 2)]?.film ?? "film-1";
        const n = film.replace(/^.*film-/, "");
        // In a film of interleaved stories, a character of the middle story.
        const middle = Math.floor((shape?.stories ?? 0) / 2);
        const person = shape?.stories ? `Person ${middle}-10 of ${middle}` : `Person ${n}-10`;
        // The baseline's helpers beside ours (not at the big film sizes: there its any-order
        // chains run for minutes; bigFilmQuestions sets its files against ours instead).
        const baselineSide = shape?.stories ? undefined : await baselineHelpers(baseline);
        if (baselineSide) {
          await runAuto(db, baselineSide.indexes);
          await runAuto(db, ["CALL db.awaitIndexes(600)"]);
        }
        const loadBefore = loadAverage();
        const { ours: stats, theirs } = await questionStats(
          db,
          film,
          person,
          baselineSide?.helpers,
        );
        queryStats.set(size, stats);
        const theirColumns = baselineSide
          ? ` ${baseline}: server p50 ms | server p95 ms | call p50 ms | server p50, ${baseline}/ours | server mean, ${baseline}/ours | call p50, ${baseline}/ours |`
          : "";
        log(
          `\n${size} questions, ${repeat} calls each${baselineSide ? `, taken in turn with the helpers of ${baseline}` : ""} (load average ${loadBefore} before, ${loadAverage()} after)` +
            `\n\n| question | server p50 ms | server p95 ms | call p50 ms | call p95 ms |${theirColumns}\n| --- | ---: | ---: | ---: | ---: |${baselineSide ? " ---: | ---: | ---: | ---: | ---: | ---: |" : ""}`,
        );
        for (const q of stats) {
          const them = theirs.get(q.question);
          const theirCells = !baselineSide
            ? ""
            : typeof them === "object"
              ? ` ${them.serverP50.toFixed(1)} | ${them.serverP95.toFixed(1)} | ${them.callP50.toFixed(1)} | ${(them.serverP50 / q.serverP50).toFixed(2)}x | ${(them.serverMean / q.serverMean).toFixed(2)}x | ${(them.callP50 / q.callP50).toFixed(2)}x |`
              : ` ${them ?? "absent"} | | | | | |`;
          log(
            `| ${q.question} | ${q.serverP50.toFixed(1)} | ${q.serverP95.toFixed(1)} | ${q.callP50.toFixed(1)} | ${q.callP95.toFixed(1)} |${theirCells}`,
          );
        }
        if (shape?.stories) {
          const loadBefore = loadAverage();
          const big = await bigFilmQuestions(db, film, person, {
            repeat,
            warmup,
            baselineTimeoutS: BASELINE_TIMEOUT_S,
            baselineRevision: baseline,
          });
          log(
            `\n${size} big film, ${repeat} calls each (load average ${loadBefore} before, ${loadAverage()} after)` +
              `\n\n| question | server p50 ms | server p95 ms | helper call / driver call (p50) | helper call / driver call of the file alone (p50) | file alone server p50 ms | p95 ms | baseline (question files of ${baseline}, 3 calls, ${BASELINE_TIMEOUT_S} s timeout) server p50 (its ratio to the file's) | the file's answer echoed from a parameter, server p50 ms | its values read and counted, server p50 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |`,
          );
          for (const q of big)
            log(
              `| ${q.question} | ${q.serverP50.toFixed(1)} | ${q.serverP95.toFixed(1)} | ${q.helperOverDriver.toFixed(2)} | ${q.helperOverFile.toFixed(2)} | ${q.fileServerP50.toFixed(1)} | ${q.fileServerP95.toFixed(1)} | ${q.baseline} | ${q.echoServerP50?.toFixed(1) ?? ""} | ${q.readsServerP50?.toFixed(1) ?? ""} |`,
            );
        }
      }
    }
    const [small, large] = [queryStats.get("S"), queryStats.get("M")];
    if (small && large) {
      log(
        "\n| question | growth of server p95, M/S | growth of call p95, M/S |\n| --- | ---: | ---: |",
      );
      for (const q of small) {
        const m = large.find((x) => x.question === q.question);
        if (m)
          log(
            `| ${q.question} | ${(m.serverP95 / q.serverP95).toFixed(2)} | ${(m.callP95 / q.callP95).toFixed(2)} |`,
          );
      }
    }
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

await main();
