// The new nodes and relationships of a transaction, written by statements of one fixed text
// (planned once by the server, whatever the films). A relationship names its ends by their
// positions in the statement's list of nodes: the nodes it creates, then the stored ones new
// relationships attach to. A position is a small integer where an element id is some 45
// characters for the driver to encode and the server to decode and parse: on S, the server's
// CPU for a fresh import went from 4.1-4.9 s to 3.1-4.8 s with it (alternated runs), and the
// new nodes' element ids no longer travel back before their relationships can be sent.
//
// The rows travel as one JSON text per statement, which the server parses (APOC), not as the
// driver's parameters: the driver packs a parameter value by value, testing each against
// every type it knows and encoding every map key again for every row, and that packing was
// most of the command's CPU while the server wrote (which the two share on a small machine).
// JSON's whole numbers arrive as integers, as withIntegers makes them for the driver.
import type { ManagedTransaction } from "neo4j-driver";
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel } from "../dataset/vocabulary.ts";
import type { FilmDiff } from "./film-diff.ts";
import { machineryOn } from "./machinery-switches.ts";
import type { RelGroup, RelRow, Row } from "./plan.ts";
import { withIntegers } from "./with-integers.ts";

/**
 * Nodes + relationships one statement creates. A transaction of the importer (about 5,000
 * rows) is one statement; a larger one (a film bigger than that) is split, so no message
 * grows with the film.
 */
const CREATE_STATEMENT_ROWS = 20_000;

/**
 * The one statement. `$rows` is JSON: `{nodes: {<Label>: [properties...]}, rels: {<TYPE>:
 * [[from position, to position, properties]...]}}`. The new nodes (a list per label, in
 * NODE_LABELS order) and the stored ends (`$kept`, element ids) are collected in that order
 * into `nodes`, which the positions index. ORDER BY keeps each list in the order sent.
 * `found` tells whether every stored end was there; with `$giveIds`, the new nodes' element
 * ids come back, in position order, for the statements after it.
 */
const createRowsFrom = (rows: string) =>
  [
    `WITH ${rows} AS rows`,
    "CALL () {",
    "  UNWIND range(0, size($kept) - 1) AS i",
    "  MATCH (n) WHERE elementId(n) = $kept[i]",
    "  WITH i, n ORDER BY i",
    "  RETURN collect(n) AS kept",
    "}",
    ...NODE_LABELS.flatMap((label) => [
      "CALL (rows) {",
      `  UNWIND range(0, size(rows.nodes.${label}) - 1) AS i`,
      `  CREATE (n:${label}) SET n = rows.nodes.${label}[i]`,
      "  WITH i, n ORDER BY i",
      `  RETURN collect(n) AS new${label}`,
      "}",
    ]),
    `WITH rows, ${NODE_LABELS.map((label) => `new${label}`).join(" + ")} AS created, kept`,
    "WITH rows, created + kept AS nodes, created, size(kept) AS found",
    ...RELATIONSHIP_TYPES.flatMap((type) => [
      "CALL (nodes, rows) {",
      `  UNWIND rows.rels.${type} AS row`,
      "  WITH nodes[row[0]] AS a, nodes[row[1]] AS b, row[2] AS props",
      `  CREATE (a)-[r:${type}]->(b) SET r = props`,
      "}",
    ]),
    "RETURN found, CASE WHEN $giveIds THEN [n IN created | elementId(n)] ELSE [] END AS ids",
  ].join("\n");

export const CREATE_ROWS = createRowsFrom("apoc.convert.fromJsonMap($rows)");
/** The same with `$rows` as the driver's parameters: the bench's `json-rows` switched off. */
const CREATE_ROWS_FROM_PARAMETERS = createRowsFrom("$rows");

interface NewNode {
  label: NodeLabel;
  row: Row;
}

interface NewRel {
  group: RelGroup;
  row: RelRow;
}

/** Values by label, then by id: a node is known by both. */
class ByLabel<V> {
  private readonly labels = new Map<string, Map<string, V>>();

  get(label: string, id: string): V | undefined {
    return this.labels.get(label)?.get(id);
  }

