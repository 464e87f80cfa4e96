// A film's subgraph in the database: read it back, write the difference to its new plan, find
// ids another film holds. Every node of a film carries `film` (the Film node its own id), so a
// film is found through the per-label `film` indexes of cypher/schema.cypher.
import { Neo4jError, type ManagedTransaction, type QueryResult } from "neo4j-driver";
import { NODE_LABELS } from "../dataset/vocabulary.ts";
import { createRows } from "./create-rows.ts";
import { withIntegers } from "./with-integers.ts";
import { createRowsById } from "./create-rows-by-id.ts";
import { diffFilm, type FilmDiff, type StoredNode, type StoredRel } from "./film-diff.ts";
import { machineryOn } from "./machinery-switches.ts";
import { encodePlan, hashOfEncodedPlan, type FilmPlan, type Row } from "./plan.ts";

/** Rows per UNWIND statement: large enough to amortise a round trip, small enough to stream. */
export const BATCH_SIZE = 10_000;

// Every look-up names its index (USING INDEX SEEK): a plan made while the graph was still empty
// (the first film of a fresh import) would otherwise scan the label, and stay cached.

/** Labels are matched one by one (each through its own index), never as a label scan. */
const filmNodesUnion = (film: string) =>
  NODE_LABELS.map((label) =>
    label === "Film"
      ? `  MATCH (n:Film {id: ${film}}) USING INDEX SEEK n:Film(id) RETURN n`
      : `  MATCH (n:${label} {film: ${film}}) USING INDEX SEEK n:${label}(film) RETURN n`,
  ).join("\n  UNION\n");
const FILM_NODES = `CALL {\n${filmNodesUnion("$film")}\n}`;

const READ_NODES = `${FILM_NODES}
RETURN elementId(n) AS eid, labels(n)[0] AS label, properties(n) AS props`;

const READ_RELS = `${FILM_NODES}
MATCH (n)-[r]->(m)
RETURN elementId(r) AS eid, type(r) AS type, labels(n)[0] AS fromLabel, n.id AS from,
       labels(m)[0] AS toLabel, m.id AS to, properties(r) AS props`;

const DELETE_RELS = "UNWIND $rows AS eid MATCH ()-[r]->() WHERE elementId(r) = eid DELETE r";
const DELETE_NODES = "UNWIND $rows AS eid MATCH (n) WHERE elementId(n) = eid DETACH DELETE n";
const UPDATE_NODES = "UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.eid SET n = row.props";
const UPDATE_RELS =
  "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.eid SET r = row.props";
/**
 * Sends the rows in batches without waiting for each to finish: the statements queue on the
 * transaction's connection and run in order, so the server never idles while the next batch
 * is encoded. Returns the batches' results, to wait for together. Rows are sent as they are:
 * whole numbers must be Integers already (withIntegers).
 */
function sendBatches(
  tx: ManagedTransaction,
  cypher: string,
  rows: unknown[],
): PromiseLike<QueryResult>[] {
  const sent: PromiseLike<QueryResult>[] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    sent.push(tx.run(cypher, { rows: rows.slice(i, i + BATCH_SIZE) }));
  }
  return sent;
}

/**
 * The Film node's property holding a hash of the plan the film was last written from. It is
 * not part of the plan (the Cypher export and the diff leave it out): an import whose plan
 * hashes the same leaves the film as it is, without reading it back.
 */
export const IMPORT_HASH = "importHash";

/**
 * The Film node's property naming the file (its base name) the film was last imported from:
 * a file of another name that claims the film's id is refused unless the user says --replace.
 * Like the hash, it is not part of the plan.
 */
export const IMPORT_FILE = "importFile";

const planHashes = new WeakMap<FilmPlan, string>();

/** A hash of what the plan would write for the film (made once per plan: at M, 1 s in all). */
export function planHash(plan: FilmPlan): string {
  let hash = planHashes.get(plan);
  if (hash === undefined) {
    hash = hashOfEncodedPlan(encodePlan(plan));
    planHashes.set(plan, hash);
  }
  return hash;
}

/** The import hash of each of these films the database holds (films it lacks are left out). */
export async function storedHashes(
  tx: ManagedTransaction,
  films: string[],
): Promise<Map<string, string>> {
  const result = await tx.run(
    `UNWIND $films AS id
MATCH (f:Film {id: id}) USING INDEX SEEK f:Film(id)
RETURN f.id AS id, f.${IMPORT_HASH} AS hash`,
    { films },
  );
  return new Map(
    result.records
      .filter((r) => typeof r.get("hash") === "string")
      .map((r) => [r.get("id") as string, r.get("hash") as string]),
  );
}

