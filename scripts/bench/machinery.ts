// `npm run bench -- --only machinery`: what each piece of the importer's machinery buys. The
// fresh import runs with everything on, then with one piece off at a time
// (HEISTGRAPH_IMPORT_OFF, src/import/machinery-switches.ts), beside LOAD CSV with and without
// the relationship key constraints; the re-import runs with and without the plan-hash skip. Rounds take turns at the order (forward in odd
// rounds, backward in even ones); each ratio pairs runs of the same round, and the table gives
// the median of the rounds with the load average of each round. Beside the seconds, the CPU
// each run took (the command's process and the server's), which other work on a shared
// machine sways far less than the seconds: what a piece saves in work shows there, what it
// buys by overlapping work (the writers) shows only in the seconds.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import type { Database } from "../../src/db/connection.ts";
import { MACHINERY, type Machinery } from "../../src/import/machinery-switches.ts";
import type { FilmPlan } from "../../src/import/plan.ts";
import { applySchema, missingSchemaStatements } from "../../src/import/schema-statements.ts";
import { runImportCommand, type ImportFiles } from "./import-command.ts";
import { median } from "./stats.ts";

interface Timed {
  s: number;
  /** CPU seconds of the command's process (0 for LOAD CSV) and of the server. */
  client: number;
  server: number;
}

interface Run {
  name: string;
  /** Take the relationship key constraints out before it (else every constraint is made). */
  noRelConstraints?: boolean;
  work: () => Promise<unknown>;
}

export interface MachineryBench {
  db: Database;
  files: ImportFiles;
  films: FilmPlan[];
  rows: number;
  rounds: number;
  /** The pieces to turn off, one at a time (default: every one). */
  pieces?: string[];
  log: (line: string) => void;
  emptyGraph: () => Promise<void>;
  /** LOAD CSV of the films into the graph as it is (its statements made beforehand). */
  loadCsv: () => Promise<void>;
}

const ALL_ON = "heistgraph import (fresh), all on";
const LOAD_CSV = "LOAD CSV ... IN TRANSACTIONS";
const LOAD_CSV_BARE = "LOAD CSV, no relationship key constraints";
const REIMPORT = "re-import, all on";

const offName = (off: Machinery) => `fresh, ${off} off`;

async function dropRelationshipConstraints(db: Database): Promise<void> {
  const { records } = await db.driver.executeQuery(
    "SHOW CONSTRAINTS YIELD name, entityType WHERE entityType = 'RELATIONSHIP' RETURN name ORDER BY name",
    {},
    { database: db.database },
  );
  for (const r of records)
    await db.driver.executeQuery(
      `DROP CONSTRAINT ${r.get("name") as string} IF EXISTS`,
      {},
      {
        database: db.database,
      },
    );
}

/** Every constraint and index of cypher/schema.cypher (made before the clock starts). */
async function fullSchema(db: Database): Promise<void> {
  const statements = await missingSchemaStatements(db);
  if ((await applySchema(db, statements)).length > 0)
    throw new Error("internal: the bench's empty graph refused a constraint");
  await db.driver.executeQuery("CALL db.awaitIndexes(300)", {}, { database: db.database });
}

/**
 * CPU seconds used so far by this process's finished children (the import commands: Linux
 * counts a child's CPU to its parent once it is waited for) and by the server (its JVM's).
 */
async function cpuSoFar(db: Database): Promise<{ client: number; server: number }> {
  // Fields 16 and 17 of /proc/self/stat (cutime, cstime), in clock ticks of 1/100 s.
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
  const client = (Number(fields[13]) + Number(fields[14])) / 100;
  const { records } = await db.driver.executeQuery(
    "CALL dbms.queryJmx('java.lang:type=OperatingSystem') YIELD attributes " +
      "RETURN attributes.ProcessCpuTime.value AS ns",
    {},
    { database: db.database },
  );
  const ns = records[0]?.get("ns") as { toNumber(): number } | number | undefined;
  const server = (typeof ns === "number" ? ns : (ns?.toNumber() ?? NaN)) / 1e9;
  return { client, server };
}

