// What the main thread and the workers of prepare-in-workers.ts say to each other. Large
// values cross as JSON text: decoding it costs a tenth of reading the YAML it came from,
// where a structured clone costs three times the JSON.
import type { LoadedFilm, LoadedFilmFile } from "../dataset/load.ts";
import type { DatasetProblem } from "../dataset/problems.ts";
import type { DatasetContext } from "../dataset/validate.ts";

export type ToWorker =
  /** Load the film file (load.ts, loadFilmFile) and keep its film for the check. */
  | { kind: "load"; file: number; path: string }
  /** What checking a film needs of the whole dataset (structured clone: Maps and Sets). */
  | { kind: "context"; context: DatasetContext }
  /** Check the film of this file against the dataset, and plan it if `plan` (no problems yet). */
  | { kind: "check"; file: number; plan: boolean };

export type FromWorker =
  | { kind: "loaded"; file: number; json: string }
  /** The film's problems; when it has none, its plan (encodePlan) and the plan's hash. */
  | { kind: "checked"; file: number; problems: DatasetProblem[]; plan?: string; hash?: string };

type EncodedFile = Omit<LoadedFilmFile, "film"> & {
  film?: Omit<LoadedFilm, "brokenWords" | "invalidIds"> & {
    brokenWords: string[];
    invalidIds: [string, string][];
  };
};

/** JSON of a file's load: its film's sets and maps as lists (all else is plain data). */
export function encodeLoadedFilmFile(loaded: LoadedFilmFile): string {
  const { film } = loaded;
  const encoded: EncodedFile = {
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
  const { film, ...rest } = JSON.parse(json) as EncodedFile;
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
