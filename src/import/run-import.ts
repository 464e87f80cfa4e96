// `heistgraph import`: validate everything, refuse ids other films hold, then replace each
// given film's subgraph by its plan. A small import is one transaction (all or nothing); a
// large one is one transaction per film (or per run of small films), so memory stays bounded
// and every film is, at any moment, wholly old or wholly new.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { ManagedTransaction, Session } from "neo4j-driver";
import type { Database } from "../db/connection.ts";
import { loadDataset, type LoadedDataset } from "../dataset/load.ts";
import { InvalidDatasetError, type DatasetProblem } from "../dataset/problems.ts";
import { resolveAct, vocabularyOf } from "../dataset/story-words.ts";
import { validateDataset } from "../dataset/validate.ts";
import { PACKAGE_ROOT } from "../db/local-neo4j/paths.ts";
import { addCounts, type ChangeCounts } from "./film-diff.ts";
import {
  heldIds,
  isCreationRace,
  nodesOutside,
  planHash,
  removeFilmIn,
  replaceFilms,
  storedFilms,
  storedHashes,
  stampImportFiles,
  storedFilmOrigins,
  storedRows,
  type HeldId,
  type StoredFilm,
} from "./film-store.ts";
import { planFilm, planStatements, type FilmPlan, type PlannedStatement } from "./plan.ts";
import { prepareInWorkers, workersFor, type WorkerOptions } from "./prepare-in-workers.ts";
import { importStopped } from "./import-stopped.ts";
import { machineryOn } from "./machinery-switches.ts";
import { applySchema, missingSchemaStatements } from "./schema-statements.ts";

export const DEFAULT_SOURCES_FILE = join(PACKAGE_ROOT, "import", "sources.yaml");
/**
 * Rows (nodes + relationships) one transaction may write. Below it the whole import is one
 * transaction; above it films are grouped into transactions of about this size (a film is
 * never split). Small transactions cost the server less per row: its transaction state is
 * hash maps that slow as they grow (at M, the server's CPU for the whole import was 31 s with
 * 5,000 rows, 34 s with 10,000 and 42 s with 25,000), and memory stays far below the local
 * Neo4j's transaction limit (70% of a 1 GB heap) even with WRITERS at once.
 */
export const TRANSACTION_ROWS = 5_000;
/**
 * Transactions a large import writes at once. While one commits (the server waits on its log)
 * and this thread encodes the next, the others keep the server's cores busy: on 2 cores at M,
 * the writes took 26.0-28.1 s with three, 29.0-30.2 s with two (alternated runs).
 */
export const WRITERS = 3;
/**
 * Tries a transaction that loses a creation race gets (isCreationRace): the second finds the
 * film stored. More races than that are an id another import is taking at the same time.
 */
const CREATION_ATTEMPTS = 3;

/**
 * Runs the tasks, at most `limit` at a time, in order of start; rejects on the first failure.
 * A task is taken from the iterable only when a place is free, so a lazy one (tasks planned
 * on demand) does its work while the others run.
 */
