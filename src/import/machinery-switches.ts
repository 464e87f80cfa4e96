// Pieces of the importer's machinery that the bench turns off one at a time, to measure what
// each still buys (`npm run bench -- --only machinery`, docs/benchmarks.md). The bench runs
// `heistgraph import` with HEISTGRAPH_IMPORT_OFF naming what to turn off; nothing else sets it.

export const MACHINERY = [
  /** Several write transactions at once (WRITERS in write-films.ts). */
  "writers",
  /** New rows created by one statement, ends named by position (create-rows.ts). */
  "positions",
  /** A creating statement's rows sent as one JSON text, not as driver parameters (create-rows.ts). */
  "json-rows",
  /** Unchanged films skipped through their plan hash (film-store.ts). */
  "hash-skip",
  /** Uniqueness constraints on relationships' keys (cypher/schema.cypher). */
  "rel-key-constraints",
] as const;

export type Machinery = (typeof MACHINERY)[number];

const off = new Set((process.env.HEISTGRAPH_IMPORT_OFF ?? "").split(",").map((s) => s.trim()));

export const machineryOn = (piece: Machinery): boolean => !off.has(piece);
