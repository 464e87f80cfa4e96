// The betrayal network's shape and its story-time rule. Nothing here touches the database,
// so the browser page bundles this module as it is (src/network/index.ts runs the queries).

export interface NetworkNode {
  id: string;
  kind: "character" | "group";
  name: string;
  film: string;
  /** A character's narrative role, or a group's kind. */
  role: string;
  fate: string | null;
  unnamed: boolean;
  /** Ids of the groups a character belongs to. */
  groups: string[];
  /** A character's memberships with their spans (null: from the start, or open). */
  memberships?: Membership[];
  sources: string[];
}

export interface Membership {
  group: string;
  since: number | null;
  until: number | null;
}

export type NetworkEdgeType = "BETRAYED" | "KILLED" | "WOUNDED" | "LOYAL_TO";

export interface NetworkEdge {
  id: string;
  type: NetworkEdgeType;
  source: string;
  target: string;
  /** Acts: the story position of their event. */
  seq: number | null;
  /** Loyalties: the span they hold (null: open). */
  since: number | null;
  until: number | null;
  covert: boolean;
  coerced: boolean;
  how: string | null;
  sources: string[];
}

export interface Network {
  films: { id: string; title: string }[];
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** Whether an edge is part of the story as it stands after event `seq`. */
export function edgeStandsAt(edge: NetworkEdge, seq: number): boolean {
  if (edge.type === "LOYAL_TO")
    return (edge.since ?? 0) <= seq && (edge.until === null || seq <= edge.until);
  return edge.seq === null || edge.seq <= seq;
}