export async function readFilm(
  tx: ManagedTransaction,
  film: string,
): Promise<{ nodes: StoredNode[]; rels: StoredRel[] }> {
  // Both reads are sent before either is awaited: one round trip, not two.
  const [nodes, rels] = await Promise.all([
    tx.run(READ_NODES, { film }),
    tx.run(READ_RELS, { film }),
  ]);
  return {
    nodes: nodes.records.map((r) => {
      const props = Object.fromEntries(
        Object.entries(r.get("props") as Row).filter(
          ([key]) => key !== IMPORT_HASH && key !== IMPORT_FILE,
        ),
      );
      return { elementId: r.get("eid") as string, label: r.get("label") as string, props };
    }),
    rels: rels.records.map((r) => ({
      elementId: r.get("eid") as string,
      type: r.get("type") as string,
      fromLabel: r.get("fromLabel") as string,
      from: r.get("from") as string,
      toLabel: r.get("toLabel") as string,
      to: r.get("to") as string,
      props: r.get("props") as Row,
    })),
  };
}

/**
 * Writes the diffs of films that share no node as one: removals first (so ids are free again),
 * then changes, then additions, each kind in as few statements as its rows need, whatever the
 * number of films (a statement costs the server a fixed share, and a film of a few thousand
 * rows has some forty kinds of relationship). The statements run in the order sent.
 */
async function writeDiffs(
  tx: ManagedTransaction,
  diffs: FilmDiff[],
  createRowsPerStatement?: number,
): Promise<void> {
  const all = <T>(pick: (diff: FilmDiff) => T[]): T[] => diffs.flatMap(pick);
  const changes = (rows: { eid: string; props: Row }[]) =>
    rows.map(({ eid, props }) => ({ eid, props: withIntegers(props) }));
  // Sent without waiting: they queue on the connection, ahead of the creations.
  const sent = [
    ...sendBatches(
      tx,
      DELETE_RELS,
      all((d) => d.deleteRels),
    ),
    ...sendBatches(
      tx,
      DELETE_NODES,
      all((d) => d.deleteNodes),
    ),
    ...sendBatches(tx, UPDATE_NODES, changes(all((d) => d.updateNodes))),
    ...sendBatches(tx, UPDATE_RELS, changes(all((d) => d.updateRels))),
  ];
  await Promise.all([
    ...sent,
    machineryOn("positions")
      ? createRows(tx, diffs, createRowsPerStatement)
      : createRowsById(tx, diffs),
  ]);
}

/** Sets each film's import hash: the plan its subgraph was just written from. */
const SET_HASHES = `UNWIND $rows AS row
MATCH (f:Film {id: row.film}) USING INDEX SEEK f:Film(id)
SET f.${IMPORT_HASH} = row.hash`;

/**
 * Takes the write lock of each stored Film node, in id order (so two transactions never wait
 * on each other in a cycle). Every writer of a film takes it before reading the film back, so
 * a second import of the film waits until the first commits, then reads what it wrote: two
 * imports at once are one after the other, never interleaved (they would both add the same
 * rows). A film not stored yet has no node to lock; there the id constraints serialise the
 * creators, and the one that loses is run again (see isCreationRace).
 */
const LOCK_FILMS = `UNWIND $films AS id
MATCH (f:Film {id: id}) USING INDEX SEEK f:Film(id)
SET f.importLock = true
REMOVE f.importLock
RETURN f.id AS id, f.${IMPORT_HASH} AS hash`;

/** A film's diff, with the import hash the film had when its lock was taken. */
export type FilmWrite = FilmDiff & { storedHash: string | undefined };

/**
 * Replaces the films' subgraphs with their plans, inside the caller's transaction: every
 * film is locked and read back in one round trip, and the differences are written together.
 * `createRowsPerStatement` (create-rows.ts) is for tests of a film larger than a statement.
 */
export async function replaceFilms(
  tx: ManagedTransaction,
  plans: FilmPlan[],
  createRowsPerStatement?: number,
): Promise<FilmWrite[]> {
  const films = plans.map((plan) => plan.film).sort();
  // Sent first, in the same round trip: the reads queue behind the lock.
  const locked = tx.run(LOCK_FILMS, { films });
  const stored = await Promise.all(plans.map((plan) => readFilm(tx, plan.film)));
  const storedHashes = new Map(
    (await locked).records.map((r) => [r.get("id") as string, r.get("hash") as string | null]),
  );
  const diffs = plans.map((plan, i) => {
    const { nodes, rels } = stored[i] as Awaited<ReturnType<typeof readFilm>>;
    return diffFilm(plan, nodes, rels);
  });
  await writeDiffs(tx, diffs, createRowsPerStatement);
  const hashes = plans
    .filter((plan) => plan.nodes.size > 0)
    .map((plan) => ({ film: plan.film, hash: planHash(plan) }));
  if (hashes.length > 0) await tx.run(SET_HASHES, { rows: hashes });
  return diffs.map((diff) => ({ ...diff, storedHash: storedHashes.get(diff.film) ?? undefined }));
}

