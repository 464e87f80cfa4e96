// Story time and what stands at it, for the page. The rule itself is the server's
// edgeStandsAt (src/network/model.ts touches no database, so it is bundled as it is).
import { edgeStandsAt } from "../../src/network/model.ts";
import type { NetworkEdge, NetworkEdgeType } from "./api.ts";

/** Whether an edge starts at event `seq` exactly: an act of that event, or a loyalty formed then. */
export function edgeStartsAt(edge: NetworkEdge, seq: number): boolean {
  return edge.type === "LOYAL_TO" ? edge.since === seq : edge.seq === seq;
}

/** The edges a view shows: of the types switched on, and standing at `seq` (null: the whole story). */
export function edgesInView(
  edges: NetworkEdge[],
  types: ReadonlySet<NetworkEdgeType>,
  seq: number | null,
): NetworkEdge[] {
  return edges.filter((e) => types.has(e.type) && (seq === null || edgeStandsAt(e, seq)));
}

/** Ids of the characters killed by event `seq` (null: in the whole story). */
export function deadBy(edges: NetworkEdge[], seq: number | null): Set<string> {
  return new Set(
    edges
      .filter((e) => e.type === "KILLED" && (seq === null || (e.seq !== null && e.seq <= seq)))
      .map((e) => e.target),
  );
}
