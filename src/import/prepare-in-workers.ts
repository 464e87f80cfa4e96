// A large import prepared on worker threads. Before it writes, an import reads every film
// file (YAML, each item against its schema), checks every film against the whole dataset and
// plans it: at M, 11 s of one core while the server waits. All of it is per film but the
// index of every id and the sources, so workers load the files, this thread assembles the
// dataset and its index (load.ts, validate.ts), and the workers then check and plan the films
// they loaded. Problems and plans come back in the order a one-thread preparation gives them.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { assembleDataset, type LoadedFilmFile } from "../dataset/load.ts";
import { InvalidDatasetError, type DatasetProblem } from "../dataset/problems.ts";
import { indexDataset } from "../dataset/validate.ts";
import { rememberPlanHash } from "./film-store.ts";
import { decodePlan, type FilmPlan } from "./plan.ts";
import { decodeLoadedFilmFile, type FromWorker, type ToWorker } from "./worker-messages.ts";
import type { LoadedDataset } from "../dataset/load.ts";

/**
 * Below this many bytes of film files, starting workers costs more than it saves: a worker
 * takes about 0.45 s to start (tsx, the modules, a cold JIT) and this thread prepares about
 * 8 MB a second, so two workers break even near 15 MB. (At S, 10 MB, workers made the bench's
 * fresh import 0.6 s slower.)
 */
export const PARALLEL_PREPARE_BYTES = 24 * 1024 * 1024;

export interface WorkerOptions {
  /** Worker threads (default: the cores, at most 2); below 2, all is done on this thread. */
  threads?: number;
  /** Film files smaller than this in all are prepared on this thread. */
  minBytes?: number;
}

/** How many workers to use for these files: 0 when this thread should do it all. */
export function workersFor(filmFiles: string[], options: WorkerOptions = {}): number {
  const threads = Math.min(
    options.threads ?? Math.min(2, availableParallelism()),
    filmFiles.length,
  );
  if (threads < 2) return 0;
  let bytes = 0;
  for (const file of filmFiles) {
    try {
      bytes += statSync(file).size;
    } catch {
      // A file that cannot be read is reported by its load.
    }
  }
  return bytes >= (options.minBytes ?? PARALLEL_PREPARE_BYTES) ? threads : 0;
}

/**
 * A worker's young generation, larger than V8's default: a worker allocates the whole of its
 * films' YAML, items and plans, and with the default it spends much of its time in scavenges
 * (at M, loading took 5.7 s and checking 4.1 s with the default; 5.2 and 3.4 s with this).
 */
const WORKER_YOUNG_GENERATION_MB = 128;

/** A worker of prepare-worker.ts (through the .mjs starter, which registers tsx). */
const startWorker = () =>
  new Worker(new URL("./prepare-worker-start.mjs", import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });

/** A pool's workers, answering by message; rejects on the first worker to fail. */
class Pool {
  readonly workers: Worker[];
  readonly failed: Promise<never>;
  constructor(threads: number, onAnswer: (worker: number, message: FromWorker) => void) {
    this.workers = Array.from({ length: threads }, startWorker);
    this.failed = new Promise<never>((_, reject) => {
      this.workers.forEach((worker, i) => {
        worker.on("message", (message: FromWorker) => onAnswer(i, message));
        worker.on("error", reject);
        worker.on("exit", (code) => reject(new Error(`prepare worker exited (${code})`)));
      });
    });
    this.failed.catch(() => {}); // awaited through race(); unhandled otherwise
  }
  send(worker: number, message: ToWorker): void {
    this.workers[worker]?.postMessage(message);
  }
  /** Waits for `done`, or for a worker to fail. */
  race<T>(done: Promise<T>): Promise<T> {
    return Promise.race([done, this.failed]);
  }
  async close(): Promise<void> {
    for (const worker of this.workers) worker.removeAllListeners("exit");
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/**
 * Loads, checks and plans the films on `threads` workers. `problems` holds the problems found
 * before (the command line's); throws InvalidDatasetError listing every problem, as
 * prepareImport does. Rejects with another error when a worker fails.
 */
export async function prepareInWorkers(
  sourcesFiles: string | string[],
  filmFiles: string[],
  problems: DatasetProblem[],
  threads: number,
): Promise<{ dataset: LoadedDataset; films: FilmPlan[] }> {
  const loaded: LoadedFilmFile[] = new Array<LoadedFilmFile>(filmFiles.length);
  const loadedBy: number[] = [];
  const checkProblems = new Map<number, DatasetProblem[]>();
  const plans = new Map<number, FilmPlan>();
  let next = 0;
  let answers = 0;
  let allAnswered = () => {};
  const answered = () => new Promise<void>((resolve) => (allAnswered = resolve));
  const give = (worker: number) => {
    if (next >= filmFiles.length) return;
    pool.send(worker, { kind: "load", file: next, path: filmFiles[next] as string });
    loadedBy[next++] = worker;
  };
  let expected = filmFiles.length;
  const pool = new Pool(threads, (worker, message) => {
    if (message.kind === "loaded") {
      give(worker); // the worker loads its next file while this one is decoded
      loaded[message.file] = decodeLoadedFilmFile(message.json);
    } else {
      checkProblems.set(message.file, message.problems);
      // Decoded as it comes, while the workers check and plan the films after it.
      if (message.plan !== undefined && message.hash !== undefined) {
        const film = decodePlan(message.plan);
        rememberPlanHash(film, message.hash);
        plans.set(message.file, film);
      }
    }
    if (++answers === expected) allAnswered();
  });
  try {
    const allLoaded = answered();
    for (let i = 0; i < threads; i++) {
      give(i);
      give(i); // one queued, so no worker waits for this thread between files
    }
    await pool.race(allLoaded);

    const dataset = assembleDataset(sourcesFiles, loaded, problems);
    const context = indexDataset(dataset, problems);
    const plan = problems.length === 0;
    const withFilm = loaded.flatMap((file, i) => (file.film ? [i] : []));
    answers = 0;
    expected = withFilm.length;
    const allChecked = answered();
    for (let i = 0; i < threads; i++) pool.send(i, { kind: "context", context });
    for (const file of withFilm) pool.send(loadedBy[file] as number, { kind: "check", file, plan });
    if (expected > 0) await pool.race(allChecked);

    for (const file of withFilm) for (const p of checkProblems.get(file) ?? []) problems.push(p);
    if (problems.length > 0) throw new InvalidDatasetError(problems);
    return { dataset, films: withFilm.map((file) => plans.get(file) as FilmPlan) };
  } finally {
    await pool.close();
  }
}