  set(label: string, id: string, value: V): void {
    let ids = this.labels.get(label);
    if (!ids) this.labels.set(label, (ids = new Map()));
    ids.set(id, value);
  }
}

/** Statements' shares of the new nodes (first) and relationships, `limit` rows each. */
function statementsOf(
  nodes: NewNode[],
  rels: NewRel[],
  limit: number,
): { nodes: NewNode[]; rels: NewRel[] }[] {
  const statements: { nodes: NewNode[]; rels: NewRel[] }[] = [];
  for (let i = 0; i < nodes.length + rels.length; i += limit) {
    const end = i + limit;
    statements.push({
      nodes: nodes.slice(i, Math.min(end, nodes.length)),
      rels: rels.slice(Math.max(0, i - nodes.length), Math.max(0, end - nodes.length)),
    });
  }
  return statements;
}

/**
 * Creates the diffs' new nodes and relationships inside the caller's transaction. Every end
 * of a new relationship is a new node of these diffs or a stored node they keep (validation
 * makes every end a node of the film); a miss is a bug, and fails the transaction.
 */
export async function createRows(
  tx: ManagedTransaction,
  diffs: FilmDiff[],
  limit = CREATE_STATEMENT_ROWS,
): Promise<void> {
  // Element ids of the nodes stored before the statement being made.
  const stored = new ByLabel<string>();
  for (const diff of diffs)
    for (const [label, kept] of diff.keptNodes)
      for (const [id, eid] of kept) stored.set(label, id, eid);
  // Label by label, in NODE_LABELS order, which every statement's share keeps: a node's
  // place in its share is its position in the statement's list.
  const nodes: NewNode[] = [];
  for (const label of NODE_LABELS)
    for (const diff of diffs)
      for (const row of diff.createNodes.get(label) ?? []) nodes.push({ label, row });
  const rels: NewRel[] = [];
  for (const diff of diffs)
    for (const group of diff.createRels) for (const row of group.rows) rels.push({ group, row });

  const statements = statementsOf(nodes, rels, limit);
  for (const [s, statement] of statements.entries()) {
    const byLabel: Record<string, unknown[]> = {};
    for (const label of NODE_LABELS) byLabel[label] = [];
    const positions = new ByLabel<number>();
    statement.nodes.forEach(({ label, row }, i) => {
      positions.set(label, String(row.id), i);
      (byLabel[label] as unknown[]).push(row);
    });
    // Stored ends come after the new nodes, in the order first used.
    const kept: string[] = [];
    const positionOf = (label: string, id: string) => {
      let at = positions.get(label, id);
      if (at === undefined) {
        const eid = stored.get(label, id);
        if (eid === undefined)
          throw new Error(`internal: no node ${label} ${id} in films ${diffs.map((d) => d.film)}`);
        positions.set(label, id, (at = statement.nodes.length + kept.length));
        kept.push(eid);
      }
      return at;
    };
    const byType: Record<string, unknown[]> = {};
    for (const type of RELATIONSHIP_TYPES) byType[type] = [];
    for (const { group, row } of statement.rels) {
      // The relationship's properties, its key among them.
      const props = { ...row.props, key: row.key };
      const from = positionOf(group.from, row.from);
      (byType[group.type] as unknown[]).push([from, positionOf(group.to, row.to), props]);
    }
    const giveIds = s < statements.length - 1 && statement.nodes.length > 0;
    const rows = { nodes: byLabel, rels: byType };
    const result = machineryOn("json-rows")
      ? await tx.run(CREATE_ROWS, { kept, rows: JSON.stringify(rows), giveIds })
      : await tx.run(CREATE_ROWS_FROM_PARAMETERS, { kept, rows: withIntegers(rows), giveIds });
    const record = result.records[0];
    const found = (record?.get("found") as { toNumber(): number } | undefined)?.toNumber();
    if (found !== kept.length)
      throw new Error(
        `internal: ${kept.length - (found ?? 0)} stored nodes missing in films ${diffs.map((d) => d.film)}`,
      );
    // The statements after this one find its new nodes by element id.
    if (giveIds) {
      const ids = record?.get("ids") as string[];
      statement.nodes.forEach(({ label, row }, i) =>
        stored.set(label, String(row.id), ids[i] as string),
      );
    }
  }
}
