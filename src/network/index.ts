// The betrayal network of a film (or of all films) as plain nodes and edges: what the web
// page, the static images and anything else that draws the network start from.
import type { Database } from "../db/connection.ts";
import { resolveFilm, type FilmRef } from "../queries/lookup.ts";
import { runQuery } from "../queries/run-query.ts";

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
  sources: string[];
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
  films: FilmRef[];
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

/** The network of one film, or of every film when `film` is omitted. */
export async function network(db: Database, film?: string): Promise<Network> {
  const films =
    film === undefined
      ? await runQuery<FilmRef>(db, "film-exists", {})
      : [await resolveFilm(db, film)];
  const filmId = film === undefined ? null : (films[0]?.id ?? null);
  const [nodes, edges] = await Promise.all([
    runQuery<NetworkNode>(db, "network-nodes", { film: filmId }),
    runQuery<NetworkEdge>(db, "network-edges", { film: filmId }),
  ]);
  return { films, nodes, edges };
}

/** Whether an edge is part of the story as it stands after event `seq`. */
export function edgeStandsAt(edge: NetworkEdge, seq: number): boolean {
  if (edge.type === "LOYAL_TO")
    return (edge.since ?? 0) <= seq && (edge.until === null || seq <= edge.until);
  return edge.seq === null || edge.seq <= seq;
}
