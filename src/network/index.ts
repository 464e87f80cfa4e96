// The betrayal network of a film (or of all films) as plain nodes and edges: what the web
// page, the static images and anything else that draws the network start from.
import type { Database } from "../db/connection.ts";
import { resolveFilm, type FilmRef } from "../queries/lookup.ts";
import { runQuery } from "../queries/run-query.ts";
import type { Network, NetworkEdge, NetworkNode } from "./model.ts";

export * from "./model.ts";

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
