// `heistgraph import`: validate everything, then write all films in one transaction.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import neo4j, { type ResultSummary } from "neo4j-driver";
import type { Database } from "../db/connection.ts";
import { loadDataset, type LoadedDataset } from "../dataset/load.ts";
import { InvalidDatasetError, type DatasetProblem } from "../dataset/problems.ts";
import { resolveAct, vocabularyOf } from "../dataset/story-words.ts";
import { validateDataset } from "../dataset/validate.ts";
import { PACKAGE_ROOT } from "../db/local-neo4j/paths.ts";
import { planImport, type PlannedStatement } from "./plan.ts";
import { schemaStatements } from "./schema-statements.ts";

export const DEFAULT_SOURCES_FILE = join(PACKAGE_ROOT, "import", "sources.yaml");
export const BATCH_SIZE = 500;

export function defaultFilmFiles(): string[] {
  const dir = join(PACKAGE_ROOT, "import", "films");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && !f.endsWith(".sources.yaml"))
    .sort()
    .map((f) => join(dir, f));
}

/** JavaScript numbers reach Neo4j as floats; whole numbers (seq, year) must be integers. */
function withIntegers(value: unknown): unknown {
  if (typeof value === "number" && Number.isInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(withIntegers);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIntegers(v)]));
  }
  return value;
}

export interface PreparedImport {
  dataset: LoadedDataset;
  plan: PlannedStatement[];
}

/** Loads and validates; throws InvalidDatasetError listing every problem. */
export function prepareImport(
  sourcesFiles: string | string[],
  filmFiles: string[],
): PreparedImport {
  const problems: DatasetProblem[] = [];
  if (filmFiles.length === 0) {
    problems.push({
      file: "(command line)",
      item: "files",
      message: "no film files to import",
      suggestion: "pass film YAML files, or run from a checkout with import/films/",
    });
  }
  const dataset = loadDataset(sourcesFiles, filmFiles, problems);
  const index = validateDataset(dataset, problems);
  if (problems.length > 0) throw new InvalidDatasetError(problems);
  return { dataset, plan: planImport(dataset, index) };
}

export interface FilmTally {
  id: string;
  title: string;
  file: string;
  characters: number;
  events: number;
  killings: number;
  betrayals: number;
}

export interface ImportReport {
  films: FilmTally[];
  /** Rows the plan holds, per node label and per relationship type. */
  planned: { nodes: Record<string, number>; relationships: Record<string, number> };
  /** What the database reports it changed. */
  changes: {
    nodesCreated: number;
    nodesDeleted: number;
    relationshipsCreated: number;
    relationshipsDeleted: number;
    propertiesSet: number;
  };
  dryRun: boolean;
  wiped: boolean;
}

export function tallyFilms(dataset: LoadedDataset): FilmTally[] {
  return dataset.films.map(({ file, data }) => ({
    id: data.film.id,
    title: data.film.title,
    file,
    characters: data.characters.length,
    events: data.events.length,
    // A story's own act word counts as the built-in type it declares (countsAs).
    killings: data.acts.filter((a) => resolveAct(a.type, vocabularyOf(data))?.type === "KILLED")
      .length,
    betrayals: data.acts.filter((a) => resolveAct(a.type, vocabularyOf(data))?.type === "BETRAYED")
      .length,
  }));
}

function plannedCounts(plan: PlannedStatement[]): ImportReport["planned"] {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const s of plan) {
    const bucket = s.kind === "node" ? nodes : relationships;
    const key = (s.kind === "node" ? s.label : s.type) ?? s.name;
    bucket[key] = (bucket[key] ?? 0) + s.rows.length;
  }
  return { nodes, relationships };
}

export interface ImportOptions {
  /** Shared sources files (default: import/sources.yaml); films' own sources are found beside them. */
  sourcesFile?: string | string[];
  filmFiles?: string[];
  dryRun?: boolean;
  /** Delete the whole graph first, in the same transaction. */
  wipe?: boolean;
  onProgress?: (done: number, total: number, step: string) => void;
}

export async function importDataset(
  database: Database | undefined,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { dataset, plan } = prepareImport(
    options.sourcesFile ?? DEFAULT_SOURCES_FILE,
    options.filmFiles ?? defaultFilmFiles(),
  );
  const report: ImportReport = {
    films: tallyFilms(dataset),
    planned: plannedCounts(plan),
    changes: {
      nodesCreated: 0,
      nodesDeleted: 0,
      relationshipsCreated: 0,
      relationshipsDeleted: 0,
      propertiesSet: 0,
    },
    dryRun: Boolean(options.dryRun),
    wiped: false,
  };
  if (options.dryRun || !database) return report;

  // Constraints first: schema changes cannot share a transaction with data writes, and
  // they are idempotent (IF NOT EXISTS), so they never leave a half-written graph.
  for (const statement of schemaStatements()) {
    await database.driver.executeQuery(statement, {}, { database: database.database });
  }
  // New indexes populate in the background; queries planned before they are online
  // would scan instead of seek.
  await database.driver.executeQuery(
    "CALL db.awaitIndexes(300)",
    {},
    { database: database.database },
  );

  const batches = plan.flatMap((statement) => {
    const chunks: { statement: PlannedStatement; rows: unknown[] }[] = [];
    for (let i = 0; i < statement.rows.length; i += BATCH_SIZE) {
      chunks.push({ statement, rows: statement.rows.slice(i, i + BATCH_SIZE) });
    }
    return chunks;
  });
  const total = batches.length + (options.wipe ? 1 : 0);
  let done = 0;
  const add = (counters: ReturnType<ResultSummary["counters"]["updates"]>) => {
    report.changes.nodesCreated += counters.nodesCreated;
    report.changes.nodesDeleted += counters.nodesDeleted;
    report.changes.relationshipsCreated += counters.relationshipsCreated;
    report.changes.relationshipsDeleted += counters.relationshipsDeleted;
    report.changes.propertiesSet += counters.propertiesSet;
  };

  const session = database.driver.session({ database: database.database });
  try {
    // One transaction for every file of the run: all or nothing.
    await session.executeWrite(async (tx) => {
      report.changes = {
        nodesCreated: 0,
        nodesDeleted: 0,
        relationshipsCreated: 0,
        relationshipsDeleted: 0,
        propertiesSet: 0,
      };
      done = 0;
      if (options.wipe) {
        const result = await tx.run("MATCH (n) DETACH DELETE n");
        add(result.summary.counters.updates());
        options.onProgress?.(++done, total, "wipe");
      }
      for (const { statement, rows } of batches) {
        const result = await tx.run(statement.cypher, { rows: withIntegers(rows) });
        add(result.summary.counters.updates());
        options.onProgress?.(++done, total, statement.name);
      }
    });
  } finally {
    await session.close();
  }
  report.wiped = Boolean(options.wipe);
  return report;
}