export async function machineryPart(bench: MachineryBench): Promise<void> {
  const { db, files, log } = bench;
  const command =
    (off: Machinery[], args: string[] = []) =>
    () =>
      runImportCommand(db, files, args, { HEISTGRAPH_IMPORT_OFF: off.join(",") });
  const every: Machinery[] = [...MACHINERY];
  const unknown = bench.pieces?.filter((piece) => !every.includes(piece as Machinery)) ?? [];
  if (unknown.length > 0)
    throw new Error(`unknown piece ${unknown.join(", ")}; known: ${every.join(", ")}`);
  const chosen = every.filter((piece) => bench.pieces?.includes(piece) ?? true);
  const pieces = chosen.filter((m) => m !== "hash-skip");
  const runs: Run[] = [
    { name: ALL_ON, work: command([]) },
    ...pieces.map((off) => ({
      name: offName(off),
      noRelConstraints: off === "rel-key-constraints",
      work: command([off]),
    })),
    { name: LOAD_CSV, work: bench.loadCsv },
    ...(pieces.includes("rel-key-constraints")
      ? [{ name: LOAD_CSV_BARE, noRelConstraints: true, work: bench.loadCsv }]
      : []),
  ];
  const times = new Map<string, number[]>();
  const cpus = new Map<string, number[]>();
  const loads: string[] = [];
  const record = (name: string, { s, client, server }: Timed) => {
    times.set(name, [...(times.get(name) ?? []), s]);
    cpus.set(name, [...(cpus.get(name) ?? []), client + server]);
    log(
      `  ${name}: ${s.toFixed(2)} s (CPU: command ${client.toFixed(1)} s, server ${server.toFixed(1)} s)`,
    );
  };
  const timed = async (work: () => Promise<unknown>): Promise<Timed> => {
    const cpu = await cpuSoFar(db);
    const start = performance.now();
    await work();
    const s = (performance.now() - start) / 1000;
    const after = await cpuSoFar(db);
    return { s, client: after.client - cpu.client, server: after.server - cpu.server };
  };
  // Not timed, so that the first round's first run does not pay alone for a cold server: a
  // whole LOAD CSV (the store files grow to the graph's size once; later runs reuse the space)
  // and a whole import of ours (the server's JIT on our statements: a tenth of the films left
  // the first round at S twice as slow as the others).
  await bench.emptyGraph();
  await fullSchema(db);
  await bench.loadCsv();
  await bench.emptyGraph();
  await runImportCommand(db, files);
  for (let round = 1; round <= bench.rounds; round++) {
    const before = loadavg()[0] ?? NaN;
    log(`  round ${round} of ${bench.rounds} (load average ${before.toFixed(1)})`);
    const order = round % 2 === 1 ? runs : [...runs].reverse();
    for (const run of order) {
      await bench.emptyGraph();
      if (run.noRelConstraints) await dropRelationshipConstraints(db);
      else await fullSchema(db);
      record(run.name, await timed(run.work));
      if (run.name === ALL_ON && chosen.includes("hash-skip")) {
        // Over the graph just written: unchanged films skipped by their hash, then read back
        // and compared (nothing to write either way).
        const reimports: [string, Machinery[]][] = [
          [REIMPORT, []],
          ["re-import, hash-skip off", ["hash-skip"]],
        ];
        for (const [name, off] of round % 2 === 1 ? reimports : [...reimports].reverse())
          record(name, await timed(command(off)));
      }
    }
    loads.push(`${before.toFixed(1)}-${(loadavg()[0] ?? NaN).toFixed(1)}`);
  }
  await fullSchema(db);

  const per = (name: string) => times.get(name) ?? [];
  const ratio = (num: string, den: string) => per(num).map((t, i) => t / (per(den)[i] ?? NaN));
  const cpuOf = (name: string) => cpus.get(name) ?? [];
  const cpuRatio = (num: string, den: string) =>
    cpuOf(num).map((t, i) => t / (cpuOf(den)[i] ?? NaN));
  const show = (xs: number[]) => xs.map((x) => `${x.toFixed(2)}x`).join(", ");
  log(
    `\n${bench.films.length} films, ${bench.rows} rows; ${bench.rounds} rounds, load average (1 min) per round: ${loads.join(", ")}` +
      `\n\n| run | seconds (median) | off / on: what the piece buys (median; each round) | speed vs LOAD CSV (median; each round) | CPU s, command + server (median) | CPU off / on (median; each round) |\n| --- | ---: | --- | --- | ---: | --- |`,
  );
  for (const [name] of times) {
    const s = median(per(name));
    const isOff = name.startsWith("fresh, ") || name.startsWith("re-import, hash");
    const base = name.startsWith("re-import") ? REIMPORT : ALL_ON;
    const buys = isOff ? ratio(name, base) : [];
    // Against LOAD CSV into the same schema (with or without the relationship constraints).
    const run = runs.find((r) => r.name === name);
    const csv = run?.noRelConstraints ? LOAD_CSV_BARE : LOAD_CSV;
    const vsCsv = run && !name.startsWith("LOAD CSV") ? ratio(csv, name) : [];
    const cpuBuys = isOff ? cpuRatio(name, base) : [];
    log(
      `| ${name} | ${s.toFixed(2)} | ${isOff ? `${median(buys).toFixed(2)}x (${show(buys)})` : ""} | ${vsCsv.length ? `${median(vsCsv).toFixed(2)}x (${show(vsCsv)})` : ""} | ${median(cpuOf(name)).toFixed(1)} | ${isOff ? `${median(cpuBuys).toFixed(2)}x (${show(cpuBuys)})` : ""} |`,
    );
  }
}
