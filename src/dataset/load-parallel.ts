// A large dataset's film files loaded on worker threads. Loading a file (YAML, then each item
// against its schema) depends on that file alone (load.ts, loadFilmFile), and it is most of
// what an import does before it writes: at M, 6.5 of 11 s of one core while the server waits.
// Workers load the files; this thread decodes their answers (JSON: a tenth of the YAML's cost)
// as they come and assembles the dataset exactly as a file-by-file load does.
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DatasetProblem } from "./problems.ts";
import { assembleDataset, loadDataset, type LoadedDataset, type LoadedFilmFile } from "./load.ts";

/** Below this many bytes of film files, starting workers costs more than it saves. */
export const PARALLEL_LOAD_BYTES = 16 * 1024 * 1024;

export interface LoadRequest {
  index: number;
  path: string;
}
export interface LoadAnswer {
  index: number;
  json: string;
}

type LoadedFilm = NonNullable<LoadedFilmFile["film"]>;
type Encoded = Omit<LoadedFilmFile, "film"> & {
  film?: Omit<LoadedFilm, "brokenWords" | "invalidIds"> & {
    brokenWords: string[];
    invalidIds: [string, string][];
  };
};

/** JSON of a file's load: its film's sets and maps as lists (all else is plain data). */
export function encodeLoadedFilmFile(loaded: LoadedFilmFile): string {
  const { film } = loaded;
  const encoded: Encoded = {
    ...loaded,
    film: film && {
      ...film,
      brokenWords: [...film.brokenWords],
      invalidIds: [...film.invalidIds],
    },
  };
  return JSON.stringify(encoded);
}

export function decodeLoadedFilmFile(json: string): LoadedFilmFile {
  const { film, ...rest } = JSON.parse(json) as Encoded;
  return {
    ...rest,
    ...(film && {
      film: {
        ...film,
        brokenWords: new Set(film.brokenWords),
        invalidIds: new Map(film.invalidIds) as LoadedFilm["invalidIds"],
      },
    }),
  };
}

/** A worker running load-worker.ts (through load-worker-start.mjs, which registers tsx). */
const startWorker = () => new Worker(new URL("./load-worker-start.mjs", import.meta.url));

/** Each file's load, in the files' order, from `threads` workers taking files as they finish. */
async function loadInWorkers(filmFiles: string[], threads: number): Promise<LoadedFilmFile[]> {
  const loaded: LoadedFilmFile[] = new Array<LoadedFilmFile>(filmFiles.length);
  const workers = Array.from({ length: threads }, startWorker);
  let next = 0;
  let answered = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const give = (worker: Worker) => {
        if (next >= filmFiles.length) return;
        const request: LoadRequest = { index: next, path: filmFiles[next] as string };
        next++;
        worker.postMessage(request);
      };
      for (const worker of workers) {
        worker.on("message", ({ index, json }: LoadAnswer) => {
          give(worker); // the worker loads the next file while this one is decoded
          loaded[index] = decodeLoadedFilmFile(json);
          if (++answered === filmFiles.length) resolve();
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (answered < filmFiles.length) reject(new Error(`load worker exited (${code})`));
        });
        give(worker);
        give(worker); // one queued, so no worker waits for this thread between files
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return loaded;
}

function totalBytes(files: string[]): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(file).size;
    } catch {
      // A file that cannot be read is reported by its load.
    }
  }
  return bytes;
}

export interface ParallelLoadOptions {
  /** Worker threads (default: the cores, at most 2); 1 loads on this thread. */
  threads?: number;
  /** Film files smaller than this in all load on this thread (default PARALLEL_LOAD_BYTES). */
  minBytes?: number;
}

/**
 * loadDataset's result, with the film files loaded on worker threads when they are large.
 * `threads` says how many loaded them (1: this thread, as when workers could not start).
 */
export async function loadDatasetInParallel(
  sourcesFiles: string | string[],
  filmFiles: string[],
  problems: DatasetProblem[],
  options: ParallelLoadOptions = {},
): Promise<{ dataset: LoadedDataset; threads: number }> {
  const threads = Math.min(
    options.threads ?? Math.min(2, availableParallelism()),
    filmFiles.length,
  );
  const minBytes = options.minBytes ?? PARALLEL_LOAD_BYTES;
  if (threads < 2 || totalBytes(filmFiles) < minBytes) {
    return { dataset: loadDataset(sourcesFiles, filmFiles, problems), threads: 1 };
  }
  let files: LoadedFilmFile[];
  try {
    files = await loadInWorkers(filmFiles, threads);
  } catch {
    // Workers that cannot start or die are no reason to fail an import: load here instead.
    return { dataset: loadDataset(sourcesFiles, filmFiles, problems), threads: 1 };
  }
  return { dataset: assembleDataset(sourcesFiles, files, problems), threads };
}
