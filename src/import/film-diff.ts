// What importing a film changes: its plan compared with the film as the database holds it.
// Nodes are the same node when label and id match; relationships when type, both ends and
// `key` match. Only the difference is written, so an unchanged film writes nothing and a
// node that stays in the film is never deleted under a concurrent reader.
import type { NodeLabel } from "../dataset/vocabulary.ts";
import type { FilmPlan, RelGroup, Row } from "./plan.ts";

/** A node of the film as read back from the database. */
export interface StoredNode {
  elementId: string;
  label: string;
  props: Row;
}

/** A relationship leaving a node of the film, as read back. */
export interface StoredRel {
  elementId: string;
  type: string;
  fromLabel: string;
  from: string;
  toLabel: string;
  to: string;
  props: Row;
}

export interface KindChanges {
  added: number;
  changed: number;
  removed: number;
}

/** Per node label and per relationship type. */
export interface ChangeCounts {
  nodes: Record<string, KindChanges>;
  relationships: Record<string, KindChanges>;
}

export interface FilmDiff {
  film: string;
  createNodes: Map<NodeLabel, Row[]>;
  /** Element ids of the stored nodes that stay, by label and id: new relationships attach to them. */
  keptNodes: Map<string, Map<string, string>>;
  updateNodes: { eid: string; props: Row }[];
  deleteNodes: string[];
  createRels: RelGroup[];
  updateRels: { eid: string; props: Row }[];
  deleteRels: string[];
  counts: ChangeCounts;
}

/**
 * A value with its maps' keys in order and the driver's Integer objects as numbers (integers
 * come back from the driver as Integers), to compare values read back with planned ones.
 */
export function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === "object") {
    if ("toNumber" in value && typeof value.toNumber === "function")
      return (value as { toNumber(): number }).toNumber();
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, plainValue(v)]),
    );
  }
  return value;
}

export function sameProps(a: Row, b: Row): boolean {
  return JSON.stringify(plainValue(a)) === JSON.stringify(plainValue(b));
}

/** A node's identity in a film: label and id. */
const nodeIdentity = (label: string, id: unknown) => `${label}:${String(id)}`;

function bump(
  into: Record<string, KindChanges>,
  kind: string,
  what: keyof KindChanges,
  by = 1,
): void {
  const entry = (into[kind] ??= { added: 0, changed: 0, removed: 0 });
  entry[what] += by;
}

const relIdentity = (
  type: string,
  fromLabel: string,
  from: string,
  toLabel: string,
  to: string,
  key: unknown,
) => `${type}|${fromLabel}:${from}|${toLabel}:${to}|${String(key)}`;

/** The diff of a film the database does not hold: all of its plan is added. */
function additionsOnly(plan: FilmPlan): FilmDiff {
  const counts: ChangeCounts = { nodes: {}, relationships: {} };
  const createNodes = new Map<NodeLabel, Row[]>();
  for (const [label, rows] of plan.nodes) {
    if (rows.length === 0) continue;
    createNodes.set(label, rows);
    bump(counts.nodes, label, "added", rows.length);
  }
  const createRels: RelGroup[] = [];
  for (const group of plan.rels.values()) {
    if (group.rows.length === 0) continue;
    createRels.push(group);
    bump(counts.relationships, group.type, "added", group.rows.length);
  }
  return {
    film: plan.film,
    createNodes,
    keptNodes: new Map(),
    updateNodes: [],
    deleteNodes: [],
    createRels,
    updateRels: [],
    deleteRels: [],
    counts,
  };
}

export function diffFilm(plan: FilmPlan, nodes: StoredNode[], rels: StoredRel[]): FilmDiff {
  // A film new to the database (a fresh import's every film) needs no comparison: at M, a
  // million identities built and looked up for nothing.
  if (nodes.length === 0 && rels.length === 0) return additionsOnly(plan);
  const counts: ChangeCounts = { nodes: {}, relationships: {} };
  const diff: FilmDiff = {
    film: plan.film,
    createNodes: new Map(),
    keptNodes: new Map(),
    updateNodes: [],
    deleteNodes: [],
    createRels: [],
    updateRels: [],
    deleteRels: [],
    counts,
  };

  const storedNodes = new Map(nodes.map((n) => [nodeIdentity(n.label, n.props.id), n]));
  for (const [label, rows] of plan.nodes) {
    const create: Row[] = [];
    for (const row of rows) {
      const identity = nodeIdentity(label, row.id);
      const stored = storedNodes.get(identity);
      storedNodes.delete(identity);
      if (!stored) {
        create.push(row);
        bump(counts.nodes, label, "added");
        continue;
      }
      const kept = diff.keptNodes.get(label) ?? new Map<string, string>();
      kept.set(String(row.id), stored.elementId);
      diff.keptNodes.set(label, kept);
      if (!sameProps(stored.props, row)) {
        diff.updateNodes.push({ eid: stored.elementId, props: row });
        bump(counts.nodes, label, "changed");
      }
    }
    if (create.length > 0) diff.createNodes.set(label, create);
  }
  for (const gone of storedNodes.values()) {
    diff.deleteNodes.push(gone.elementId);
    bump(counts.nodes, gone.label, "removed");
  }

  const storedRels = new Map(
    rels.map((r) => [relIdentity(r.type, r.fromLabel, r.from, r.toLabel, r.to, r.props.key), r]),
  );
  for (const group of plan.rels.values()) {
    const create: RelGroup = { ...group, rows: [] };
    for (const row of group.rows) {
      const identity = relIdentity(group.type, group.from, row.from, group.to, row.to, row.key);
      const stored = storedRels.get(identity);
      storedRels.delete(identity);
      const props = { ...row.props, key: row.key };
      if (!stored) {
        create.rows.push(row);
        bump(counts.relationships, group.type, "added");
      } else if (!sameProps(stored.props, props)) {
        diff.updateRels.push({ eid: stored.elementId, props });
        bump(counts.relationships, group.type, "changed");
      }
    }
    if (create.rows.length > 0) diff.createRels.push(create);
  }
  for (const gone of storedRels.values()) {
    diff.deleteRels.push(gone.elementId);
    bump(counts.relationships, gone.type, "removed");
  }
  return diff;
}

/** Adds one film's counts into a total. */
export function addCounts(total: ChangeCounts, more: ChangeCounts): void {
  for (const part of ["nodes", "relationships"] as const) {
    for (const [kind, c] of Object.entries(more[part])) {
      const into = (total[part][kind] ??= { added: 0, changed: 0, removed: 0 });
      into.added += c.added;
      into.changed += c.changed;
      into.removed += c.removed;
    }
  }
}

export function isUnchanged(counts: ChangeCounts): boolean {
  return [...Object.values(counts.nodes), ...Object.values(counts.relationships)].every(
    (c) => c.added + c.changed + c.removed === 0,
  );
}