/** Takes the film's subgraph out: the diff against an empty plan. */
export async function removeFilmIn(tx: ManagedTransaction, film: string): Promise<FilmDiff> {
  const [diff] = await replaceFilms(tx, [{ film, nodes: new Map(), rels: new Map() }]);
  return diff as FilmDiff;
}

export interface HeldId {
  id: string;
  /** The film that wants the id. */
  film: string;
  label: string;
  /** The film that holds it in the database (undefined: a node of no film). */
  holder?: string;
}

const HELD_IDS = `UNWIND $rows AS row
CALL {
${NODE_LABELS.map((label) => `  WITH row MATCH (n:${label} {id: row.id}) USING INDEX SEEK n:${label}(id) RETURN n`).join("\n  UNION\n")}
}
WITH row, n, coalesce(n.film, CASE WHEN n:Film THEN n.id END) AS holder
WHERE holder IS NULL OR holder <> row.film
RETURN row.id AS id, row.film AS film, labels(n)[0] AS label, holder
ORDER BY id, label`;

/** Ids of the plans that nodes of other films (or of no film) already hold. */
export async function heldIds(tx: ManagedTransaction, plans: FilmPlan[]): Promise<HeldId[]> {
  const rows = plans.flatMap((plan) =>
    [...plan.nodes.values()].flatMap((list) =>
      list.map((row) => ({ id: row.id, film: plan.film })),
    ),
  );
  const held: HeldId[] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const result = await tx.run(HELD_IDS, { rows: rows.slice(i, i + BATCH_SIZE) });
    for (const r of result.records) {
      held.push({
        id: r.get("id") as string,
        film: r.get("film") as string,
        label: r.get("label") as string,
        holder: (r.get("holder") as string | null) ?? undefined,
      });
    }
  }
  return held;
}

/** Nodes and relationships (leaving them) the films hold in the database: what removing them deletes. */
export async function storedRows(tx: ManagedTransaction, films: string[]): Promise<number> {
  if (films.length === 0) return 0;
  const result = await tx.run(
    `UNWIND $films AS film
CALL (film) {
${filmNodesUnion("film")}
}
RETURN count(n) + sum(COUNT { (n)-->() }) AS rows`,
    { films },
  );
  return (result.records[0]?.get("rows") as { toNumber(): number } | undefined)?.toNumber() ?? 0;
}

/**
 * Nodes the database holds outside these films (the node count comes from Neo4j's count
 * store, each film's nodes from its index seeks).
 */
export async function nodesOutside(tx: ManagedTransaction, films: string[]): Promise<number> {
  const result = await tx.run(
    `MATCH (node) WITH count(node) AS total
CALL () {
  UNWIND $films AS film
  CALL (film) {
${filmNodesUnion("film")}
  }
  RETURN count(n) AS inside
}
RETURN total - inside AS outside`,
    { films },
  );
  return (result.records[0]?.get("outside") as { toNumber(): number }).toNumber();
}

/** A stored film's title and the file it was imported from (undefined: not recorded). */
export interface StoredFilm {
  id: string;
  title: string;
  file: string | undefined;
}

export async function storedFilmOrigins(
  tx: ManagedTransaction,
  films: string[],
): Promise<StoredFilm[]> {
  const result = await tx.run(
    `UNWIND $films AS id
MATCH (f:Film {id: id}) USING INDEX SEEK f:Film(id)
RETURN f.id AS id, f.title AS title, f.${IMPORT_FILE} AS file
ORDER BY id`,
    { films },
  );
  return result.records.map((r) => ({
    id: r.get("id") as string,
    title: r.get("title") as string,
    file: (r.get("file") as string | null) ?? undefined,
  }));
}

/** Records the file each film was imported from (its base name), in the writing transaction. */
export async function stampImportFiles(
  tx: ManagedTransaction,
  rows: { film: string; file: string }[],
): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row
MATCH (f:Film {id: row.film}) USING INDEX SEEK f:Film(id)
SET f.${IMPORT_FILE} = row.file`,
    { rows },
  );
}

/** The ids of the films the database holds. */
export async function storedFilms(tx: ManagedTransaction): Promise<string[]> {
  const result = await tx.run("MATCH (f:Film) RETURN f.id AS id ORDER BY id");
  return result.records.map((r) => r.get("id") as string);
}

/**
 * The error a creating transaction gets when another one created the same film (or an id of
 * it) and committed first: the id constraint made it wait, then refused it. Run again, it
 * finds the film stored, locks it, and writes the difference.
 */
export function isCreationRace(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    error.code === "Neo.ClientError.Schema.ConstraintValidationFailed"
  );
}
