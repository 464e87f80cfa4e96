// `heistgraph import`, in one straight line: read and check every film file (prepare-import.ts),
// make the schema, decide from the graph what to write (what-to-write.ts), write it in
// transactions (write-films.ts), report. Each film is replaced by its plan, and is at any
// moment wholly old or wholly new.
import { basename } from "node:path";
import type { Database } from "../db/connection.ts";
import { addCounts } from "./film-diff.ts";
import { importStopped } from "./import-stopped.ts";
import { emptyCounts, plannedCounts, tallyFilms, type ImportReport } from "./import-report.ts";
import { machineryOn } from "./machinery-switches.ts";
import { readAndCheck, DEFAULT_SOURCES_FILE, defaultFilmFiles } from "./prepare-import.ts";
import { applySchema, missingSchemaStatements } from "./schema-statements.ts";
import { whatToWrite, type WriteWork } from "./what-to-write.ts";
import {
  commitJobs,
  jobNames,
  transactionGroups,
  TRANSACTION_ROWS,
  WRITERS,
  type JobLog,
  type JobResult,
  type WriteJob,
} from "./write-films.ts";

export { DEFAULT_SOURCES_FILE, defaultFilmFiles, prepareImport } from "./prepare-import.ts";
export type { PreparedImport } from "./prepare-import.ts";
export type { FilmTally, ImportReport } from "./import-report.ts";
export { planRows } from "./write-films.ts";

export interface ImportOptions {
  /** Shared sources files (default: import/sources.yaml); films' own sources are found beside them. */
  sourcesFile?: string | string[];
  filmFiles?: string[];
  dryRun?: boolean;
  /** Replace the whole graph: films not imported and nodes of no film are taken out. */
  wipe?: boolean;
  /** Let a file replace a stored film that another file (another name, or title) imported. */
  replace?: boolean;
  /** Rows per transaction (see TRANSACTION_ROWS). */
  transactionRows?: number;
  /** Transactions written at once in a large import (see WRITERS). */
  concurrency?: number;
  onProgress?: (done: number, total: number, step: string) => void;
}

/**
 * The transactions of the work, in the order they must commit: a small import is one (all or
 * nothing); a large one takes the removals out one by one first (so their ids are free), then
 * writes the films in groups of about `budget` rows, a group made when a writer asks for it.
 */
function jobsOf(work: WriteWork, keepOnly: string[] | undefined, budget: number) {
  if (!work.graphEmpty && work.rows <= budget) {
    const job: WriteJob = { remove: work.removals, keepOnly, films: [...work.films] };
    const empty = job.remove.length === 0 && !job.keepOnly && job.films.length === 0;
    return { first: [], then: empty ? [] : [job] };
  }
  return {
    first: [
      ...work.removals.map((film): WriteJob => ({ remove: [film], films: [] })),
      ...(keepOnly ? [{ remove: [], keepOnly, films: [] }] : []),
    ],
    then: (function* () {
      for (const films of transactionGroups(work.films, budget)) yield { remove: [], films };
    })(),
  };
}

/** What committed, as it commits: the report's counts, progress, and what a failure says. */
class ImportProgress implements JobLog {
  readonly done = new Set<string>();
  readonly changes = emptyCounts();
  strayNodesRemoved = 0;
  readonly writtenMeanwhile = new Set<string>();
  private ticks: number;

  constructor(
    private readonly work: WriteWork,
    private readonly total: number,
    private readonly onProgress?: ImportOptions["onProgress"],
  ) {
    this.ticks = work.unchanged.length;
  }

  committed(job: WriteJob, result: JobResult): void {
    addCounts(this.changes, result.changes);
    this.strayNodesRemoved += result.strayNodesRemoved;
    // Stored otherwise than when this import looked: another import wrote it meanwhile, and
    // this one waited for it (the film's lock) and wrote over what it committed.
    for (const [film, hash] of result.storedHashes)
      if (hash !== this.work.seenHashes.get(film)) this.writtenMeanwhile.add(film);
    for (const name of jobNames(job)) {
      this.done.add(name);
      this.onProgress?.(++this.ticks, this.total, name);
    }
  }

  /** The error to throw when a write failed: what was written, kept and never started. */
  stopped(error: unknown): Error {
    const steps = [...this.work.removals.map((film) => `remove ${film}`), ...this.work.written];
    return importStopped(error, {
      committed: [...this.done],
      unchanged: this.work.unchanged,
      notWritten: steps.filter((name) => !this.done.has(name)),
    });
  }
}

export async function importDataset(
  database: Database | undefined,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { dataset, plans } = readAndCheck(
    options.sourcesFile ?? DEFAULT_SOURCES_FILE,
    options.filmFiles ?? defaultFilmFiles(),
  );
  const report: ImportReport = {
    films: tallyFilms(dataset),
    planned: { nodes: {}, relationships: {} },
    changes: emptyCounts(),
    removedFilms: [],
    strayNodesRemoved: 0,
    dryRun: Boolean(options.dryRun),
    wiped: false,
    concurrentFilms: [],
  };
  if (options.dryRun || !database) return { ...report, planned: plannedCounts(plans.all()) };

  // Constraints first: schema changes cannot share a transaction with data writes, and they
  // are idempotent (IF NOT EXISTS), so they never leave a half-written graph. New indexes
  // populate in the background; queries planned before they are online would scan.
  const refusedSchema = await applySchema(database, await missingSchemaStatements(database));
  await database.driver.executeQuery(
    "CALL db.awaitIndexes(300)",
    {},
    { database: database.database },
  );

  const writers = options.concurrency ?? (machineryOn("writers") ? WRITERS : 1);
  const work = await whatToWrite(database, dataset, plans, { ...options, readers: writers });
  const imported = dataset.films.map((f) => f.data.film.id);
  const files = new Map(dataset.films.map((f) => [f.data.film.id, basename(f.file)]));
  const jobs = jobsOf(
    work,
    // Into an empty graph there is nothing for --wipe to take out.
    options.wipe && !work.graphEmpty ? imported : undefined,
    options.transactionRows ?? TRANSACTION_ROWS,
  );
  const progress = new ImportProgress(
    work,
    work.removals.length + imported.length,
    options.onProgress,
  );
  try {
    await commitJobs(database, jobs.first, 1, files, progress);
    await commitJobs(database, jobs.then, writers, files, progress);
  } catch (error) {
    throw progress.stopped(error);
  }
  // Key constraints the old graph refused (keys written before they were unique per type):
  // its films are rewritten now, unless stored films outside this import still hold old keys
  // (their next import rewrites them).
  if (refusedSchema.length > 0) await applySchema(database, refusedSchema);

  return {
    ...report,
    planned: plannedCounts(plans.all()),
    changes: progress.changes,
    strayNodesRemoved: progress.strayNodesRemoved,
    removedFilms: work.removals,
    wiped: Boolean(options.wipe),
    concurrentFilms: [...progress.writtenMeanwhile].sort(),
  };
}