async function inParallel(tasks: Iterable<() => Promise<void>>, limit: number): Promise<void> {
  const pending = tasks[Symbol.iterator]();
  let failed = false;
  const worker = async () => {
    while (!failed) {
      const next = pending.next();
      if (next.done) return;
      try {
        await next.value();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Every worker is waited for, so nothing is still writing when the first failure is thrown.
  const settled = await Promise.allSettled(Array.from({ length: limit }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
}

export function defaultFilmFiles(): string[] {
  const dir = join(PACKAGE_ROOT, "import", "films");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && !f.endsWith(".sources.yaml"))
    .sort()
    .map((f) => join(dir, f));
}

export interface PreparedImport {
  dataset: LoadedDataset;
  /** One plan per film, for the importer. */
  films: FilmPlan[];
  /** The same rows as MERGE statements, for the Cypher export (made when first asked). */
  readonly plan: PlannedStatement[];
}

/** Loads and validates; throws InvalidDatasetError listing every problem. */
export function prepareImport(
  sourcesFiles: string | string[],
  filmFiles: string[],
): PreparedImport {
  const { dataset, plans } = checkImport(sourcesFiles, filmFiles);
  return withPlanStatements(dataset, plans.all());
}

/**
 * The films' plans, each made when first asked for, in the dataset's order: an import into an
 * empty graph plans a film while the server writes the ones before it.
 */
interface FilmPlans {
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

/** Loaded and checked (or InvalidDatasetError listing every problem), planned on demand. */
function checkImport(
  sourcesFiles: string | string[],
  filmFiles: string[],
): { dataset: LoadedDataset; plans: FilmPlans } {
  const problems = filmFileProblems(filmFiles);
  const dataset = loadDataset(sourcesFiles, filmFiles, problems);
  const index = validateDataset(dataset, problems);
  if (problems.length > 0) throw new InvalidDatasetError(problems);
  return {
    dataset,
    plans: filmPlans(dataset.films.length, (i) =>
      planFilm((dataset.films[i] as LoadedDataset["films"][number]).data, dataset.sources, index),
    ),
  };
}

/**
 * checkImport, with a large dataset's films loaded, checked and planned on worker threads
 * (prepare-in-workers.ts); the same plans, or the same InvalidDatasetError.
 */
async function checkImportInParallel(
  sourcesFiles: string | string[],
  filmFiles: string[],
  options?: WorkerOptions,
): Promise<{ dataset: LoadedDataset; plans: FilmPlans }> {
  const threads = machineryOn("workers") ? workersFor(filmFiles, options) : 0;
  if (threads === 0) return checkImport(sourcesFiles, filmFiles);
  const problems = filmFileProblems(filmFiles);
  let inWorkers: { dataset: LoadedDataset; films: FilmPlan[] };
  try {
    inWorkers = await prepareInWorkers(sourcesFiles, filmFiles, problems, threads);
  } catch (error) {
    if (error instanceof InvalidDatasetError) throw error;
    // Workers that cannot start, or fail, are no reason to fail an import: do it here.
    return checkImport(sourcesFiles, filmFiles);
  }
  const { films } = inWorkers;
  return {
    dataset: inWorkers.dataset,
    plans: filmPlans(films.length, (i) => films[i] as FilmPlan),
  };
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

function withPlanStatements(dataset: LoadedDataset, films: FilmPlan[]): PreparedImport {
  let statements: PlannedStatement[] | undefined;
  return {
    dataset,
    films,
    get plan() {
      return (statements ??= planStatements(films));
    },
  };
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
  /** What the import added, changed and removed, per node label and relationship type. */
  changes: ChangeCounts;
  /** Films --wipe took out because the import did not name them. */
  removedFilms: string[];
  /** Nodes of no film that --wipe took out. */
  strayNodesRemoved: number;
  dryRun: boolean;
  wiped: boolean;
  /** Films another import wrote while this one ran: this one's version was written after. */
  concurrentFilms: string[];
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

function plannedCounts(films: FilmPlan[]): ImportReport["planned"] {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const film of films) {
    for (const [label, rows] of film.nodes) nodes[label] = (nodes[label] ?? 0) + rows.length;
    for (const group of film.rels.values())
      relationships[group.type] = (relationships[group.type] ?? 0) + group.rows.length;
  }
  return { nodes, relationships };
}

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

/** Where an id is declared, for a message that points at the file and item. */
function declaredAt(
  dataset: LoadedDataset,
  film: string,
  id: string,
): Pick<DatasetProblem, "file" | "item"> {
  const source = dataset.sourceInfo.get(id);
  if (source) return { file: source.file, item: source.item };
  const loaded = dataset.films.find((f) => f.data.film.id === film);
  if (!loaded) return { file: "(dataset)", item: id };
  if (loaded.data.film.id === id) return { file: loaded.file, item: "film" };
  for (const list of ["places", "groups", "characters", "events", "disagreements"] as const) {
    const i = (loaded.data[list] as { id: string }[]).findIndex((x) => x.id === id);
    if (i >= 0) return { file: loaded.file, item: `${list}[${i}] (${id})` };
  }
  return { file: loaded.file, item: id };
}

function heldIdProblem(dataset: LoadedDataset, held: HeldId): DatasetProblem {
  return {
    ...declaredAt(dataset, held.film, held.id),
    field: "id",
    message: held.holder
      ? `id "${held.id}" is already used in the database by a ${held.label} of another film (${held.holder})`
      : `id "${held.id}" is already used in the database by a ${held.label} of no film`,
    expected: "ids unique across all films in the database",
    suggestion: held.holder
      ? `rename it, e.g. "${held.film}-${held.id}", or take the other film out first (\`heistgraph remove ${held.holder}\`)`
      : `rename it, e.g. "${held.film}-${held.id}", or replace the whole graph with --wipe`,
  };
}

/**
 * Films of the import that the graph holds from another file: recorded under another file
 * name, or (imported before file names were recorded) under another title. A file that
 * copies another film's id would otherwise replace that film without a word.
 */
function claimedFilms(dataset: LoadedDataset, stored: StoredFilm[]): DatasetProblem[] {
  return stored.flatMap((held) => {
    const loaded = dataset.films.find((f) => f.data.film.id === held.id);
    if (!loaded) return [];
    const file = basename(loaded.file);
    const other =
      held.file !== undefined ? held.file !== file : held.title !== loaded.data.film.title;
    if (!other) return [];
    const from = held.file !== undefined ? `imported from ${held.file}` : "imported earlier";
    return [
      {
        file: loaded.file,
        item: "film",
        field: "id",
        message: `the graph already holds film "${held.id}" ("${held.title}", ${from}); this file would replace it`,
        expected: "a film id of its own, or the file that film came from",
        suggestion: `give this film an id of its own, or pass --replace to replace "${held.title}" with this file`,
      },
    ];
  });
}

/** Work in a session of its own, closed afterwards. */
async function inSession<T>(
  database: Database,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const session = database.driver.session({ database: database.database });
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

/**
 * heldIds over the films, split into `readers` read transactions run at once (one check per
 * id and label: the server's work, which a second core halves).
 */
async function heldIdsAtOnce(
  database: Database,
  films: FilmPlan[],
  readers: number,
): Promise<HeldId[]> {
  const parts = [
    ...transactionGroups(
      films,
      Math.ceil(films.reduce((n, f) => n + planRows(f), 0) / Math.max(1, readers)),
    ),
  ];
  const found: HeldId[][] = [];
  await inParallel(
    parts.map((part, i) => async () => {
      found[i] = await inSession(database, (session) =>
        session.executeRead((tx) => heldIds(tx, part)),
      );
    }),
    readers,
  );
  const order = (h: HeldId) => `${h.id}\u0000${h.label}`;
  return found.flat().sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

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

const emptyCounts = (): ChangeCounts => ({ nodes: {}, relationships: {} });

/** Nodes of no imported film (strays, old films' leftovers) that --wipe takes out. */
const STRAY_NODES = `MATCH (n)
WITH n, coalesce(n.film, CASE WHEN n:Film THEN n.id END) AS film
WHERE film IS NULL OR NOT film IN $films
DETACH DELETE n`;

export async function importDataset(
  database: Database | undefined,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { dataset, plans } = await checkImportInParallel(
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
  if (options.dryRun || !database) {
    report.planned = plannedCounts(plans.all());
    return report;
  }
  const db = { database: database.database };
  const writers = options.concurrency ?? (machineryOn("writers") ? WRITERS : 1);

  // Constraints first: schema changes cannot share a transaction with data writes, and
  // they are idempotent (IF NOT EXISTS), so they never leave a half-written graph.
  const refusedSchema = await applySchema(database, await missingSchemaStatements(database));
  // New indexes populate in the background; queries planned before they are online
  // would scan instead of seek.
  await database.driver.executeQuery("CALL db.awaitIndexes(300)", {}, db);

  const imported = dataset.films.map((f) => f.data.film.id);
  // An empty graph (one read of Neo4j's count store) holds nothing to compare, take out or
  // refuse ids of: every film is new, and is planned when a writer asks for it, while the
  // server writes the films before it.
  const graphEmpty = await inSession(database, (read) =>
    read.executeRead(async (tx) => {
      const { records } = await tx.run("MATCH (n) RETURN count(n) AS nodes");
      return (records[0]?.get("nodes") as { toNumber(): number }).toNumber() === 0;
    }),
  );
  const { removals, removedRows, toWrite, seenHashes } = graphEmpty
    ? { removals: [], removedRows: 0, toWrite: [], seenHashes: new Map<string, string>() }
    : await inSession(database, async (read) => {
        const removals = options.wipe
          ? (await read.executeRead((tx) => storedFilms(tx))).filter((f) => !imported.includes(f))
          : [];
        // What --wipe takes out counts too: removing a large graph is no small transaction.
        const removedRows = await read.executeRead((tx) => storedRows(tx, removals));
        // Films whose plan hashes as when they were last written: nothing to read back or write.
        const hashes = await read.executeRead((tx) => storedHashes(tx, imported));
        // A film held by another file is replaced only on purpose (--wipe is such a purpose:
        // it replaces the whole graph).
        if (!options.replace && !options.wipe) {
          const claimed = claimedFilms(
            dataset,
            await read.executeRead((tx) => storedFilmOrigins(tx, imported)),
          );
          if (claimed.length > 0) throw new InvalidDatasetError(claimed);
        }
        const toWrite: FilmPlan[] = [];
        const unchanged: string[] = [];
        for (const plan of plans) {
          if (machineryOn("hash-skip") && hashes.get(plan.film) === planHash(plan))
            unchanged.push(plan.film);
          else toWrite.push(plan);
        }
        // An id another film holds would make the import rewrite that film: refuse it. An
        // unchanged film's ids are its own (and the dataset's ids are unique), so where the
        // graph holds nothing but unchanged films of this import, no id can be held and the
        // check, a seek per id and label, is skipped.
        const checkHeld =
          !options.wipe &&
          toWrite.length > 0 &&
          (await read.executeRead((tx) => nodesOutside(tx, unchanged))) > 0;
        if (checkHeld) {
          const held = await heldIdsAtOnce(database, toWrite, writers);
          if (held.length > 0)
            throw new InvalidDatasetError(held.map((h) => heldIdProblem(dataset, h)));
        }
        return { removals, removedRows, toWrite, seenHashes: hashes };
      });

  // A transaction is a list of steps; each works inside it and adds what it changed. Progress
  // is told when a transaction commits (a retried one starts its steps again).
  interface Step {
    /** What a committed step completes, one progress tick each. */
    names: string[];
    run: (tx: ManagedTransaction, changes: ChangeCounts) => Promise<void>;
  }
  const removeStep = (film: string): Step => ({
    names: [`remove ${film}`],
    run: async (tx, changes) => addCounts(changes, (await removeFilmIn(tx, film)).counts),
  });
  const strayStep: Step = {
    names: [],
    run: async (tx) => {
      const result = await tx.run(STRAY_NODES, { films: imported });
      report.strayNodesRemoved = result.summary.counters.updates().nodesDeleted;
    },
  };
  // Films written in one transaction are written together: their rows of a kind share
  // statements.
  const replaceStep = (plans: FilmPlan[]): Step => ({
    names: plans.map((plan) => plan.film),
    run: async (tx, changes) => {
      const writes = await replaceFilms(tx, plans);
      await stampImportFiles(
        tx,
        plans.map((plan) => ({ film: plan.film, file: fileOf.get(plan.film) ?? "" })),
      );
      for (const write of writes) {
        addCounts(changes, write.counts);
        // Stored otherwise than when this import looked: another import wrote it meanwhile,
        // and this one waited for it (the lock) and wrote over what it committed.
        if (write.storedHash !== seenHashes.get(write.film)) writtenMeanwhile.add(write.film);
      }
    },
  });
  const fileOf = new Map(dataset.films.map((f) => [f.data.film.id, basename(f.file)]));
  /** Steps' names (films, `remove <film>`) whose transaction committed. */
  const committed = new Set<string>();
  const writtenMeanwhile = new Set<string>();
  const wipeSteps = options.wipe ? [...removals.map(removeStep), strayStep] : [];
  const transactionRows = options.transactionRows ?? TRANSACTION_ROWS;
  const total = removals.length + imported.length;
  let done = graphEmpty ? 0 : imported.length - toWrite.length;
  const commit = async (steps: Step[]) => {
    const write = () =>
      inSession(database, (session) =>
        session.executeWrite(async (tx) => {
          const changes = emptyCounts();
          for (const step of steps) await step.run(tx, changes);
          return changes;
        }),
      );
    let changes: ChangeCounts;
    for (let attempt = 1; ; attempt++) {
      try {
        changes = await write();
        break;
      } catch (error) {
        // Another import created one of these films first: written again, this transaction
        // reads what that one committed and writes the difference.
        if (!isCreationRace(error) || attempt === CREATION_ATTEMPTS) throw error;
      }
    }
    for (const step of steps) for (const name of step.names) committed.add(name);
    addCounts(report.changes, changes);
    for (const step of steps)
      for (const name of step.names) options.onProgress?.(++done, total, name);
  };
  /** A transaction per group of films, WRITERS at once; a group is made when one is free. */
  const writeInGroups = (films: Iterable<FilmPlan>) =>
    inParallel(
      (function* () {
        for (const group of transactionGroups(films, transactionRows))
          yield () => commit([replaceStep(group)]);
      })(),
      writers,
    );
  const plannedRows = toWrite.reduce((n, plan) => n + planRows(plan), 0);
  try {
    if (graphEmpty) {
      // Films are planned as the writers take them. A small import is one group: one
      // transaction, all or nothing, as below.
      await writeInGroups(plans);
    } else if (plannedRows + removedRows <= transactionRows) {
      // Small: everything in one transaction, all or nothing.
      const steps = [...wipeSteps, ...(toWrite.length > 0 ? [replaceStep(toWrite)] : [])];
      if (steps.length > 0) await commit(steps);
    } else {
      // Large: a transaction per removal, then one per group of films, each film whole. Films
      // share no node, so several groups (WRITERS) are written at once: the server works on
      // some while another's rows are sent, and uses every core.
      for (const step of wipeSteps) await commit([step]);
      await writeInGroups(toWrite);
    }
  } catch (error) {
    const written = graphEmpty ? imported : toWrite.map((plan) => plan.film);
    throw importStopped(error, {
      committed: [...committed],
      unchanged: imported.filter((film) => !written.includes(film)),
      notWritten: [...removals.map((film) => `remove ${film}`), ...written].filter(
        (name) => !committed.has(name),
      ),
    });
  }
  // Key constraints the old graph refused: its films are rewritten now (unless some stored
  // films were not part of this import, which their next import will rewrite).
  if (refusedSchema.length > 0) await applySchema(database, refusedSchema);
  report.concurrentFilms = [...writtenMeanwhile].sort();
  report.planned = plannedCounts(plans.all());
  report.removedFilms = removals;
  report.wiped = Boolean(options.wipe);
  return report;
}
