// The betrayal network of a film (or of all films) as plain nodes and edges: what the web
// page, the static images and anything else that draws the network start from.
import type { Database } from "../db/connection.ts";
import { resolveFilm, type FilmRef } from "../queries/lookup.ts";
import { runQuery } from "../queries/run-query.ts";
import type { StorylineEvent, StorylineInput } from "../viz/storyline.ts";
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

/** What a film's storyline is drawn from: its events (the timeline query) and its nodes. */
export async function storylineData(db: Database, film: string): Promise<StorylineInput> {
  const ref = await resolveFilm(db, film);
  const [events, nodes] = await Promise.all([
    runQuery<StorylineEvent>(db, "timeline", { film: ref.id, from: null, to: null }),
    runQuery<NetworkNode>(db, "network-nodes", { film: ref.id }),
  ]);
  return { title: ref.title, events, nodes };
}
