// The last step of an import: the transactions that write it. A transaction is data (films to
// take out, films to replace by their plans); a small import is one transaction (all or
// nothing), a large one a transaction per removal and per group of films, so memory stays
// bounded and every film is, at any moment, wholly old or wholly new.
import type { ManagedTransaction } from "neo4j-driver";
import pMap from "p-map";
import type { Database } from "../db/connection.ts";
import { addCounts, type ChangeCounts } from "./film-diff.ts";
import { isCreationRace, removeFilmIn, replaceFilms, stampImportFiles } from "./film-store.ts";
import { inSession } from "./in-session.ts";
import { emptyCounts } from "./import-report.ts";
import type { FilmPlan } from "./plan.ts";

/**
 * Rows (nodes + relationships) one transaction may write. Below it the whole import is one
 * transaction; above it films are grouped into transactions of about this size (a film is
 * never split). Small transactions cost the server less per row (its transaction state is
 * hash maps that slow as they grow), and memory stays far below the local Neo4j's transaction
 * limit (70% of a 1 GB heap) even with WRITERS at once.
 */
export const TRANSACTION_ROWS = 5_000;
/**
 * Transactions a large import writes at once: while one commits (the server waits on its log)
 * and this thread encodes the next, the others keep the server's cores busy.
 */
export const WRITERS = 3;
/**
 * Tries a transaction that loses a creation race gets (isCreationRace): the second finds the
 * film stored. More races than that are an id another import is taking at the same time.
 */
const CREATION_ATTEMPTS = 3;

/** Nodes of no imported film (strays, old films' leftovers) that --wipe takes out. */
const STRAY_NODES = `MATCH (n)
WITH n, coalesce(n.film, CASE WHEN n:Film THEN n.id END) AS film
WHERE film IS NULL OR NOT film IN $films
DETACH DELETE n`;

/** One transaction's work. */
export interface WriteJob {
  /** Films to take out (--wipe). */
  remove: string[];
  /** --wipe: the imported films; nodes of any other film, or of none, are taken out. */
  keepOnly?: string[];
  /** Films to replace by their plans. */
  films: FilmPlan[];
}

/** What a committed job did. */
export interface JobResult {
  changes: ChangeCounts;
  strayNodesRemoved: number;
  /** Each written film's import hash when its lock was taken (undefined: not stored). */
  storedHashes: Map<string, string | undefined>;
}

/** What a job completes, one progress tick each: its films, and `remove <film>` steps. */
export const jobNames = (job: WriteJob): string[] => [
  ...job.remove.map((film) => `remove ${film}`),
  ...job.films.map((plan) => plan.film),
];

export const planRows = (plan: FilmPlan): number =>
  [...plan.nodes.values()].reduce((n, rows) => n + rows.length, 0) +
  [...plan.rels.values()].reduce((n, group) => n + group.rows.length, 0);

/**
 * Consecutive films, grouped so no transaction writes much more than `budget` rows; a group is
 * made when it is asked for (the films may be planned as they are iterated).
 */
export function* transactionGroups(
  films: Iterable<FilmPlan>,
  budget: number,
): Generator<FilmPlan[]> {
  let current: FilmPlan[] = [];
  let rows = 0;
  for (const film of films) {
    const size = planRows(film);
    if (current.length > 0 && rows + size > budget) {
      yield current;
      current = [];
      rows = 0;
    }
    current.push(film);
    rows += size;
  }
  if (current.length > 0) yield current;
}

/** The job's writes, inside the caller's transaction. */
async function writeJob(
  tx: ManagedTransaction,
  job: WriteJob,
  files: ReadonlyMap<string, string>,
): Promise<JobResult> {
  const result: JobResult = {
    changes: emptyCounts(),
    strayNodesRemoved: 0,
    storedHashes: new Map(),
  };
  for (const film of job.remove) addCounts(result.changes, (await removeFilmIn(tx, film)).counts);
  if (job.keepOnly) {
    const removed = await tx.run(STRAY_NODES, { films: job.keepOnly });
    result.strayNodesRemoved = removed.summary.counters.updates().nodesDeleted;
  }
  if (job.films.length > 0) {
    const writes = await replaceFilms(tx, job.films);
    await stampImportFiles(
      tx,
      job.films.map((plan) => ({ film: plan.film, file: files.get(plan.film) ?? "" })),
    );
    for (const write of writes) {
      addCounts(result.changes, write.counts);
      result.storedHashes.set(write.film, write.storedHash);
    }
  }
  return result;
}

/**
 * Commits the job in a transaction of its own. A transaction that lost a creation race
 * (another import created one of its films first) is run again: it then reads what that one
 * committed and writes the difference.
 */
export async function commitJob(
  database: Database,
  job: WriteJob,
  files: ReadonlyMap<string, string>,
): Promise<JobResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inSession(database, (session) =>
        session.executeWrite((tx) => writeJob(tx, job, files)),
      );
    } catch (error) {
      if (!isCreationRace(error) || attempt === CREATION_ATTEMPTS) throw error;
    }
  }
}

/** Where committed jobs are told, as they commit. */
export interface JobLog {
  committed(job: WriteJob, result: JobResult): void;
}

/**
 * Commits the jobs, `writers` at once (films share no node, so transactions of different
 * films never wait on each other), each job taken when a writer is free. After a failure no
 * job is started, and the failure is thrown once no job is still writing: what the import
 * then says was written is all that was.
 */
export async function commitJobs(
  database: Database,
  jobs: Iterable<WriteJob>,
  writers: number,
  files: ReadonlyMap<string, string>,
  log: JobLog,
): Promise<void> {
  const failure: { error?: unknown; failed: boolean } = { failed: false };
  await pMap(
    untilFailed(jobs, failure),
    async (job) => {
      try {
        log.committed(job, await commitJob(database, job, files));
      } catch (error) {
        if (!failure.failed) Object.assign(failure, { failed: true, error });
      }
    },
    { concurrency: writers },
  );
  if (failure.failed) throw failure.error;
}

/** The jobs, until one has failed (a job is planned only when a writer takes it). */
function* untilFailed(jobs: Iterable<WriteJob>, failure: { failed: boolean }) {
  for (const job of jobs) {
    if (failure.failed) return;
    yield job;
  }
}
