// The first half of an import, before the database: read the film files, check them (alone
// and against one another), and plan each film (plan.ts), a film's plan made when first asked
// for. Nothing here talks to Neo4j.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadDataset, type LoadedDataset } from "../dataset/load.ts";
import { InvalidDatasetError, type DatasetProblem } from "../dataset/problems.ts";
import { validateDataset } from "../dataset/validate.ts";
import { PACKAGE_ROOT } from "../db/local-neo4j/paths.ts";
import { planFilm, planStatements, type FilmPlan, type PlannedStatement } from "./plan.ts";

export const DEFAULT_SOURCES_FILE = join(PACKAGE_ROOT, "import", "sources.yaml");

export function defaultFilmFiles(): string[] {
  const dir = join(PACKAGE_ROOT, "import", "films");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && !f.endsWith(".sources.yaml"))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The films' plans in the dataset's order, each made when first asked for: an import into an
 * empty graph plans a film while the server writes the ones before it.
 */
export interface FilmPlans {
  /** Every plan, in order (planned as iterated). */
  [Symbol.iterator](): Iterator<FilmPlan>;
  /** Every plan, all planned now. */
  all(): FilmPlan[];
}

function filmPlans(count: number, planOne: (i: number) => FilmPlan): FilmPlans {
  const planned: FilmPlan[] = [];
  const at = (i: number) => (planned[i] ??= planOne(i));
  return {
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield at(i);
    },
    all: () => Array.from({ length: count }, (_, i) => at(i)),
  };
}

export interface CheckedImport {
  dataset: LoadedDataset;
  plans: FilmPlans;
}

function filmFileProblems(filmFiles: string[]): DatasetProblem[] {
  if (filmFiles.length > 0) return [];
  return [
    {
      file: "(command line)",
      item: "files",
      message: "no film files to import",
      suggestion: "pass film YAML files, or run from a checkout with import/films/",
    },
  ];
}

/** Read and checked, each film planned when first asked for (or InvalidDatasetError listing every problem). */
export function readAndCheck(sourcesFiles: string | string[], filmFiles: string[]): CheckedImport {
  const problems = filmFileProblems(filmFiles);
  const dataset = loadDataset(sourcesFiles, filmFiles, problems);
  const index = validateDataset(dataset, problems);
  if (problems.length > 0) throw new InvalidDatasetError(problems);
  const films = dataset.films;
  return {
    dataset,
    plans: filmPlans(films.length, (i) =>
      planFilm((films[i] as (typeof films)[number]).data, dataset.sources, index),
    ),
  };
}

export interface PreparedImport {
  dataset: LoadedDataset;
  /** One plan per film, for the importer. */
  films: FilmPlan[];
  /** The same rows as MERGE statements, for the Cypher export (made when first asked). */
  readonly plan: PlannedStatement[];
}

/** Loads, validates and plans every film; throws InvalidDatasetError listing every problem. */
export function prepareImport(
  sourcesFiles: string | string[],
  filmFiles: string[],
): PreparedImport {
  const { dataset, plans } = readAndCheck(sourcesFiles, filmFiles);
  const films = plans.all();
  let statements: PlannedStatement[] | undefined;
  return {
    dataset,
    films,
    get plan() {
      return (statements ??= planStatements(films));
    },
  };
}
