// Between checking the files and writing them: what the import must write, read from the
// graph. Films whose plan hashes as stored are left alone; a film held by another file, or
// an id another film holds, is refused here, before anything is written.
import { basename } from "node:path";
import type { ManagedTransaction } from "neo4j-driver";
import pMap from "p-map";
import type { Database } from "../db/connection.ts";
import type { LoadedDataset } from "../dataset/load.ts";
import { InvalidDatasetError, type DatasetProblem } from "../dataset/problems.ts";
import {
  heldIds,
  nodesOutside,
  planHash,
  storedFilmOrigins,
  storedFilms,
  storedHashes,
  storedRows,
  type HeldId,
  type StoredFilm,
} from "./film-store.ts";
import { inSession } from "./in-session.ts";
import { machineryOn } from "./machinery-switches.ts";
import type { FilmPlans } from "./prepare-import.ts";
import type { FilmPlan } from "./plan.ts";
import { planRows, transactionGroups } from "./write-films.ts";

export interface WriteWork {
  /** Nothing stored: every film is new, planned when a writer takes it. */
  graphEmpty: boolean;
  /** The films to write, in the dataset's order. */
  films: Iterable<FilmPlan>;
  /** Their ids. */
  written: string[];
  /** Films of the import already as planned (their plan hashes as stored). */
  unchanged: string[];
  /** Films --wipe takes out (stored, not imported). */
  removals: string[];
  /** Rows the films to write and the removals touch (a large import is several transactions). */
  rows: number;
  /** Each stored film's import hash as read here (to tell films another import wrote meanwhile). */
  seenHashes: Map<string, string>;
}

export interface WorkOptions {
  wipe?: boolean;
  replace?: boolean;
  /** Read transactions at once for the held-id check. */
  readers: number;
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

/**
 * heldIds over the films, split into `readers` read transactions run at once (one check per
 * id and label: the server's work, which a second core shares).
 */
async function heldIdsAtOnce(
  database: Database,
  films: FilmPlan[],
  readers: number,
): Promise<HeldId[]> {
  const total = films.reduce((n, f) => n + planRows(f), 0);
  const parts = [...transactionGroups(films, Math.ceil(total / Math.max(1, readers)))];
  const found = await pMap(
    parts,
    (part) => inSession(database, (s) => s.executeRead((tx) => heldIds(tx, part))),
    { concurrency: Math.max(1, readers) },
  );
  const order = (h: HeldId) => `${h.id}\u0000${h.label}`;
  return found.flat().sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** An empty graph (one read of Neo4j's count store). */
async function isEmpty(database: Database): Promise<boolean> {
  const { records } = await database.driver.executeQuery(
    "MATCH (n) RETURN count(n) AS nodes",
    {},
    { database: database.database, routing: "READ" },
  );
  return (records[0]?.get("nodes") as { toNumber(): number }).toNumber() === 0;
}

/**
 * What to write of the dataset. An empty graph holds nothing to compare, take out or refuse
 * ids of: every film is new, and is planned when a writer asks for it, while the server
 * writes the films before it. Throws InvalidDatasetError for a film another file holds
 * (without --replace or --wipe) and for ids other films hold (without --wipe).
 */
export async function whatToWrite(
  database: Database,
  dataset: LoadedDataset,
  plans: FilmPlans,
  options: WorkOptions,
): Promise<WriteWork> {
  const imported = dataset.films.map((f) => f.data.film.id);
  if (await isEmpty(database))
    return {
      graphEmpty: true,
      films: plans,
      written: imported,
      unchanged: [],
      removals: [],
      rows: 0,
      seenHashes: new Map(),
    };
  const read = <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
    inSession(database, (session) => session.executeRead(work));
  const removals = options.wipe
    ? (await read(storedFilms)).filter((film) => !imported.includes(film))
    : [];
  // What --wipe takes out counts too: removing a large graph is no small transaction.
  const removedRows = await read((tx) => storedRows(tx, removals));
  const seenHashes = await read((tx) => storedHashes(tx, imported));
  // A film held by another file is replaced only on purpose (--wipe is such a purpose: it
  // replaces the whole graph).
  if (!options.replace && !options.wipe) {
    const claimed = claimedFilms(dataset, await read((tx) => storedFilmOrigins(tx, imported)));
    if (claimed.length > 0) throw new InvalidDatasetError(claimed);
  }
  const films: FilmPlan[] = [];
  const unchanged: string[] = [];
  for (const plan of plans) {
    if (machineryOn("hash-skip") && seenHashes.get(plan.film) === planHash(plan))
      unchanged.push(plan.film);
    else films.push(plan);
  }
  // An id another film holds would make the import rewrite that film: refuse it. An unchanged
  // film's ids are its own (and the dataset's ids are unique), so where the graph holds
  // nothing but unchanged films of this import, no id can be held and the check, a seek per
  // id and label, is skipped.
  const checkHeld =
    !options.wipe && films.length > 0 && (await read((tx) => nodesOutside(tx, unchanged))) > 0;
  if (checkHeld) {
    const held = await heldIdsAtOnce(database, films, options.readers);
    if (held.length > 0) throw new InvalidDatasetError(held.map((h) => heldIdProblem(dataset, h)));
  }
  return {
    graphEmpty: false,
    films,
    written: films.map((plan) => plan.film),
    unchanged,
    removals,
    rows: films.reduce((n, plan) => n + planRows(plan), 0) + removedRows,
    seenHashes,
  };
}
