// The new nodes and relationships of a transaction, written the plain way: a statement per
// label creates its nodes, a statement per relationship group finds both ends by id (the id
// constraints' indexes) and creates the relationships, as LOAD CSV does.
import type { ManagedTransaction, QueryResult } from "neo4j-driver";
import { NODE_LABELS } from "../dataset/vocabulary.ts";
import { withIntegers } from "./with-integers.ts";
import type { FilmDiff } from "./film-diff.ts";
import type { RelGroup, Row } from "./plan.ts";

/** Rows per UNWIND statement: large enough to amortise a round trip, small enough to stream. */
const BATCH_SIZE = 10_000;

const createNodes = (label: string) => `UNWIND $rows AS row CREATE (n:${label}) SET n = row`;

const createRels = ({ type, from, to }: RelGroup) => `UNWIND $rows AS row
MATCH (a:${from} {id: row.from}) USING INDEX SEEK a:${from}(id)
MATCH (b:${to} {id: row.to}) USING INDEX SEEK b:${to}(id)
CREATE (a)-[r:${type}]->(b) SET r = row.props`;

/**
 * Creates the diffs' new nodes, then their new relationships, inside the caller's
 * transaction. The statements are sent without waiting for each: they queue on the
 * transaction's connection and run in order, so every node exists before a relationship
 * looks for it.
 */
export async function createRowsById(tx: ManagedTransaction, diffs: FilmDiff[]): Promise<void> {
  const sent: PromiseLike<QueryResult>[] = [];
  const send = (cypher: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += BATCH_SIZE)
      sent.push(tx.run(cypher, { rows: rows.slice(i, i + BATCH_SIZE) }));
  };
  for (const label of NODE_LABELS)
    send(
      createNodes(label),
      diffs.flatMap((diff) => (diff.createNodes.get(label) ?? []).map(withIntegers)),
    );
  const groups = new Map<string, { group: RelGroup; rows: Row[] }>();
  for (const diff of diffs)
    for (const group of diff.createRels) {
      const name = `${group.type}|${group.from}|${group.to}`;
      const entry = groups.get(name) ?? { group, rows: [] };
      for (const row of group.rows)
        entry.rows.push({
          from: row.from,
          to: row.to,
          props: { ...(withIntegers(row.props) as Row), key: row.key },
        });
      groups.set(name, entry);
    }
  for (const { group, rows } of groups.values()) send(createRels(group), rows);
  await Promise.all(sent);
}
